// The persistent index: analyses of unchanged files survive a restart, so reopening a workspace does not
// re-analyse them. Entries are keyed by path, size and modification time; the whole file by the analyser's
// version, the name model and the date settings (reference date, fallback). A corrupt or stale cache is discarded, never trusted.
import * as fs from 'fs';
import * as path from 'path';
import { ANALYZER_VERSION } from '../core/analyze';
import type { ArticleDateSource, ArticleInfo, DocumentAnalysis, Mention, MentionType } from '../core/model';
import { MENTION_TYPES } from '../core/model';
import { LineIndex } from '../core/text/lineIndex';

const FORMAT = 4;
const FILE = 'index-cache.json';

export interface CacheEntry {
  file: string;
  size: number;
  mtimeMs: number;
  /** The user's date the file was analysed with. */
  userDate: string | null;
  analysis: DocumentAnalysis;
  lines: LineIndex;
}

export interface CacheIdentity {
  /** Changes when the name model or the analysis code changes. */
  analyzer: string;
  referenceDate: string | null;
  /** `articleLens.dates.fallback`: analyses made with the file date as a fallback are no use without it, and back. */
  dateFallback: DateFallback;
}

export type DateFallback = 'none' | 'fileDate';

interface CacheFile {
  format: number;
  analyzer: string;
  referenceDate: string | null;
  dateFallback: DateFallback;
  strings: string[];
  /**
   * [file, size, mtimeMs, uri, title, referenceDate | -1, starts (delta), ends (delta), length, mentions (7 ints each),
   * userDate | -1, articles (7 ints each: start, end, title, headline start, headline end, referenceDate | -1, source | -1)].
   * A mention's type index carries GUESSED and NEEDS_DATE as flags.
   */
  docs: [string, number, number, string, number, number, number[], number[], number, number[], number, number[]][];
  /** The resolver's groups when the cache was written, with the fingerprint of their name table (see CorpusIndex.restoreClusters). */
  clusters?: PersistedClusters;
}

const GUESSED = 16;
const NEEDS_DATE = 32;
const SOURCES: readonly ArticleDateSource[] = ['text', 'metadata', 'user', 'file date'];

export function cacheIdentity(modelFile: string, referenceDate: string | null, dateFallback: DateFallback): CacheIdentity {
  let model = 'none';
  try {
    const st = fs.statSync(modelFile);
    model = `${st.size}-${Math.round(st.mtimeMs)}`;
  } catch {
    // no model file: the identity still differs from a cache written with one
  }
  return { analyzer: `${ANALYZER_VERSION}/${model}`, referenceDate, dateFallback };
}

/** Reads the cache; any problem (missing, corrupt, another version) gives an empty map and a reason. */
export type PersistedClusters = { fingerprint: string; groups: Record<string, string[]> };

export function readIndexCache(dir: string, identity: CacheIdentity): { entries: Map<string, CacheEntry>; clusters?: PersistedClusters; problem?: string } {
  const file = path.join(dir, FILE);
  let raw: CacheFile;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: new Map() };
    return { entries: new Map(), problem: `index cache unreadable, rebuilding: ${(e as Error).message}` };
  }
  if (!raw || raw.format !== FORMAT || raw.analyzer !== identity.analyzer || raw.referenceDate !== identity.referenceDate || raw.dateFallback !== identity.dateFallback) {
    return { entries: new Map(), problem: 'index cache written by another version or with other settings, rebuilding' };
  }
  try {
    const clusters = raw.clusters && typeof raw.clusters === 'object' && !Array.isArray(raw.clusters) ? raw.clusters : undefined;
    return { entries: decode(raw), clusters };
  } catch (e) {
    return { entries: new Map(), problem: `index cache corrupt, rebuilding: ${(e as Error).message}` };
  }
}

