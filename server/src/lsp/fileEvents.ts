// What the client's file events mean for the index: which are the store's files, which articles went (taken out of
// the index at once, a deleted folder's included) and which changed or came (to be read again, in the background).
import * as path from 'path';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import type { CorpusIndex } from '../core/corpus/index';
import { createMatcher } from '../node/files';
import { canonicalUri, filePath } from '../node/corpusLoader';
import type { Settings } from './settings';

export interface FileEventsOutcome {
  /** A file of the user's store changed: it is read again once for the whole batch. */
  storeChanged: boolean;
  /** Articles changed or created on disk. */
  reloaded: string[];
  /** Articles deleted (already out of the index). */
  gone: string[];
}

export interface FileEventsDeps {
  index: CorpusIndex;
  isStoreFile(file: string): boolean;
  /** The editor holds it open: its text wins over the disk. */
  isOpen(uri: string): boolean;
  isArticle(file: string): boolean;
  /** An article left the index: the indexer stops expecting it. */
  forget(file: string): void;
  logError(message: string): void;
}

export function sortFileEvents(changes: unknown, deps: FileEventsDeps): FileEventsOutcome {
  const out: FileEventsOutcome = { storeChanged: false, reloaded: [], gone: [] };
  for (const change of Array.isArray(changes) ? (changes as Partial<FileEvent>[]) : []) {
    if (typeof change?.uri !== 'string') {
      deps.logError(`ignored a file event without a uri string: ${JSON.stringify(change)}`);
      continue;
    }
    const uri = canonicalUri(change.uri);
    const file = filePath(uri);
    if (!file) continue;
    if (deps.isStoreFile(file)) {
      out.storeChanged = true;
      continue;
    }
    if (deps.isOpen(uri)) continue;
    if (change.type === FileChangeType.Deleted) {
      if (deps.index.delete(uri)) {
        deps.forget(file);
        out.gone.push(file);
        continue;
      }
      // Not an article: perhaps a deleted folder, which arrives as one event for the folder.
      const prefix = uri.endsWith('/') ? uri : uri + '/';
      for (const doc of [...deps.index.all()]) {
        if (!doc.uri.startsWith(prefix)) continue;
        deps.index.delete(doc.uri);
        const inside = filePath(doc.uri);
        if (inside) {
          deps.forget(inside);
          out.gone.push(inside);
        }
      }
    } else if (deps.isArticle(file)) {
      out.reloaded.push(file);
    }
  }
  return out;
}

/** Whether a file is an article of the workspace: inside one of its folders and taken in by the include patterns. */
export function articleTest(folders: () => readonly string[], settings: () => Settings): (file: string) => boolean {
  let matcher: { for: Settings; matches: (rel: string) => boolean } | undefined;
  return (file) => {
    const root = folders().find((f) => {
      const rel = path.relative(f, file);
      return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
    });
    if (root === undefined) return false;
    const current = settings();
    if (matcher?.for !== current) matcher = { for: current, matches: createMatcher(current.files) };
    return matcher.matches(path.relative(root, file));
  };
}
