// The bytes of the persistent index file, and nothing of what they mean (indexCache.ts):
//   prelude (24 bytes): magic "ALNSIDX\0", format (u32), header length (u32), CRC-32 of all that follows (u32), 0 (u32)
//   header: JSON, the cache's identity and the length of every table, padded to 8 bytes
//   tables, each starting at a multiple of 8: document numbers (f64), document ints, line starts and ends (u32),
//   mentions, their values, articles, clusters, the name table, the built entities, string ends (i32), then the strings, one run of UTF-8 (or UTF-16 when a
//   string is not well formed) cut at the ends, counted in UTF-16 units of the decoded run.
// The length of every table is known from the header, so a truncated file is told from a whole one before any
// table is read, and the checksum tells a damaged one; the tables are views of the file's bytes, not copies.
import * as os from 'os';
import * as zlib from 'zlib';

const MAGIC = Buffer.from('ALNSIDX\0', 'latin1');
/** Bump when the layout or the meaning of a table changes: an older file is then discarded. */
export const FORMAT = 9;
const PRELUDE = 24;

export interface Header {
  analyzer: string;
  referenceDate: string | null;
  dateFallback: 'none' | 'fileDate';
  docs: number;
  /** The fingerprint of the name table the clusters were resolved from; null when none were written. */
  fingerprint: string | null;
  /** The digest of the registry the entities in `built` were built with; null when none were written. */
  registry: string | null;
}

interface Tables {
  docNums: Float64Array;
  docInts: Int32Array;
  lines: Uint32Array;
  mentions: Int32Array;
  /** Value and resolution of the mentions that have one (dates and times: about one in eight). */
  extras: Int32Array;
  articles: Int32Array;
  clusters: Int32Array;
  /** The name table of the recogniser's output over every document (see indexCacheNames.ts). */
  names: Int32Array;
  /** The entities built from the clusters (see decodeBuilt); empty when none were written. */
  built: Int32Array;
}

export interface Sections extends Tables {
  header: Header;
  /** The string with this id, or undefined when there is none. */
  strings: (id: number) => string | undefined;
  /** How many strings there are: ids 0 to stringCount - 1 each have one. */
  stringCount: number;
}

interface StoredHeader extends Header {
  endian: string;
  lengths: Record<keyof Tables | 'stringEnds', number>;
  stringBytes: number;
  encoding: 'utf8' | 'utf16le';
}