function decode(raw: CacheFile): Map<string, CacheEntry> {
  const { strings } = raw;
  const str = (i: number): string => {
    const s = strings[i];
    if (typeof s !== 'string') throw new Error(`bad string index ${i}`);
    return s;
  };
  const entries = new Map<string, CacheEntry>();
  for (const d of raw.docs) {
    const [file, size, mtimeMs, uri, title, ref, startDeltas, endDeltas, length, flat, userDate, flatArticles] = d;
    if (typeof file !== 'string' || typeof uri !== 'string' || !Array.isArray(flat) || flat.length % 7 !== 0) throw new Error('bad document entry');
    if (!Array.isArray(flatArticles) || flatArticles.length === 0 || flatArticles.length % 7 !== 0) throw new Error('bad article list');
    const starts = undelta(startDeltas);
    const ends = undelta(endDeltas);
    if (starts.length !== ends.length || starts.length === 0) throw new Error('bad line index');
    const mentions: Mention[] = [];
    for (let i = 0; i < flat.length; i += 7) {
      const flags = flat[i + 2];
      const type = MENTION_TYPES[flags & 15] as MentionType | undefined;
      const start = flat[i];
      const end = flat[i + 1];
      if (type === undefined || !(start >= 0 && end > start && end <= length)) throw new Error('bad mention');
      const m: Mention = { start, end, type, text: str(flat[i + 3]), key: flat[i + 4] < 0 ? null : str(flat[i + 4]), value: flat[i + 5] < 0 ? null : str(flat[i + 5]) };
      if (flat[i + 6] >= 0) m.resolution = str(flat[i + 6]);
      if (flags & GUESSED) m.guessed = true;
      if (flags & NEEDS_DATE) m.needsDate = true;
      mentions.push(m);
    }
    const articles: ArticleInfo[] = [];
    for (let i = 0; i < flatArticles.length; i += 7) {
      const [start, end, articleTitle, headStart, headEnd, date, source] = flatArticles.slice(i, i + 7);
      if (!(start >= 0 && end >= start && end <= length && headStart >= start && headEnd >= headStart && headEnd <= end)) throw new Error('bad article');
      if (source >= SOURCES.length) throw new Error('bad article date source');
      articles.push({ start, end, title: str(articleTitle), headline: { start: headStart, end: headEnd }, referenceDate: date < 0 ? null : str(date), referenceSource: source < 0 ? null : SOURCES[source] });
    }
    const analysis: DocumentAnalysis = { uri, version: 0, title: str(title), referenceDate: ref < 0 ? null : str(ref), articles, mentions, problems: [] };
    entries.set(file, { file, size, mtimeMs, userDate: userDate < 0 ? null : str(userDate), analysis, lines: new LineIndex(starts, ends, length) });
  }
  return entries;
}

/** Writes the cache atomically (temporary file, then rename): a crash mid-write leaves the old cache or none. */
export function writeIndexCache(dir: string, identity: CacheIdentity, entries: Iterable<CacheEntry>, clusters: PersistedClusters | null = null): void {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const intern = (s: string) => {
    let id = ids.get(s);
    if (id === undefined) {
      id = strings.length;
      strings.push(s);
      ids.set(s, id);
    }
    return id;
  };
  const docs: CacheFile['docs'] = [];
  for (const e of entries) {
    const flat: number[] = [];
    for (const m of e.analysis.mentions) {
      const flags = MENTION_TYPES.indexOf(m.type) | (m.guessed ? GUESSED : 0) | (m.needsDate ? NEEDS_DATE : 0);
      flat.push(m.start, m.end, flags, intern(m.text), m.key === null ? -1 : intern(m.key), m.value === null ? -1 : intern(m.value), m.resolution === undefined ? -1 : intern(m.resolution));
    }
    const a = e.analysis;
    const articles = a.articles.flatMap((x) => [
      x.start, x.end, intern(x.title), x.headline.start, x.headline.end, x.referenceDate === null ? -1 : intern(x.referenceDate), x.referenceSource === null ? -1 : SOURCES.indexOf(x.referenceSource),
    ]);
    docs.push([e.file, e.size, e.mtimeMs, a.uri, intern(a.title), a.referenceDate === null ? -1 : intern(a.referenceDate), delta(e.lines.starts), delta(e.lines.ends), e.lines.length, flat, e.userDate === null ? -1 : intern(e.userDate), articles]);
  }
  const body: CacheFile = { format: FORMAT, analyzer: identity.analyzer, referenceDate: identity.referenceDate, dateFallback: identity.dateFallback, strings, docs, ...(clusters ? { clusters } : {}) };
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, FILE);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, JSON.stringify(body));
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}

function delta(values: Uint32Array): number[] {
  const out = new Array<number>(values.length);
  let prev = 0;
  for (let i = 0; i < values.length; i++) {
    out[i] = values[i] - prev;
    prev = values[i];
  }
  return out;
}

function undelta(deltas: number[]): Uint32Array {
  if (!Array.isArray(deltas)) throw new Error('bad line index');
  const out = new Uint32Array(deltas.length);
  let acc = 0;
  for (let i = 0; i < deltas.length; i++) {
    acc += deltas[i];
    out[i] = acc;
  }
  return out;
}
