// Writing the persistent index (indexCache.ts reads it). The index is cut into slices (cacheSlices): documents a
// thousand at a time as a few typed arrays of packed mentions, whose strings are ids of the indexer's string pool,
// with the pool's strings new since the slice before; then the groups and the built entities, some thousands of
// entries a slice. An assembler (CacheAssembler) makes the file of the slices: it counts the name table of the
// analyses, gives every string its id in the file and lays out the tables. At 100,000 articles that takes seconds
// and the file is over 100 MB, so a background write runs the assembler and writes the file in a worker thread:
// the main thread only cuts slices (copies of packed ints) and renames the file when it is done. Where no worker
// can start (the TypeScript sources run without a bundle), the assembler runs on this thread between pauses.
import * as fs from 'fs';
import * as path from 'path';
import { type MessagePort, Worker } from 'worker_threads';
import { type DocumentAnalysis, ENTITY_TYPES, type EntityType } from '../core/model';
import type { CacheEntry, CacheIdentity, PersistedClusters } from './indexCache';
import { type Header, encodeSectionsInSteps } from './indexCacheLayout';
import { Ints, NameCounter } from './indexCacheNames';
import { CachedAnalysis, EXTRA, MENTION_INTS, SOURCES, type StringSource, StringPool, packMention } from './indexCacheTables';
import { workerScript } from './indexingPool';
import { logMemory } from './memoryLog';

export const CACHE_FILE = 'index-cache.bin';
/** The JSON cache of earlier versions: removed when a binary one is written, never read. */
const OLD_FILE = 'index-cache.json';
/** What the worker thread that writes the cache is told it is (see analysisWorker.ts). */
export const CACHE_WRITER_ROLE = 'cache-writer';

/**
 * Documents per slice, and entries of the groups or of one map of the built entities per slice. A request that comes
 * while a slice is cut waits for it, and in the hover phase of the 100k bench the write's slices took 850 ms of the
 * main thread's 3.9 s: smaller slices (a quarter of 1,000 and 20,000) keep each wait short.
 */
const DOC_SLICE = 250;
const ENTRY_SLICE = 5_000;
/** Per document of a slice: its text's length and its numbers of lines, mentions, extras pairs and articles. */
const SLICE_DOC_INTS = 5;
/** Per article of a slice: start, end, headline start and end, date source. */
const SLICE_ARTICLE_INTS = 5;

/** The built entities' maps and sets, in the order the file holds them (see decodeBuilt). */
const BUILT_PARTS = ['keyToEntity', 'entityKeys', 'types', 'repOf', 'members', 'typed', 'forced', 'senses', 'slices'] as const;
type BuiltPart = (typeof BUILT_PARTS)[number];

/**
 * Strings (or nulls) as one string and their lengths (-1: null): a worker thread is sent one string, copied at
 * once, where an array of a million strings is copied one by one (that took half the main thread's share of a
 * 100,000-article write).
 */
export interface PackedStrings {
  joined: string;
  lengths: Int32Array;
}

export function packStrings(list: readonly (string | null)[]): PackedStrings {
  const lengths = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) lengths[i] = list[i]?.length ?? -1;
  return { joined: list.join(''), lengths };
}

export function unpackStrings(p: PackedStrings): (string | null)[] {
  const out: (string | null)[] = new Array(p.lengths.length);
  let at = 0;
  for (let i = 0; i < out.length; i++) {
    const n = p.lengths[i];
    if (n < 0) out[i] = null;
    else {
      out[i] = p.joined.slice(at, at + n);
      at += n;
    }
  }
  if (at !== p.joined.length) throw new Error('packed strings of the wrong length');
  return out;
}

