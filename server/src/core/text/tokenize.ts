// Splits raw article text into word and punctuation tokens with UTF-16 offsets, and into sentences.
// The split follows CoNLL-2003 / Penn conventions (possessive `'s` and `n't` apart, `U.S.` and `Mr.` whole,
// hyphenated words whole) so that a tagger trained on that data sees familiar tokens.

export interface Token {
  start: number;
  end: number;
  /** The token as written (curly quotes included). */
  text: string;
}

/**
 * A sentence longer than this many tokens (a pasted list or blob without full stops or line breaks) is cut
 * into chunks of this length, so that whatever works per sentence (tagging, its features) stays bounded.
 * Real sentences are far shorter: the longest in CoNLL-2003 has 124 tokens.
 */
export const MAX_SENTENCE_TOKENS = 400;

export interface Sentence {
  /** Index of the first token. */
  first: number;
  /** Index one past the last token. */
  end: number;
}

export interface Tokenization {
  tokens: Token[];
  sentences: Sentence[];
}

// Abbreviations that keep their final period (lower-cased, without the period).
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'lt', 'col', 'sgt', 'capt', 'cpt', 'maj', 'adm', 'cmdr', 'gov',
  'sen', 'rep', 'rev', 'hon', 'pres', 'supt', 'insp', 'inc', 'ltd', 'corp', 'co', 'bros', 'plc', 'llc', 'no', 'nos', 'vs', 'etc',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'ave', 'blvd', 'approx', 'est',
  'dept', 'univ', 'assn', 'fig', 'al',
]);

// US states as news datelines abbreviate them (`TALLAHASSEE, Fla.`), written capitalised: `Calif.` keeps its period as
// CoNLL-2003 writes it, while a sentence ending in `mass.` still ends (`Mass.` and `Miss.` are left out: `Mass` and
// `Miss` are words that end sentences capitalised too).
const STATE_ABBREVIATIONS = new Set([
  'Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ill', 'Ind', 'Kan', 'Kans', 'Ky', 'La', 'Md', 'Mich', 'Minn',
  'Mo', 'Mont', 'Neb', 'Nev', 'Okla', 'Ore', 'Pa', 'Penn', 'Tenn', 'Tex', 'Va', 'Vt', 'Wash', 'Wis', 'Wyo',
]);

function atLineStart(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  return k < 0 || text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13;
}

function isNumber(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isDigit(text.charCodeAt(k))) return false;
  return true;
}

function isAllUpper(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

// Classes of the ASCII characters, as bits: one table read instead of a chain of comparisons in the scanning loops.
const ALNUM_BIT = 1;
const LETTER_BIT = 2;
const SPACE_BIT = 4;
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  ASCII[c] = (letter || (c >= 48 && c <= 57) ? ALNUM_BIT : 0) | (letter ? LETTER_BIT : 0) | (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 ? SPACE_BIT : 0);
}

function isAlnum(c: number): boolean {
  if (c < 128) return (ASCII[c] & ALNUM_BIT) !== 0;
  return ALNUM.test(String.fromCharCode(c));
}
const ALNUM = /[\p{L}\p{N}\p{M}]/u;

function isLetter(c: number): boolean {
  if (c < 128) return (ASCII[c] & LETTER_BIT) !== 0;
  return LETTER.test(String.fromCharCode(c));
}
const LETTER = /[\p{L}\p{M}]/u;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpper(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const s = String.fromCharCode(c);
  return s !== s.toLowerCase();
}

function isSpace(c: number): boolean {
  if (c < 128) return (ASCII[c] & SPACE_BIT) !== 0;
  return c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x200b;
}

const APOSTROPHE = 39; // '
const RIGHT_SINGLE = 0x2019; // ’
const HYPHEN = 45;

function isApostrophe(c: number): boolean {
  return c === APOSTROPHE || c === RIGHT_SINGLE;
}

function isHyphen(c: number): boolean {
  return c === HYPHEN || c === 0x2010 || c === 0x2011;
}

/**
 * `ofNew Labour`, `atLabour's`: a small word glued to the capitalised word after it by a missing space (pages saved
 * from the web lose spaces at line breaks) is two words. Where the glued word ends, or -1.
 */
