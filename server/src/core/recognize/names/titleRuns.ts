// Runs of words a title of a work is read over, shared by the rules on works (works.ts) and on awards reports
// (awards.ts): capitalised words and digits with small words between them, and channels in brackets after one.
import { factAt } from './edits';
import { ORG } from './facts';
import * as wordShape from './wordShape';

// Module-level consts: under the CommonJS interop of tsx every imported name is a getter.
const { DIGIT, isCapitalised, isOpeningPunctuation, LOWER, SMALL_WORDS } = wordShape;

/** Words a title of a work or a multi-word name may hold between its capitalised words. */
export const INNER_WORDS = new Set(['of', 'the', 'and', 'a', 'an', 'in', 'on', 'at', 'to', 'for', 'with', 'or', 'de', '&', "'s", "n't", "'m", "'re", "'ve", "'ll", "'d", '-', ':']);
/** The same inside a title written before a channel in brackets, where `with`, `from` would reach back into the sentence. */
const BACKWARD_INNER_WORDS = new Set(['of', 'the', 'and', 'a', 'an', 'in', 'on', 'at', 'to', 'for', '&', "'s"]);
export const MAX_TITLE_TOKENS = 10;

/** Where a title ending before `stop` starts, reading back over capitalised words, digits and small words between them. */
export function titleRunStart(lower: string[], classes: Uint8Array, first: number, stop: number): number {
  let start = stop;
  while (start > first && (isCapitalised(classes[start - 1]) || classes[start - 1] === DIGIT || (BACKWARD_INNER_WORDS.has(lower[start - 1]) && start - 2 >= first && isCapitalised(classes[start - 2])))) start--;
  if (start < stop && classes[start] === LOWER && BACKWARD_INNER_WORDS.has(lower[start])) start++;
  return start;
}

/**
 * Whether the words from `at` are known organizations in brackets, one of them a channel, joined by `,` or `/`
 * (`(Channel 4)`, `(Granada, ITV1)`, `(Twentieth Century Fox, BBC Two/Sky One)`).
 */
export function channelsInBrackets(lower: string[], classes: Uint8Array, at: number, end: number): boolean {
  let channel = false;
  for (let k = at; k < end; ) {
    const f = factAt(lower, classes, k, end);
    if (!f || f.type !== ORG) return false;
    if (f.broadcaster) channel = true;
    k += f.words.length;
    if (lower[k] === ')') return channel;
    if (lower[k] !== ',' && lower[k] !== '/') return false;
    k++;
  }
  return false;
}

/**
 * Where a title starting at `start` ends: capitalised words and digits, with small words between them; in a list
 * (`inList`), `and` and `&` end a title too (`Life Begins and Von Trapped`), and `or` after one word.
 */
export function titleRunEnd(lower: string[], classes: Uint8Array, start: number, end: number, inList = false): number {
  if (start >= end || !(isCapitalised(classes[start]) || classes[start] === DIGIT)) return start;
  let last = start + 1;
  for (let j = start + 1; j < end && j - start < MAX_TITLE_TOKENS; j++) {
    const c = classes[j];
    if (isCapitalised(c) || c === DIGIT) last = j + 1;
    // In a list, a joining word ends the title (`or` only after one word: `Titanic or Lord of the Rings` is two,
    // `It's Now or Never` one).
    else if (inList && (lower[j] === 'and' || lower[j] === '&' || (lower[j] === 'or' && j === start + 1 && j + 1 < end && isCapitalised(classes[j + 1]))) && !titleGoesOn(lower, classes, j, end)) break;
    // `Early Doors and The Late Hours`: a capitalised `The` after `and` opens a second title, not the rest of this one.
    else if (lower[j] === 'and' && j + 1 < end && lower[j + 1] === 'the' && isCapitalised(classes[j + 1])) break;
    else if (!(INNER_WORDS.has(lower[j]) || lower[j] === '...')) break;
  }
  // `entitled Broadband Kessel: The End Of Cables?, was ...`: a title's own question or exclamation mark, where the
  // sentence goes on after it (the tokenizer ends a sentence there: the next word is read past `end`).
  if (last < end && (lower[last] === '?' || lower[last] === '!') && last + 1 < lower.length && (lower[last + 1] === ',' || lower[last + 1] === '"')) last++;
  return last;
}

/**
 * Where a run read back from `stop` starts, past a small word opening the sentence or a quote (`The show`, `But Tin
 * Roof won`): that word is the sentence's, capitalised by its place.
 */
export function afterOpeningWord(words: string[], lower: string[], first: number, start: number, stop: number): number {
  const opening = start === first || isOpeningPunctuation(words[start - 1]);
  return start < stop && opening && SMALL_WORDS.has(lower[start]) ? start + 1 : start;
}

/** Words that end an item of a list, or the list. */
const ITEM_ENDS = new Set([',', 'and', 'or', '.', ')', '"', ';', ':']);

/**
 * Whether `and` at `j` in a list goes on inside one title: `Sex and the City, ...` (`and the`, capitalised words, then
 * the item's end), not `Harry Lane and the Kessel films`, where the words after the capitalised ones are the sentence's.
 */
function titleGoesOn(lower: string[], classes: Uint8Array, j: number, end: number): boolean {
  if (lower[j] !== 'and' || j + 2 >= end || lower[j + 1] !== 'the' || !isCapitalised(classes[j + 2])) return false;
  let k = j + 2;
  while (k < end && isCapitalised(classes[k])) k++;
  return k === end || ITEM_ENDS.has(lower[k]);
}
