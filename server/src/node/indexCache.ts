// The persistent index: analyses of unchanged files survive a restart, so reopening a workspace does not
// re-analyse them. Entries are keyed by path, size and modification time; the whole file by the analyser's
// version, the name model and the date settings (reference date, fallback). A corrupt or stale cache is discarded, never trusted.
//
// One binary file (see indexCacheLayout.ts): a header that says whose cache it is, then a string table and typed
// arrays, written from one Buffer and read through views of the file's bytes, so a warm start of a large archive
// neither parses nor builds a JSON tree of it.
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { ANALYZER_VERSION } from '../core/analyze';
import type { ClustersState } from '../core/corpus/clusters';
import type { SavedGroups } from '../core/corpus/index';
import { LazyMap } from '../core/corpus/lazyMap';
import { type NameStats, NameTable, zeroCounts } from '../core/corpus/nameTable';
import type { ArticleDateSource, ArticleInfo, DocumentAnalysis, EntityType, Mention, MentionType, Problem } from '../core/model';
import { ENTITY_TYPES, MENTION_TYPES } from '../core/model';
import { LineIndex } from '../core/text/lineIndex';
import { type Header, OtherFormat, type Sections, encodeSectionsInSteps, openSections } from './indexCacheLayout';

export const CACHE_FILE = 'index-cache.bin';
/** The JSON cache of earlier versions: removed when a binary one is written, never read. */
const OLD_FILE = 'index-cache.json';

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

// A mention is four ints: start, length << 8 | flags, text, key. Its flags hold the type's index (4 bits), GUESSED,
// NEEDS_DATE, EXTRA (a value and resolution of the mention follow in the extras table, in mention order; for a name,
// its form in the resolution's place) and WEAK.
const GUESSED = 16;
const NEEDS_DATE = 32;
const EXTRA = 64;
const WEAK = 128;
const LENGTH_SHIFT = 8;
/** Longer mentions do not fit beside the flags in an int; no recogniser makes one. */
const MAX_MENTION = 2 ** (31 - LENGTH_SHIFT) - 1;
const SOURCES: readonly ArticleDateSource[] = ['text', 'metadata', 'user', 'file date'];
/** Ints per document, mention and article in their tables (see indexCacheLayout.ts). */
export const DOC_INTS = 9;
export const MENTION_INTS = 4;
export const ARTICLE_INTS = 7;

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

/**
 * The mention tables of a cache file, kept after it is read: a document's mentions are made from them when first
 * asked for (see CachedAnalysis), so a warm start of a large archive neither builds millions of objects it may
 * never need nor keeps them (most articles are never opened nor searched in a session).
 */
class MentionTables {
  constructor(
    private readonly flat: Int32Array,
    private readonly extras: Int32Array,
    private readonly str: (id: number) => string,
  ) {}

  /** Mentions [first, first + count), whose first value or resolution is extras pair `extra`; checked at read. */
  make(first: number, count: number, extra: number): Mention[] {
    const { flat, extras, str } = this;
    const mentions: Mention[] = new Array(count);
    for (let k = 0; k < count; k++) {
      const i = (first + k) * MENTION_INTS;
      const packed = flat[i + 1];
      const flags = packed & ((1 << LENGTH_SHIFT) - 1);
      const start = flat[i];
      const m: Mention = { start, end: start + (packed >>> LENGTH_SHIFT), type: MENTION_TYPES[flags & 15] as MentionType, text: str(flat[i + 2]), key: flat[i + 3] < 0 ? null : str(flat[i + 3]), value: null };
      if (flags & EXTRA) {
        m.value = extras[2 * extra] < 0 ? null : str(extras[2 * extra]);
        if (extras[2 * extra + 1] >= 0) {
          if (m.key !== null) m.form = str(extras[2 * extra + 1]);
          else m.resolution = str(extras[2 * extra + 1]);
        }
        extra++;
      }
      if (flags & GUESSED) m.guessed = true;
      if (flags & NEEDS_DATE) m.needsDate = true;
      if (flags & WEAK) m.weak = true;
      mentions[k] = m;
    }
    return mentions;
  }
}

/** A cached document's analysis, its mentions made from the cache's tables on first use and kept from then on. */
class CachedAnalysis implements DocumentAnalysis {
  declare mentions: Mention[];
  made: Mention[] | null = null;

