// Feature extraction for the name tagger, shared by training and recognition. Every feature is a row of
// the weight table: a template number mixed with per-word hashes, masked. Row 0 is reserved and always
// zero, so an unused slot costs nothing. Features never look at tags, so a token's emission scores are
// computed once and decoded exactly.
//
// A token's features are split in two: the STATIC ones depend on the word form alone (the word, its
// lower case, shape, affixes, how the word is usually written), so the recogniser sums their weights
// once per distinct word form (see Lexicon); the DYNAMIC ones look at the context. Lower-case words,
// digits and punctuation (most tokens) get a short dynamic set; capitalised words get the full one.
import * as factLists from './facts';
import * as gazetteers from './gazetteer';
import type { Gazetteer, GazetteerSet } from './gazetteer';
import * as hash from './hash';
import * as wordShape from './wordShape';
import type { TaggerSentence } from './wordShape';

// The training code reads the word-shape leaf through this module.
export { ALL_CAPS_LINE, CAPS, caseClassOf, DIGIT, INITIAL, isCapitalised, isOpeningPunctuation, LOWER, MIXED, NORMAL, OTHER, sentenceKind, shapeHash, SMALL_WORDS, TITLE, TITLE_CASE_LINE } from './wordShape';
export type { TaggerDocument, TaggerSentence } from './wordShape';

// Hot loops read module-level consts: under the CommonJS interop of tsx every imported name is a getter.
const { hashString, mix } = hash;
const { CAPS, INITIAL, LOWER, MIXED, NORMAL, TITLE, sentenceKind, shapeHash } = wordShape;

/**
 * What the features read of every word form, by lexicon id (see Lexicon): FORM_FIELDS ints per form, side by side,
 * so that a token costs one cache line of the form table, not one line in each of a dozen arrays (a rare word's
 * fields are nowhere in the cache, and a hashed table of word forms is read at random).
 */
export interface WordForms {
  /** FORM_FIELDS ints per form, at the FORM_* offsets. */
  forms: Int32Array;
  /** STATIC_FEATURES rows per word form. */
  staticRows: Int32Array;
  /** Per-document scratch marks, two per form (MARK_LOWER, MARK_CAPITAL_MID), compared with the stamp `nextStamp` returns. */
  marks: Int32Array;
  nextStamp(): number;
}

/** Ints per word form in WordForms.forms (a cache line), and their offsets. */
export const FORM_FIELDS = 16;
export const FORM_WORD = 0;
export const FORM_LOWER = 1;
export const FORM_TITLE = 2;
export const FORM_SHAPE = 3;
/** Id of the lower-case form. */
export const FORM_LOWER_ID = 4;
/** Packed word classes (CLUSTER_BITS per clustering), 0 if none. */
export const FORM_CLUSTERS = 5;
/** Case class (bits 0-3), how the word is usually written (casing bucket, bits 4-7), a small word (bit 8), opening punctuation (bit 9), scored (bit 10). */
export const FORM_FLAGS = 6;
export const SMALL_FLAG = 1 << 8;
export const OPENING_FLAG = 1 << 9;
/** Set once FORM_SCORES holds the form's static scores (recognition sums them on the form's first use). */
export const SCORED_FLAG = 1 << 10;
/** The summed emission scores of the form's static rows, TAG_COUNT integers (as the model's weights are). */
export const FORM_SCORES = 7;
export const MARK_LOWER = 0;
export const MARK_CAPITAL_MID = 1;

/** Per-token facts computed once per document. */
export interface TokenTable {
  n: number;
  /** Lexicon id of every token. */
  id: Int32Array;
  lower: Int32Array;
  caseClass: Uint8Array;
  /** Bit 0: first in sentence; bits 1-2: sentence kind. */
  position: Uint8Array;
  /** Per type (4 per token): 0 none, 1 starts a gazetteer match, 2 inside one, 3 a one-token match; +4 if the match is longer than two tokens. */
  gazetteer: Uint8Array;
  /** The same codes for the place-name gazetteer (countries, cities by size). */
  places: Uint8Array;
  /** The same codes for the lists of facts (facts.ts: clubs, broadcasters, parties, companies, awards, demonyms). */
  facts: Uint8Array;
  /** 1 if the lower-cased word also occurs in lower case in the document. */
  seenLower: Uint8Array;
  /** 1 if the word also occurs capitalised in the middle of a normal sentence of the document. */
  seenCapitalMid: Uint8Array;
}

