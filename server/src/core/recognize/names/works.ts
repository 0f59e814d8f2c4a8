// Titles of works, the construction the training text has least of: a run of capitalised words after a cue word
// (`the film Million Dollar Baby`, `films such as ...`, `creator of ...`), in quotes, before a channel in brackets,
// in apposition to a cue (`The Aviator, the film by ...`, also where the tagger read a person) or named by its last
// word (`The Catherine Tate Show`) is MISC; so is a run before a performer's role and a person (`Ray star Jamie Foxx`)
// or after `starred in`. The rules of awards reports are in awards.ts, those of programmes in programmes.ts; the
// titles found are returned for their other mentions (titleMemory.ts).
import { isNominationSentence, NOMINATED_MAKERS, nominatedWorks, personBefore, readCredits, titlesAtCategory } from './awards';
import type { ConstructionInput } from './constructions';
import { allCaps, factAt, force, isFactRun, spansOf } from './edits';
import { LOC, MISC, ORG, PER, WEAK_WORK_CUES, WORK_CUE_OPENERS, WORK_CUES } from './facts';
import { CALENDAR_WORDS } from './heads';
import { endsBroadcaster, titleAfterBroadcaster, titleBeforeProgrammeNoun, TRAILING_PROGRAMME_NOUNS } from './programmes';
import { MAX_TITLE_TOKENS, titleRunEnd, titleRunStart } from './titleRuns';
import * as wordShape from './wordShape';

// Module-level consts: under the CommonJS interop of tsx every imported name is a getter.
const { DIGIT, hasLowerPart, isCapitalised, LOWER } = wordShape;

/** Quoted words opening with one of these are a nickname or a name (`"Mr Yen"`), not a title. */
const PERSON_TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'sir', 'lord', 'lady', 'dame', 'king', 'queen', 'prince', 'princess', 'saint', 'st']);
/** Makers of a work, before `of` and its title (`creator of The Simpsons`); a person or place after them stays one. */
const MAKER_CUES = new Set(['creator', 'creators', 'co-creator', 'author', 'co-author', 'writer', 'co-writer', 'star', 'stars']);
/** Last words that make a capitalised run a title of a work. */
const WORK_HEADS = new Set(['Show', 'Diaries', 'Chronicles', 'Saga']);
/** The same as a title-case line's truecasing writes them, to read the word as written only then. */
const LOWER_WORK_HEADS = new Set([...WORK_HEADS].map((w) => w.toLowerCase()));
/** Plural cue words, which announce a list of titles. */
const PLURAL_WORK_CUES = new Set(['films', 'movies', 'albums', 'songs', 'novels', 'sitcoms', 'programmes', 'shows', 'dramas', 'books', 'plays', 'musicals', 'hits', 'singles']);
/** A performer's role between a title and a person (`Ray star Jamie Foxx`, `Holby City actor Ann Lee`). */
const ROLE_CUES = new Set(['star', 'co-star', 'actor', 'actress', 'presenter', 'host', 'judge', 'creator', 'co-creator', 'co-writer']);
/**
 * Roles of a work's makers: a work has them and an organization hardly ever does, so a run the tagger read as an
 * organization before one is a title too (`The Office creator Ann Lee`), unless it is a known one.
 */
const MAKER_ROLES = new Set(['creator', 'co-creator', 'co-writer']);
/** Words of acting before `in` and a title (`starred in`, `a cameo in`). */
const ACTING_CUES = new Set(['starred', 'co-starred', 'starring', 'co-starring', 'cameo']);
/** A part played, before `in` and a title (`his performance in Closer`); a part in a game or a war is told by the names there. */
const PART_CUES = new Set(['performance', 'role', 'roles']);
/** A chart after a plural cue (`the singles chart including ...`). */
const CHART_WORDS = new Set(['chart', 'charts']);
/** Words after a cue and its comma that open a list of titles (`a blockbuster, such as ...`). */
const LIST_OPENERS = new Set(['such', 'including', 'like']);
/** Every lower-case word a rule below starts from. */
const LOWER_CUES = new Set([...MAKER_CUES, ...ROLE_CUES, ...ACTING_CUES, ...PART_CUES, ...WORK_CUES, ...NOMINATED_MAKERS, 'best', 'for', "'s", 'singles']);
/** What stands between a title, its comma and a cue word in an apposition (`The Aviator, the film by ...`). */
const APPOSITIVE_OPENERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its']);

/**
 * Titles of works: a run of capitalised words after a cue word (`the film Million Dollar Baby`), inside quotes
 * (`"Hopes and Fears"`), or before a channel in brackets (`Shameless (Channel 4)`) is a title, MISC. Returns
 * the titles found, as lower-case words, for the rest of the document.
 */