const TABLES: readonly (keyof Tables)[] = ['docNums', 'docInts', 'lines', 'mentions', 'extras', 'articles', 'clusters', 'names', 'built'];
const pad8 = (n: number) => (n + 7) & ~7;
// zlib.crc32 is in Node 20.15 and later; without it the table lengths alone tell a truncated file.
const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** What a file is made of: each table whole, or in parts written one after the other (a writer's slices). */
export type TableParts = { [K in keyof Tables]: Tables[K] | readonly Tables[K][] } & { strings: string[] };

/**
 * The file as pieces to write one after the other (fs.writevSync): the tables are written from their own memory,
 * never copied into one more buffer the size of the file.
 */
export function encodeSections(header: Header, t: TableParts): Buffer[] {
  const steps = encodeSectionsInSteps(header, t);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** The same, yielding between its costly steps (the strings, each table's checksum): 100 MB take a second. */
export function* encodeSectionsInSteps(header: Header, t: TableParts): Generator<void, Buffer[]> {
  const joined = t.strings.join('');
  const wellFormed = (joined as { isWellFormed?: () => boolean }).isWellFormed?.() ?? !/[\uD800-\uDFFF]/.test(joined);
  const encoding = wellFormed ? 'utf8' : 'utf16le';
  const stringEnds = new Int32Array(t.strings.length);
  let end = 0;
  t.strings.forEach((s, i) => (stringEnds[i] = end += s.length));
  yield;
  const stringBlob = Buffer.from(joined, encoding);
  yield;
  const parts = (k: keyof Tables): readonly ArrayBufferView[] => {
    const v = t[k];
    return ArrayBuffer.isView(v) ? [v] : (v as readonly ArrayBufferView[]);
  };
  const length = (k: keyof Tables) => parts(k).reduce((n, p) => n + (p as Int32Array).length, 0);
  const stored: StoredHeader = {
    ...header,
    endian: os.endianness(),
    lengths: { docNums: length('docNums'), docInts: length('docInts'), lines: length('lines'), mentions: length('mentions'), extras: length('extras'), articles: length('articles'), clusters: length('clusters'), names: length('names'), built: length('built'), stringEnds: stringEnds.length },
    stringBytes: stringBlob.length,
    encoding,
  };
  const head = Buffer.from(JSON.stringify(stored), 'utf8');
  const prelude = Buffer.alloc(PRELUDE);
  MAGIC.copy(prelude, 0);
  prelude.writeUInt32LE(FORMAT, 8);
  prelude.writeUInt32LE(head.length, 12);
  const pieces: Buffer[] = [head];
  let at = PRELUDE + head.length;
  const align = () => {
    if (at % 8 !== 0) {
      pieces.push(Buffer.alloc(pad8(at) - at));
      at = pad8(at);
    }
  };
  for (const table of [...TABLES.map(parts), [stringEnds]]) {
    align();
    for (const a of table) {
      pieces.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
      at += a.byteLength;
    }
  }
  align();
  pieces.push(stringBlob);
  let crc = 0;
  // Empty tables are skipped: Node's crc32 of an empty view over an ArrayBuffer returns 0, not the running value,
  // and a cache with one (no dates, no groups yet) never matched its checksum and was rebuilt at every start.
  if (crc32) {
    for (const p of pieces) {
      if (p.length === 0) continue;
      crc = crc32(p, crc);
      if (p.length > 1 << 22) yield;
    }
  }
  prelude.writeUInt32LE(crc >>> 0, 16);
  return [prelude, ...pieces];
}

/** A whole cache file of another layout: stale rather than damaged. */
export class OtherFormat extends Error {}

/** The tables of a cache file, checked whole; throws with the reason when the file is not one, or damaged. */
export function openSections(file: Buffer): Sections {
  if (file.length < PRELUDE || !file.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not an index cache file');
  const format = file.readUInt32LE(8);
  if (format !== FORMAT) throw new OtherFormat(`format ${format}, not ${FORMAT}`);
  const headLength = file.readUInt32LE(12);
  if (PRELUDE + headLength > file.length) throw new Error('truncated header');
  if (crc32 && crc32(file.subarray(PRELUDE)) !== file.readUInt32LE(16)) throw new Error('checksum mismatch (truncated or damaged)');
  const h = JSON.parse(file.toString('utf8', PRELUDE, PRELUDE + headLength)) as StoredHeader;
  if (!h || typeof h !== 'object' || !h.lengths || typeof h.analyzer !== 'string' || !Number.isInteger(h.docs) || !Number.isInteger(h.stringBytes)) throw new Error('bad header');
  if (h.endian !== os.endianness()) throw new Error('written on a machine of another byte order');
  // Views need their element size's alignment; a file read into a shared pool may not start at one.
  const bytes = file.byteOffset % 8 === 0 ? file : Buffer.from(file);
  const views = {} as Tables;
  let at = pad8(PRELUDE + headLength);
  const view = <T>(make: new (b: ArrayBufferLike, o: number, n: number) => T, bytesPer: number, n: number): T => {
    if (!Number.isInteger(n) || n < 0 || at + n * bytesPer > bytes.length) throw new Error('truncated table');
    const v = new make(bytes.buffer, bytes.byteOffset + at, n);
    at = pad8(at + n * bytesPer);
    return v;
  };
  views.docNums = view(Float64Array, 8, h.lengths.docNums);
  views.docInts = view(Int32Array, 4, h.lengths.docInts);
  views.lines = view(Uint32Array, 4, h.lengths.lines);
  views.mentions = view(Int32Array, 4, h.lengths.mentions);
  views.extras = view(Int32Array, 4, h.lengths.extras);
  views.articles = view(Int32Array, 4, h.lengths.articles);
  views.clusters = view(Int32Array, 4, h.lengths.clusters);
  views.names = view(Int32Array, 4, h.lengths.names);
  views.built = view(Int32Array, 4, h.lengths.built);
  // Copied, as the string table outlives the file's bytes (mentions are made from it when first read).
  const ends = view(Int32Array, 4, h.lengths.stringEnds).slice();
  if (at + h.stringBytes !== bytes.length) throw new Error(at + h.stringBytes > bytes.length ? 'truncated strings' : 'trailing bytes');
  const all = bytes.toString(h.encoding === 'utf16le' ? 'utf16le' : 'utf8', at, at + h.stringBytes);
  if (ends.length > 0 && ends[ends.length - 1] !== all.length) throw new Error('bad string table');
  for (let i = 1; i < ends.length; i++) if (ends[i] < ends[i - 1]) throw new Error('bad string table');
  if (ends.length > 0 && ends[0] < 0) throw new Error('bad string table');
  // Each id's string is made once, so every mention of a name shares one string, as the analyser's did.
  const made: (string | undefined)[] = new Array(ends.length);
  const strings = (id: number): string | undefined => {
    if (!(id >= 0 && id < ends.length)) return undefined;
    let s = made[id];
    if (s === undefined) {
      const from = id === 0 ? 0 : ends[id - 1];
      if (from > ends[id]) return undefined;
      made[id] = s = all.slice(from, ends[id]);
    }
    return s;
  };
  const header: Header = { analyzer: h.analyzer, referenceDate: h.referenceDate, dateFallback: h.dateFallback, docs: h.docs, fingerprint: typeof h.fingerprint === 'string' ? h.fingerprint : null, registry: typeof h.registry === 'string' ? h.registry : null };
  return { header, strings, stringCount: ends.length, ...views };
}
