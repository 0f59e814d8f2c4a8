// The tables of the persistent index (indexCache.ts): how a mention, the name table and the built entities are
// packed into ints whose strings are ids of a string table, and the analyses held in that packed form.
import type { ClustersState } from '../core/corpus/clusters';
import { LazyMap } from '../core/corpus/lazyMap';
import { type NameStats, zeroCounts } from '../core/corpus/nameTable';
import type { ArticleDateSource, ArticleInfo, DocumentAnalysis, EntityType, Mention, MentionType, PackedScan, Problem } from '../core/model';
import { ENTITY_TYPES, MENTION_TYPES } from '../core/model';
import type { Sections } from './indexCacheLayout';
import { LineIndex } from '../core/text/lineIndex';

// A mention is four ints: start, length << 8 | flags, text, key. Its flags hold the type's index (4 bits), GUESSED,
// NEEDS_DATE, EXTRA (a value and resolution of the mention follow in the extras table, in mention order; for a name,
// its form in the resolution's place) and WEAK.
export const GUESSED = 16;
export const NEEDS_DATE = 32;
export const EXTRA = 64;
export const WEAK = 128;
export const LENGTH_SHIFT = 8;
/** Longer mentions do not fit beside the flags in an int; no recogniser makes one. */
export const MAX_MENTION = 2 ** (31 - LENGTH_SHIFT) - 1;
export const SOURCES: readonly ArticleDateSource[] = ['text', 'metadata', 'user', 'file date'];
/** Ints per document, mention and article in their tables (see indexCacheLayout.ts). */
export const DOC_INTS = 9;
export const MENTION_INTS = 4;
export const ARTICLE_INTS = 7;

/**
 * The mention tables of a cache file, kept after it is read: a document's mentions are made from them when first
 * asked for (see CachedAnalysis), so a warm start of a large archive neither builds millions of objects it may
 * never need nor keeps them (most articles are never opened nor searched in a session).
 */
export class MentionTables {
  constructor(
    readonly flat: Int32Array,
    readonly extras: Int32Array,
    /** Where the string ids of the tables point: the cache file's string table, or a pool. */
    readonly strings: StringSource,
  ) {}

  /** Mentions [first, first + count), whose first value or resolution is extras pair `extra`; checked at read. */
  make(first: number, count: number, extra: number): Mention[] {
    const mentions: Mention[] = new Array(count);
    for (let k = 0; k < count; k++) {
      mentions[k] = this.one(first + k, extra);
      if (this.flat[(first + k) * MENTION_INTS + 1] & EXTRA) extra++;
    }
    return mentions;
  }

  /**
   * Visits mentions [first, first + count) by their start, type, key and value, without making them; `at` and
   * `extra` say where each is, for `one` to make it.
   */
  scan(first: number, count: number, extra: number, visit: (start: number, type: MentionType, key: string | null, value: string | null, at: number, extra: number) => void): void {
    const { flat, extras } = this;
    const str = this.strings.str;
    for (let at = first; at < first + count; at++) {
      const i = at * MENTION_INTS;
      const flags = flat[i + 1] & ((1 << LENGTH_SHIFT) - 1);
      const value = flags & EXTRA && extras[2 * extra] >= 0 ? str(extras[2 * extra]) : null;
      visit(flat[i], MENTION_TYPES[flags & 15], flat[i + 3] < 0 ? null : str(flat[i + 3]), value, at, extra);
      if (flags & EXTRA) extra++;
    }
  }

  /** Of mentions [first, first + count), only those `keep` takes by their type, key and value. */
  makeSome(first: number, count: number, extra: number, keep: (type: MentionType, key: string | null, value: string | null) => boolean): Mention[] {
    const out: Mention[] = [];
    this.scan(first, count, extra, (_, type, key, value, at, x) => {
      if (keep(type, key, value)) out.push(this.one(at, x));
    });
    return out;
  }

  /** Mention `at`, whose value or resolution (if it has one) is extras pair `extra`. */
  private one(at: number, extra: number): Mention {
    const { flat, extras } = this;
    const str = this.strings.str;
    const i = at * MENTION_INTS;
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
    }
    if (flags & GUESSED) m.guessed = true;
    if (flags & NEEDS_DATE) m.needsDate = true;
    if (flags & WEAK) m.weak = true;
    return m;
  }
}

/**
 * A cached document's analysis, its mentions made from the cache's tables when read. Made mentions are kept for the
 * documents read last (MADE_KEPT of them): a question across the corpus (a hover's related entities, a decision on
 * a spelling) reads thousands of documents, and keeping each one's mentions from then on would in time hold every
 * mention of the archive as objects, where the tables hold them in 16 bytes each.
 */
export class CachedAnalysis implements DocumentAnalysis, PackedScan {
  declare mentions: Mention[];
  made: Mention[] | null = null;
  /** Mentions were set from outside: the tables no longer say what they are. */
  replaced = false;

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

  mentionsWhere(keep: (type: MentionType, key: string | null, value: string | null) => boolean): Mention[] | null {
    if (this.replaced) return null;
    // Made already: read from them (and they stay the ones read last).
    if (this.made !== null) return this.mentions.filter((m) => keep(m.type, m.key, m.value));
    return this.tables.makeSome(this.first, this.count, this.extra, keep);
  }

  scanMentions(visit: (start: number, type: MentionType, key: string | null, value: string | null) => void): boolean {
    if (this.replaced) return false;
    this.tables.scan(this.first, this.count, this.extra, visit);
    return true;
  }
}