export function applyWorks(input: ConstructionInput, classes: Uint8Array, first: number, end: number): string[][] {
  const { words, lower, tags } = input;
  const written = input.writtenClasses;
  const found: string[][] = [];
  const mark = (a: number, b: number) => {
    force(tags, a, b, MISC);
    found.push(lower.slice(a, b));
  };
  let nominating = -1; // whether the sentence speaks of nominations, read when a rule needs it
  const nominations = () => (nominating < 0 ? (nominating = isNominationSentence(lower, first, end) ? 1 : 0) : nominating) === 1;
  // `The Aviator, the film by ...`: a capitalised run before `, the <cue>` that the tagger did not find as a person.
  const appositiveTitle = (cue: number) => {
    if (cue - 3 < first || !APPOSITIVE_OPENERS.has(lower[cue - 1]) || words[cue - 2] !== ',') return;
    const stop = cue - 2;
    const start = titleRunStart(lower, classes, first, stop);
    if (start === stop || stop - start > MAX_TITLE_TOKENS || isFactRun(lower, classes, start, stop)) return;
    // A person found there is left alone (`Ann Lee, the film director`), unless the cue names the work's maker next
    // (`Lantern Road, the film by ...`): a person is no film by anyone.
    const byMaker = cue + 1 < end && lower[cue + 1] === 'by';
    if (spansOf(tags, first, end).some((o) => o.first < stop && start < o.end && ((o.type === 0 && !byMaker) || o.first < start || o.end > stop))) return;
    mark(start, stop);
  };
  for (let i = first; i < end; i++) {
    const w = words[i];
    const lw = w; // only read where the word is in lower case
    if (classes[i] === LOWER && !LOWER_CUES.has(lw)) continue; // most words: no cue of any kind below
    // `creator of The Simpsons`, `author of The Glass Tide`.
    if (classes[i] === LOWER && MAKER_CUES.has(lw) && i + 2 < end && words[i + 1] === 'of' && input.original(i) === w) {
      const stop = titleRunEnd(lower, classes, i + 2, end);
      const spans = spansOf(tags, i + 2, stop);
      const known = spans.some((o) => o.type !== MISC && o.first === i + 2 && o.end === stop && o.type !== 1) || isFactRun(lower, classes, i + 2, stop);
      if (stop > i + 2 && isCapitalised(classes[i + 2]) && !known) mark(i + 2, stop);
      continue;
    }
    // In a sentence about nominations: `Ann Lee for Tin Roof`, `Ann Lee For Tin Roof` (as written), `the directors of
    // Tin Roof and Marsh Lane` (awards.ts).
    if (lower[i] === 'for' && i > first && personBefore(tags, i) && nominations()) {
      for (const t of nominatedWorks(input, i + 1, end, false)) mark(t.first, t.end);
      continue;
    }
    if (classes[i] === LOWER && NOMINATED_MAKERS.has(lw) && i + 2 < end && lower[i + 1] === 'of' && nominations()) {
      for (const t of nominatedWorks(input, i + 2, end, true)) mark(t.first, t.end);
      continue;
    }
    // `Ray star Jamie Foxx`: a run of capitalised words, a performer's role, then a person; in a sentence about
    // nominations, also a maker's role (`Tin Roof director Ann Lee`).
    if (classes[i] === LOWER && (ROLE_CUES.has(lw) || (NOMINATED_MAKERS.has(lw) && nominations())) && i > first && i + 1 < end && input.original(i) === w) {
      const start = roleTitleStart(input, classes, first, end, i);
      if (start >= 0) {
        mark(start, i);
        continue;
      }
    }
    // `the BBC's Tinroofers`, `Channel 4's Tin Roof programme` (programmes.ts).
    if (w === "'s") {
      const t = titleAfterBroadcaster(input, classes, first, end, i);
      if (t) {
        mark(t.first, t.end);
        i = t.end - 1;
      }
      continue;
    }
    // `Quiet Hours won best drama`, `won best director for Lantern Road` (awards.ts).
    if (lw === 'best' && classes[i] === LOWER) {
      const { titles, next } = titlesAtCategory(input, classes, first, end, i);
      for (const t of titles) mark(t.first, t.end);
      i = next;
      continue;
    }
    // `starred in Harbour Lights`: a title after a word of acting and `in`.
    if (classes[i] === LOWER && ACTING_CUES.has(lw) && i + 2 < end && lower[i + 1] === 'in' && input.original(i) === w) {
      const stop = titleRunEnd(lower, classes, i + 2, end);
      const spans = spansOf(tags, i + 2, stop);
      if (stop > i + 2 && !spans.some((o) => o.type === LOC || o.first < i + 2 || o.end > stop) && !isFactRun(lower, classes, i + 2, stop)) mark(i + 2, stop);
      continue;
    }
    // `the Night Shift show` (programmes.ts).
    if (classes[i] === LOWER && TRAILING_PROGRAMME_NOUNS.has(lw) && i > first && input.original(i) === w) {
      const t = titleBeforeProgrammeNoun(input, classes, first, i);
      if (t) mark(t.first, t.end);
    }
    // `his performance in Closer`: a part in a title, where the tagger read no name there (`his role in Kessel`, `in
    // Iraq`, `in Kessel United's win`) and the run is no day or month (`his performance in Sunday's final`).
    if (classes[i] === LOWER && PART_CUES.has(lw) && i + 2 < end && lower[i + 1] === 'in' && input.original(i) === w) {
      const stop = titleRunEnd(lower, written, i + 2, end);
      if (stop > i + 2 && stop - i - 2 <= MAX_TITLE_TOKENS && isCapitalised(written[i + 2]) && !CALENDAR_WORDS.has(lower[i + 2]) && spansOf(tags, i + 2, stop).length === 0 && !continuesInto(tags, stop) && factAt(lower, written, i + 2, stop) === null) mark(i + 2, stop);
      continue;
    }
    // A cue word, then the title (or a list of them: `films such as Ray, Closer and Sideways`).
    if (classes[i] === LOWER && (WORK_CUES.has(lw) || (lw === 'singles' && CHART_WORDS.has(lower[i + 1]))) && i + 1 < end) {
      if (input.original(i) !== w) continue; // a headline word the truecasing lowered: no cue
      if (WEAK_WORK_CUES.has(lw) && !(i > first && (WORK_CUE_OPENERS.has(lower[i - 1]) || endsBroadcaster(lower, classes, first, i)))) continue;
      let start = i + 1;
      let list = PLURAL_WORK_CUES.has(lw);
      // `the singles chart including ...`
      if (list && start + 1 < end && CHART_WORDS.has(lower[start]) && LIST_OPENERS.has(lower[start + 1])) start++;
      // `a blockbuster, such as ...`
      if (lower[start] === ',' && start + 1 < end && LIST_OPENERS.has(lower[start + 1])) start++;
      // `a new book, Kessel's Harbour by Ann Lee`: a work by someone, whatever the tagger read in its title.
      else if (lower[start] === ',' && !list) {
        const e = titleRunEnd(lower, written, start + 1, end);
        if (e > start + 1 && e < end && lower[e] === 'by' && !isFactRun(lower, written, start + 1, e)) {
          mark(start + 1, e);
          i = e - 1;
          continue;
        }
      }
      const next = lower[start];
      if (next === 'such' && start + 1 < end && lower[start + 1] === 'as') (start += 2), (list = true);
      else if (next === 'including' || next === 'like') (start += 1), (list = true);
      if (start < end && words[start] === '"') start++;
      const stop = titleRunEnd(lower, classes, start, end, list);
      if (!(stop > start && isCapitalised(classes[start]) && !isFactRun(lower, classes, start, stop))) {
        appositiveTitle(i);
        continue;
      }
      mark(start, stop);
      // `comedy series Early Doors and The Late Hours`: a second title opening with `The` after `and` (see titleRunEnd).
      if (stop + 1 < end && lower[stop] === 'and' && lower[stop + 1] === 'the') list = true;
      let at = stop;
      while (list && at < end) {
        let k = at;
        if (words[k] === '"') k++;
        // `X at number 20, Y at number 27 and Z`: a chart's places between its titles.
        if (k + 2 < end && lower[k] === 'at' && lower[k + 1] === 'number' && classes[k + 2] === DIGIT) k += 3;
        if (k < end && (words[k] === ',' || lower[k] === 'and' || lower[k] === 'or' || words[k] === '&')) k++;
        if (k < end && lower[k] === 'and') k++;
        if (k < end && words[k] === '"') k++;
        if (k === at) break;
        const e = titleRunEnd(lower, classes, k, end, true);
        if (!(e > k && isCapitalised(classes[k])) || isFactRun(lower, classes, k, e)) break;
        mark(k, e);
        at = e;
      }
      i = at - 1;
      continue;
    }
    // A quoted title: every word capitalised or small, two words at least.
    if (w === '"' && i + 2 < end) {
      let close = i + 1;
      while (close < end && words[close] !== '"' && close - i <= MAX_TITLE_TOKENS + 1) close++;
      if (close >= end || words[close] !== '"' || close - i - 1 < 2) continue;
      const inside = spansOf(tags, i + 1, close);
      const titled = PERSON_TITLES.has(lower[i + 1]);
      const named = titled || inside.length === 1 && inside[0].first === i + 1 && inside[0].end === close && (inside[0].type === 0 || inside[0].type === 2);
      if (!named && titleRunEnd(lower, classes, i + 1, close) === close && isCapitalised(classes[close - 1])) mark(i + 1, close);
      i = close;
      continue;
    }
    // A channel in brackets after a title, alone or after its makers (`Marsh Lane (Harbour Productions, BBC Two)`),
    // or after a person's titles (`Ann Lee (Marsh Lane/ Tin Roof, ITV1)`). The runs are read as written: a list of
    // credits is in title case, and its truecasing lowers words of the titles (`Little`, `Show`).
    if (w === '(' && i > first) {
      const credits = readCredits(input, i + 1, end);
      if (!credits) continue;
      if (credits.titles) {
        for (const t of credits.groups) mark(t.first, t.end);
        i = credits.close;
        continue;
      }
      for (const g of credits.groups) if (!isFactRun(lower, written, g.first, g.end)) force(tags, g.first, g.end, ORG);
      const start = titleRunStart(lower, written, first, i);
      // A line opening with a person and a channel (`Ann Lee (BBC News)`) is a byline, not a programme.
      const person = start === first && spansOf(tags, start, i).some((o) => o.type === 0 && o.first === start && o.end === i);
      if (start < i && i - start <= MAX_TITLE_TOKENS && !person && !allCaps(classes, start, i) && !isFactRun(lower, written, start, i)) mark(start, i);
      continue;
    }
    // A title named by its last word as written (`The Catherine Tate Show`, `The Alan Clark Diaries`).
    if (i > first && (WORK_HEADS.has(w) || (LOWER_WORK_HEADS.has(w) && WORK_HEADS.has(input.original(i))))) {
      const start = titleRunStart(lower, written, first, i);
      if (start < i && i + 1 - start <= MAX_TITLE_TOKENS && !isFactRun(lower, written, start, i + 1)) mark(start, i + 1);
    }
  }
  return found;
}

