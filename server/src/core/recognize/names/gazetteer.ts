// Lists of known names by type, matched over token sequences by the hash of their lower-cased words.
// A match only starts and ends on a word that is not all lower case (`Bank of England`, not `of`).
import * as hash from './hash';
import * as wordShape from './wordShape';
import type { TaggerSentence } from './wordShape';

// Module-level consts for the hot loop: under the CommonJS interop of tsx every imported name is a getter.
const { hashString, mix } = hash;
const { DIGIT, LOWER, OTHER } = wordShape;

const CONTINUES = 16;

/** Slot of a hash in a table of `mask + 1` slots: the high bits spread over it (single-word hashes vary little in their low bits). */
function slotOf(h: number, mask: number): number {
  return (Math.imul(h, 0x9e3779b1) >>> 16 ^ h) & mask;
}

/** Writes the codes of a match of tokens [i, j] of the types in `types` where it is longer than what is there (see TokenTable.gazetteer). */
function markMatch(types: number, i: number, j: number, best: Uint8Array, gazetteer: Uint8Array): void {
  const len = j - i + 1;
  for (let t = 0; t < 4; t++) {
    if ((types & (1 << t)) === 0) continue;
    for (let k = i; k <= j; k++) {
      const at = k * 4 + t;
      if (len <= best[at]) continue;
      best[at] = len;
      gazetteer[at] = (len === 1 ? 3 : k === i ? 1 : 2) | (len > 2 ? 4 : 0);
    }
  }
}

export class Gazetteer {
  /** Hash of the lower-cased word sequence -> bit mask of types (bit t for type t), plus CONTINUES if a longer entry starts with it. */
  readonly entries = new Map<number, number>();
  maxLength = 0;
  /** Counts the changes, for the merged tables made from this one (see GazetteerSet). */
  version = 0;
  /** `entries` as an open-addressing table of (key, value) pairs for mark, made on first use after a change (see lookupTable). */
  private slots: Int32Array | null = null;
  /** mark's longest match per token and type, kept across calls. */
  private best = new Uint8Array(0);

  static sequenceHash(lowerHashes: ArrayLike<number>, from: number, to: number): number {
    let h = lowerHashes[from];
    for (let k = from + 1; k < to; k++) h = mix(h, lowerHashes[k]);
    return h;
  }

  add(words: readonly string[], type: number): void {
    this.addHashes(words.map((w) => hashString(w.toLowerCase())), 0, words.length, type);
  }

  /** Adds the sequence of lower-case word hashes [from, to). */
  addHashes(hashes: ArrayLike<number>, from: number, to: number, type: number): void {
    this.slots = null;
    this.version++;
    let key = hashes[from];
    for (let k = from + 1; k <= to; k++) {
      if (k === to) {
        this.entries.set(key, (this.entries.get(key) ?? 0) | (1 << type));
        break;
      }
      this.entries.set(key, (this.entries.get(key) ?? 0) | CONTINUES);
      key = mix(key, hashes[k]);
    }
    if (to - from > this.maxLength) this.maxLength = to - from;
  }

  /** Writes the gazetteer codes of every token (4 per token, see TokenTable.gazetteer) into `gazetteer`. */
  mark(lower: Int32Array, caseClass: Uint8Array, sentences: TaggerSentence[], gazetteer: Uint8Array): void {
    if (this.entries.size === 0) return;
    const slots = this.slots ?? this.lookupTable();
    const slotMask = (slots.length >>> 1) - 1;
    if (this.best.length < gazetteer.length) this.best = new Uint8Array(Math.max(gazetteer.length, this.best.length * 2));
    const best = this.best;
    best.fill(0, 0, gazetteer.length);
    for (const s of sentences) {
      for (let i = s.first; i < s.end; i++) {
        const c = caseClass[i];
        if (c === LOWER || c === OTHER || c === DIGIT) continue;
        let h = 0;
        const limit = Math.min(s.end, i + this.maxLength);
        for (let j = i; j < limit; j++) {
          h = j === i ? lower[i] : mix(h, lower[j]);
          let at = slotOf(h, slotMask);
          while (slots[(at << 1) + 1] !== 0 && slots[at << 1] !== h) at = (at + 1) & slotMask;
          const value = slots[(at << 1) + 1];
          if (value === 0) break;
          const cj = caseClass[j];
          const types = value & 15;
          if (types === 0 || cj === LOWER || cj === OTHER) {
            if ((value & CONTINUES) === 0) break;
            continue;
          }
          markMatch(types, i, j, best, gazetteer);
          if ((value & CONTINUES) === 0) break;
        }
      }
    }
  }

  /**
   * The entries as (key, value) pairs in one typed array at most half full (a value is never 0, so 0 marks a free
   * slot): a probe reads one cache line, and a Map keyed by numbers boxes every hash outside the small-integer range
   * before it can look it up.
   */
  private lookupTable(): Int32Array {
    let size = 16;
    while (size < this.entries.size * 2) size *= 2;
    const slots = new Int32Array(size * 2);
    for (const [k, v] of this.entries) {
      let at = slotOf(k, size - 1);
      while (slots[(at << 1) + 1] !== 0) at = (at + 1) & (size - 1);
      slots[at << 1] = k;
      slots[(at << 1) + 1] = v;
    }
    this.slots = slots;
    return slots;
  }

