// Finds absolute and relative date and time expressions with chrono-node, run only on short
// windows around trigger words, then trims, extends and filters its matches to news usage.
import * as chrono from 'chrono-node';
import type { Candidate } from './candidates';
import { ABBREVIATION_AT_END, CHRONO_TRIGGER, FIRST_NEWS_YEAR, LEADING_WORDS, MONTHS, TIME_ZONE } from './lexicon';
import { datedWeekend, RELATIVE_DAY_WORD, relativeShift } from './relative';
import { readsAsMonth } from './monthSense';
import { CHRONO, findOpeners, matchesAt, sticky, type Openers } from './openers';

const WINDOW_MARGIN = 28;
/** Characters a window reaches beyond its margin to end on a word boundary. */
const WORD_REACH = 40;
/** The longest text handed to chrono at once. */
const MAX_WINDOW = 2000;
// chrono needs some instant; only the components it reads from the text are used, never implied ones.
const PARSE_INSTANT = new Date(Date.UTC(2000, 0, 1, 12));
const parser = chrono.en.casual;
/** A four-digit 24-hour time closing the match, with its zone inside or right after: `26 February 1600 GMT`. */
const CLOCK_AS_YEAR = new RegExp(`[\\s,]+((?:[01]\\d|2[0-3])[0-5]\\d)(\\s*(?:${TIME_ZONE})\\b)?$`);
const TIME_ZONE_NEXT = new RegExp(`^\\s*\\(?(?:${TIME_ZONE})\\b`);
/** A day the text states beside a relative word (`yesterday, March 3`), which then wins. */
const TRIGGER_AT = sticky(CHRONO_TRIGGER);
const STATED_DAY = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b|\d{1,2}\/\d|\d{4}-\d\d/i;

export function findWithChrono(text: string, openers: Openers = findOpeners(text)): Candidate[] {
  const found: Candidate[] = [];
  for (const [from, to] of triggerWindows(text, openers)) {
    for (const result of parser.parse(text.slice(from, to), { instant: PARSE_INSTANT, timezone: 0 })) {
      const start = from + result.index;
      for (const part of splitRange(text, start, start + result.text.length, result)) {
        const candidate = toCandidate(text, part.start, part.end, part.result);
        if (!candidate) continue;
        found.push(candidate);
        const clock = cutClock(text, candidate, part.end);
        if (clock) found.push(clock);
      }
    }
  }
  return found;
}