/** How many documents' made mentions are kept; made again from the tables when read after that. */
export const MADE_KEPT = 2000;
/** The analyses whose mentions are made, the one read longest ago first. */
const madeOrder = new Set<CachedAnalysis>();

const LAZY_MENTIONS: PropertyDescriptor = {
  get(this: CachedAnalysis) {
    if (this.replaced) return this.made;
    if (this.made === null) {
      this.made = this.tables.make(this.first, this.count, this.extra);
      if (madeOrder.size >= MADE_KEPT) {
        const oldest = madeOrder.values().next().value as CachedAnalysis;
        madeOrder.delete(oldest);
        oldest.made = null;
      }
    } else madeOrder.delete(this);
    madeOrder.add(this);
    return this.made;
  },
  set(this: CachedAnalysis, v: Mention[]) {
    this.made = v;
    this.replaced = true;
    madeOrder.delete(this);
  },
  enumerable: true,
  configurable: true,
};

/** Packs one mention at flat[at..at + MENTION_INTS) and, if it has a value or a second string, a pair of extras. */
export function packMention(x: Mention, intern: (s: string) => number, flat: Int32Array, at: number, extras: number[], where: string): void {
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

/** Strings by id. */
export interface StringSource {
  readonly str: (id: number) => string;
}

/** Strings of the analyses held compactly, each kept once (see compactAnalysis). */
export class StringPool implements StringSource {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];
  get size(): number {
    return this.list.length;
  }
  /** The strings with ids from `from` up to `to`, in id order. */
  since(from: number, to = this.list.length): string[] {
    return this.list.slice(from, to);
  }
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
export function compactAnalysis(a: DocumentAnalysis, pool: StringPool, arena?: MentionArena): DocumentAnalysis {
  // A worker's analysis comes as a copy, with the first article's title (mostly the document's) a string of its own.
  for (const x of a.articles) if (x.title === a.title) x.title = a.title;
  // Without an arena, tables of the document's own size (a chunk of none).
  const { tables, first, extra } = (arena ?? new MentionArena(pool, 0)).pack(a);
  return new CachedAnalysis(a.uri, a.title, a.referenceDate, a.articles, tables, first, a.mentions.length, extra, a.version, a.problems);
}

/**
 * The packed mentions of many analyses in shared chunks (compactAnalysis), so that a document costs its ints and
 * not two typed arrays and a table object of its own: at 100,000 documents those were some 40 MB of heap beside
 * the 54 MB of ints. A document replaced later leaves its ints unused in their chunk (edits on disk are few).
 */
export class MentionArena {
  private tables: MentionTables | null = null;
  private flatUsed = 0;
  private extrasUsed = 0;
  private scratch = new Int32Array(0);
  private readonly extras: number[] = [];

  constructor(
    private readonly pool: StringPool,
    /** Ints of mentions per chunk; a chunk's extras take a quarter of that. */
    private readonly chunk = 1 << 18,
  ) {}

  pack(a: DocumentAnalysis): { tables: MentionTables; first: number; extra: number } {
    const ints = a.mentions.length * MENTION_INTS;
    if (this.scratch.length < ints) this.scratch = new Int32Array(Math.max(ints, 2 * this.scratch.length));
    const extras = this.extras;
    extras.length = 0;
    a.mentions.forEach((m, i) => packMention(m, this.pool.intern, this.scratch, i * MENTION_INTS, extras, a.uri));
    let t = this.tables;
    if (t === null || this.flatUsed + ints > t.flat.length || this.extrasUsed + extras.length > t.extras.length) {
      // A document larger than a chunk gets a chunk of its own size.
      t = this.tables = new MentionTables(new Int32Array(Math.max(this.chunk, ints)), new Int32Array(Math.max(this.chunk >> 2, extras.length)), this.pool);
      this.flatUsed = 0;
      this.extrasUsed = 0;
    }
    t.flat.set(this.scratch.subarray(0, ints), this.flatUsed);
    t.extras.set(extras, this.extrasUsed);
    const placed = { tables: t, first: this.flatUsed / MENTION_INTS, extra: this.extrasUsed / 2 };
    this.flatUsed += ints;
    this.extrasUsed += extras.length;
    return placed;
  }
}



/**
 * Line indexes of many documents over shared chunks: a worker sends each document's line starts and ends as arrays
 * of their own, each with its own buffer; held as views of one chunk, a document no longer keeps two buffers.
 */
export class LineArena {
  private chunk = new Uint32Array(0);
  private used = 0;

  constructor(private readonly size = 1 << 18) {}

  index(starts: Uint32Array, ends: Uint32Array, length: number): LineIndex {
    const n = starts.length + ends.length;
    if (this.used + n > this.chunk.length) {
      this.chunk = new Uint32Array(Math.max(this.size, n));
      this.used = 0;
    }
    const at = this.used;
    this.chunk.set(starts, at);
    this.chunk.set(ends, at + starts.length);
    this.used += n;
    return new LineIndex(this.chunk.subarray(at, at + starts.length), this.chunk.subarray(at + starts.length, at + n), length);
  }
}

// The built entities (ClustersState), each map in its order: its size, then per entry the key, and the value as a
// string, a type's index, or a count and that many strings, types or (type, string) pairs (written by CacheAssembler).
export function decodeBuilt(s: Sections): ClustersState {
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
export const NAME_HEAD = 17;

export function decodeNames(s: Sections): NameStats[] {
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