function gluedEnd(text: string, i: number): number {
  let k = i;
  while (k < text.length && k - i <= 4 && text.charCodeAt(k) >= 97 && text.charCodeAt(k) <= 122) k++;
  if (k - i < 2 || k - i > 4 || k + 1 >= text.length) return -1;
  const c = text.charCodeAt(k);
  const d = text.charCodeAt(k + 1);
  if (c < 65 || c > 90 || d < 97 || d > 122) return -1;
  return GLUED_WORDS.has(text.slice(i, k)) ? k : -1;
}
const GLUED_WORDS = new Set(['of', 'at', 'in', 'on', 'to', 'the', 'and', 'for', 'by', 'from', 'with', 'into']);

/** End of the word starting at `i` (a letter or digit). */
function scanWord(text: string, i: number): number {
  const n = text.length;
  const c0 = text.charCodeAt(i);
  if (c0 >= 97 && c0 <= 122) {
    const glued = gluedEnd(text, i);
    if (glued > 0) return glued;
  }
  let j = i;
  let segmentStart = i;
  for (;;) {
    while (j < n && isAlnum(text.charCodeAt(j))) j++;
    if (j >= n) return j;
    const c = text.charCodeAt(j);
    const next = j + 1 < n ? text.charCodeAt(j + 1) : 0;
    if (isHyphen(c) && isAlnum(next)) {
      j += 1;
      segmentStart = j;
      continue;
    }
    if ((c === 44 || c === 46 || c === 58 || c === 47) && isDigit(next) && j > i && isDigit(text.charCodeAt(j - 1))) {
      j += 1; // 1,000  4.75  10:30  1/2  22/11/96
      continue;
    }
    // S&P  AT&T  M&S: capitals joined by an ampersand are one name.
    if (c === 38 && isUpper(next) && j > i && isUpper(text.charCodeAt(j - 1))) {
      j += 1;
      continue;
    }
    // C$  US$  HK$: a currency written as a country's letters and a dollar sign is one word.
    if (c === 36 && segmentStart === i && j - i <= 3 && isAllUpper(text, i, j)) return j + 1;
    // `8. Florence Masnada ( France ) 1:18.31`: a number of up to three digits opening a line, with its full stop, numbers
    // a row of a list (one token, as CoNLL-2003 writes it), and the row goes on.
    if (c === 46 && j - i <= 3 && isNumber(text, i, j) && (next === 32 || next === 9) && atLineStart(text, i)) return j + 1;
    if (c === 46) {
      // U.S.  a.m.  Mr.  : single-letter segments chain with periods; known abbreviations keep their period.
      const segmentLength = j - segmentStart;
      if (segmentLength === 1 && isLetter(text.charCodeAt(j - 1))) {
        if (isLetter(next) && (j + 2 >= n || !isAlnum(text.charCodeAt(j + 2)) || text.charCodeAt(j + 2) === 46)) {
          j += 1;
          segmentStart = j;
          continue;
        }
        // A lone initial (`J. Smith`) or the last letter of `U.S.` keeps its period.
        return j + 1;
      }
      if (segmentStart === i && (ABBREVIATIONS.has(text.slice(i, j).toLowerCase()) || (isUpper(text.charCodeAt(i)) && STATE_ABBREVIATIONS.has(text.slice(i, j)))) && !(next >= 97 && next <= 122)) return j + 1;
      return j;
    }
    if (isApostrophe(c) && isLetter(next)) {
      const after = j + 2 < n ? text.charCodeAt(j + 2) : 0;
      const lowerNext = next | 32;
      // Possessive or contraction clitics become tokens of their own: Russia 's, it 's, we 're, I 'll, they 've, I 'd, I 'm.
      // don't -> do n't
      if (lowerNext === 116 && !isAlnum(after) && j - 1 > i && (text.charCodeAt(j - 1) | 32) === 110) return j - 1;
      if (lowerNext === 116 && !isAlnum(after) && j - 1 === i && (text.charCodeAt(i) | 32) === 110) return j + 2;
      if (!isAlnum(after)) return j;
      const after2 = j + 3 < n ? text.charCodeAt(j + 3) : 0;
      if (!isAlnum(after2) && ((lowerNext === 114 && (after | 32) === 101) || (lowerNext === 108 && (after | 32) === 108) || (lowerNext === 118 && (after | 32) === 101))) return j;
      j += 1; // O'Brien, d'Estaing
      continue;
    }
    return j;
  }
}

/** Tokens with offsets, and sentences as token ranges. Every line break ends a sentence; see MAX_SENTENCE_TOKENS. */
export function tokenize(text: string): Tokenization {
  const { count, starts, ends, sentences } = tokenRanges(text);
  const tokens: Token[] = new Array(count);
  for (let k = 0; k < count; k++) tokens[k] = { start: starts[k], end: ends[k], text: text.slice(starts[k], ends[k]) };
  return { tokens, sentences };
}