function triggerWindows(text: string, openers: Openers): [number, number][] {
  const windows: [number, number][] = [];
  for (const m of matchesAt(text, TRIGGER_AT, openers, CHRONO)) {
    let from = Math.max(0, m.index! - WINDOW_MARGIN);
    let to = Math.min(text.length, m.index! + m[0].length + WINDOW_MARGIN);
    // Out to whole words, but not across a blob without spaces.
    for (let k = 0; k < WORD_REACH && from > 0 && !/\s/.test(text[from - 1]); k++) from--;
    for (let k = 0; k < WORD_REACH && to < text.length && !/\s/.test(text[to]); k++) to++;
    const last = windows[windows.length - 1];
    // chrono's cost grows faster than its input's length (its refiners test each match's whole prefix), so
    // windows of dense triggers stop growing at MAX_WINDOW and the next one overlaps it by the margin: every
    // expression near a trigger is whole in that trigger's window, and overlapping finds are settled later.
    if (last && from <= last[1] && to - last[0] <= MAX_WINDOW) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  return windows;
}

interface Part {
  start: number;
  end: number;
  result: chrono.ParsedResult;
}

const SENTENCE_BREAK = /(?<!\b[ap]\.m|\b[A-Z][a-z]{2,3})[.!?]["'’”]?\s+(?=[A-Z])|\n/;
const RANGE_BREAK = /\s*(?:\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b|-|–|—)\s*/;

/** chrono reads `Monday to Friday` as one range and runs on across sentence ends; we want separate mentions. */
function splitRange(text: string, start: number, end: number, result: chrono.ParsedResult): Part[] {
  const span = text.slice(start, end);
  const sep = SENTENCE_BREAK.exec(span) ?? (result.end ? RANGE_BREAK.exec(span) : null);
  if (!sep) return [{ start, end, result }];
  if (!sep || sep.index === 0) return [{ start, end, result }];
  const parts: Part[] = [];
  for (const [s, e] of [[start, start + sep.index], [start + sep.index + sep[0].length, end]]) {
    const sub = parser.parse(text.slice(s, e), { instant: PARSE_INSTANT, timezone: 0 })[0];
    if (sub) parts.push({ start: s + sub.index, end: s + sub.index + sub.text.length, result: sub });
  }
  return parts;
}

function toCandidate(text: string, rawStart: number, rawEnd: number, result: chrono.ParsedResult): Candidate | undefined {
  let start = rawStart;
  let end = rawEnd;
  while (start < end && /\s/.test(text[start])) start++; // chrono-node's `midnight` match can start with the space before it
  const lead = LEADING_WORDS.exec(text.slice(start, end));
  if (lead && lead[0].length < end - start) start += lead[0].length;
  while (end > start && /[\s,;:)\]'"’”\-–—]/.test(text[end - 1])) end--;
  if (text[end - 1] === '.' && !ABBREVIATION_AT_END.test(text.slice(start, end))) end--;
  if (end <= start) return undefined;
  // `Saturday, 26 February 1600 GMT`: chrono-node takes the kick-off time for a year.
  const tail = CLOCK_AS_YEAR.exec(text.slice(start, end));
  const zoned = tail !== null && (tail[2] !== undefined || TIME_ZONE_NEXT.test(text.slice(end, end + 12)));
  const beforeNewsYears = tail !== null && Number(tail[1]) < FIRST_NEWS_YEAR && result.start.isCertain('weekday') && result.start.isCertain('day') && result.start.isCertain('month');
  // A weekday and date before a number earlier than any news year make it a time too; without a weekday
  // (`5 November 1605`) it stays a year, as history writes it.
  const clockAsYear = zoned || beforeNewsYears;
  if (clockAsYear) end = start + tail.index;
  if (end <= start) return undefined;
  const core = text.slice(start, end);
  const lower = core.toLowerCase();
  const tags = result.tags();

  if (/\bnow\b/.test(lower)) return undefined;
  const relative = relativeShift(lower);
  if (relative) {
    if (!datedWeekend(text, start, relative.shift)) return undefined;
    return { start, end, text: core, shift: relative.shift, clock: relative.clock };
  }
  if (tags.has('result/relativeDate') || tags.has('result/relativeDateAndTime')) return undefined; // `in 12 hours`, `past week`

  let candidate: Candidate = {
    start, end, text: core,
    year: clockAsYear ? undefined : known(result, 'year'), month: known(result, 'month'), day: known(result, 'day'), weekday: known(result, 'weekday'),
    hour: known(result, 'hour'), minute: known(result, 'minute'),
  };
  // `5 a.m. today`, `yesterday at 9pm`: chrono-node dates the word from its parse instant, so the day
  // is the relative word's, counted from the article like the word alone.
  const dayWord = RELATIVE_DAY_WORD.exec(lower);
  const dayShift = dayWord && !STATED_DAY.test(core) ? relativeShift(dayWord[0]) : undefined;
  if (dayShift) candidate = { start, end, text: core, hour: candidate.hour, minute: candidate.minute, shift: dayShift.shift };
  if (candidate.hour !== undefined) {
    if (!/\d\s*(?:[ap]\.?m\b|:\d\d)|noon|midday|midnight|o'clock|\b\d{1,2}[:.]\d{2}\s*(?:GMT|BST|UTC)/i.test(core)) return undefined;
    if (namePart(text, start, end, core)) return undefined;
    candidate.clock = true;
    candidate.minute ??= 0;
  }
  if (!plausible(text, start, core, candidate)) return undefined;
  if (/^end of\b/i.test(core)) candidate.day = undefined; // `end of March` names the month
  return withWeekdayStep(text, withRelativeYear(text, candidate));
}

/** A component chrono-node read from the text (not one it implied), or undefined. */
function known(result: chrono.ParsedResult, component: chrono.Component): number | undefined {
  return result.start.isCertain(component) ? result.start.get(component) ?? undefined : undefined;
}

/** `Jamie Noon`, `J Noon`, `Midnight Express`, `Christmas Midnight Mass`: a capitalised word of time inside a name. */
function namePart(text: string, start: number, end: number, core: string): boolean {
  if (!/^(?:Noon|Midday|Midnight)$/.test(core)) return false;
  const before = /\b([A-Z][A-Za-z]*)\.? $/.exec(text.slice(Math.max(0, start - 20), start));
  if (before && !/^(?:At|By|Before|After|Until|Till|From|Since|On|Around|About|Past|Near|Towards?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)$/.test(before[1])) return true;
  return /^ [A-Z]/.test(text.slice(end, end + 2));
}

/**
 * The clock time cut from the end of a match that took it for a year, when no zone follows it (a zoned one is
 * found by the pattern finder): `1600` in `Saturday, 26 February 1600`.
 */
function cutClock(text: string, c: Candidate, matchEnd: number): Candidate | undefined {
  if (c.year !== undefined || c.day === undefined) return undefined;
  const m = /^[\s,]+((?:[01]\d|2[0-3])([0-5]\d))$/.exec(text.slice(c.end, matchEnd));
  if (!m || TIME_ZONE_NEXT.test(text.slice(matchEnd, matchEnd + 12))) return undefined;
  const start = matchEnd - m[1].length;
  return { start, end: matchEnd, text: m[1], hour: Number(m[1].slice(0, 2)), minute: Number(m[2]), clock: true };
}

/**
 * `next Monday`, `last Friday`, `this coming Tuesday`: a weekday counted strictly after or before the reference;
 * `Monday next week`: that weekday in the next week.
 */
function withWeekdayStep(text: string, c: Candidate): Candidate {
  if (c.weekday === undefined || c.day !== undefined || c.month !== undefined || c.shift) return c;
  const week = /\s+(next|last) week$/i.exec(c.text);
  if (week) return { ...c, weekShift: week[1].toLowerCase() === 'next' ? 1 : -1 };
  const inside = /^(next|last|coming|this coming|past|this past)\s+/i.exec(c.text);
  if (inside) return { ...c, weekdayStep: /next|coming/i.test(inside[1]) ? 1 : -1 };
  const before = /\b(?:this\s+)?(coming|past)\s+$/i.exec(text.slice(Math.max(0, c.start - 18), c.start));
  if (!before) return c;
  const start = c.start - before[0].length;
  return { ...c, start, text: text.slice(start, c.end), weekdayStep: before[1].toLowerCase() === 'coming' ? 1 : -1 };
}

/** `June last year`, `February next year`, `May 2 next year`: one expression, the year counted from the reference. */
function withRelativeYear(text: string, c: Candidate): Candidate {
  if (c.month === undefined || c.year !== undefined || c.weekday !== undefined) return c;
  const m = /^,?\s+(?:of\s+)?(this|last|next) year\b/i.exec(text.slice(c.end, c.end + 20));
  if (!m) return c;
  const end = c.end + m[0].length;
  const yearShift = m[1].toLowerCase() === 'this' ? 0 : m[1].toLowerCase() === 'last' ? -1 : 1;
  return { ...c, end, text: text.slice(c.start, end), yearShift };
}

/** Rejects the month and weekday readings of ordinary words: `may`, `march`, `sat`, `Sun`, `Theresa May`. */
function plausible(text: string, start: number, core: string, c: Candidate): boolean {
  if (c.year === undefined && c.month === undefined && c.day === undefined && c.weekday === undefined && c.hour === undefined) return false;
  if (c.month !== undefined) {
    const month = /[A-Za-z]+/g;
    for (const m of core.matchAll(month)) {
      if (MONTHS[m[0].toLowerCase()] === undefined) continue;
      const alone = c.day === undefined && c.year === undefined && c.weekday === undefined;
      return readsAsMonth(text, start + m.index!, m[0], alone);
    }
    return true; // numeric forms: 2005-02-24, 24/2/05
  }
  const onlyWeekday = c.weekday !== undefined && c.day === undefined && c.year === undefined;
  if (onlyWeekday && !/\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/.test(core)) return false;
  // Named days chrono does not know: `Easter Monday`, `Good Friday`, `Black Friday`.
  if (onlyWeekday && /\b(?:Easter|Good|Black|Cyber|Super|Ash|Blue|Holy|Maundy|Shrove)\s+$/.test(text.slice(Math.max(0, start - 8), start))) return false;
  return true;
}

/** The pattern matched at its opening words only, with their finder bit (for the tests of openers.ts). */
export const OPENED_PATTERNS: readonly [RegExp, number][] = [[TRIGGER_AT, CHRONO]];
