// Feature extraction for the name tagger, shared by training and recognition. Every feature is an
// integer: a template number mixed with per-token hashes, masked into a row of the weight table.
// Features never look at tags, so a token's emission scores are computed once and decoded exactly.
import { hashString as importedHashString, mix as importedMix } from './hash';
import type { Gazetteer } from './gazetteer';

export interface TaggerSentence {
  first: number;
  end: number;
}

/** A document as the tagger sees it: normalised token texts and sentences as token ranges. */
export interface TaggerDocument {
  words: string[];
  sentences: TaggerSentence[];
}

// Hot loops call module-local bindings: under the CommonJS interop of tsx every imported name is a getter.
const hashString = importedHashString;
const mix = importedMix;

// Case classes of a token.
export const LOWER = 0;
export const TITLE = 1;
export const CAPS = 2;
export const INITIAL = 3;
export const DIGIT = 4;
export const OTHER = 5;
export const MIXED = 6;

// Sentence kinds.
const NORMAL = 0;
const ALL_CAPS_LINE = 1;
const TITLE_CASE_LINE = 2;

/** Per-token facts computed once per document. */
export interface TokenTable {
  n: number;
  word: Int32Array;
  lower: Int32Array;
  shape: Int32Array;
  prefix: Int32Array; // 4 per token
  suffix: Int32Array; // 4 per token
  caseClass: Uint8Array;
  length: Uint8Array;
  /** Bit 0: first in sentence; bits 1-2: sentence kind. */
  position: Uint8Array;
  /** Per type (4 per token): 0 none, 1 starts a gazetteer match, 2 inside one, 3 a one-token match; +4 if the match is longer than two tokens. */
  gazetteer: Uint8Array;
  /** 1 if the lower-cased word also occurs in lower case in the document. */
  seenLower: Uint8Array;
  /** 1 if the word also occurs capitalised in the middle of a normal sentence of the document. */
  seenCapitalMid: Uint8Array;
}

const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'as', 'by', 'with', 'from', 'vs', 'v', 'de', 'over', 'after', 'into', 'but', 'is', 'are']);

export function caseClassOf(w: string): number {
  const c = w.charCodeAt(0);
  if (c >= 48 && c <= 57) return DIGIT;
  let firstUpper: boolean;
  let firstLower: boolean;
  if (c < 128) {
    firstUpper = c >= 65 && c <= 90;
    firstLower = c >= 97 && c <= 122;
  } else {
    const first = w[0];
    firstUpper = first !== first.toLowerCase();
    firstLower = first !== first.toUpperCase();
  }
  if (!firstUpper && !firstLower) return OTHER;
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < w.length; i++) {
    const k = w.charCodeAt(i);
    if (k < 128) {
      if (k >= 65 && k <= 90) upper++;
      else if (k >= 97 && k <= 122) lower++;
    } else {
      const ch = w[i];
      if (ch !== ch.toLowerCase()) upper++;
      else if (ch !== ch.toUpperCase()) lower++;
    }
  }
  if (firstLower) return upper > 0 ? MIXED : LOWER;
  if (lower === 0) return upper === 1 ? INITIAL : CAPS;
  return TITLE;
}

function charClass(c: number): number {
  if (c >= 97 && c <= 122) return 120; // x
  if (c >= 65 && c <= 90) return 88; // X
  if (c >= 48 && c <= 57) return 100; // d
  if (c < 128) return c;
  const s = String.fromCharCode(c);
  if (s !== s.toLowerCase()) return 88;
  if (s !== s.toUpperCase()) return 120;
  return c;
}