/**
 * The arrays of token tables, kept across documents: a recogniser tags thousands of short documents, and a fresh
 * set of typed arrays for each costs more than zeroing these. A table made from them is valid until the next one.
 */
export class TokenTableBuffers {
  private capacity = 0;
  private lower = new Int32Array(0);
  private bytes = new Uint8Array(0);

  /** Zeroed arrays for a table of n tokens. */
  table(ids: Int32Array): TokenTable {
    const n = ids.length;
    if (n > this.capacity) {
      this.capacity = Math.max(n, this.capacity * 2, 1024);
      this.lower = new Int32Array(this.capacity);
      this.bytes = new Uint8Array(this.capacity * 16);
    }
    const b = this.bytes;
    b.fill(0, 0, n * 16);
    return {
      n,
      id: ids,
      lower: this.lower.subarray(0, n),
      caseClass: b.subarray(0, n),
      position: b.subarray(n, 2 * n),
      seenLower: b.subarray(2 * n, 3 * n),
      seenCapitalMid: b.subarray(3 * n, 4 * n),
      gazetteer: b.subarray(4 * n, 8 * n),
      places: b.subarray(8 * n, 12 * n),
      facts: b.subarray(12 * n, 16 * n),
    };
  }
}

/** Token table of a document whose tokens already have lexicon ids; in `buffers` when given (see TokenTableBuffers). */
export function buildTokenTable(doc: { ids: Int32Array; sentences: TaggerSentence[] }, lexicon: WordForms, gazetteer: Gazetteer | null, places: Gazetteer | null, buffers?: TokenTableBuffers): TokenTable {
  const ids = doc.ids;
  const n = ids.length;
  const table: TokenTable = buffers
    ? buffers.table(ids)
    : {
        n,
        id: ids,
        lower: new Int32Array(n),
        caseClass: new Uint8Array(n),
        position: new Uint8Array(n),
        gazetteer: new Uint8Array(n * 4),
        places: new Uint8Array(n * 4),
        facts: new Uint8Array(n * 4),
        seenLower: new Uint8Array(n),
        seenCapitalMid: new Uint8Array(n),
      };
  const forms = lexicon.forms;
  const F = FORM_FIELDS;
  for (let i = 0; i < n; i++) {
    const f = ids[i] * F;
    table.lower[i] = forms[f + FORM_LOWER];
    table.caseClass[i] = forms[f + FORM_FLAGS] & 15;
  }
  // Per-document marks on lower-case forms, by lexicon id: stamp values make clearing unnecessary.
  const stamp = lexicon.nextStamp();
  const marks = lexicon.marks;
  for (const s of doc.sentences) {
    const kind = sentenceKind(table.caseClass, (i) => (forms[ids[i] * F + FORM_FLAGS] & SMALL_FLAG) !== 0, s.first, s.end);
    for (let i = s.first; i < s.end; i++) {
      table.position[i] = (i === s.first ? 1 : 0) | (kind << 1);
      const k = table.caseClass[i];
      if (k === LOWER) marks[forms[ids[i] * F + FORM_LOWER_ID] * 2 + MARK_LOWER] = stamp;
      else if ((k === TITLE || k === CAPS) && kind === NORMAL && i > s.first && (forms[ids[i - 1] * F + FORM_FLAGS] & OPENING_FLAG) === 0) marks[forms[ids[i] * F + FORM_LOWER_ID] * 2 + MARK_CAPITAL_MID] = stamp;
    }
  }
  for (let i = 0; i < n; i++) {
    const l = forms[ids[i] * F + FORM_LOWER_ID] * 2;
    if (marks[l + MARK_LOWER] === stamp) table.seenLower[i] = 1;
    if (marks[l + MARK_CAPITAL_MID] === stamp) table.seenCapitalMid[i] = 1;
  }
  setOf(gazetteer, places).mark(table.lower, table.caseClass, doc.sentences, [table.gazetteer, table.places, table.facts]);
  return table;
}

