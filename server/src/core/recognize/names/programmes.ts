// Titles of programmes told by a broadcaster or by a programme's noun: after a broadcaster's possessive (`the BBC's
// Tinroofers`, `BBC Radio 4's Harbour at Noon programme`) and before `show` or `programme` (`the Night Shift show`).
import type { ConstructionInput } from './constructions';
import { allCaps, factAt, isFactRun, spansOf, type Span } from './edits';
import { LOC, MISC, PER } from './facts';
import { afterOpeningWord, MAX_TITLE_TOKENS, titleRunEnd, titleRunStart } from './titleRuns';
import * as wordShape from './wordShape';

// Module-level consts: under the CommonJS interop of tsx every imported name is a getter.
const { isCapitalised } = wordShape;

/** Nouns of a programme after its title (`BBC Radio 4's World at One programme`). */
const PROGRAMME_NOUNS = new Set(['programme', 'show', 'series']);
/** The same, where they alone make the run before them a title (`series` follows sponsors and competitions too). */
export const TRAILING_PROGRAMME_NOUNS = new Set(['programme', 'show']);

/** The title after a broadcaster's `'s` at `at` (`the BBC's Tinroofers`), or null. */
export function titleAfterBroadcaster(input: ConstructionInput, classes: Uint8Array, first: number, end: number, at: number): Span | null {
  if (at <= first || at + 1 >= end || !endsBroadcaster(input.lower, classes, first, at)) return null;
  const stop = titleRunEnd(input.lower, input.writtenClasses, at + 1, end);
  return stop > at + 1 && isBroadcastTitle(input, at + 1, stop, end) ? { first: at + 1, end: stop, type: MISC } : null;
}

/** The title before `show` or `programme` at `at` (`the Night Shift show`), or null. */
export function titleBeforeProgrammeNoun(input: ConstructionInput, classes: Uint8Array, first: number, at: number): Span | null {
  const start = afterOpeningWord(input.words, input.lower, first, titleRunStart(input.lower, input.writtenClasses, first, at), at);
  return start < at && isProgrammeTitle(input, classes, start, at) ? { first: start, end: at, type: MISC } : null;
}

/**
 * Whether the capitalised run [start, stop) after a broadcaster's `'s` is a title: no known name of another kind,
 * and no place or person in it (`the BBC's Ann Lee`, `BBC's Director General Ann Lee`, `the BBC's Moscow
 * correspondent`) unless a programme noun follows (`BBC One's Breakfast with Ann Lee programme`).
 */
function isBroadcastTitle(input: ConstructionInput, start: number, stop: number, end: number): boolean {
  const { lower, tags } = input;
  if (stop - start > MAX_TITLE_TOKENS || !isCapitalised(input.writtenClasses[start]) || isFactRun(lower, input.writtenClasses, start, stop)) return false;
  const programme = stop < end && PROGRAMME_NOUNS.has(lower[stop]);
  return !spansOf(tags, start, stop).some((o) => o.first < start || o.end > stop || ((o.type === PER || o.type === LOC) && !programme));
}

/**
 * Whether the run [start, stop) before `show` or `programme` is a programme's title: not a known name of another
 * kind (`the BBC show`, `the Channel 4 programme`), not an acronym (`the UN programme`), and no person or place
 * read in it or reaching out of it (`the Ann Lee show`, `the Kessel show`).
 */
function isProgrammeTitle(input: ConstructionInput, classes: Uint8Array, start: number, stop: number): boolean {
  const { lower, tags } = input;
  if (stop - start > MAX_TITLE_TOKENS || allCaps(classes, start, stop) || isFactRun(lower, input.writtenClasses, start, stop)) return false;
  return !spansOf(tags, start, stop).some((o) => o.type === PER || o.type === LOC || o.first < start || o.end > stop);
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