/** The tokens of `tokenize` as offsets only: token k is text.slice(starts[k], ends[k]). */
export interface TokenRanges {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  sentences: Sentence[];
}

/** tokenize without an object or a string per token, for the recognisers' hot path. */
export function tokenRanges(text: string): TokenRanges {
  let starts = new Int32Array((text.length >> 2) + 16);
  let ends = new Int32Array(starts.length);
  let count = 0;
  const sentences: Sentence[] = [];
  const n = text.length;
  let sentenceFirst = 0;
  let i = 0;
  let breakPending = false;
  let prevEnd = -1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) sentenceFirst = closeSentence(sentences, sentenceFirst, count);
      i++;
      continue;
    }
    let keepPending = false;
    if (breakPending) {
      // A sentence ends at . ! ? (and any closing quotes or brackets right after) when what follows is not lower case.
      if (i === prevEnd && (c === 34 || c === 0x201d || c === 0x2019 || c === 39 || c === 41 || c === 93)) keepPending = true;
      else if (!(c >= 97 && c <= 122)) sentenceFirst = closeSentence(sentences, sentenceFirst, count);
      breakPending = false;
    }
    let j: number;
    if (isAlnum(c)) {
      j = scanWord(text, i);
    } else if (isApostrophe(c) && i + 1 < n && isLetter(text.charCodeAt(i + 1))) {
      // Clitic after a split: 's 're 'll 've 'd 'm, or a leading apostrophe word ('90s is left as ' 90s).
      j = i + 1;
      while (j < n && isLetter(text.charCodeAt(j))) j++;
      if (j - i > 3) j = i + 1;
    } else if (c === 46 && i + 2 < n && text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46) {
      j = i + 3;
    } else if (c === 46 && i + 1 < n && isDigit(text.charCodeAt(i + 1)) && (i === 0 || !isAlnum(text.charCodeAt(i - 1)))) {
      // `.778` in a table of results: a figure, not a full stop ending a sentence.
      j = scanWord(text, i + 1);
    } else if (isHyphen(c) && i + 1 < n && isHyphen(text.charCodeAt(i + 1))) {
      j = i + 2;
    } else {
      j = i + 1;
      // Keep surrogate pairs whole.
      if (c >= 0xd800 && c <= 0xdbff && j < n) j++;
    }
    if (count === starts.length) {
      starts = doubled(starts);
      ends = doubled(ends);
    }
    starts[count] = i;
    ends[count] = j;
    count++;
    const last = text.charCodeAt(j - 1);
    if (j - i === 1 && (c === 46 || c === 33 || c === 63)) breakPending = true;
    else if (j - i === 3 && c === 46) breakPending = true;
    else if (keepPending) breakPending = true;
    else if (last === 46 && j - i > 1 && isUpper(text.charCodeAt(i)) && isAbbreviationAtSentenceEnd(text, j)) breakPending = true;
    i = j;
    prevEnd = j;
  }
  closeSentence(sentences, sentenceFirst, count);
  return { count, starts, ends, sentences };
}

/** Ends the sentence of tokens [first, count) (in pieces of MAX_SENTENCE_TOKENS); returns where the next one starts. */
function closeSentence(sentences: Sentence[], first: number, count: number): number {
  for (let f = first; f < count; f += MAX_SENTENCE_TOKENS) sentences.push({ first: f, end: Math.min(count, f + MAX_SENTENCE_TOKENS) });
  return count;
}

/** `U.S.` or `Inc.` followed by a capitalised word that usually starts a sentence. */
function isAbbreviationAtSentenceEnd(text: string, j: number): boolean {
  let k = j;
  while (k < text.length && text.charCodeAt(k) === 32) k++;
  if (k === j) return false;
  const m = SENTENCE_OPENER.exec(text.slice(k, k + 12));
  return m !== null;
}
const SENTENCE_OPENER = /^(?:The|A|An|It|He|She|They|We|I|In|But|This|That|These|Those|His|Her|Their|There|On|At|As|After|Its)\b/;

/** A copy of a typed array in one twice as long: the growth step of the token and opener tables. */
export function doubled<T extends Int32Array | Uint8Array>(a: T): T {
  const more = new (a.constructor as new (length: number) => T)(a.length * 2);
  more.set(a);
  return more;
}