/** An absent gazetteer, which marks nothing. */
const NONE = new gazetteers.Gazetteer();
const SETS = new WeakMap<Gazetteer, WeakMap<Gazetteer, GazetteerSet>>();

/** The training names, the places and the facts, marked together (see GazetteerSet); made once per pair. */
function setOf(gazetteer: Gazetteer | null, places: Gazetteer | null): GazetteerSet {
  const g = gazetteer ?? NONE;
  const p = places ?? NONE;
  let byPlaces = SETS.get(g);
  if (!byPlaces) SETS.set(g, (byPlaces = new WeakMap()));
  let set = byPlaces.get(p);
  if (!set) byPlaces.set(p, (set = new gazetteers.GazetteerSet([g, p, factLists.factsGazetteer()])));
  return set;
}

/** Row of the document-memory feature of token i for memory value m (0: no memory, no feature). */
export function memoryRow(table: TokenTable, i: number, m: number, mask: number): number {
  if (m === 0) return 0;
  const pos = table.position[i];
  const caseless = pos >> 1 !== NORMAL ? 1 : 0;
  return row(mix(34, m | (table.caseClass[i] << 8) | (caseless << 11) | ((pos & 1) << 12)), mask);
}

/** Row of the sequence-memory feature of token i for code m (0: none). */
export function sequenceRow(table: TokenTable, i: number, m: number, mask: number): number {
  if (m === 0) return 0;
  const pos = table.position[i];
  const caseless = pos >> 1 !== NORMAL ? 1 : 0;
  return row(mix(39, m | (table.caseClass[i] << 8) | (caseless << 11) | ((pos & 1) << 12)), mask);
}

/** A hash masked to a row of the table, never the reserved row 0. */
export function row(h: number, mask: number): number {
  const r = h & mask;
  return r === 0 ? 1 : r;
}

/** Bits of one clustering's class in a packed word-cluster value (see train/clusters.ts); class 0 is none. */
export const CLUSTER_BITS = 10;
/** Word clusterings whose classes are static features (packed CLUSTER_BITS bits each). */
export const CLUSTERINGS = 3;
/** Static feature rows per word form. */
export const STATIC_FEATURES = 14 + CLUSTERINGS;
const CLUSTER_MASK = (1 << CLUSTER_BITS) - 1;
/** Dynamic feature rows per token (context, gazetteers, facts, document memory). */
export const DYNAMIC_FEATURES = 29;
/** Dynamic rows that a lower-case word, digit or punctuation token can have: the first ones. */
export const SHORT_DYNAMIC_FEATURES = 11;
/** Dynamic rows of a capitalised token before the memory slots. */
export const LONG_DYNAMIC_FEATURES = 27;
/** Slots per token in a full feature array (training): static, then dynamic. */
export const FEATURES_PER_TOKEN = STATIC_FEATURES + DYNAMIC_FEATURES;
/** Dynamic slots of the two document-memory features (see tagger.ts); the first pass leaves them 0. */
export const MEMORY_SLOT = DYNAMIC_FEATURES - 2;
export const SEQUENCE_SLOT = DYNAMIC_FEATURES - 1;

/** Writes the static rows of a word form into `out` at `o`. */
export function staticRows(w: string, lw: string, caseClass: number, casing: number, clusters: number, mask: number, out: Int32Array, o: number): void {
  const word = hashString(w);
  const lower = lw === w ? word : hashString(lw);
  out[o++] = row(mix(1, 0), mask);
  out[o++] = row(mix(2, word), mask);
  out[o++] = row(mix(3, lower), mask);
  out[o++] = row(mix(10, shapeHash(w)), mask);
  // Affixes of the lower-cased word, 1 to 4 characters.
  const len = lw.length;
  let h = 0x811c9dc5;
  for (let k = 0; k < 4; k++) {
    if (k < len) {
      h ^= lw.charCodeAt(k);
      h = Math.imul(h, 0x01000193);
    }
    out[o++] = row(mix(14 + k, k < len ? h | 0 : 0), mask);
  }
  h = 0x811c9dc5;
  for (let k = 0; k < 4; k++) {
    if (k < len) {
      h ^= lw.charCodeAt(len - 1 - k);
      h = Math.imul(h, 0x01000193);
    }
    out[o++] = row(mix(18 + k, k < len ? h | 0 : 0), mask);
  }
  out[o++] = row(mix(33, (w.length > 12 ? 12 : w.length) | (caseClass << 4)), mask);
  out[o++] = row(mix(35, casing | (caseClass << 4)), mask);
  // Word classes, coarse to fine, with the case class: a rare capitalised word in the class of `Clinton`.
  for (let k = 0; k < CLUSTERINGS; k++) out[o++] = row(mix(42 + k, ((clusters >>> (k * CLUSTER_BITS)) & CLUSTER_MASK) | (caseClass << CLUSTER_BITS)), mask);
}

