// The indexed articles of the workspace as files: each with its workspace folder (undefined for a file outside
// every folder) and its path relative to that folder, `/` separators. Shared by export and import.
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { CorpusIndex } from '../../core/corpus/index';

export interface WorkspaceArticle {
  uri: string;
  file: string;
  root: string | undefined;
  /** Relative to `root`; the file's name for a file outside every folder. */
  relative: string;
}

export function* workspaceArticles(index: CorpusIndex, roots: readonly string[]): Generator<WorkspaceArticle> {
  for (const doc of index.documents()) {
    let file: string;
    try {
      file = fileURLToPath(doc.uri);
    } catch {
      continue;
    }
    const root = roots.find((r) => file.startsWith(r + path.sep));
    yield { uri: doc.uri, file, root, relative: (root ? path.relative(root, file) : path.basename(file)).split(path.sep).join('/') };
  }
}
