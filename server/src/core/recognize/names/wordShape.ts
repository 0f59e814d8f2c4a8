// How a word and a sentence are written: case classes, compressed shapes, sentence kinds, small function words.
// A leaf: the features, the lexicon, the gazetteers and the recogniser all read it, and it imports none of them.

export interface TaggerSentence {
  first: number;
  end: number;
}

/** A document as the tagger sees it: token texts and sentences as token ranges. */
export interface TaggerDocument {
  words: string[];
  sentences: TaggerSentence[];
}

// Case classes of a token.
export const LOWER = 0;
export const TITLE = 1;
export const CAPS = 2;
export const INITIAL = 3;
export const DIGIT = 4;
export const OTHER = 5;
export const MIXED = 6;

/** Whether a case class carries capitalisation evidence (the full feature set, document memory). */
export function isCapitalised(c: number): boolean {
  return c === TITLE || c === CAPS || c === INITIAL || c === MIXED;
}

// Sentence kinds.
export const NORMAL = 0;
export const ALL_CAPS_LINE = 1;
export const TITLE_CASE_LINE = 2;

export const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'as', 'by', 'with', 'from', 'vs', 'v', 'de', 'over', 'after', 'into', 'but', 'is', 'are']);

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
export function shapeHash(w: string): number {
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

/** Sentence kind from the case classes of its tokens and whether each is a small function word. */
export function sentenceKind(caseClass: ArrayLike<number>, small: (i: number) => boolean, first: number, end: number): number {
  let alpha = 0;
  let caps = 0;
  let title = 0;
  let lowerContent = 0;
  for (let i = first; i < end; i++) {
    const k = caseClass[i];
    if (k === DIGIT || k === OTHER) continue;
    alpha++;
    if (k === CAPS) caps++;
    else if (k === TITLE || k === INITIAL) title++;
    else if (!small(i)) lowerContent++;
  }
  if (alpha >= 2 && caps * 10 >= alpha * 6 && lowerContent === 0) return ALL_CAPS_LINE;
  if (alpha >= 3 && lowerContent === 0 && title + caps >= alpha - 2) return TITLE_CASE_LINE;
  return NORMAL;
}

/** `Blu-ray`, `Ex-chatshow`: a hyphenated word with a lower-case part. */
export function hasLowerPart(word: string): boolean {
  return word.indexOf('-') > 0 && word.split('-').some((p) => p !== '' && caseClassOf(p) === LOWER);
}

export function isOpeningPunctuation(w: string): boolean {
  return w === '"' || w === '(' || w === ':' || w === '-' || w === '--' || w === "'" || w === '`' || w === '[';
}
