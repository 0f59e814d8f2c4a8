// Every distinct word form the tagger has met, with what it needs to know about it computed once:
// hashes, case class, how the word is usually written, its static feature rows and, for recognition,
// the summed emission scores of those rows. A recogniser keeps one lexicon across documents, so most
// tokens of an article cost one probe of its id table before decoding.
import * as features from './features';
import type { WordForms } from './features';
import * as hash from './hash';
import * as tags from './tags';
import * as wordShape from './wordShape';

// Module-level consts: under the CommonJS interop of tsx every imported name is a getter.
const { FORM_CLUSTERS, FORM_FIELDS, FORM_FLAGS, FORM_LOWER, FORM_LOWER_ID, FORM_SCORES, FORM_SHAPE, FORM_TITLE, FORM_WORD, OPENING_FLAG, SMALL_FLAG, staticRows, STATIC_FEATURES } = features;
const { hashRange, hashString } = hash;
const { TAG_COUNT: TAGS } = tags;
if (FORM_FIELDS - FORM_SCORES !== TAGS) throw new Error('a word form has room for one score per tag');
const { caseClassOf, CAPS, isOpeningPunctuation, shapeHash, SMALL_WORDS } = wordShape;

/** Curly quotes and dashes as the training text writes them. */
export function normalizeWord(w: string): string {
  let plain = true;
  for (let i = 0; i < w.length; i++) {
    if (w.charCodeAt(i) >= 0x2010) {
      plain = false;
      break;
    }
  }
  if (plain) return w;
  return w.replace(/[\u2018\u2019\u201b\u2032]/g, "'").replace(/[\u201c\u201d\u201e\u2033]/g, '"').replace(/[\u2010\u2011]/g, '-').replace(/[\u2012\u2013\u2014\u2015]/g, '--').replace(/\u2026/g, '...');
}

/** Ints per slot of the lexicon's id table (see Lexicon.slots). */
const SLOT = 4;

export class Lexicon implements WordForms {
  /**
   * Ids by raw form: an open-addressing table of SLOT ints per slot (id + 1, 0 empty; the hash of the raw
   * characters; where they start in `chars`; how many), so a token's id is found from the text's characters without
   * making a string or hashing one into a Map. A probe reads its slot's cache line and, on a match of hash and
   * length, the characters it checks: nothing else (a string per form would cost two more reads, its pointer and
   * its header).
   */
  private slots = new Int32Array(1024 * SLOT);
  /** The raw characters of every form, one after another. */
  private chars = new Uint16Array(8192);
  private charsEnd = 0;
  /** Per form: its slot's hash, start and length, for rehashing. */
  private rawHash = new Int32Array(0);
  private rawStart = new Int32Array(0);
  private rawLength = new Int32Array(0);
  size = 0;
  private capacity = 0;
  /** Normalised form of each word. */
  words: string[] = [];
  /** FORM_FIELDS ints per word form (see WordForms): hashes, shape, lower-case id, word classes, flags and, once scored, its static scores. */
  forms = new Int32Array(0);
  staticRows = new Int32Array(0);
  /** Per-document scratch marks, two per form (see WordForms), compared with a stamp. */
  marks = new Int32Array(0);
  private stamp = 0;

  constructor(
    private readonly mask: number,
    private readonly casingOf: ReadonlyMap<number, number>,
    private readonly clustersOf: ReadonlyMap<number, number>,
  ) {
    this.grow(1024);
  }

  nextStamp(): number {
    return ++this.stamp;
  }

  /** Forgets every word when more than `limit` are known (call between documents only). */
  limit(limit: number): void {
    if (this.size <= limit) return;
    this.slots.fill(0);
    this.charsEnd = 0;
    this.words = [];
    this.size = 0;
    this.marks.fill(0);
  }

  id(raw: string): number {
    return this.idAt(raw, 0, raw.length);
  }