const PAD_PREVIOUS = [hashString('<s-1>'), hashString('<s-2>')];
const PAD_NEXT = [hashString('</s+1>'), hashString('</s+2>')];

// The templates that read only a token's case class, its place in the sentence, the gazetteer, place and fact codes
// and, for a capitalised token, how its word is usually written and whether the document writes it in lower case or
// capitalised elsewhere. With no gazetteer, place or fact match (most tokens) they take a few thousand values, so
// recognition sums their weights once per value (see contextKey) instead of once per token.
function caseRow(c0: number, pos: number, mask: number): number {
  return row(mix(24, c0 | (pos << 3)), mask);
}
function gazetteerRow(t: number, code: number, c0: number, mask: number): number {
  return row(mix(27 + t, code | (c0 << 3)), mask);
}
function seenLowerRow(c0: number, seenLower: number, caseless: number, pos: number, mask: number): number {
  return row(mix(25, c0 | (seenLower << 3) | (caseless << 4) | ((pos & 1) << 5)), mask);
}
function seenCapitalRow(c0: number, seenLower: number, seenCapitalMid: number, caseless: number, pos: number, mask: number): number {
  return row(mix(26, c0 | (seenCapitalMid << 3) | (caseless << 4) | ((pos & 1) << 5) | (seenLower << 6)), mask);
}
function casingRow(casing0: number, c0: number, pos: number, mask: number): number {
  return row(mix(36, casing0 | (c0 << 4) | (pos << 7)), mask);
}
function placesRow(p0: number, p1: number, p2: number, p3: number, c0: number, mask: number): number {
  return row(mix(37, p0 | (p1 << 3) | (p2 << 6) | (p3 << 9) | (c0 << 12)), mask);
}
function casingGazetteerRow(casing0: number, c0: number, pos: number, anyGazetteer: boolean, mask: number): number {
  return row(mix(38, (casing0 & 7) | (c0 << 4) | (pos << 7) | (anyGazetteer ? 1 << 10 : 0)), mask);
}
function factsRow(f0: number, f1: number, f2: number, f3: number, c0: number, caseless: number, mask: number): number {
  return row(mix(41, f0 | (f1 << 3) | (f2 << 6) | (f3 << 9) | (c0 << 12) | (caseless << 15)), mask);
}

/**
 * Key of a token's context rows (see contextRowsOf) when its gazetteer codes are all 0: bit 12 set, only the case and
 * gazetteer rows (a lower-case token, or a capitalised one with a place or fact match); clear, those and every other
 * context row of a capitalised token, whose place and fact codes are 0 too.
 */
export const CONTEXT_KEYS = 1 << 13;
const SHORT_CONTEXT = 1 << 12;

/** The rows of the context templates that key `key` stands for (see CONTEXT_KEYS), written at out[0..]; returns how many. */
export function contextRowsOf(key: number, mask: number, out: Int32Array): number {
  const c0 = key & 7;
  const pos = (key >>> 3) & 7;
  let o = 0;
  out[o++] = caseRow(c0, pos, mask);
  for (let t = 0; t < 4; t++) out[o++] = gazetteerRow(t, 0, c0, mask);
  if ((key & SHORT_CONTEXT) !== 0) return o;
  const seenLower = (key >>> 6) & 1;
  const seenCapitalMid = (key >>> 7) & 1;
  const casing0 = (key >>> 8) & 15;
  const caseless = pos >> 1 !== NORMAL ? 1 : 0;
  out[o++] = seenLowerRow(c0, seenLower, caseless, pos, mask);
  out[o++] = seenCapitalRow(c0, seenLower, seenCapitalMid, caseless, pos, mask);
  out[o++] = casingRow(casing0, c0, pos, mask);
  out[o++] = placesRow(0, 0, 0, 0, c0, mask);
  out[o++] = casingGazetteerRow(casing0, c0, pos, false, mask);
  out[o++] = factsRow(0, 0, 0, 0, c0, caseless, mask);
  return o;
}

