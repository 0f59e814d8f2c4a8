// The persistent index: analyses of unchanged files survive a restart, so reopening a workspace does not
// re-analyse them. Entries are keyed by path, size and modification time; the whole file by the analyser's
// version, the name model and the date settings (reference date, fallback). A corrupt or stale cache is discarded, never trusted.
//
// One binary file (see indexCacheLayout.ts): a header that says whose cache it is, then a string table and typed
// arrays, written from one Buffer and read through views of the file's bytes, so a warm start of a large archive
// neither parses nor builds a JSON tree of it. The tables' packing is indexCacheTables.ts; writing, indexCacheWrite.ts.
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { ANALYZER_VERSION } from '../core/analyze';
import type { SavedGroups } from '../core/corpus/index';
import type { NameStats } from '../core/corpus/nameTable';
import type { ArticleInfo, DocumentAnalysis } from '../core/model';
import { MENTION_TYPES } from '../core/model';
import { LineIndex } from '../core/text/lineIndex';
import { OtherFormat, type Sections, openSections } from './indexCacheLayout';
import { ARTICLE_INTS, CachedAnalysis, DOC_INTS, EXTRA, GUESSED, LENGTH_SHIFT, MENTION_INTS, MentionTables, SOURCES, decodeBuilt, decodeNames } from './indexCacheTables';
import { CACHE_FILE } from './indexCacheWrite';

export { CACHE_FILE, writeIndexCache, writeIndexCacheInSlices } from './indexCacheWrite';
export { LineArena, MentionArena, StringPool, compactAnalysis } from './indexCacheTables';

export interface CacheEntry {
  file: string;
  size: number;
  mtimeMs: number;
  /** The user's date the file was analysed with. */
  userDate: string | null;
  analysis: DocumentAnalysis;
  lines: LineIndex;
  /** The values of its date mentions, when read from the cache (the analysis's mentions may not be made yet). */
  dates?: readonly { value: string; guessed: boolean }[];
}

export interface CacheIdentity {
  /** Changes when the name model or the analysis code changes. */
  analyzer: string;
  referenceDate: string | null;
  /** `articleLens.dates.fallback`: analyses made with the file date as a fallback are no use without it, and back. */
  dateFallback: DateFallback;
}

export type DateFallback = 'none' | 'fileDate';

/** The resolver's groups when the cache was written, with the fingerprint of their name table (see CorpusIndex.restoreClusters). */
export type PersistedClusters = SavedGroups;


/**
 * The model is named by its size and a checksum of its bytes (about 10 ms for 10 MB), not its modification time:
 * a build or an install copies the same model anew, and every cache would otherwise be thrown away with it.
 */
export function cacheIdentity(modelFile: string, referenceDate: string | null, dateFallback: DateFallback): CacheIdentity {
  let model = 'none';
  try {
    const bytes = fs.readFileSync(modelFile);
    const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
    model = crc32 ? `${bytes.length}-crc${crc32(bytes).toString(16)}` : `${bytes.length}-${Math.round(fs.statSync(modelFile).mtimeMs)}`;
  } catch {
    // no model file: the identity still differs from a cache written with one
  }
  return { analyzer: `${ANALYZER_VERSION}/${model}`, referenceDate, dateFallback };
}

/**
 * Reads the cache; any problem (corrupt, truncated, another analyser or other settings) gives an empty map and a
 * reason. The user's decisions are not part of the identity: each entry carries the user's date it was analysed
 * with, and the clusters the fingerprint of the name table (confirmed types included) they were resolved from.
 */
export function readIndexCache(dir: string, identity: CacheIdentity): { entries: Map<string, CacheEntry>; clusters?: PersistedClusters; names?: NameStats[]; problem?: string } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path.join(dir, CACHE_FILE));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: new Map() };
    return { entries: new Map(), problem: `index cache unreadable, rebuilding: ${(e as Error).message}` };
  }
  let sections: Sections;
  try {
    sections = openSections(bytes);
  } catch (e) {
    if (e instanceof OtherFormat) return { entries: new Map(), problem: `index cache written by another version (${e.message}), rebuilding` };
    return { entries: new Map(), problem: `index cache corrupt, rebuilding: ${(e as Error).message}` };
  }
  const h = sections.header;
  if (h.analyzer !== identity.analyzer || h.referenceDate !== identity.referenceDate || h.dateFallback !== identity.dateFallback) {
    return { entries: new Map(), problem: 'index cache written by another version or with other settings, rebuilding' };
  }
  try {
    return { entries: decode(sections), clusters: decodeClusters(sections), names: decodeNames(sections) };
  } catch (e) {
    return { entries: new Map(), problem: `index cache corrupt, rebuilding: ${(e as Error).message}` };
  }
}