  /** Flat pairs (hash, types) for the model file. */
  toInt32Array(): Int32Array {
    const out = new Int32Array(this.entries.size * 2 + 1);
    out[0] = this.maxLength;
    let o = 1;
    for (const [k, v] of [...this.entries].sort((a, b) => a[0] - b[0])) {
      out[o++] = k;
      out[o++] = v;
    }
    return out;
  }

  static fromInt32Array(data: Int32Array): Gazetteer {
    const g = new Gazetteer();
    g.maxLength = data[0];
    for (let o = 1; o + 1 < data.length; o += 2) g.entries.set(data[o], data[o + 1]);
    return g;
  }
}

/** Bits of one gazetteer's value in a GazetteerSet's merged table: its four type bits and CONTINUES. */
const MEMBER_BITS = 5;
const MEMBER_MASK = (1 << MEMBER_BITS) - 1;

/**
 * Gazetteers matched over the same tokens together, with what each one's mark writes: one probe of a merged table
 * per token and match length gives every gazetteer's value there, where marking them one after the other probes
 * each one's table. A capitalised word that starts no entry of any (most of them) costs one probe, not three.
 */
export class GazetteerSet {
  private slots: Int32Array | null = null;
  private versions: number[] = [];
  private readonly best: Uint8Array[];

  constructor(readonly members: readonly Gazetteer[]) {
    if (members.length * MEMBER_BITS > 30) throw new Error('too many gazetteers in one set');
    this.best = members.map(() => new Uint8Array(0));
  }

  /** What each member's mark(lower, caseClass, sentences, outs[m]) writes, into outs[m]. */
  mark(lower: Int32Array, caseClass: Uint8Array, sentences: TaggerSentence[], outs: Uint8Array[]): void {
    const members = this.members;
    const count = members.length;
    const slots = this.lookupTable();
    const slotMask = (slots.length >>> 1) - 1;
    let maxLength = 0;
    for (let m = 0; m < count; m++) {
      if (this.best[m].length < outs[m].length) this.best[m] = new Uint8Array(Math.max(outs[m].length, this.best[m].length * 2));
      this.best[m].fill(0, 0, outs[m].length);
      if (members[m].entries.size > 0) maxLength = Math.max(maxLength, members[m].maxLength);
    }
    for (const s of sentences) {
      for (let i = s.first; i < s.end; i++) {
        const c = caseClass[i];
        if (c === LOWER || c === OTHER || c === DIGIT) continue;
        // Bit m: member m still matching from token i (each stops where its own mark's loop would break).
        let open = (1 << count) - 1;
        let h = 0;
        const limit = Math.min(s.end, i + maxLength);
        for (let j = i; j < limit && open !== 0; j++) {
          h = j === i ? lower[i] : mix(h, lower[j]);
          let at = slotOf(h, slotMask);
          while (slots[(at << 1) + 1] !== 0 && slots[at << 1] !== h) at = (at + 1) & slotMask;
          const packed = slots[(at << 1) + 1];
          const cj = caseClass[j];
          const len = j - i + 1;
          for (let m = 0; m < count; m++) {
            if ((open & (1 << m)) === 0) continue;
            if (len > members[m].maxLength) {
              open &= ~(1 << m);
              continue;
            }
            const value = (packed >>> (m * MEMBER_BITS)) & MEMBER_MASK;
            if (value === 0) {
              open &= ~(1 << m);
              continue;
            }
            const types = value & 15;
            if (types !== 0 && cj !== LOWER && cj !== OTHER) markMatch(types, i, j, this.best[m], outs[m]);
            if ((value & CONTINUES) === 0) open &= ~(1 << m);
          }
        }
      }
    }
  }

  /** The members' entries merged: (key, each member's value at MEMBER_BITS bits), made again when one has changed. */
  private lookupTable(): Int32Array {
    const members = this.members;
    if (this.slots && members.every((g, m) => g.version === this.versions[m])) return this.slots;
    const merged = new Map<number, number>();
    members.forEach((g, m) => {
      for (const [k, v] of g.entries) merged.set(k, (merged.get(k) ?? 0) | (v << (m * MEMBER_BITS)));
    });
    let size = 16;
    while (size < merged.size * 2) size *= 2;
    const slots = new Int32Array(size * 2);
    for (const [k, v] of merged) {
      let at = slotOf(k, size - 1);
      while (slots[(at << 1) + 1] !== 0) at = (at + 1) & (size - 1);
      slots[at << 1] = k;
      slots[(at << 1) + 1] = v;
    }
    this.slots = slots;
    this.versions = members.map((g) => g.version);
    return slots;
  }
}