  constructor(
    readonly uri: string,
    readonly title: string,
    readonly referenceDate: string | null,
    readonly articles: ArticleInfo[],
    readonly tables: MentionTables,
    readonly first: number,
    readonly count: number,
    readonly extra: number,
    readonly version = 0,
    readonly problems: Problem[] = [],
  ) {
    // An own enumerable property, as a plain analysis has: spread and JSON see the mentions too.
    Object.defineProperty(this, 'mentions', LAZY_MENTIONS);
  }
}

const LAZY_MENTIONS: PropertyDescriptor = {
  get(this: CachedAnalysis) {
    return (this.made ??= this.tables.make(this.first, this.count, this.extra));
  },
  set(this: CachedAnalysis, v: Mention[]) {
    this.made = v;
  },
  enumerable: true,
  configurable: true,
};

/** Packs one mention at flat[at..at + MENTION_INTS) and, if it has a value or a second string, a pair of extras. */
function packMention(x: Mention, intern: (s: string) => number, flat: Int32Array, at: number, extras: number[], where: string): void {
  const orNone = (s: string | null) => (s === null ? -1 : intern(s));
  const second = x.key !== null ? x.form : x.resolution;
  const extra = x.value !== null || second !== undefined;
  const flags = MENTION_TYPES.indexOf(x.type) | (x.guessed ? GUESSED : 0) | (x.needsDate ? NEEDS_DATE : 0) | (extra ? EXTRA : 0) | (x.weak ? WEAK : 0);
  if (!(x.end > x.start && x.end - x.start <= MAX_MENTION)) throw new Error(`a mention of ${x.end - x.start} characters in ${where}`);
  flat[at] = x.start;
  flat[at + 1] = ((x.end - x.start) << LENGTH_SHIFT) | flags;
  flat[at + 2] = intern(x.text);
  flat[at + 3] = orNone(x.key);
  if (extra) extras.push(orNone(x.value), second === undefined ? -1 : intern(second));
}

/** Strings of the analyses held compactly, each kept once (see compactAnalysis). */
export class StringPool {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];
  readonly intern = (s: string): number => {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(s);
      this.ids.set(s, id);
    }
    return id;
  };
  readonly str = (id: number): string => this.list[id];
}

/**
 * The same analysis with its mentions packed as the persistent index packs them, made again when first read: what
 * a cold index keeps of each article it indexes, so that 100,000 articles are not millions of objects.
 */
export function compactAnalysis(a: DocumentAnalysis, pool: StringPool): DocumentAnalysis {
  const flat = new Int32Array(a.mentions.length * MENTION_INTS);
  const extras: number[] = [];
  a.mentions.forEach((m, i) => packMention(m, pool.intern, flat, i * MENTION_INTS, extras, a.uri));
  return new CachedAnalysis(a.uri, a.title, a.referenceDate, a.articles, new MentionTables(flat, Int32Array.from(extras), pool.str), 0, a.mentions.length, 0, a.version, a.problems);
}