/**
 * Fills `out` with the rows of every token, `stride` slots per token. With `withStatic` the static rows
 * come first (training); without, only the dynamic rows are written (recognition sums the static ones
 * per word form). With `withStatic` every slot a token does not use is 0 (the memory slots too); without, only the
 * rows recognition reads are written (a lower-case token's first SHORT_DYNAMIC_FEATURES, a capitalised one's first
 * LONG_DYNAMIC_FEATURES) and the rest are left as they were. With `contextKeys` (recognition), a token whose
 * gazetteer codes are all 0 gets its context rows (see contextRowsOf) as 0 and their key in contextKeys[i]; any other
 * token gets -1 there.
 */
export function extractFeatures(table: TokenTable, lexicon: WordForms, sentences: TaggerSentence[], mask: number, out: Int32Array, withStatic: boolean, contextKeys?: Int32Array): void {
  const { id, lower, caseClass, position, gazetteer, places, facts, seenLower, seenCapitalMid } = table;
  const forms = lexicon.forms;
  const F = FORM_FIELDS;
  const lexStatic = lexicon.staticRows;
  const S = STATIC_FEATURES;
  const stride = withStatic ? FEATURES_PER_TOKEN : DYNAMIC_FEATURES;
  const keyed = contextKeys !== undefined;
  for (const s of sentences) {
    for (let i = s.first; i < s.end; i++) {
      const w0 = id[i];
      let o = i * stride;
      if (withStatic) {
        for (let k = 0; k < S; k++) out[o + k] = lexStatic[w0 * S + k];
        o += S;
      }
      const end = o + DYNAMIC_FEATURES;
      const l0 = lower[i];
      const hasPrev = i > s.first;
      const hasNext = i + 1 < s.end;
      const lm1 = hasPrev ? lower[i - 1] : PAD_PREVIOUS[0];
      const lp1 = hasNext ? lower[i + 1] : PAD_NEXT[0];
      const wm1 = hasPrev ? forms[id[i - 1] * F + FORM_WORD] : PAD_PREVIOUS[0];
      const wp1 = hasNext ? forms[id[i + 1] * F + FORM_WORD] : PAD_NEXT[0];
      const c0 = caseClass[i];
      const pos = position[i];
      const g = i * 4;
      const g0 = gazetteer[g], g1 = gazetteer[g + 1], g2 = gazetteer[g + 2], g3 = gazetteer[g + 3];
      const capitalised = c0 === TITLE || c0 === CAPS || c0 === INITIAL || c0 === MIXED;
      // The key of this token's context rows, or -1 (see contextRowsOf); its rows are then written as 0.
      let key = -1;
      if (keyed && (g0 | g1 | g2 | g3) === 0) {
        key = c0 | (pos << 3) | SHORT_CONTEXT;
        if (capitalised && (places[g] | places[g + 1] | places[g + 2] | places[g + 3] | facts[g] | facts[g + 1] | facts[g + 2] | facts[g + 3]) === 0) {
          key = c0 | (pos << 3) | (seenLower[i] << 6) | (seenCapitalMid[i] << 7) | (((forms[w0 * F + FORM_FLAGS] >>> 4) & 15) << 8);
        }
        contextKeys[i] = key;
      } else if (keyed) contextKeys[i] = -1;
      const keyedCase = key >= 0;
      const full = key >= 0 && (key & SHORT_CONTEXT) === 0;
      out[o++] = row(mix(4, lm1), mask);
      out[o++] = row(mix(5, lp1), mask);
      // The cased neighbours only where they differ from the lower-case ones.
      out[o++] = wm1 !== lm1 ? row(mix(8, wm1), mask) : 0;
      out[o++] = wp1 !== lp1 ? row(mix(9, wp1), mask) : 0;
      out[o++] = row(mix(mix(22, lm1), l0), mask);
      out[o++] = row(mix(mix(23, l0), lp1), mask);
      if (keyedCase) {
        out[o++] = 0;
        out[o++] = 0;
        out[o++] = 0;
        out[o++] = 0;
        out[o++] = 0;
      } else {
        out[o++] = caseRow(c0, pos, mask);
        out[o++] = gazetteerRow(0, g0, c0, mask);
        out[o++] = gazetteerRow(1, g1, c0, mask);
        out[o++] = gazetteerRow(2, g2, c0, mask);
        out[o++] = gazetteerRow(3, g3, c0, mask);
      }
      if (capitalised) {
        const lm2 = i - 2 >= s.first ? lower[i - 2] : PAD_PREVIOUS[1];
        const lp2 = i + 2 < s.end ? lower[i + 2] : PAD_NEXT[1];
        const f0 = w0 * F;
        const s0 = forms[f0 + FORM_SHAPE];
        const sm1 = hasPrev ? forms[id[i - 1] * F + FORM_SHAPE] : PAD_PREVIOUS[0];
        const sp1 = hasNext ? forms[id[i + 1] * F + FORM_SHAPE] : PAD_NEXT[0];
        const casing0 = (forms[f0 + FORM_FLAGS] >>> 4) & 15;
        const caseless = pos >> 1 !== NORMAL ? 1 : 0;
        out[o++] = row(mix(6, lm2), mask);
        out[o++] = row(mix(7, lp2), mask);
        out[o++] = row(mix(mix(11, sm1), s0), mask);
        out[o++] = row(mix(mix(12, s0), sp1), mask);
        out[o++] = row(mix(mix(mix(13, sm1), s0), sp1), mask);
        out[o++] = full ? 0 : seenLowerRow(c0, seenLower[i], caseless, pos, mask);
        out[o++] = full ? 0 : seenCapitalRow(c0, seenLower[i], seenCapitalMid[i], caseless, pos, mask);
        const gm1 = hasPrev ? gazetteer[g - 4] | (gazetteer[g - 3] << 3) | (gazetteer[g - 2] << 6) | (gazetteer[g - 1] << 9) : 4095;
        out[o++] = row(mix(31, gm1), mask);
        out[o++] = row(mix(mix(32, s0), lm1), mask);
        out[o++] = full ? 0 : casingRow(casing0, c0, pos, mask);
        out[o++] = full ? 0 : placesRow(places[g], places[g + 1], places[g + 2], places[g + 3], c0, mask);
        // A word in capitals also gets the word feature of its title-case form (`KHERSON` as `Kherson`).
        out[o++] = c0 === CAPS ? row(mix(2, forms[f0 + FORM_TITLE]), mask) : 0;
        out[o++] = full ? 0 : casingGazetteerRow(casing0, c0, pos, g0 !== 0 || g1 !== 0 || g2 !== 0 || g3 !== 0, mask);
        // --- Facts (names branch): the lists of facts.ts, by type and match position, with the case class and
        // whether the sentence is a headline (where capitals say less).
        out[o++] = full ? 0 : factsRow(facts[g], facts[g + 1], facts[g + 2], facts[g + 3], c0, caseless, mask);
        // The neighbours' middle classes (the sentence edge its own value): `Mr` and `said` stand for their classes.
        const km1 = hasPrev ? (forms[id[i - 1] * F + FORM_CLUSTERS] >>> CLUSTER_BITS) & CLUSTER_MASK : CLUSTER_MASK;
        const kp1 = hasNext ? (forms[id[i + 1] * F + FORM_CLUSTERS] >>> CLUSTER_BITS) & CLUSTER_MASK : CLUSTER_MASK;
        out[o++] = row(mix(45, km1 | (c0 << CLUSTER_BITS)), mask);
        out[o++] = row(mix(46, kp1 | (c0 << CLUSTER_BITS)), mask);
      }
      // Recognition reads a lower-case token's first SHORT_DYNAMIC_FEATURES rows only; training reads every slot.
      if (withStatic) while (o < end) out[o++] = 0;
    }
  }
}
