// Constructions of reports on awards: credits in brackets after a nominee or a title (`Ann Lee (Tin Roof, ITV1)`,
// `Tin Roof (Kessel Hill Productions, BBC Two)`), works around a category (`Tin Roof won best drama`, `best actress
// for Tin Roof`) and, in a sentence about nominations, works named after their nominee and `for` or after their makers
// (`Ann Lee for Tin Roof`, `the directors of Tin Roof and Marsh Lane`).
import type { ConstructionInput } from './constructions';
import { allCaps, isFactRun, spansOf, type Span } from './edits';
import { LOC, MISC, NOT_NAMES, ORG, PER } from './facts';
import { isOrganizationHead } from './heads';
import { afterOpeningWord, channelsInBrackets, INNER_WORDS, MAX_TITLE_TOKENS, titleRunEnd, titleRunStart } from './titleRuns';
import * as wordShape from './wordShape';

// Module-level consts: under the CommonJS interop of tsx every imported name is a getter.
const { DIGIT, isCapitalised, LOWER } = wordShape;

/** Words that make a sentence one about nominations for awards, or about the prizes they compete for. */
const NOMINATION_WORDS = new Set(['nominee', 'nominees', 'nominated', 'nomination', 'nominations', 'shortlisted', 'shortlist', 'prize', 'award']);
/**
 * Makers of works, before `of` and their titles in a sentence about nominations (`the directors of Tin Roof`), or
 * between a title and a person (`Tin Roof director Ann Lee`); elsewhere they are as often an organization's.
 */
export const NOMINATED_MAKERS = new Set(['director', 'directors', 'producer', 'producers', 'writer', 'writers', 'makers']);

/** Whether the sentence [first, end) speaks of nominations. */
export function isNominationSentence(lower: string[], first: number, end: number): boolean {
  for (let i = first; i < end; i++) if (NOMINATION_WORDS.has(lower[i])) return true;
  return false;
}

/**
 * In a sentence about nominations, the works named from `at`, the word after a nominee's `for` (`Ann Lee for Tin
 * Roof`) or a maker's `of` (`the directors of Tin Roof, Marsh Lane and Cold Orchard`, a list). What the tagger read
 * there gives way, for a nominee is named for a work and titles are the words the tagger knows least; but not a
 * known name of another kind, a category (`for Best Actor`) or a span reaching out of the run.
 */
export function nominatedWorks(input: ConstructionInput, at: number, end: number, list: boolean): Span[] {
  const { lower, words, tags } = input;
  const written = input.writtenClasses;
  const out: Span[] = [];
  for (let k = at; k < end; ) {
    let e = titleRunEnd(lower, written, k, end, true);
    // `for Mary Lane at the Kessel - Best actor - ...`: a venue or the next line of a list is not the title's.
    for (let j = k + 1; j < e; j++) if (lower[j] === '-' || lower[j] === 'at') e = Math.min(e, j);
    if (e === k || lower[k] === 'best' || isFactRun(lower, written, k, e)) break;
    // A span reaching out of the run: the tagger saw a longer name, unless it runs on over the list's `and` or comma.
    const joiner = (j: number) => list && (lower[j] === 'and' || words[j] === ',');
    if ((continues(tags[k]) && !joiner(k - 1)) || (e < end && continues(tags[e]) && !joiner(e))) break;
    out.push({ first: k, end: e, type: 3 });
    if (!list) break;
    let n = e;
    if (n < end && words[n] === ',') n++;
    if (n < end && lower[n] === 'and') n++;
    if (n === e) break;
    k = n;
  }
  return out;
}

/**
 * Titles around an award's category at `best` (token `at`): the winner before it (`Quiet Hours was voted best comedy
 * film`, `Night Shift won best drama`) and the works after it and `for` (`best TV comedy actress for Tin Roof and
 * Marsh Lane`). Returns them and the token the caller goes on from.
 */
export function titlesAtCategory(input: ConstructionInput, classes: Uint8Array, first: number, end: number, at: number): { titles: Span[]; next: number } {
  const { lower } = input;
  const written = input.writtenClasses;
  const titles: Span[] = [];
  const verb = at - 1 > first && (lower[at - 1] === 'won' || ((lower[at - 1] === 'voted' || lower[at - 1] === 'named') && lower[at - 2] === 'was')) ? (lower[at - 1] === 'won' ? at - 1 : at - 2) : -1;
  let k = at + 1;
  // The category's words, `TV` among them (`best TV comedy actress for ...`).
  while (k < end && k - at <= 4 && (classes[k] === LOWER || NOT_NAMES.has(lower[k])) && lower[k] !== 'for') k++;
  if (verb > first) {
    const start = afterOpeningWord(input.words, lower, first, titleRunStart(lower, written, first, verb), verb);
    if (start < verb && isWinnerTitle(input, classes, start, verb, k > at + 1 && WORK_CATEGORIES.has(lower[k - 1]))) titles.push({ first: start, end: verb, type: MISC });
  }
  let stop = k > at + 1 && k + 1 < end && lower[k] === 'for' ? titleRunEnd(lower, classes, k + 1, end, true) : -1;
  if (!(stop > 0 && isAwardTitle(input, classes, k + 1, stop))) return { titles, next: at };
  titles.push({ first: k + 1, end: stop, type: MISC });
  // `for Lantern Road and Cold Orchard`: two titles.
  while (stop + 1 < end && lower[stop] === 'and') {
    const next = titleRunEnd(lower, classes, stop + 1, end, true);
    if (!isAwardTitle(input, classes, stop + 1, next)) break;
    titles.push({ first: stop + 1, end: next, type: MISC });
    stop = next;
  }
  return { titles, next: stop - 1 };
}