export type CacheSlice =
  /** Strings of the pool, in id order from where the last such slice ended. */
  | { kind: 'strings'; strings: PackedStrings }
  | {
      kind: 'docs';
      /** Per document: file, uri, title, reference date, user's date; then per article its title and date. */
      texts: PackedStrings;
      ints: Int32Array;
      /** Per document: size and modification time of the file. */
      nums: Float64Array;
      /** Per document: its line starts, then its line ends. */
      lines: Uint32Array;
      /** The documents' mentions packed as the file packs them, with string ids of the pool. */
      mentions: Int32Array;
      extras: Int32Array;
      articles: Int32Array;
    }
  /** Groups: the representative and the keys of each, one run after another; `sizes` are the numbers of keys. */
  | { kind: 'groups'; strings: PackedStrings; sizes: Int32Array }
  /** Entries of one map or set of the built entities, as strings and ints (see builtEntries). */
  | { kind: 'built'; part: BuiltPart; strings: PackedStrings; ints: Int32Array }
  /** The registry is null when the built entities are not to be written (they changed while they were sliced). */
  | { kind: 'end'; fingerprint: string | null; registry: string | null };

/** Writes the cache atomically (temporary file, then rename): a crash mid-write leaves the old cache or none. */
export function writeIndexCache(dir: string, identity: CacheIdentity, entries: Iterable<CacheEntry>, clusters: PersistedClusters | null = null, pool = new StringPool()): void {
  const assembler = new CacheAssembler(identity);
  for (const slice of cacheSlices([...entries], clusters, pool)) assembler.take(slice);
  commit(dir, writeTemp(dir, run(assembler.finish())));
}

/**
 * The same, in slices with `pause` between them, so requests are answered meanwhile; with `offThread`, the file is
 * made and written by a worker thread. What is written is the index of the moment the write began (the entries
 * are taken at once; built entities that change meanwhile are left out). `stillWanted` is asked before the file
 * takes the cache's place: a newer write may have overtaken this one. Resolves to false when it was not written
 * for that reason.
 */
export async function writeIndexCacheInSlices(
  dir: string,
  identity: CacheIdentity,
  entries: Iterable<CacheEntry>,
  clusters: PersistedClusters | null,
  pause: () => Promise<void>,
  stillWanted: () => boolean,
  options: { pool?: StringPool; offThread?: boolean; script?: string } = {},
): Promise<boolean> {
  const slices = cacheSlices([...entries], clusters, options.pool ?? new StringPool());
  const worker = options.offThread ? startWriter(options.script ?? workerScript()) : null;
  logMemory('cache write begins');
  let temp: string;
  if (worker) {
    try {
      temp = await writeInWorker(worker, dir, identity, slices, pause);
    } finally {
      await worker.terminate();
    }
  } else {
    const assembler = new CacheAssembler(identity);
    for (const slice of slices) {
      await pause();
      assembler.take(slice);
    }
    const steps = assembler.finish();
    let step = steps.next();
    while (!step.done) {
      await pause();
      step = steps.next();
    }
    temp = writeTemp(dir, step.value);
  }
  if (!stillWanted()) {
    fs.rmSync(temp, { force: true });
    return false;
  }
  commit(dir, temp);
  logMemory('cache written');
  return true;
}

// ---- slices, cut on the main thread ----

/**
 * The slices of a cache of `entries` and `clusters`: mentions held packed are copied as they are (their string
 * ids turned into the pool's where they are another table's: a warm start's file), other mentions packed now.
 */
