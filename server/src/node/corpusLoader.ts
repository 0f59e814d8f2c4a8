// Reads article files into a corpus index: the shared path of the server's indexing and the command line.
import { pathToFileURL, fileURLToPath } from 'url';
import * as path from 'path';
import { type Recognizers, analyzeText } from '../core/analyze';
import type { CorpusIndex } from '../core/corpus/index';
import { DEFAULT_MAX_BYTES, modificationDay, readArticle } from './files';

export interface LoadOptions {
  recognizers: Recognizers;
  /** The user's fallback reference date; when null, each file's modification day is used. */
  referenceDate: string | null;
  maxBytes?: number;
}

export type LoadOutcome = { ok: true; uri: string; warning?: string } | { ok: false; uri: string; reason: string };

export function fileUri(file: string): string {
  return pathToFileURL(path.resolve(file)).href;
}

/** The same uri for a file however a client spelled it (`%3A` or `:`, upper or lower hex). */
export function canonicalUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

export function filePath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** Analyses one file from disk into the index; a file that cannot be read is removed from the index. */
export function loadFile(file: string, index: CorpusIndex, opts: LoadOptions): LoadOutcome {
  const uri = fileUri(file);
  const read = readArticle(file, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!read.ok) {
    index.delete(uri);
    return { ok: false, uri, reason: read.reason };
  }
  const analysis = analyzeText(opts.recognizers, uri, 0, read.text, { fallbackReferenceDate: opts.referenceDate ?? modificationDay(read.mtimeMs) });
  index.set(analysis, { text: read.text });
  return { ok: true, uri, warning: read.warning };
}

export interface BatchProgress {
  done: number;
  total: number;
}

/** Loads many files, yielding to the event loop between batches so requests are answered while it runs. */
export async function loadFiles(
  files: string[],
  index: CorpusIndex,
  opts: LoadOptions & { onProgress?: (p: BatchProgress) => void; onProblem?: (o: LoadOutcome) => void; isCancelled?: () => boolean },
): Promise<{ indexed: number; skipped: number }> {
  let indexed = 0;
  let skipped = 0;
  let lastYield = Date.now();
  for (let i = 0; i < files.length; i++) {
    if (opts.isCancelled?.()) break;
    const outcome = loadFile(files[i], index, opts);
    if (outcome.ok) indexed++;
    else skipped++;
    if (!outcome.ok || outcome.warning) opts.onProblem?.(outcome);
    if (Date.now() - lastYield > 15) {
      opts.onProgress?.({ done: i + 1, total: files.length });
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = Date.now();
    }
  }
  opts.onProgress?.({ done: files.length, total: files.length });
  return { indexed, skipped };
}
