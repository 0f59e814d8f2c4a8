// Names told by a word of their own or the word before them, applied to the tagger's tags after the lists of facts:
// an organization's or an event's head (`Defense Ministry`, `Baby Cow Productions`, `Hinton Lecture`), a noun of a
// kind of place before a name (`the resort Davos`), a competition before `side` (`Conference side`), an operating
// system before its noun and an award before `of the Year`. One pass
// over a sentence: most words are lower-case and start none of them.
import { clear, force, isFactRun, spansOf } from './edits';
import { LOC, MISC, ORG, PER } from './facts';
import * as wordShape from './wordShape';

// Module-level consts: under the CommonJS interop of tsx every imported name is a getter.
const { CAPS, isCapitalised, LOWER, SMALL_WORDS, TITLE } = wordShape;

/**
 * Capitalised last words that make a run of capitalised words an organization (in eng.train, written capitalised,
 * the end or part of an organization 280 times in 285: `Ministry` 29 of 33, `Inc` 61 of 61, `Party` 49 of 49) or an
 * event, a competition or an award (a misc name 197 times in 201; Lecture, Awards and Festival do not occur there).
 */
const HEADS = new Map<string, number>([
  ...['Ministry', 'Department', 'Ltd', 'Inc', 'Corp', 'Foundation', 'Association', 'Institute', 'Society', 'Party', 'Agency', 'Productions', 'Records', 'Pictures', 'Guild'].map((w) => [w, ORG] as const),
  ...['Cup', 'Open', 'Championship', 'Championships', 'Trophy', 'Prize', 'Classic', 'Rally', 'Lecture', 'Awards', 'Festival'].map((w) => [w, MISC] as const),
]);

/** Whether a capitalised word ends an organization's name (`Productions`, `Ministry`). */
export function isOrganizationHead(word: string): boolean {
  return HEADS.get(word) === ORG;
}

/** Lower-case nouns of a kind of place, before its name: in eng.train the capitalised word after them (and `of`) is a place 138 times in 146. */
const PLACE_NOUNS = new Set(['town', 'city', 'village', 'resort', 'port', 'capital', 'province', 'region', 'district', 'suburb']);

/** Days and months, as lower-case words. */
export const CALENDAR_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

export function applyHeadWords(words: string[], lower: string[], classes: Uint8Array, tags: Uint8Array, first: number, end: number): void {
  for (let i = first; i < end; i++) {
    const c = classes[i];
    if (c === LOWER) {
      if (i + 1 < end && (isCapitalised(classes[i + 1]) || lower[i + 1] === 'of') && PLACE_NOUNS.has(lower[i])) placeAfterNoun(lower, classes, tags, i, end);
      continue;
    }
    if (!isCapitalised(c)) continue;
    // `the Kestrel operating system`: an operating system's name.
    if (i + 2 < end && lower[i + 1] === 'operating' && SYSTEM_WORDS.has(lower[i + 2])) miscBefore(lower, classes, tags, first, i + 1, i + 1);
    if (i === first) continue;
    // `Technology Leader of the Year`: an award.
    if (i - 3 >= first && words[i] === 'Year' && lower[i - 1] === 'the' && lower[i - 2] === 'of' && isCapitalised(classes[i - 3])) miscBefore(lower, classes, tags, first, i - 2, i + 1);
    if (i + 1 < end && (lower[i + 1] === 'side' || lower[i + 1] === 'sides')) competitionBeforeSide(lower, classes, tags, i, end);
    if (isCapitalised(classes[i - 1])) {
      const head = HEADS.get(words[i]);
      if (head === ORG) organizationByHead(words, classes, tags, first, end, i);
      else if (head === MISC) eventByHead(words, classes, tags, first, end, i);
    }
  }
}

/**
 * A run of two or more capitalised words that the tagger left out and that ends in the head of an institution or a
 * company (`Defense Ministry` in `the Russian Defense Ministry`, with `Russian` found as misc) is an organization.
 * So is such a run where the tagger read the head alone as a name of another type (`Directors Guild`, with `Guild`
 * a person), and then with `of` and the capitalised words after it (`Directors Guild of Great Britain`): the
 * tagger's reading of the stretch is wrong, and the longest name is the name.
 */