export function* cacheSlices(entries: readonly CacheEntry[], clusters: PersistedClusters | null, pool: StringPool): Generator<CacheSlice> {
  let sent = 0;
  const remaps = new Map<StringSource, Remap>();
  const idsOf = (source: StringSource): ((id: number) => number) | null => {
    if (source === pool) return null;
    let r = remaps.get(source);
    if (!r) remaps.set(source, (r = new Remap(source, pool)));
    return r.id;
  };
  for (let from = 0; from < entries.length; from += DOC_SLICE) {
    const docs = entries.slice(from, from + DOC_SLICE);
    let mentionCount = 0;
    let lineInts = 0;
    let articleCount = 0;
    for (const e of docs) {
      mentionCount += packedCount(e.analysis);
      lineInts += 2 * e.lines.starts.length;
      articleCount += e.analysis.articles.length;
    }
    const ints = new Int32Array(docs.length * SLICE_DOC_INTS);
    const nums = new Float64Array(docs.length * 2);
    const lines = new Uint32Array(lineInts);
    const mentions = new Int32Array(mentionCount * MENTION_INTS);
    const articles = new Int32Array(articleCount * SLICE_ARTICLE_INTS);
    const extras: number[] = [];
    const texts: (string | null)[] = [];
    let m = 0;
    let l = 0;
    let a = 0;
    docs.forEach((e, d) => {
      const an = e.analysis;
      const extrasBefore = extras.length;
      const count = packedCount(an);
      if (an instanceof CachedAnalysis && !an.replaced) copyPacked(an, idsOf(an.tables.strings), mentions, m, extras);
      else an.mentions.forEach((x, k) => packMention(x, pool.intern, mentions, m + k * MENTION_INTS, extras, e.file));
      m += count * MENTION_INTS;
      const o = d * SLICE_DOC_INTS;
      ints[o] = e.lines.length;
      ints[o + 1] = e.lines.starts.length;
      ints[o + 2] = count;
      ints[o + 3] = (extras.length - extrasBefore) / 2;
      ints[o + 4] = an.articles.length;
      nums[2 * d] = e.size;
      nums[2 * d + 1] = e.mtimeMs;
      lines.set(e.lines.starts, l);
      lines.set(e.lines.ends, l + e.lines.starts.length);
      l += 2 * e.lines.starts.length;
      texts.push(e.file, an.uri, an.title, an.referenceDate, e.userDate);
      for (const x of an.articles) {
        articles[a] = x.start;
        articles[a + 1] = x.end;
        articles[a + 2] = x.headline.start;
        articles[a + 3] = x.headline.end;
        articles[a + 4] = x.referenceSource === null ? -1 : SOURCES.indexOf(x.referenceSource);
        a += SLICE_ARTICLE_INTS;
        texts.push(x.title, x.referenceDate);
      }
    });
    // The pool's strings these documents name go first, some thousands a slice (the pool holds every string of a
    // cold index when its first write begins).
    let needed = 0;
    for (let i = 2; i < mentions.length; i += MENTION_INTS) needed = Math.max(needed, mentions[i] + 1, mentions[i + 1] + 1);
    for (const x of extras) needed = Math.max(needed, x + 1);
    while (sent < needed) {
      const strings = pool.since(sent, Math.min(needed, sent + ENTRY_SLICE));
      sent += strings.length;
      yield { kind: 'strings', strings: packStrings(strings) };
    }
    yield { kind: 'docs', texts: packStrings(texts), ints, nums, lines, mentions, extras: Int32Array.from(extras), articles };
  }
  if (clusters) {
    // The groups are exportClusters' own copy: slicing them across pauses is safe.
    let strings: string[] = [];
    let sizes: number[] = [];
    for (const [rep, keys] of clusters.groups) {
      strings.push(rep, ...keys);
      sizes.push(keys.length);
      if (strings.length >= ENTRY_SLICE) {
        yield { kind: 'groups', strings: packStrings(strings), sizes: Int32Array.from(sizes) };
        strings = [];
        sizes = [];
      }
    }
    if (sizes.length > 0) yield { kind: 'groups', strings: packStrings(strings), sizes: Int32Array.from(sizes) };
  }
  // The entities are the index's own maps, which a change meanwhile replaces (updating them in place): written only
  // if they are still those of the moment the write began, as the entries and the fingerprint are.
  const built = clusters?.built;
  const current = built?.current ?? (() => true);
  let whole = built !== undefined && current();
  for (const part of whole ? BUILT_PARTS : []) {
    let strings: string[] = [];
    let ints: number[] = [];
    let n = 0;
    for (const entry of built!.state[part] as Iterable<unknown>) {
      builtEntry(part, entry, strings, ints);
      if (++n % ENTRY_SLICE === 0) {
        yield { kind: 'built', part, strings: packStrings(strings), ints: Int32Array.from(ints) };
        strings = [];
        ints = [];
        if (!(whole = current())) break;
      }
    }
    if (!whole) break;
    if (strings.length > 0) yield { kind: 'built', part, strings: packStrings(strings), ints: Int32Array.from(ints) };
    if (!(whole = current())) break;
  }
  yield { kind: 'end', fingerprint: clusters ? clusters.fingerprint : null, registry: whole ? built!.registry : null };
}