/** Hash of the compressed shape: `Kherson` -> `Xx`, `U.S.` -> `X.X.`, `1996-08-22` -> `d-d-d`. */
function shapeHash(w: string): number {
  let h = 0x811c9dc5;
  let last = -1;
  for (let i = 0; i < w.length; i++) {
    const k = charClass(w.charCodeAt(i));
    if (k === last) continue;
    last = k;
    h ^= k;
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

function sentenceKind(table: { caseClass: Uint8Array }, words: string[], first: number, end: number): number {
  let alpha = 0;
  let caps = 0;
  let title = 0;
  let lowerContent = 0;
  for (let i = first; i < end; i++) {
    const k = table.caseClass[i];
    if (k === DIGIT || k === OTHER) continue;
    alpha++;
    if (k === CAPS) caps++;
    else if (k === TITLE || k === INITIAL) title++;
    else if (!SMALL_WORDS.has(words[i])) lowerContent++;
  }
  if (alpha >= 2 && caps * 10 >= alpha * 6 && lowerContent === 0) return ALL_CAPS_LINE;
  if (alpha >= 3 && lowerContent === 0 && title + caps >= alpha - 2) return TITLE_CASE_LINE;
  return NORMAL;
}

export function buildTokenTable(doc: TaggerDocument, gazetteer: Gazetteer | null): TokenTable {
  const words = doc.words;
  const n = words.length;
  const table: TokenTable = {
    n,
    word: new Int32Array(n),
    lower: new Int32Array(n),
    shape: new Int32Array(n),
    prefix: new Int32Array(n * 4),
    suffix: new Int32Array(n * 4),
    caseClass: new Uint8Array(n),
    length: new Uint8Array(n),
    position: new Uint8Array(n),
    gazetteer: new Uint8Array(n * 4),
    seenLower: new Uint8Array(n),
    seenCapitalMid: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const w = words[i];
    const lw = w.toLowerCase();
    table.word[i] = hashString(w);
    table.lower[i] = lw === w ? table.word[i] : hashString(lw);
    table.shape[i] = shapeHash(w);
    table.caseClass[i] = caseClassOf(w);
    table.length[i] = w.length > 12 ? 12 : w.length;
    // Affixes of the lower-cased word, 1 to 4 characters.
    let h = 0x811c9dc5;
    const len = lw.length;
    for (let k = 0; k < 4; k++) {
      if (k < len) {
        h ^= lw.charCodeAt(k);
        h = Math.imul(h, 0x01000193);
      }
      table.prefix[i * 4 + k] = k < len ? h : 0;
    }
    h = 0x811c9dc5;
    for (let k = 0; k < 4; k++) {
      if (k < len) {
        h ^= lw.charCodeAt(len - 1 - k);
        h = Math.imul(h, 0x01000193);
      }
      table.suffix[i * 4 + k] = k < len ? h : 0;
    }
  }
  const lowerSeen = new Set<number>();
  const capitalMid = new Set<number>();
  for (const s of doc.sentences) {
    const kind = sentenceKind(table, words, s.first, s.end);
    for (let i = s.first; i < s.end; i++) {
      table.position[i] = (i === s.first ? 1 : 0) | (kind << 1);
      const k = table.caseClass[i];
      if (k === LOWER) lowerSeen.add(table.lower[i]);
      else if ((k === TITLE || k === CAPS) && kind === NORMAL && i > s.first && !isOpeningPunctuation(words[i - 1])) capitalMid.add(table.lower[i]);
    }
  }
  for (let i = 0; i < n; i++) {
    if (lowerSeen.has(table.lower[i])) table.seenLower[i] = 1;
    if (capitalMid.has(table.lower[i])) table.seenCapitalMid[i] = 1;
  }
  if (gazetteer) gazetteer.mark(table, doc.sentences);
  return table;
}

/** Row of the document-memory feature of token i for memory value m. */
export function memoryRow(table: TokenTable, i: number, m: number, mask: number): number {
  const pos = table.position[i];
  const caseless = pos >> 1 !== NORMAL ? 1 : 0;
  return mix(34, m | (table.caseClass[i] << 8) | (caseless << 11) | ((pos & 1) << 12)) & mask;
}

function isOpeningPunctuation(w: string): boolean {
  return w === '"' || w === '(' || w === ':' || w === '-' || w === '--' || w === "'" || w === '`' || w === '[';
}

/** Slots per token in the feature array. */
export const FEATURES_PER_TOKEN = 34;
/** The last slot holds the document-memory feature (see tagger.ts); the first pass fills it with ABSENT. */
export const MEMORY_SLOT = 33;
export const ABSENT = 255;

const PAD_PREVIOUS = [hashString('<s-1>'), hashString('<s-2>')];
const PAD_NEXT = [hashString('</s+1>'), hashString('</s+2>')];

/** Fills `out` (n * FEATURES_PER_TOKEN) with weight-table rows for every token. */
export function extractFeatures(table: TokenTable, sentences: TaggerSentence[], mask: number, out: Int32Array): void {
  const { word, lower, shape, prefix, suffix, caseClass, position, gazetteer, seenLower, seenCapitalMid, length } = table;
  for (const s of sentences) {
    for (let i = s.first; i < s.end; i++) {
      const l0 = lower[i];
      const lm1 = i - 1 >= s.first ? lower[i - 1] : PAD_PREVIOUS[0];
      const lm2 = i - 2 >= s.first ? lower[i - 2] : PAD_PREVIOUS[1];
      const lp1 = i + 1 < s.end ? lower[i + 1] : PAD_NEXT[0];
      const lp2 = i + 2 < s.end ? lower[i + 2] : PAD_NEXT[1];
      const wm1 = i - 1 >= s.first ? word[i - 1] : PAD_PREVIOUS[0];
      const wp1 = i + 1 < s.end ? word[i + 1] : PAD_NEXT[0];
      const s0 = shape[i];
      const sm1 = i - 1 >= s.first ? shape[i - 1] : PAD_PREVIOUS[0];
      const sp1 = i + 1 < s.end ? shape[i + 1] : PAD_NEXT[0];
      const c0 = caseClass[i];
      const pos = position[i];
      const caseless = pos >> 1 !== NORMAL ? 1 : 0;
      const situation = c0 | (pos << 3);
      let o = i * FEATURES_PER_TOKEN;
      out[o++] = mix(1, 0) & mask;
      out[o++] = mix(2, word[i]) & mask;
      out[o++] = mix(3, l0) & mask;
      out[o++] = mix(4, lm1) & mask;
      out[o++] = mix(5, lp1) & mask;
      out[o++] = mix(6, lm2) & mask;
      out[o++] = mix(7, lp2) & mask;
      out[o++] = mix(8, wm1) & mask;
      out[o++] = mix(9, wp1) & mask;
      out[o++] = mix(10, s0) & mask;
      out[o++] = mix(mix(11, sm1), s0) & mask;
      out[o++] = mix(mix(12, s0), sp1) & mask;
      out[o++] = mix(mix(mix(13, sm1), s0), sp1) & mask;
      for (let k = 0; k < 4; k++) {
        out[o++] = mix(14 + k, prefix[i * 4 + k]) & mask;
        out[o++] = mix(18 + k, suffix[i * 4 + k]) & mask;
      }
      out[o++] = mix(mix(22, lm1), l0) & mask;
      out[o++] = mix(mix(23, l0), lp1) & mask;
      out[o++] = mix(24, situation) & mask;
      out[o++] = mix(25, c0 | (seenLower[i] << 3) | (caseless << 4) | ((pos & 1) << 5)) & mask;
      out[o++] = mix(26, c0 | (seenCapitalMid[i] << 3) | (caseless << 4) | ((pos & 1) << 5) | (seenLower[i] << 6)) & mask;
      for (let t = 0; t < 4; t++) out[o++] = mix(27 + t, gazetteer[i * 4 + t] | (c0 << 3)) & mask;
      const gm1 = i - 1 >= s.first ? gazetteer[(i - 1) * 4] | (gazetteer[(i - 1) * 4 + 1] << 3) | (gazetteer[(i - 1) * 4 + 2] << 6) | (gazetteer[(i - 1) * 4 + 3] << 9) : 4095;
      out[o++] = mix(31, gm1) & mask;
      out[o++] = mix(mix(32, s0), lm1) & mask;
      out[o++] = mix(33, length[i] | (c0 << 4)) & mask;
      out[o++] = memoryRow(table, i, ABSENT, mask);
    }
  }
}