/**
 * Whether the run after an award category and `for` is a title: a category says a work, not who made it, but a run
 * that is a person, a place or a known organization is left alone (`best actress for Ann Lee`, `best season for
 * Arsenal`). (`at number 20` in a chart is no such cue: artists stand there as often as songs.)
 */
function isAwardTitle(input: ConstructionInput, classes: Uint8Array, start: number, stop: number): boolean {
  const { lower, tags } = input;
  if (stop <= start || stop - start > MAX_TITLE_TOKENS || !isCapitalised(classes[start]) || isFactRun(lower, classes, start, stop)) return false;
  return !spansOf(tags, start, stop).some((o) => o.type === LOC || o.first < start || o.end > stop || (o.type === PER && o.first === start && o.end === stop));
}

/**
 * Whether the run [start, stop) before a category it won is a title: the tagger read no place or organization in it
 * and no person over all of it (`Ann Lee won best actress`, `Kessel United won best team`), and it is no known name.
 * A category that is a kind of work (`best drama`, `best comedy film`) says a work won: an organization the tagger
 * read over exactly the run is that work.
 */
function isWinnerTitle(input: ConstructionInput, classes: Uint8Array, start: number, stop: number, workCategory: boolean): boolean {
  const { lower, tags } = input;
  if (stop - start > MAX_TITLE_TOKENS || allCaps(classes, start, stop) || isFactRun(lower, input.writtenClasses, start, stop)) return false;
  const inside = spansOf(tags, start, stop);
  if (workCategory && inside.length === 1 && inside[0].type === ORG && inside[0].first === start && inside[0].end === stop) return true;
  return !inside.some((o) => o.type === LOC || o.type === ORG || o.first < start || o.end > stop || (o.type === PER && o.first === start && o.end === stop));
}

/** Last words of an award's category that name a kind of work (`best comedy film`, `best drama`). */
const WORK_CATEGORIES = new Set(['film', 'films', 'movie', 'drama', 'comedy', 'sitcom', 'series', 'show', 'programme', 'documentary', 'soap', 'album', 'single', 'song', 'record', 'musical', 'play', 'novel', 'book', 'game']);

/** Whether a tag continues a name begun before it. */
function continues(tag: number): boolean {
  return tag !== 0 && (tag & 1) === 0;
}

/** Whether the name before `at` is a person's, as the tagger read it. */
export function personBefore(tags: Uint8Array, at: number): boolean {
  return at > 0 && tags[at - 1] !== 0 && (tags[at - 1] - 1) >> 1 === PER;
}

/** Tokens a list of credits in brackets may hold besides capitalised words and the small words of titles. */
const CREDIT_MARKS = new Set(['/', ',', '!', '?', '...', "'"]);
const MAX_CREDIT_TOKENS = 40;

/**
 * Credits in brackets from `at`, up to `)`: the channels last (known organizations, one of them a broadcaster,
 * joined by `,` or `/`), and before them, after a comma, either makers (each comma's group a known organization or
 * a run ending in an organization's head: `Harbour Productions`) or titles, split at `/` (a title may hold a comma:
 * `Help, I'm Stuck!`). Null if the brackets hold anything else.
 */
export function readCredits(input: ConstructionInput, at: number, end: number): { close: number; titles: boolean; groups: { first: number; end: number }[] } | null {
  const { lower, words } = input;
  const written = input.writtenClasses;
  if (channelsInBrackets(lower, written, at, end)) return { close: at, titles: false, groups: [] };
  // The brackets may close after the sentence's end: the tokenizer ends a sentence at a title's `!` (`(Tin Roof/ Help
  // Me Now!, ITV1)`); the titles found must still end within the sentence.
  const limit = Math.min(words.length, at + MAX_CREDIT_TOKENS);
  let close = at;
  while (close < limit && words[close] !== ')' && words[close] !== '(') close++;
  if (close >= limit || words[close] !== ')') return null;
  let comma = -1;
  for (let k = close - 1; k > at && comma < 0; k--) if (words[k] === ',' && channelsInBrackets(lower, written, k + 1, close + 1)) comma = k;
  if (comma < 0 || !isCapitalised(written[at])) return null;
  for (let k = at; k < comma; k++) if (!(isCapitalised(written[k]) || written[k] === DIGIT || INNER_WORDS.has(lower[k]) || CREDIT_MARKS.has(words[k]))) return null;
  const split = (sep: string) => {
    const out: { first: number; end: number }[] = [];
    for (let k = at, from = at; k <= comma; k++) {
      if (k < comma && words[k] !== sep) continue;
      let a = from;
      let b = k;
      while (a < b && (words[a] === '/' || words[a] === ',')) a++;
      if (b > a) out.push({ first: a, end: b });
      from = k + 1;
    }
    return out;
  };
  if (comma > end) return null;
  const makers = split(',');
  const isMaker = (g: { first: number; end: number }) => isFactRun(lower, written, g.first, g.end) || isOrganizationHead(input.original(g.end - 1));
  if (makers.every(isMaker)) return { close, titles: false, groups: makers };
  const titles = split('/').filter((t) => isCapitalised(written[t.first]) && !isFactRun(lower, written, t.first, t.end));
  return titles.length ? { close, titles: true, groups: titles } : null;
}
