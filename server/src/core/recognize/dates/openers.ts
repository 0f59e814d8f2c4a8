// The words date expressions open with, found in one pass over the text. Each finder then tries its pattern only
// where one of its opening words stands (a sticky match there), instead of a global match that tries the pattern at
// every position of a 5 KB article. For a pattern that opens with \b and one of its opening words (or, for the
// digit forms, with \b and a digit) the two find the same matches: such a match can only start where a word of that
// set starts, and taking the first match at or after the previous match's end is what a global match does.
import { doubled } from '../../text/tokenize';

/** The finders, as bits of the words that open their expressions. */
export const CHRONO = 1; // chronoFinder's trigger words (CHRONO_TRIGGER)
export const RELATIVE = 2; // relative.ts
export const VAGUE = 4; // patternFinder: `recent weeks`, `days ago`
export const COUNTED = 8; // patternFinder: `seven weeks earlier`
export const SEASON = 16; // patternFinder: `late summer`
export const MONTH = 32; // patternFinder: a full month name

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const OPENERS: [number, string[]][] = [
  [CHRONO | MONTH, MONTH_NAMES],
  [CHRONO, ['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec']],
  [CHRONO, ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'midday', 'noon', 'midnight', 'ago']],
  [RELATIVE, ['today', 'tonight', 'overnight', 'yesterday', 'tomorrow', 'last', 'this', 'next', 'weekend']],
  [VAGUE, ['recent', 'coming', 'past', 'last', 'next', 'days', 'weeks', 'months', 'years']],
  [COUNTED, ['a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'fifty']],
  [SEASON, ['early', 'late', 'mid', 'this', 'last', 'next', 'coming', 'past', 'summer', 'winter', 'autumn', 'spring']],
];
/** What a word that starts with a digit opens: clock times and numeric dates for chrono-node, `7 weeks later`. */
const DIGIT_OPENS = CHRONO | COUNTED;

const FNV = 0x811c9dc5;
const PRIME = 0x01000193;
const SLOTS = 256;

// An open-addressing table of the opening words by a hash of their (lower-case) characters.
const slotWord: (string | undefined)[] = new Array(SLOTS);
const slotBits = new Uint8Array(SLOTS);
let longest = 0;
for (const [bits, words] of OPENERS) {
  for (const word of words) {
    let h = FNV;
    for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), PRIME);
    let at = (h >>> 0) % SLOTS;
    while (slotWord[at] !== undefined && slotWord[at] !== word) at = (at + 1) % SLOTS;
    slotWord[at] = word;
    slotBits[at] |= bits;
    longest = Math.max(longest, word.length);
  }
}

/** The characters \b counts as word characters (without the `u` flag): ASCII letters, digits and `_`. */
const WORD_CHARS = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD_CHARS[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 ? 1 : 0;
function isWordChar(c: number): boolean {
  return c < 128 && WORD_CHARS[c] === 1;
}

/**
 * Whether some opening word has this first letter, last letter (low five bits of each, which fold case) and length:
 * most words of a text (`the`, `said`) are told apart by these alone, before any hashing or probing.
 */
const SHAPES = new Uint8Array(32 * 32 * 16);
function shapeIndex(first: number, last: number, length: number): number {
  return (((first & 31) << 5) | (last & 31)) * 16 + length;
}
for (const [, words] of OPENERS) for (const word of words) SHAPES[shapeIndex(word.charCodeAt(0), word.charCodeAt(word.length - 1), word.length)] = 1;

/** The starts of the opening words of a text, in text order, with the finders each one opens. */
export interface Openers {
  count: number;
  starts: Int32Array;
  bits: Uint8Array;
}

export function findOpeners(text: string): Openers {
  let starts = new Int32Array(64);
  let bits = new Uint8Array(64);
  let count = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      i++;
      continue;
    }
    const start = i;
    i++;
    while (i < n && isWordChar(text.charCodeAt(i))) i++;
    let opens = 0;
    if (c >= 48 && c <= 57) opens = DIGIT_OPENS;
    else if (i - start <= longest && SHAPES[shapeIndex(c, text.charCodeAt(i - 1), i - start)] === 1) {
      // Letters are folded to lower case by setting bit 5 (`_` becomes 127, which no opening word holds).
      let h = FNV;
      for (let k = start; k < i; k++) h = Math.imul(h ^ (text.charCodeAt(k) | 32), PRIME);
      opens = lookup(h, text, start, i - start);
    }
    if (opens === 0) continue;
    if (count === starts.length) {
      starts = doubled(starts);
      bits = doubled(bits);
    }
    starts[count] = start;
    bits[count] = opens;
    count++;
  }
  return { count, starts, bits };
}

function lookup(h: number, text: string, start: number, length: number): number {
  for (let at = (h >>> 0) % SLOTS; ; at = (at + 1) % SLOTS) {
    const word = slotWord[at];
    if (word === undefined) return 0;
    if (word.length !== length) continue;
    let same = true;
    for (let k = 0; k < length; k++) {
      if ((text.charCodeAt(start + k) | 32) !== word.charCodeAt(k)) {
        same = false;
        break;
      }
    }
    if (same) return slotBits[at];
  }
}

/** A pattern as a sticky one (no `g`), for matchesAt. */
export function sticky(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y');
}

/**
 * The matches of `pattern` (sticky: see `sticky`) in text order, tried only where a word opening the `finder`'s
 * expressions starts: what `text.matchAll` of the global pattern finds, for a pattern that opens with \b and one of
 * those words.
 */
export function matchesAt(text: string, pattern: RegExp, openers: Openers, finder: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let lastEnd = 0;
  for (let k = 0; k < openers.count; k++) {
    if ((openers.bits[k] & finder) === 0) continue;
    const at = openers.starts[k];
    if (at < lastEnd) continue;
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (m === null) continue;
    out.push(m);
    lastEnd = at + m[0].length;
  }
  return out;
}