/** How many mentions an analysis has, without making those held packed. */
function packedCount(a: DocumentAnalysis): number {
  return a instanceof CachedAnalysis && !a.replaced ? a.count : a.mentions.length;
}

/** Copies a packed analysis's mentions and extras, their string ids turned into the pool's by `ids` (null: already). */
function copyPacked(a: CachedAnalysis, ids: ((id: number) => number) | null, out: Int32Array, at: number, extras: number[]): void {
  const { flat, extras: from } = a.tables;
  const start = a.first * MENTION_INTS;
  out.set(flat.subarray(start, start + a.count * MENTION_INTS), at);
  let x = 2 * a.extra;
  for (let k = 0; k < a.count; k++) {
    const i = at + k * MENTION_INTS;
    if (ids) {
      out[i + 2] = ids(out[i + 2]);
      if (out[i + 3] >= 0) out[i + 3] = ids(out[i + 3]);
    }
    if (!(out[i + 1] & EXTRA)) continue;
    const value = from[x];
    const second = from[x + 1];
    extras.push(ids && value >= 0 ? ids(value) : value, ids && second >= 0 ? ids(second) : second);
    x += 2;
  }
}

/** Another string table's ids as the pool's, each string interned once. */
class Remap {
  private map = new Int32Array(1024).fill(-1);
  constructor(
    private readonly source: StringSource,
    private readonly pool: StringPool,
  ) {}
  readonly id = (id: number): number => {
    if (id >= this.map.length) {
      const bigger = new Int32Array(Math.max(2 * this.map.length, id + 1)).fill(-1);
      bigger.set(this.map);
      this.map = bigger;
    }
    let to = this.map[id];
    if (to < 0) this.map[id] = to = this.pool.intern(this.source.str(id));
    return to;
  };
}

/**
 * An entry of the built entities as strings and ints: a key and a string value (keyToEntity, repOf); a key and
 * a type (types); a key, then its strings, their count in the ints (entityKeys, members); a key (typed, forced);
 * a key and its entities' ids, with their count and types in the ints (senses); a key, with the count of its
 * types and the types in the ints (slices).
 */
function builtEntry(part: BuiltPart, entry: unknown, strings: string[], ints: number[]): void {
  if (part === 'typed' || part === 'forced') {
    strings.push(entry as string);
    return;
  }
  const [key, value] = entry as [string, unknown];
  strings.push(key);
  if (part === 'keyToEntity' || part === 'repOf') strings.push(value as string);
  else if (part === 'types') ints.push(ENTITY_TYPES.indexOf(value as EntityType));
  else if (part === 'entityKeys' || part === 'members') {
    let n = 0;
    for (const v of value as Iterable<string>) {
      strings.push(v);
      n++;
    }
    ints.push(n);
  } else if (part === 'senses') {
    ints.push((value as Map<EntityType, string>).size);
    for (const [t, id] of value as Map<EntityType, string>) {
      ints.push(ENTITY_TYPES.indexOf(t));
      strings.push(id);
    }
  } else {
    ints.push((value as Set<EntityType>).size);
    for (const t of value as Set<EntityType>) ints.push(ENTITY_TYPES.indexOf(t));
  }
}

// ---- the file, made of the slices (on a worker thread, or this one) ----

/**
 * Makes the cache file of its slices, taken in order; `finish` after the last ('end'). What it keeps is ints: the
 * slices' own arrays, the name table counted from them (NameCounter) and the built entities as the file encodes
 * them, so the thread that writes the cache of 100,000 articles holds little more than the file.
 */