/** An analysis's mentions for writing: a cached one's not yet made are made for the write only, not kept. */
function mentionsToWrite(a: DocumentAnalysis): readonly Mention[] {
  return a instanceof CachedAnalysis && a.made === null ? a.tables.make(a.first, a.count, a.extra) : a.mentions;
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
  const tables = new MentionTables(flat.slice(), extras.slice(), str);
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

// The built entities (ClustersState), each map in its order: its size, then per entry the key, and the value as a
// string, a type's index, or a count and that many strings, types or (type, string) pairs.
function* encodeBuilt(c: ClustersState, intern: (s: string) => number, current: () => boolean): Generator<void, Int32Array | null> {
  const out: number[] = [];
  const type = (t: EntityType) => ENTITY_TYPES.indexOf(t);
  const strings = (list: ReadonlySet<string> | readonly string[]) => {
    out.push('size' in list ? list.size : list.length);
    for (const x of list) out.push(intern(x));
  };
  const map = <V>(m: ReadonlyMap<string, V>, value: (v: V) => void) => {
    out.push(m.size);
    for (const [k, v] of m) {
      out.push(intern(k));
      value(v);
    }
  };
  // A pause after each map (100,000 entries at most); the maps must not have changed meanwhile.
  const parts: (() => void)[] = [
    () => map(c.keyToEntity, (id) => out.push(intern(id))),
    () => map(c.entityKeys, strings),
    () => map(c.types, (t) => out.push(type(t))),
    () => map(c.repOf, (rep) => out.push(intern(rep))),
    () => map(c.members, strings),
    () => strings(c.typed),
    () => strings(c.forced),
    () =>
      map(c.senses, (ids) => {
        out.push(ids.size);
        for (const [t, id] of ids) out.push(type(t), intern(id));
      }),
    () =>
      map(c.slices, (set) => {
        out.push(set.size);
        for (const t of set) out.push(type(t));
      }),
  ];
  for (const part of parts) {
    part();
    yield;
    if (!current()) return null;
  }
  return Int32Array.from(out);
}

function decodeBuilt(s: Sections): ClustersState {
  const c = s.built;
  let o = 0;
  const int = () => {
    if (o >= c.length) throw new Error('bad entity table');
    return c[o++];
  };
  const str = () => {
    const v = s.strings(int());
    if (v === undefined) throw new Error('bad entity table string');
    return v;
  };
  const type = () => {
    const t = ENTITY_TYPES[int()];
    if (t === undefined) throw new Error('bad entity table type');
    return t;
  };
  const count = () => {
    const n = int();
    if (!(n >= 0) || o + n > c.length) throw new Error('bad entity table');
    return n;
  };
  const strings = () => {
    const n = count();
    const out: string[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = str();
    return out;
  };
  const map = <V>(value: () => V): Map<string, V> => {
    const m = new Map<string, V>();
    for (let n = count(); n > 0; n--) {
      const k = str();
      m.set(k, value());
    }
    return m;
  };
  const state: ClustersState = {
    keyToEntity: map(str),
    entityKeys: map(strings),
    types: map(type),
    repOf: map(str),
    members: map(() => new Set(strings())),
    typed: new Set(strings()),
    forced: new Set(strings()),
    senses: map(() => {
      const ids = new Map<EntityType, string>();
      for (let n = count(); n > 0; n--) {
        const t = type();
        ids.set(t, str());
      }
      return ids;
    }),
    slices: map(() => {
      const set = new Set<EntityType>();
      for (let n = count(); n > 0; n--) set.add(type());
      return set;
    }),
  };
  if (o !== c.length) throw new Error('bad entity table');
  return state;
}

// The name table, a key after another: key, total, then the counts by type (ENTITY_TYPES order) of all mentions,
// of the confirmed and of the weak ones, the numbers of documents and spellings and a bit mask of the types kept per
// document (NameStats.typeDocs), then (uri, count) pairs, (spelling, count) pairs, and per type of the mask its
// number of documents and their (uri, count) pairs. Strings are ids of the string table.
const NAME_HEAD = 17;

function* encodeNames(table: NameTable, intern: (s: string) => number): Generator<void, Int32Array> {
  let size = 0;
  for (const s of table.values()) {
    size += NAME_HEAD + 2 * s.docs.size + 2 * s.forms.size;
    if (s.typeDocs) for (const t of ENTITY_TYPES) if (s.typeDocs[t]) size += 1 + 2 * s.typeDocs[t]!.size;
  }
  const out = new Int32Array(size);
  let o = 0;
  const pairs = (map: ReadonlyMap<string, number>) => {
    for (const [k, n] of map) {
      out[o++] = intern(k);
      out[o++] = n;
    }
  };
  let done = 0;
  for (const s of table.values()) {
    if (++done % 5000 === 0) yield;
    out[o++] = intern(s.key);
    out[o++] = s.total;
    for (const counts of [s.types, s.confirmed, s.weak]) for (const t of ENTITY_TYPES) out[o++] = counts[t];
    out[o++] = s.docs.size;
    out[o++] = s.forms.size;
    let mask = 0;
    if (s.typeDocs) ENTITY_TYPES.forEach((t, i) => (mask |= s.typeDocs![t] ? 1 << i : 0));
    out[o++] = mask;
    pairs(s.docs);
    pairs(s.forms);
    if (s.typeDocs) {
      for (const t of ENTITY_TYPES) {
        const docs = s.typeDocs[t];
        if (!docs) continue;
        out[o++] = docs.size;
        pairs(docs);
      }
    }
  }
  return out;
}

function decodeNames(s: Sections): NameStats[] {
  const c = s.names;
  const out: NameStats[] = [];
  const { stringCount } = s;
  const str = (id: number) => {
    const v = s.strings(id);
    if (v === undefined) throw new Error('bad name table string');
    return v;
  };
  const counts = (at: number): Record<EntityType, number> => {
    const r = zeroCounts();
    for (let i = 0; i < ENTITY_TYPES.length; i++) r[ENTITY_TYPES[i]] = c[at + i];
    return r;
  };
  let o = 0;
  /** Checks n (string, count) pairs at o and moves past them; returns where they start. */
  const skipPairs = (n: number): number => {
    if (!(n >= 0) || o + 2 * n > c.length) throw new Error('bad name table');
    const from = o;
    for (let i = 0; i < n; i++, o += 2) if (!(c[o] >= 0 && c[o] < stringCount && c[o + 1] > 0)) throw new Error('bad name table entry');
    return from;
  };
  const pairs = (from: number, n: number, map: Map<string, number>): Map<string, number> => {
    for (let i = 0, at = from; i < n; i++, at += 2) map.set(str(c[at]), c[at + 1]);
    return map;
  };
  // The table outlives the file's bytes: the documents of a name are read from a copy when first asked for.
  let copy: Int32Array | null = null;
  const lazyPairs = (from: number, n: number) =>
    new LazyMap<string, number>((map) => {
      for (let i = 0, at = from; i < n; i++, at += 2) map.set(str(copy![at]), copy![at + 1]);
    }, n);
  while (o < c.length) {
    if (o + NAME_HEAD > c.length) throw new Error('bad name table');
    const key = str(c[o]);
    const total = c[o + 1];
    const types = counts(o + 2);
    const confirmed = counts(o + 6);
    const weak = counts(o + 10);
    const docCount = c[o + 14];
    const formCount = c[o + 15];
    const mask = c[o + 16];
    o += NAME_HEAD;
    if (!(total > 0) || !(docCount > 0)) throw new Error('bad name table entry');
    const docs = lazyPairs(skipPairs(docCount), docCount);
    const forms = skipPairs(formCount);
    const stats: NameStats = { key, docs, forms: pairs(forms, formCount, new Map()), types, confirmed, weak, total };
    if (mask !== 0) {
      stats.typeDocs = {};
      for (let i = 0; i < ENTITY_TYPES.length; i++) {
        if (!(mask & (1 << i))) continue;
        const n = c[o++];
        stats.typeDocs[ENTITY_TYPES[i]] = lazyPairs(skipPairs(n), n);
      }
    }
    out.push(stats);
  }
  copy = c.slice();
  return out;
}

/** Writes the cache atomically (temporary file, then rename): a crash mid-write leaves the old cache or none. */
export function writeIndexCache(dir: string, identity: CacheIdentity, entries: Iterable<CacheEntry>, clusters: PersistedClusters | null = null): void {
  const steps = encodeCache(identity, entries, clusters);
  let step = steps.next();
  while (!step.done) step = steps.next();
  writePieces(dir, step.value);
}

/**
 * The same, a slice of documents at a time with `pause` between slices, so requests are answered meanwhile (at
 * 100,000 articles the whole encoding takes seconds). `stillWanted` is asked before the file is written: a newer
 * write may have overtaken this one. Resolves to false when it was not written for that reason.
 */
export async function writeIndexCacheInSlices(
  dir: string,
  identity: CacheIdentity,
  entries: Iterable<CacheEntry>,
  clusters: PersistedClusters | null,
  pause: () => Promise<void>,
  stillWanted: () => boolean,
): Promise<boolean> {
  const steps = encodeCache(identity, entries, clusters);
  let step = steps.next();
  while (!step.done) {
    await pause();
    step = steps.next();
  }
  if (!stillWanted()) return false;
  writePieces(dir, step.value);
  return true;
}

/** Documents encoded between two pauses of a sliced write. */
const WRITE_SLICE = 500;

/** The cache file's pieces; yields after every slice of documents (the entries are taken at the first step). */
function* encodeCache(identity: CacheIdentity, entries: Iterable<CacheEntry>, clusters: PersistedClusters | null): Generator<void, Buffer[]> {
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
  const orNone = (s: string | null) => (s === null ? -1 : intern(s));
  const list = [...entries];
  let lineInts = 0;
  let mentionCount = 0;
  let articleCount = 0;
  for (const e of list) {
    lineInts += 2 * e.lines.starts.length;
    mentionCount += e.analysis instanceof CachedAnalysis && e.analysis.made === null ? e.analysis.count : e.analysis.mentions.length;
    articleCount += e.analysis.articles.length;
  }
  const docInts = new Int32Array(list.length * DOC_INTS);
  const docNums = new Float64Array(list.length * 2);
  const lines = new Uint32Array(lineInts);
  const flat = new Int32Array(mentionCount * MENTION_INTS);
  const flatArticles = new Int32Array(articleCount * ARTICLE_INTS);
  const extras: number[] = [];
  let lineAt = 0;
  let m = 0;
  let a = 0;
  // The name table of exactly these analyses, so a warm start need not count their mentions again.
  const names = new NameTable();
  for (let d = 0; d < list.length; d++) {
    if (d > 0 && d % WRITE_SLICE === 0) yield;
    const e = list[d];
    const an = e.analysis;
    const mentions = mentionsToWrite(an);
    names.add(an.uri, mentions);
    docInts.set([intern(e.file), intern(an.uri), intern(an.title), orNone(an.referenceDate), orNone(e.userDate), e.lines.length, e.lines.starts.length, mentions.length, an.articles.length], d * DOC_INTS);
    docNums[2 * d] = e.size;
    docNums[2 * d + 1] = e.mtimeMs;
    lines.set(e.lines.starts, lineAt);
    lines.set(e.lines.ends, lineAt + e.lines.starts.length);
    lineAt += 2 * e.lines.starts.length;
    for (const x of mentions) {
      packMention(x, intern, flat, m, extras, e.file);
      m += MENTION_INTS;
    }
    for (const x of an.articles) {
      flatArticles.set([x.start, x.end, intern(x.title), x.headline.start, x.headline.end, orNone(x.referenceDate), x.referenceSource === null ? -1 : SOURCES.indexOf(x.referenceSource)], a);
      a += ARTICLE_INTS;
    }
  }
  const clusterInts: number[] = [];
  yield;
  if (clusters) {
    let n = 0;
    // The groups are exportClusters' own copy: pausing amid them is safe.
    for (const [rep, keys] of clusters.groups) {
      if (++n % 20000 === 0) yield;
      clusterInts.push(intern(rep), keys.length);
      for (const k of keys) clusterInts.push(intern(k));
    }
  }
  yield;
  const nameInts = yield* encodeNames(names, intern);
  // The entities are the index's own maps, which a change meanwhile replaces (updating them in place): written only
  // if they are still those of the moment the write began, as the entries and the fingerprint are.
  const still = clusters?.built?.current ?? (() => true);
  const built = clusters?.built && still() ? yield* encodeBuilt(clusters.built.state, intern, still) : null;
  yield;
  const header: Header = { ...identity, docs: list.length, fingerprint: clusters ? clusters.fingerprint : null, registry: built ? clusters!.built!.registry : null };
  return yield* encodeSectionsInSteps(header, { strings, docInts, docNums, lines, mentions: flat, extras: Int32Array.from(extras), articles: flatArticles, clusters: Int32Array.from(clusterInts), names: nameInts, built: built ?? new Int32Array(0) });
}

function writePieces(dir: string, pieces: Buffer[]): void {
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, CACHE_FILE);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    const fd = fs.openSync(temp, 'w');
    try {
      writeAll(fd, pieces);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
  fs.rmSync(path.join(dir, OLD_FILE), { force: true });
}

/** writevSync may write less than asked (and takes at most IOV_MAX pieces): it is called again for the rest. */
function writeAll(fd: number, pieces: Buffer[]): void {
  let rest = pieces.filter((p) => p.length > 0);
  while (rest.length > 0) {
    let n = fs.writevSync(fd, rest.slice(0, 512));
    while (n > 0 && rest.length > 0) {
      if (n >= rest[0].length) {
        n -= rest[0].length;
        rest = rest.slice(1);
      } else {
        rest = [rest[0].subarray(n), ...rest.slice(1)];
        n = 0;
      }
    }
  }
}
