// Reads article files into a corpus index: the shared path of the server's indexing and the command line.
import { pathToFileURL, fileURLToPath } from 'url';
import * as path from 'path';
import { type AnalyzeOptions, type Recognizers, analyzeText } from '../core/analyze';
import type { CorpusIndex } from '../core/corpus/index';
import { DEFAULT_MAX_BYTES, modificationDay, readArticle } from './files';
import type { DateFallback } from './indexCache';

export interface LoadOptions {
  recognizers: Recognizers;
  /** The user's fallback reference date (a setting, `--reference-date`), for articles that state none. */
  referenceDate: string | null;
  /** `fileDate`: where neither the text, the user nor `referenceDate` dates an article, its file's day is a guess at it. */
  dateFallback: DateFallback;
  maxBytes?: number;
  /** The user's own date for a file, overriding the text. */
  userDateFor?: (file: string) => string | null;
}

/** `size` and `mtimeMs` are the file's as it was read, so a cache entry never pairs a new date with an old analysis. */
export type LoadOutcome = { ok: true; uri: string; warning?: string; size?: number; mtimeMs?: number } | { ok: false; uri: string; reason: string };

export function fileUri(file: string): string {
  // An absolute POSIX path of letters, digits and `/._-` is its own uri's path (no character needs escaping): a warm
  // start of a large archive asks for 100,000 of them.
  if (PLAIN_PATH.test(file) && !RESOLVED_AWAY.test(file)) return 'file://' + file;
  return pathToFileURL(path.resolve(file)).href;
}
const PLAIN_PATH = process.platform === 'win32' ? /^$/ : /^\/[A-Za-z0-9/._-]*$/;
/** What path.resolve would change: `.` and `..` segments, doubled and trailing slashes. */
const RESOLVED_AWAY = /\/\.\.?(?:\/|$)|\/\/|.\/$/;

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

/**
 * The dates an article is analysed with: the one place that decides whether the file's modification day may stand in
 * for a date the article does not state (only with `fileDate`; its values are then marked as guesses).
 */
export function dateOptions(opts: { referenceDate: string | null; dateFallback: DateFallback }, mtimeMs: number | null, userDate: string | null): AnalyzeOptions {
  return {
    fallbackReferenceDate: opts.referenceDate,
    referenceDate: userDate,
    fileDate: opts.dateFallback === 'fileDate' && mtimeMs !== null ? modificationDay(mtimeMs) : null,
  };
}

/** Analyses one file from disk into the index; a file that cannot be read is removed from the index. */
export function loadFile(file: string, index: CorpusIndex, opts: LoadOptions): LoadOutcome {
  const uri = fileUri(file);
  const read = readArticle(file, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!read.ok) {
    index.delete(uri);
    return { ok: false, uri, reason: read.reason };
  }
  const analysis = analyzeText(opts.recognizers, uri, 0, read.text, dateOptions(opts, read.mtimeMs, opts.userDateFor?.(file) ?? null));
  index.set(analysis, { text: read.text });
  return { ok: true, uri, warning: read.warning, size: read.size, mtimeMs: read.mtimeMs };
}