export class CacheAssembler {
  /** The pool's strings, by the pool's ids. */
  private readonly pooled: string[] = [];
  /** The file's strings, and the file's id of each pool id (-1: none yet). */
  private readonly strings = new StringPool();
  private fileIds = new Int32Array(0);
  private readonly docInts = new Ints();
  private readonly docNums: number[] = [];
  private readonly lines: Uint32Array[] = [];
  private readonly mentions: Int32Array[] = [];
  private readonly extras: Int32Array[] = [];
  private readonly articles = new Ints();
  private readonly clusterInts = new Ints();
  /** The name table of exactly these analyses, so a warm start need not count their mentions again. */
  private readonly names = new NameCounter(this.strings);
  /** Per part of the built entities (BUILT_PARTS order), its number of entries and their ints as the file holds them. */
  private readonly built = BUILT_PARTS.map(() => ({ entries: 0, ints: new Ints() }));
  private docs = 0;
  private end: { fingerprint: string | null; registry: string | null } | null = null;

  constructor(private readonly identity: CacheIdentity) {}

  private readonly intern = this.strings.intern;

  private readonly orNone = (s: string | null): number => (s === null ? -1 : this.intern(s));

  private fromPool(id: number): number {
    if (id >= this.fileIds.length) {
      const bigger = new Int32Array(Math.max(2 * this.fileIds.length, this.pooled.length, id + 1)).fill(-1);
      bigger.set(this.fileIds);
      this.fileIds = bigger;
    }
    let to = this.fileIds[id];
    if (to < 0) {
      const s = this.pooled[id];
      if (s === undefined) throw new Error(`a slice names string ${id}, which no slice sent`);
      this.fileIds[id] = to = this.intern(s);
    }
    return to;
  }

  take(slice: CacheSlice): void {
    if (this.end) throw new Error('a slice after the end of the cache');
    if (slice.kind === 'strings') for (const s of unpackStrings(slice.strings)) this.pooled.push(s!);
    else if (slice.kind === 'docs') this.takeDocs(slice);
    else if (slice.kind === 'groups') {
      const strings = unpackStrings(slice.strings) as string[];
      let o = 0;
      for (const n of slice.sizes) {
        this.clusterInts.push(this.intern(strings[o]));
        this.clusterInts.push(n);
        for (let k = 1; k <= n; k++) this.clusterInts.push(this.intern(strings[o + k]));
        o += 1 + n;
      }
    } else if (slice.kind === 'built') this.takeBuilt(slice.part, unpackStrings(slice.strings) as string[], slice.ints);
    else this.end = { fingerprint: slice.fingerprint, registry: slice.registry };
  }

  private takeDocs(slice: Extract<CacheSlice, { kind: 'docs' }>): void {
    const texts = unpackStrings(slice.texts);
    const { ints, nums, articles, mentions, extras } = slice;
    // The mentions' strings get the file's ids, in place: the slice's arrays are the file's from now on.
    for (let i = 0; i < mentions.length; i += MENTION_INTS) {
      mentions[i + 2] = this.fromPool(mentions[i + 2]);
      if (mentions[i + 3] >= 0) mentions[i + 3] = this.fromPool(mentions[i + 3]);
    }
    for (let i = 0; i < extras.length; i++) if (extras[i] >= 0) extras[i] = this.fromPool(extras[i]);
    let m = 0;
    let x = 0;
    let t = 0;
    let a = 0;
    for (let d = 0; d * SLICE_DOC_INTS < ints.length; d++) {
      const [length, lineCount, mentionCount, extraCount, articleCount] = ints.subarray(d * SLICE_DOC_INTS, (d + 1) * SLICE_DOC_INTS);
      const [file, uri, title, referenceDate, userDate] = texts.slice(t, t + 5);
      t += 5;
      const uriId = this.intern(uri!);
      this.names.add(uriId, mentions, m, mentionCount, extras, x);
      this.docInts.pushAll([this.intern(file!), uriId, this.intern(title!), this.orNone(referenceDate), this.orNone(userDate), length, lineCount, mentionCount, articleCount]);
      this.docNums.push(nums[2 * d], nums[2 * d + 1]);
      for (let k = 0; k < articleCount; k++, a += SLICE_ARTICLE_INTS, t += 2) {
        const [start, end, headStart, headEnd, source] = articles.subarray(a, a + SLICE_ARTICLE_INTS);
        this.articles.pushAll([start, end, this.intern(texts[t]!), headStart, headEnd, this.orNone(texts[t + 1]), source]);
      }
      m += mentionCount;
      x += extraCount;
      this.docs++;
    }
    this.lines.push(slice.lines);
    this.mentions.push(mentions);
    this.extras.push(extras);
  }