  /** Id of the raw form `text.slice(from, to)`, made only when the form is new. */
  idAt(text: string, from: number, to: number): number {
    const h = hashRange(text, from, to);
    const slots = this.slots;
    const mask = slots.length / SLOT - 1;
    const length = to - from;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const o = at * SLOT;
      const slot = slots[o];
      if (slot === 0) break;
      if (slots[o + 1] !== h || slots[o + 3] !== length) continue;
      const chars = this.chars;
      const start = slots[o + 2];
      let same = true;
      for (let k = 0; k < length; k++) {
        if (chars[start + k] !== text.charCodeAt(from + k)) {
          same = false;
          break;
        }
      }
      if (same) return slot - 1;
    }
    return this.add(from === 0 && to === text.length ? text : text.slice(from, to), h);
  }

  private add(raw: string, h: number): number {
    const w = normalizeWord(raw);
    const lw = w.toLowerCase();
    const lid = lw === raw ? -1 : this.id(lw);
    if (this.size === this.capacity) this.grow(this.capacity * 2);
    const id = this.size++;
    if (this.charsEnd + raw.length > this.chars.length) {
      const more = new Uint16Array(Math.max(this.chars.length * 2, this.charsEnd + raw.length));
      more.set(this.chars.subarray(0, this.charsEnd));
      this.chars = more;
    }
    for (let k = 0; k < raw.length; k++) this.chars[this.charsEnd + k] = raw.charCodeAt(k);
    this.rawHash[id] = h;
    this.rawStart[id] = this.charsEnd;
    this.rawLength[id] = raw.length;
    this.charsEnd += raw.length;
    this.place(id);
    if (this.size * 2 * SLOT > this.slots.length) this.rehash();
    this.words[id] = w;
    const c = caseClassOf(w);
    const word = hashString(w);
    const lower = lw === w ? word : hashString(lw);
    const casing = this.casingOf.get(lower) ?? 0;
    const title = c === CAPS ? hashString(w[0] + w.slice(1).toLowerCase()) : word;
    // A form the clustered text never wrote (`KHERSON`, `Reuters`'s sentence-initial `The`) takes its title or lower case's classes.
    const clusters = this.clustersOf.get(word) ?? this.clustersOf.get(title) ?? this.clustersOf.get(lower) ?? 0;
    const f = id * FORM_FIELDS;
    const forms = this.forms;
    forms[f + FORM_WORD] = word;
    forms[f + FORM_LOWER] = lower;
    forms[f + FORM_TITLE] = title;
    forms[f + FORM_SHAPE] = shapeHash(w);
    forms[f + FORM_LOWER_ID] = lid < 0 ? id : lid;
    forms[f + FORM_CLUSTERS] = clusters;
    forms[f + FORM_FLAGS] = c | (casing << 4) | (SMALL_WORDS.has(w) ? SMALL_FLAG : 0) | (isOpeningPunctuation(w) ? OPENING_FLAG : 0);
    this.marks[id * 2] = 0;
    this.marks[id * 2 + 1] = 0;
    staticRows(w, lw, c, casing, clusters, this.mask, this.staticRows, id * STATIC_FEATURES);
    return id;
  }

  /** The case class of form `id` (see wordShape.ts). */
  caseClass(id: number): number {
    return this.forms[id * FORM_FIELDS + FORM_FLAGS] & 15;
  }

  /** How form `id` is usually written (see casingBucket), 0 if unknown. */
  casing(id: number): number {
    return (this.forms[id * FORM_FIELDS + FORM_FLAGS] >>> 4) & 15;
  }

  /** Id of the lower-case form of `id`. */
  lowerId(id: number): number {
    return this.forms[id * FORM_FIELDS + FORM_LOWER_ID];
  }

  /** Whether form `id` is a small function word (SMALL_WORDS). */
  isSmall(id: number): boolean {
    return (this.forms[id * FORM_FIELDS + FORM_FLAGS] & SMALL_FLAG) !== 0;
  }

  private place(id: number): void {
    const slots = this.slots;
    const mask = slots.length / SLOT - 1;
    let at = this.rawHash[id] & mask;
    while (slots[at * SLOT] !== 0) at = (at + 1) & mask;
    const o = at * SLOT;
    slots[o] = id + 1;
    slots[o + 1] = this.rawHash[id];
    slots[o + 2] = this.rawStart[id];
    slots[o + 3] = this.rawLength[id];
  }

  /** Doubles the id table, keeping it at most half full. */
  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let id = 0; id < this.size; id++) this.place(id);
  }

  /** Ids of a sequence of raw token texts. */
  idsOf(words: readonly string[]): Int32Array {
    const out = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) out[i] = this.id(words[i]);
    return out;
  }

  private grow(capacity: number): void {
    const copy = <T extends Int32Array | Uint8Array | Float64Array>(a: T, size: number): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.rawHash = copy(this.rawHash, capacity);
    this.rawStart = copy(this.rawStart, capacity);
    this.rawLength = copy(this.rawLength, capacity);
    this.forms = copy(this.forms, capacity * FORM_FIELDS);
    this.staticRows = copy(this.staticRows, capacity * STATIC_FEATURES);
    this.marks = copy(this.marks, capacity * 2);
    this.capacity = capacity;
  }
}

/**
 * How a word is usually written, from counts over unlabelled text: `lower` occurrences in lower case,
 * `capital` capitalised in the middle of a normal sentence. 0 unknown (fewer than 2 occurrences);
 * 1-6 from always lower case to always capitalised; +8 when frequent.
 */
export function casingBucket(lower: number, capital: number): number {
  const total = lower + capital;
  if (total < 2) return 0;
  const r = capital / total;
  const b = r === 0 ? 1 : r < 0.1 ? 2 : r < 0.5 ? 3 : r < 0.9 ? 4 : r < 1 ? 5 : 6;
  return b + (total >= 50 ? 8 : 0);
}
