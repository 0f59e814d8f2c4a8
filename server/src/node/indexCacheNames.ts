// The name table of a cache file, counted straight from its documents' packed mentions: what NameTable.add counts
// of each recogniser's mention (see nameTable.ts) in the layout decodeNames reads (see indexCacheTables.ts). The
// thread that writes the cache of 100,000 articles holds three ints a named mention for it (tens of MB), where a
// NameTable of the same mentions, a map of documents and one of spellings per key, took some 240 MB.
import { cleanName } from '../core/resolve/names';
import { ENTITY_TYPES, MENTION_TYPES, isEntityType } from '../core/model';
import { EXTRA, LENGTH_SHIFT, MENTION_INTS, NAME_HEAD, WEAK } from './indexCacheTables';

/** A growing array of ints, kept in one typed array. */
export class Ints {
  private data = new Int32Array(1024);
  length = 0;
  private room(n: number): void {
    if (this.length + n <= this.data.length) return;
    const bigger = new Int32Array(Math.max(2 * this.data.length, this.length + n));
    bigger.set(this.data.subarray(0, this.length));
    this.data = bigger;
  }
  push(v: number): void {
    if (this.length === this.data.length) this.room(1);
    this.data[this.length++] = v;
  }
  pushAll(values: ArrayLike<number>): void {
    this.room(values.length);
    for (let i = 0; i < values.length; i++) this.data[this.length++] = values[i];
  }
  at(i: number): number {
    return this.data[i];
  }
  set(i: number, v: number): void {
    this.data[i] = v;
  }
  setRange(at: number, values: Int32Array): void {
    this.data.set(values, at);
  }
  /** The ints as an array of their own length (a copy). */
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** The entity type's index (ENTITY_TYPES) of each mention type's, or -1 for dates and times. */
const ENTITY_OF = MENTION_TYPES.map((t) => (isEntityType(t) ? ENTITY_TYPES.indexOf(t) : -1));

/** Strings of the file by id, and the id of a string (given one if new). */
export interface FileStrings {
  readonly str: (id: number) => string;
  readonly intern: (s: string) => number;
}

export class NameCounter {
  /** Per named mention, in document order: its key, its document's uri with its type and weak flag, its spelling. */
  private readonly keys = new Ints();
  private readonly docs = new Ints();
  private readonly forms = new Ints();
  /** The id of each spelling's cleaned form, by the spelling's id (-1: not cleaned yet). */
  private cleaned = new Int32Array(0);

  constructor(private readonly strings: FileStrings) {}

  /**
   * A document's `count` mentions from `first` of `mentions` (four ints each, string ids of the file), whose values
   * and second strings are the extras pairs from `firstExtra`; `uri` is the id of the document's uri.
   */
  add(uri: number, mentions: Int32Array, first: number, count: number, extras: Int32Array, firstExtra: number): void {
    if (uri >= 1 << 28) throw new Error('too many strings for the name table');
    let x = firstExtra;
    for (let k = 0; k < count; k++) {
      const i = (first + k) * MENTION_INTS;
      const flags = mentions[i + 1] & ((1 << LENGTH_SHIFT) - 1);
      // A name's form is its second string, when it has one (see packMention); its text otherwise.
      let form = mentions[i + 2];
      if (flags & EXTRA) {
        if (mentions[i + 3] >= 0 && extras[2 * x + 1] >= 0) form = extras[2 * x + 1];
        x++;
      }
      const type = ENTITY_OF[flags & 15];
      if (mentions[i + 3] < 0 || type === undefined || type < 0) continue;
      this.keys.push(mentions[i + 3]);
      this.docs.push((uri << 3) | (type << 1) | (flags & WEAK ? 1 : 0));
      this.forms.push(this.cleanedId(form));
    }
  }

  private cleanedId(id: number): number {
    if (id >= this.cleaned.length) {
      const bigger = new Int32Array(Math.max(2 * this.cleaned.length, id + 1, 1024)).fill(-1);
      bigger.set(this.cleaned);
      this.cleaned = bigger;
    }
    let c = this.cleaned[id];
    if (c < 0) this.cleaned[id] = c = this.strings.intern(cleanName(this.strings.str(id)));
    return c;
  }

  /** The table, keys in the order they first appeared, each key's documents and spellings likewise. */
  *encode(): Generator<void, Int32Array> {
    const n = this.keys.length;
    let keyCount = 0;
    for (let m = 0; m < n; m++) keyCount = Math.max(keyCount, this.keys.at(m) + 1);
    // The mentions of each key in document order (a counting sort by key), and the keys in order of first mention.
    const start = new Int32Array(keyCount + 1);
    for (let m = 0; m < n; m++) start[this.keys.at(m) + 1]++;
    for (let k = 0; k < keyCount; k++) start[k + 1] += start[k];
    const fill = start.slice(0, keyCount);
    const order = new Int32Array(n);
    const firstSeen: number[] = [];
    for (let m = 0; m < n; m++) {
      const k = this.keys.at(m);
      if (fill[k] === start[k]) firstSeen.push(k);
      order[fill[k]++] = m;
    }
    yield;
    const out = new Ints();
    const forms = new Map<number, number>();
    const head = new Int32Array(NAME_HEAD);
    /** (uri, count) pairs of the runs of one document among the key's mentions of `type` (-1: of any). */
    const docPairs = (from: number, to: number, type: number): number => {
      let docs = 0;
      let last = -1;
      let run = 0;
      for (let o = from; o < to; o++) {
        const d = this.docs.at(order[o]);
        if (type >= 0 && ((d >> 1) & 3) !== type) continue;
        if (d >> 3 !== last) {
          if (run > 0) {
            out.push(last);
            out.push(run);
            docs++;
          }
          last = d >> 3;
          run = 0;
        }
        run++;
      }
      if (run > 0) {
        out.push(last);
        out.push(run);
        docs++;
      }
      return docs;
    };
    let done = 0;
    for (const key of firstSeen) {
      if (++done % 5000 === 0) yield;
      const from = start[key];
      const to = start[key + 1];
      head.fill(0);
      head[0] = key;
      head[1] = to - from;
      forms.clear();
      let mask = 0;
      for (let o = from; o < to; o++) {
        const m = order[o];
        const d = this.docs.at(m);
        const type = (d >> 1) & 3;
        head[2 + type]++;
        if (d & 1) head[10 + type]++;
        mask |= 1 << type;
        const f = this.forms.at(m);
        forms.set(f, (forms.get(f) ?? 0) + 1);
      }
      // The documents' pairs follow the head, whose count is known once they are written.
      const at = out.length;
      out.pushAll(head);
      head[14] = docPairs(from, to, -1);
      head[15] = forms.size;
      for (const [f, c] of forms) {
        out.push(f);
        out.push(c);
      }
      // Per-type documents only for a key of two types or more (NameStats.typeDocs).
      const mixed = (mask & (mask - 1)) !== 0;
      head[16] = mixed ? mask : 0;
      if (mixed) {
        for (let t = 0; t < ENTITY_TYPES.length; t++) {
          if (!(mask & (1 << t))) continue;
          const countAt = out.length;
          out.push(0);
          out.set(countAt, docPairs(from, to, t));
        }
      }
      out.setRange(at, head);
    }
    return out.done();
  }
}