  /**
   * Entries of the built entities, as builtEntry wrote them, encoded at once as the file holds a map's entry (see decodeBuilt):
   * the key, then the value as a string, a type, or a count and that many strings, types or (type, string) pairs.
   */
  private takeBuilt(part: BuiltPart, strings: string[], ints: Int32Array): void {
    const into = this.built[BUILT_PARTS.indexOf(part)];
    const out = into.ints;
    let s = 0;
    let i = 0;
    const type = () => {
      const t = ints[i++];
      if (ENTITY_TYPES[t] === undefined) throw new Error('a bad type in the built entities');
      return t;
    };
    while (s < strings.length) {
      into.entries++;
      out.push(this.intern(strings[s++]));
      if (part === 'typed' || part === 'forced') continue;
      if (part === 'keyToEntity' || part === 'repOf') out.push(this.intern(strings[s++]));
      else if (part === 'types') out.push(type());
      else if (part === 'entityKeys' || part === 'members') {
        const n = ints[i++];
        out.push(n);
        for (let k = 0; k < n; k++) out.push(this.intern(strings[s++]));
      } else if (part === 'senses') {
        const n = ints[i++];
        out.push(n);
        for (let k = 0; k < n; k++) {
          out.push(type());
          out.push(this.intern(strings[s++]));
        }
      } else {
        const n = ints[i++];
        out.push(n);
        for (let k = 0; k < n; k++) out.push(type());
      }
    }
    if (s !== strings.length || i !== ints.length) throw new Error('bad entries of the built entities');
  }

  /** The built entities as the file holds them: each part's size, then its entries. */
  private builtInts(): Int32Array {
    const out = new Int32Array(this.built.reduce((n, p) => n + 1 + p.ints.length, 0));
    let o = 0;
    for (const p of this.built) {
      out[o++] = p.entries;
      out.set(p.ints.done(), o);
      o += p.ints.length;
    }
    return out;
  }

  /** The file's pieces, yielding between its costly steps. */
  *finish(): Generator<void, Buffer[]> {
    const end = this.end;
    if (!end) throw new Error('the cache ended before its last slice');
    yield;
    const nameInts = yield* this.names.encode();
    const built = end.registry !== null ? this.builtInts() : null;
    yield;
    const header: Header = { ...this.identity, docs: this.docs, fingerprint: end.fingerprint, registry: built ? end.registry : null };
    return yield* encodeSectionsInSteps(header, {
      strings: this.strings.since(0),
      docInts: this.docInts.done(),
      docNums: Float64Array.from(this.docNums),
      lines: this.lines,
      mentions: this.mentions,
      extras: this.extras,
      articles: this.articles.done(),
      clusters: this.clusterInts.done(),
      names: nameInts,
      built: built ?? new Int32Array(0),
    });
  }
}

