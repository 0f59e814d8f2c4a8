// Expressions chrono-node does not read: bare years, decades, ISO weeks, seasons, 24-hour times
// with a zone, the vague periods news is full of (`recent weeks`, `weeks ago`) and the ones that
// point back (`that day`). Plain regular expressions over the text.
import type { Candidate, SeasonName } from './candidates';
import { MONTHS, TIME_ZONE } from './lexicon';
import { readsAsMonth } from './monthSense';
import { COUNTED, findOpeners, matchesAt, MONTH, SEASON as OPENS_SEASON, sticky, VAGUE as OPENS_VAGUE, type Openers } from './openers';

const VAGUE = sticky(/\b(?:(?:recent|coming|past few|last few|next few) (?:days|weeks|months|years)|(?:days|weeks|months|years) ago)\b/gi);
const SEASON = sticky(/\b(?:(early|late|mid)[\s-]+)?(?:(this|last|next|coming|past)\s+)?(summer|winter|autumn|spring)(?:\s+(?:of\s+)?((?:19|20)\d\d))?\b/gi);
const SEASON_CONTEXT = /\b(?:in|over|during|by|until|since|before|after|through|of)(?:\s+the)?\s+$/i;
const QUARTER = /\b(?:first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]quarter\b/gi;
// `seven weeks earlier`, `six months on,`: anchored to some other event, so not pinned down here.
const COUNTED_FROM_EVENT = sticky(/\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a hundred)\s+(?:days?|weeks?|months?|years?|decades?)\s+(?:earlier|later|on(?=\s*[,.;:!?]))/gi);
const NEW_YEAR = /(?<=\bthe )new year\b/g;
const MONTH_WORD = sticky(/\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/g);
const YEAR = /\b((?:1[89]|20)\d\d)\b/g;
const YEAR_CONTEXT = /\b(?:in|since|until|till|by|from|to|before|after|during|through|throughout|between|and|of|early|late|mid|around|the|year|summer|winter|spring|autumn|end|start)[\s-]+$/i;
const ZONED_CLOCK = new RegExp(`(?<![\\d$£€.,:])\\b([01]\\d|2[0-3])([0-5]\\d)\\s?(?:${TIME_ZONE})\\b`, 'g');
/** `that day`, `the same week`: a time named earlier in the article, which we do not trace back. */
const ANAPHOR = /\b(?:that|the same) (day|night|morning|afternoon|evening|week|month|year)\b(?![-‐])/gi;
/** `said that day-to-day`, `ruled that night shifts`: `that` opens a clause there. */
const THAT_CLAUSE = /\b(?:said|says|say|told|ruled|rules|argued|argues|believed|believes|claimed|claims|thought|thinks|think|knew|knows|know|found|finds|noted|notes|agreed|decided|warned|warns|ensure|ensured|means|meant|suggests|suggested|shows|showed|so|such)\s+$/i;
const DECADE = /\b((?:1[89]|20)\d0)s\b/g;
const ISO_WEEK = /\b(\d{4})-W(\d{2})\b/g;

/**
 * Whether `lower` (the text in lower case) holds one of `words`, which every match of a pattern contains: most
 * articles hold no season or decade, and an indexOf is far cheaper than a pattern tried at every position. The
 * case-insensitive patterns match ASCII letters only in either case, so their words are in the lower-case text.
 */
function mayMatch(lower: string, words: readonly string[]): boolean {
  for (const w of words) if (lower.includes(w)) return true;
  return false;
}

/** The 24 characters before `index`: where the context words of a match stand. */
function before(text: string, index: number): string {
  return text.slice(Math.max(0, index - 24), index);
}

/** The matches of a global pattern, or none when the text holds none of the words every match contains (see mayMatch). */
function matches(text: string, lower: string, pattern: RegExp, words: readonly string[]): Iterable<RegExpMatchArray> {
  return mayMatch(pattern.flags.includes('i') ? lower : text, words) ? text.matchAll(pattern) : [];
}

/** Finds the expressions the patterns above read; `openers` are the text's (see openers.ts), found here when not given. */
export function findWithPatterns(text: string, openers: Openers = findOpeners(text)): Candidate[] {
  const found: Candidate[] = [];
  const lower = text.toLowerCase();
  for (const m of matchesAt(text, VAGUE, openers, OPENS_VAGUE)) {
    found.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], vague: true });
  }
  for (const m of matchesAt(text, SEASON, openers, OPENS_SEASON)) {
    const anchored = m[1] || m[2] || m[4] || SEASON_CONTEXT.test(before(text, m.index!));
    if (!anchored || !/^[a-z]/.test(m[3])) continue;
    const relation = m[2]?.toLowerCase();
    found.push({
      start: m.index!, end: m.index! + m[0].length, text: m[0], season: m[3].toLowerCase() as SeasonName,
      ...(m[4] ? { year: Number(m[4]) } : {}),
      ...(relation ? { seasonRelation: relation === 'coming' ? 'next' : relation === 'past' ? 'last' : (relation as 'this' | 'next' | 'last') } : {}),
    });
  }
  for (const m of text.matchAll(ZONED_CLOCK)) {
    found.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], hour: Number(m[1]), minute: Number(m[2]), clock: true });
  }
  for (const m of matches(text, lower, ANAPHOR, ['that ', 'the same '])) {
    if (/^that/i.test(m[0]) && THAT_CLAUSE.test(before(text, m.index!))) continue;
    found.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], anaphor: m[1].toLowerCase() });
  }
  for (const m of text.matchAll(YEAR)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (/[\d,.$£€]/.test(text[start - 1] ?? '') || /^(?:[,.]\d|%|\d|-\d{2}\b(?!-))/.test(text.slice(end, end + 3))) continue;
    if (!YEAR_CONTEXT.test(before(text, start)) && !/^['’]s\b/.test(text.slice(end, end + 3))) continue;
    found.push({ start, end, text: m[0], year: Number(m[1]) });
  }
  for (const m of matches(text, lower, QUARTER, ['quarter'])) found.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], vague: true });
  for (const m of matchesAt(text, COUNTED_FROM_EVENT, openers, COUNTED)) found.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], vague: true });
  for (const m of matches(text, lower, NEW_YEAR, ['the new year'])) {
    found.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], shift: { unit: 'year', amount: 1 } });
  }
  // chrono-node reads the first month of `April and May` only.
  for (const m of matchesAt(text, MONTH_WORD, openers, MONTH)) {
    if (readsAsMonth(text, m.index!, m[0], true)) {
      found.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], month: MONTHS[m[0].toLowerCase()] });
    }
  }
  for (const m of matches(text, lower, DECADE, ['0s'])) {
    found.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], vague: true });
  }
  for (const m of matches(text, lower, ISO_WEEK, ['-W'])) {
    const week = Number(m[2]);
    if (week >= 1 && week <= 53) found.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], isoWeek: m[0] });
  }
  return found;
}

/** The patterns matched at their opening words only, with the finder bit of those words (for the tests of openers.ts). */
export const OPENED_PATTERNS: readonly [RegExp, number][] = [[VAGUE, OPENS_VAGUE], [SEASON, OPENS_SEASON], [COUNTED_FROM_EVENT, COUNTED], [MONTH_WORD, MONTH]];