function organizationByHead(words: string[], classes: Uint8Array, tags: Uint8Array, first: number, end: number, i: number): void {
  const headAlone = tags[i] !== 0 && (tags[i] & 1) === 1 && tags[i] !== 2 * ORG + 1 && (i + 1 >= end || tags[i + 1] !== tags[i] + 1);
  if (tags[i] !== 0 && !headAlone) return;
  let start = i;
  while (start > first && tags[start - 1] === 0 && isCapitalised(classes[start - 1]) && !SMALL_WORDS.has(words[start - 1].toLowerCase())) start--;
  if (start === i) return;
  let stop = i + 1;
  if (headAlone && stop + 1 < end && words[stop] === 'of' && isCapitalised(classes[stop + 1])) {
    let k = stop + 1;
    while (k < end && isCapitalised(classes[k]) && !SMALL_WORDS.has(words[k].toLowerCase())) k++;
    if (!spansOf(tags, stop + 1, k).some((o) => o.first < stop + 1 || o.end > k)) stop = k;
  }
  clear(tags, start, stop);
  force(tags, start, stop, ORG);
}

/**
 * A run of two or more capitalised words ending in the head of an event (`Hinton Lecture`, `Kessel Open`) is a misc
 * name where the tagger read a person, a place or nothing in it, or an organization over exactly the run (the head
 * says what it is: 197 times in 201 in eng.train).
 */
function eventByHead(words: string[], classes: Uint8Array, tags: Uint8Array, first: number, end: number, i: number): void {
  if (i + 1 < end && isCapitalised(classes[i + 1])) return;
  let start = i;
  while (start > first && isCapitalised(classes[start - 1]) && !SMALL_WORDS.has(words[start - 1].toLowerCase())) start--;
  // Opening the sentence, the run may be a headline's capitals (`Comedy Awards Go To ...`).
  if (start === i || start === first) return;
  const inside = spansOf(tags, start, i + 1);
  const organization = inside.length === 1 && inside[0].type === ORG && inside[0].first === start && inside[0].end === i + 1;
  if (!organization && inside.some((o) => o.type === ORG || o.type === MISC || o.first < start || o.end > i + 1)) return;
  force(tags, start, i + 1, MISC);
}

const SYSTEM_WORDS = new Set(['system', 'systems']);

/**
 * A run of capitalised words ending before `at` (`Tiger` before `operating system`, `Player` before `of the Year`),
 * through `stop`, is a misc name where the tagger read no person and no name reaching out of it.
 */
function miscBefore(lower: string[], classes: Uint8Array, tags: Uint8Array, first: number, at: number, stop: number): void {
  let start = at;
  while (start > first && isCapitalised(classes[start - 1]) && !SMALL_WORDS.has(lower[start - 1])) start--;
  if (start === at || spansOf(tags, start, stop).some((o) => o.type === PER || o.first < start || o.end > stop)) return;
  if (isFactRun(lower, classes, start, at)) return; // `the Microsoft operating system`: its maker
  force(tags, start, stop, MISC);
}

/**
 * A name of one or two capitalised words right after a noun of a kind of place at `i`, or after it and `of`, is that
 * place where the tagger read a person or nothing there (`the Swiss mountain resort Davos`, `the town of Kessel`).
 */
function placeAfterNoun(lower: string[], classes: Uint8Array, tags: Uint8Array, i: number, end: number): void {
  const start = lower[i + 1] === 'of' ? i + 2 : i + 1;
  if (start >= end || !isCapitalised(classes[start]) || SMALL_WORDS.has(lower[start])) return;
  let stop = start + 1;
  if (stop < end && isCapitalised(classes[stop])) stop++;
  if (stop < end && isCapitalised(classes[stop])) return; // a longer name: the tagger's to judge
  if (spansOf(tags, start, stop).some((o) => o.type !== 0 || o.first !== start || o.end !== stop)) return;
  force(tags, start, stop, LOC);
}

/**
 * A capitalised word the tagger left out, inside a sentence, before `side` or `sides` is the competition the side
 * plays in (`Conference side Exeter City`, `Championship sides`): in eng.train such words are misc names 8 times in
 * 11 (the others places and a club, which the tagger finds).
 */
function competitionBeforeSide(lower: string[], classes: Uint8Array, tags: Uint8Array, i: number, end: number): void {
  const c = classes[i];
  if (tags[i] !== 0 || (c !== TITLE && c !== CAPS) || classes[i + 1] !== LOWER || i + 1 >= end) return;
  if (isCapitalised(classes[i - 1]) || SMALL_WORDS.has(lower[i]) || CALENDAR_WORDS.has(lower[i])) return; // a longer name, `The`, `Sunday`
  force(tags, i, i + 1, MISC);
}