/**
 * Where the title before a role word starts (`Ray star Jamie Foxx`), or -1: a person must follow, and the tagger saw
 * no place or organization in the run (`Chelsea star John Terry`, `Hollywood star` stay), but for a street's name.
 */
function roleTitleStart(input: ConstructionInput, classes: Uint8Array, first: number, end: number, cue: number): number {
  const { lower, tags } = input;
  let start = titleRunStart(lower, classes, first, cue);
  // `Ann Lee and Tin Roof star Tom Mara`: the title starts after a name found before it and `and`.
  for (const o of spansOf(tags, start, cue)) if (o.end + 1 < cue && (lower[o.end] === 'and' || lower[o.end] === '&')) start = o.end + 1;
  // `Ex-chatshow host Ann Lee`: a word with a lower-case part is a description, not a title.
  for (let k = start; k < cue; k++) if (hasLowerPart(input.words[k])) return -1;
  if (start === cue || cue - start > MAX_TITLE_TOKENS || isFactRun(lower, classes, start, cue)) return -1;
  const after = spansOf(tags, cue + 1, end);
  if (after.length === 0 || after[0].first !== cue + 1 || after[0].type !== PER) return -1;
  const maker = (MAKER_ROLES.has(lower[cue]) || NOMINATED_MAKERS.has(lower[cue])) && !isFactRun(lower, input.writtenClasses, start, cue);
  // `Lantern Road star Ann Lee`: a street's name over the whole run is a programme's or a film's.
  const street = cue - start >= 2 && STREET_WORDS.has(input.words[cue - 1]);
  if (spansOf(tags, start, cue).some((o) => (o.type === ORG && !(maker && cue - start >= 2)) || (o.type === LOC && !(street && o.first === start && o.end === cue)) || o.first < start || o.end > cue)) return -1;
  return start;
}

/** Last words of a street's name, which programmes and films are named like. */
const STREET_WORDS = new Set(['Street', 'Road', 'Lane', 'Avenue', 'Square', 'Close', 'Drive', 'Terrace']);

/** Whether a name runs on into token `at` from before it. */
function continuesInto(tags: Uint8Array, at: number): boolean {
  return at < tags.length && tags[at] !== 0 && (tags[at] & 1) === 0;
}