function decode(s: Sections): Map<string, CacheEntry> {
  const { strings, stringCount, docInts, docNums, mentions: flat, extras, articles: flatArticles } = s;
  // Copied out once, so the file's bytes are not kept alive by the line indexes or the mention tables; each
  // document's are views of the copies (one buffer, not two small ones a document).
  const lines = s.lines.slice();
  const str = (i: number): string => {
    const v = strings(i);
    if (v === undefined) throw new Error(`bad string index ${i}`);
    return v;
  };
  const orNull = (i: number) => (i < 0 ? null : str(i));
  const tables = new MentionTables(flat.slice(), extras.slice(), { str });
  const entries = new Map<string, CacheEntry>();
  let lineAt = 0;
  let mentionAt = 0;
  let articleAt = 0;
  let extraAt = 0;
  if (docInts.length !== s.header.docs * DOC_INTS || s.docNums.length !== 2 * s.header.docs) throw new Error('bad document table');
  for (let d = 0; d < s.header.docs; d++) {
    const o = d * DOC_INTS;
    const [fileId, uriId, titleId, refId, userDateId, length, lineCount, mentionCount, articleCount] = docInts.subarray(o, o + DOC_INTS);
    if (lineCount === 0 || articleCount === 0 || mentionCount < 0 || lineAt + 2 * lineCount > lines.length) throw new Error('bad document entry');
    if ((mentionAt + mentionCount) * MENTION_INTS > flat.length || (articleAt + articleCount) * ARTICLE_INTS > flatArticles.length) throw new Error('bad document entry');
    const starts = lines.subarray(lineAt, lineAt + lineCount);
    const ends = lines.subarray(lineAt + lineCount, lineAt + 2 * lineCount);
    lineAt += 2 * lineCount;
    // Every mention is checked now, so a damaged file is discarded whole rather than failing on first use; the
    // date values are read now too (the date index counts them at once).
    const firstExtra = extraAt;
    const dates: { value: string; guessed: boolean }[] = [];
    for (let k = 0; k < mentionCount; k++) {
      const i = (mentionAt + k) * MENTION_INTS;
      const packed = flat[i + 1];
      const flags = packed & ((1 << LENGTH_SHIFT) - 1);
      const start = flat[i];
      const end = start + (packed >>> LENGTH_SHIFT);
      if (MENTION_TYPES[flags & 15] === undefined || !(start >= 0 && end > start && end <= length)) throw new Error('bad mention');
      // String ids are checked, their strings made only with the mentions.
      if (!(flat[i + 2] >= 0 && flat[i + 2] < stringCount && flat[i + 3] < stringCount)) throw new Error('bad mention string');
      if (flags & EXTRA) {
        if (2 * extraAt + 2 > extras.length || !(extras[2 * extraAt] < stringCount && extras[2 * extraAt + 1] < stringCount)) throw new Error('bad mention value');
        if (extras[2 * extraAt] >= 0) dates.push({ value: str(extras[2 * extraAt]), guessed: (flags & GUESSED) !== 0 });
        extraAt++;
      }
    }
    const articles: ArticleInfo[] = new Array(articleCount);
    for (let k = 0; k < articleCount; k++) {
      const i = (articleAt + k) * ARTICLE_INTS;
      const [start, end, articleTitle, headStart, headEnd, date, source] = flatArticles.subarray(i, i + ARTICLE_INTS);
      if (!(start >= 0 && end >= start && end <= length && headStart >= start && headEnd >= headStart && headEnd <= end)) throw new Error('bad article');
      if (source >= SOURCES.length) throw new Error('bad article date source');
      articles[k] = { start, end, title: str(articleTitle), headline: { start: headStart, end: headEnd }, referenceDate: orNull(date), referenceSource: source < 0 ? null : SOURCES[source] };
    }
    articleAt += articleCount;
    const file = str(fileId);
    const analysis = new CachedAnalysis(str(uriId), str(titleId), orNull(refId), articles, tables, mentionAt, mentionCount, firstExtra);
    mentionAt += mentionCount;
    entries.set(file, { file, size: docNums[2 * d], mtimeMs: docNums[2 * d + 1], userDate: orNull(userDateId), analysis, lines: new LineIndex(starts, ends, length), dates });
  }
  if (lineAt !== lines.length || mentionAt * MENTION_INTS !== flat.length || 2 * extraAt !== extras.length || articleAt * ARTICLE_INTS !== flatArticles.length) throw new Error('tables longer than their documents');
  return entries;
}

/** Clusters: [representative, key count, keys...] per group, as string ids. */
function decodeClusters(s: Sections): PersistedClusters | undefined {
  if (s.header.fingerprint === null) return undefined;
  const groups = new Map<string, string[]>();
  const c = s.clusters;
  for (let i = 0; i < c.length; ) {
    const rep = s.strings(c[i]);
    const n = c[i + 1];
    if (rep === undefined || !(n >= 0) || i + 2 + n > c.length) throw new Error('bad cluster');
    const keys: string[] = new Array(n);
    for (let k = 0; k < n; k++) {
      const key = s.strings(c[i + 2 + k]);
      if (key === undefined) throw new Error('bad cluster key');
      keys[k] = key;
    }
    if (groups.has(rep)) throw new Error('bad cluster');
    groups.set(rep, keys);
    i += 2 + n;
  }
  const registry = s.header.registry;
  return { fingerprint: s.header.fingerprint, groups, ...(registry !== null && s.built.length > 0 ? { built: { state: decodeBuilt(s), registry } } : {}) };
}
