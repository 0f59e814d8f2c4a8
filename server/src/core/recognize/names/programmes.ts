// Titles of programmes told by a broadcaster or by a programme's noun: after a broadcaster's possessive (`the BBC's
// Tinroofers`, `BBC Radio 4's Harbour at Noon programme`) and before `show` (`the Night Shift show`).
import type { ConstructionInput } from './constructions';
import { allCaps, factAt, isFactRun, spansOf, type Span } from './edits';
import { LOC, MISC, NOT_NAMES, PER } from './facts';
import { CALENDAR_WORDS } from './heads';
import { afterOpeningWord, MAX_TITLE_TOKENS, titleRunEnd, titleRunStart } from './titleRuns';
import * as wordShape from './wordShape';

// Module-level consts: under the CommonJS interop of tsx every imported name is a getter.
const { DIGIT, isCapitalised, SMALL_WORDS } = wordShape;

/** Nouns of a programme after its title (`BBC Radio 4's World at One programme`). */
const PROGRAMME_NOUNS = new Set(['programme', 'show', 'series']);
/**
 * The same, where it alone makes the run before it a title: `show` (a `programme` is as often a government's or a
 * company's, `series` follows sponsors and competitions).
 */
export const TRAILING_PROGRAMME_NOUNS = new Set(['show']);
/** Media after a broadcaster's name, before its possessive (`BBC television's Newsnight`). */
const MEDIA = new Set(['television', 'tv', 'radio']);

/** The title after a broadcaster's `'s` at `at` (`the BBC's Tinroofers`), or null. */
export function titleAfterBroadcaster(input: ConstructionInput, classes: Uint8Array, first: number, end: number, at: number): Span | null {
  if (at <= first || at + 1 >= end) return null;
  // Most possessives follow no broadcaster: one ends in a capitalised word, a number or a medium.
  const medium = MEDIA.has(input.lower[at - 1]);
  if (!medium && !isCapitalised(classes[at - 1]) && classes[at - 1] !== DIGIT) return null;
  if (!(medium ? endsBroadcaster(input.lower, classes, first, at - 1) : endsBroadcaster(input.lower, classes, first, at)) || reportedBy(input.lower, first, at)) return null;
  const stop = titleRunEnd(input.lower, input.writtenClasses, at + 1, end);
  return stop > at + 1 && isBroadcastTitle(input, at + 1, stop, end) ? { first: at + 1, end: stop, type: MISC } : null;
}

/** Verbs of a correspondent's report (`says the BBC's Ann Lee`): the name after the broadcaster is the reporter's. */
const REPORTING = new Set(['says', 'said', 'reports', 'reported', 'writes', 'wrote']);

/** Whether a reporting verb stands just before the broadcaster's name that ends before its `'s` at `at`. */
function reportedBy(lower: string[], first: number, at: number): boolean {
  for (let k = at - 1; k >= first && k >= at - 5; k--) if (REPORTING.has(lower[k])) return true;
  return false;
}

/**
 * The title before `show` at `at` (`the Night Shift show`), or null: a run ending in a capitalised word, read back no
 * further than a possessive (`ITV1's This Morning show` is `This Morning`; `Monday's show` is none).
 */
export function titleBeforeProgrammeNoun(input: ConstructionInput, classes: Uint8Array, first: number, at: number): Span | null {
  const { lower, words } = input;
  if (!isCapitalised(input.writtenClasses[at - 1]) || SMALL_WORDS.has(lower[at - 1]) || NOT_NAMES.has(lower[at - 1])) return null;
  let start = titleRunStart(lower, input.writtenClasses, first, at);
  for (let k = start; k < at; k++) if (words[k] === "'s" || words[k] === "'") start = k + 1;
  start = afterOpeningWord(words, lower, first, start, at);
  return start < at && isProgrammeTitle(input, classes, start, at) ? { first: start, end: at, type: MISC } : null;
}

/**
 * Whether the capitalised run [start, stop) after a broadcaster's `'s` is a title: no known name of another kind,
 * and no place or person in it (`the BBC's Ann Lee`, `BBC's Director General Ann Lee`, `the BBC's Moscow
 * correspondent`) unless a programme noun follows (`BBC One's Breakfast with Ann Lee programme`).
 */
function isBroadcastTitle(input: ConstructionInput, start: number, stop: number, end: number): boolean {
  const { lower, tags } = input;
  if (stop - start > MAX_TITLE_TOKENS || !isCapitalised(input.writtenClasses[start]) || CALENDAR_WORDS.has(lower[start]) || isFactRun(lower, input.writtenClasses, start, stop)) return false;
  const programme = stop < end && PROGRAMME_NOUNS.has(lower[stop]);
  return !spansOf(tags, start, stop).some((o) => o.first < start || o.end > stop || ((o.type === PER || o.type === LOC) && !programme));
}

/**
 * Whether the run [start, stop) before `show` is a programme's title: not a known name of another kind (`the BBC
 * show`, `the Channel 4 show`), not an acronym, a day or a month, and no person or place read in it or reaching out
 * of it (`the Ann Lee show`, `the Kessel show`), nor an adjective of place alone (`the Australian show`).
 */
function isProgrammeTitle(input: ConstructionInput, classes: Uint8Array, start: number, stop: number): boolean {
  const { lower, tags } = input;
  if (stop - start > MAX_TITLE_TOKENS || allCaps(classes, start, stop) || CALENDAR_WORDS.has(lower[start]) || isFactRun(lower, input.writtenClasses, start, stop)) return false;
  const spans = spansOf(tags, start, stop);
  if (spans.length === 1 && spans[0].type === MISC && spans[0].first === start && spans[0].end === stop && stop - start === 1) return false;
  return !spans.some((o) => o.type === PER || o.type === LOC || o.first < start || o.end > stop);
}

/** Whether the words before `at` end a broadcaster's name (`BBC comedy Coupling`, `ITV1 shows ...`); the lists leave `BBC` to the tagger. */
export function endsBroadcaster(lower: string[], classes: Uint8Array, first: number, at: number): boolean {
  if (lower[at - 1] === 'bbc') return true;
  for (let j = Math.max(first, at - 4); j < at; j++) {
    const f = factAt(lower, classes, j, at);
    if (f && f.broadcaster && j + f.words.length === at) return true;
  }
  return false;
}