function run<T>(steps: Generator<void, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

// ---- the worker thread ----

type WriterRequest = { kind: 'begin'; identity: CacheIdentity; temp: string } | CacheSlice;
type WriterReply = { kind: 'written' } | { kind: 'failed'; message: string };

/** A worker thread for one write, or null where its script is not there (the sources run without a bundle). */
function startWriter(script: string): Worker | null {
  return fs.existsSync(script) ? new Worker(script, { workerData: { role: CACHE_WRITER_ROLE } }) : null;
}

/** Sends the slices to the worker, a pause before each; resolves to the temporary file it wrote. */
async function writeInWorker(worker: Worker, dir: string, identity: CacheIdentity, slices: Iterable<CacheSlice>, pause: () => Promise<void>): Promise<string> {
  const temp = tempFile(dir);
  let failed: Error | null = null;
  const done = new Promise<void>((resolve, reject) => {
    worker.on('message', (reply: WriterReply) => (reply.kind === 'written' ? resolve() : reject(new Error(reply.message))));
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the cache writer stopped (${code})`)));
  });
  done.catch((e: Error) => (failed = e));
  fs.mkdirSync(dir, { recursive: true });
  worker.postMessage({ kind: 'begin', identity, temp } satisfies WriterRequest);
  try {
    for (const slice of slices) {
      await pause();
      if (failed) break;
      // The slice's arrays are handed over, not copied: they are not used here again.
      const arrays =
        slice.kind === 'docs' ? [slice.ints, slice.nums, slice.lines, slice.mentions, slice.extras, slice.articles, slice.texts.lengths]
        : slice.kind === 'groups' ? [slice.sizes, slice.strings.lengths]
        : slice.kind === 'built' ? [slice.ints, slice.strings.lengths]
        : slice.kind === 'strings' ? [slice.strings.lengths]
        : [];
      const transfer = arrays.map((a) => a.buffer as ArrayBuffer);
      worker.postMessage(slice, transfer);
    }
    await done;
    return temp;
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}

/** The worker's side: takes the slices, then makes the file and writes it to the temporary path it was given. */
export function serveCacheWriter(port: MessagePort): void {
  let assembler: CacheAssembler | null = null;
  let temp = '';
  port.on('message', (request: WriterRequest) => {
    try {
      if (request.kind === 'begin') {
        assembler = new CacheAssembler(request.identity);
        temp = request.temp;
        return;
      }
      if (!assembler) throw new Error('a slice before the cache began');
      assembler.take(request);
      if (request.kind !== 'end') return;
      logMemory('cache writer: all slices taken');
      const pieces = run(assembler.finish());
      logMemory('cache writer: file assembled');
      writePieces(temp, pieces);
      assembler = null;
      port.postMessage({ kind: 'written' } satisfies WriterReply);
    } catch (e) {
      assembler = null;
      fs.rmSync(temp, { force: true });
      port.postMessage({ kind: 'failed', message: (e as Error).message } satisfies WriterReply);
    }
  });
}

// ---- files ----

let temps = 0;
/** A temporary file of its own for each write: a write at shutdown may overlap one in the background. */
function tempFile(dir: string): string {
  return path.join(dir, `${CACHE_FILE}.${process.pid}-${++temps}.tmp`);
}

function writeTemp(dir: string, pieces: Buffer[]): string {
  fs.mkdirSync(dir, { recursive: true });
  const temp = tempFile(dir);
  writePieces(temp, pieces);
  return temp;
}

function writePieces(file: string, pieces: Buffer[]): void {
  try {
    const fd = fs.openSync(file, 'w');
    try {
      writeAll(fd, pieces);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    fs.rmSync(file, { force: true });
    throw e;
  }
}

/** The temporary file takes the cache's place. */
function commit(dir: string, temp: string): void {
  try {
    fs.renameSync(temp, path.join(dir, CACHE_FILE));
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
  fs.rmSync(path.join(dir, OLD_FILE), { force: true });
  // A server stopped mid-write leaves its temporary file: gone once it is an hour old.
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(`${CACHE_FILE}.`) || !name.endsWith('.tmp')) continue;
    try {
      const file = path.join(dir, name);
      if (Date.now() - fs.statSync(file).mtimeMs > 3_600_000) fs.rmSync(file, { force: true });
    } catch {
      // gone meanwhile
    }
  }
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
