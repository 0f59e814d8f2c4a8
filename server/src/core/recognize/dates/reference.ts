// The date an article is written from: a full date in its dateline or captions, else the
// latest full date it states, else the caller's fallback (user setting or file date).
import type { Span } from '../../model';
import type { Candidate } from './candidates';
import { compareDays, isValidDay, monthDayOnOrBefore, parseDay, weekdayOf, type Day } from './calendar';
import { FIRST_NEWS_YEAR } from './lexicon';

/** How an article's reference date was found. */
/**
 * In order of precedence: the user's date, the file's metadata (front matter), the text, the caller's fallback;
 * `file`: nothing else gave a date and the file's date stands in for one, so values counted from it are guesses.
 */
export type ReferenceSource = 'user' | 'metadata' | 'dateline' | 'latest' | 'fallback' | 'file' | 'none';

export interface ArticleReference extends Span {
  day: Day | undefined;
  source: ReferenceSource;
  /** The expression the date was taken from, when it came from the text. */
  from?: Span;
}

/** Datelines and photo captions sit at the top of an article, before or in its first paragraph. */
const HEAD_LENGTH = 1200;
const FIRST_PARAGRAPH = 150;

/** The end of the headline block, captions (lines ending in a credit) and first body paragraph. */
function endOfHead(text: string, article: Span): number {
  const limit = Math.min(article.end, article.start + HEAD_LENGTH);
  let lineStart = article.start;
  while (lineStart < limit) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 || newline > article.end ? article.end : newline;
    const line = text.slice(lineStart, lineEnd).trim();
    if (line.length >= FIRST_PARAGRAPH && !/\)$/.test(line)) return Math.min(lineEnd, limit);
    lineStart = lineEnd + 1;
  }
  return limit;
}

export function findReference(text: string, article: Span, candidates: Candidate[], fallback: string | null | undefined): ArticleReference {
  const fallbackDay = parseDay(fallback);
  const headEnd = endOfHead(text, article);
  let latest: { day: Day; from: Candidate } | undefined;
  let head: { day: Day; from: Candidate } | undefined;
  for (const c of candidates) {
    if (c.start < article.start || c.end > article.end) continue;
    const inHead = c.start < headEnd;
    const day = statedDay(c, fallbackDay) ?? (inHead && isDateline(text, c) && fallbackDay ? yearFromFallback(c, fallbackDay) : undefined);
    if (!day) {
      // `WASHINGTON, Oct 19 (Reuters) -` says when the article was written, but not the year: with no date to take
      // it from, the article's date is unknown. The dates further down are events, and the latest of them is not it.
      if (!fallbackDay && !head && inHead && lacksYear(c) && isDateline(text, c)) return { ...article, day: undefined, source: 'none' };
      continue;
    }
    if (isDateLine(text, c)) return { ...article, day, source: 'dateline', from: span(c) };
    if (inHead) {
      head ??= { day, from: c };
      continue;
    }
    // A date after the fallback (the file's own date) is one the article looks forward to.
    if (fallbackDay && compareDays(day, fallbackDay) > 0) continue;
    if (!latest || compareDays(day, latest.day) > 0) latest = { day, from: c };
  }
  if (head) return { ...article, day: head.day, source: 'dateline', from: span(head.from) };
  if (latest) return { ...article, day: latest.day, source: 'latest', from: span(latest.from) };
  if (fallbackDay) return { ...article, day: fallbackDay, source: 'fallback' };
  return { ...article, day: undefined, source: 'none' };
}

/**
 * A day the text pins down without any reference: a full date, or a weekday with day and month
 * (`Friday, Oct. 21`), whose year is the one nearest the fallback date where the weekday fits.
 */
function statedDay(c: Candidate, fallback: Day | undefined): Day | undefined {
  if (c.shift || c.vague || c.month === undefined || c.day === undefined) return undefined;
  if (c.year !== undefined) {
    if (!isValidDay(c.year, c.month, c.day) || c.year < FIRST_NEWS_YEAR) return undefined;
    // A weekday that disagrees with the date is a typo in the weekday more often than in the date.
    return { year: c.year, month: c.month, day: c.day };
  }
  if (c.weekday === undefined || !fallback) return undefined;
  return nearestWithWeekday(fallback, c.month, c.day, c.weekday);
}

/** Of the years within a few of the fallback's, the one where `month`/`day` falls on `weekday`, nearest first. */
function nearestWithWeekday(fallback: Day, month: number, day: number, weekday: number): Day | undefined {
  let best: Day | undefined;
  for (let year = fallback.year - 7; year <= fallback.year + 1; year++) {
    if (!isValidDay(year, month, day)) continue;
    const candidate = { year, month, day };
    if (weekdayOf(candidate) !== weekday) continue;
    if (!best || Math.abs(compareDays(candidate, fallback)) < Math.abs(compareDays(best, fallback))) best = candidate;
  }
  return best;
}

/** `WASHINGTON, Oct 19 (Reuters) -`: a day and month followed by the agency and a dash. */
function isDateline(text: string, c: Candidate): boolean {
  return /^\s*(?:\([^()\n]{1,40}\))?\s*[-–—]/.test(text.slice(c.end, c.end + 50));
}

/** Characters a dateline may hold before or after its date (`Last updated on ` and the like). */
const DATELINE_CONTEXT = 40;

/** A date on a line of its own, perhaps after `Published` or `Updated`. */
function isDateLine(text: string, c: Candidate): boolean {
  // A dateline is short: only the few characters around the date are read, so a long line costs no more.
  const near = DATELINE_CONTEXT;
  const from = Math.max(0, c.start - near - 1);
  const lineBreak = text.slice(from, c.start).lastIndexOf('\n');
  if (lineBreak < 0 && from > 0) return false;
  const lineStart = lineBreak < 0 ? 0 : from + lineBreak + 1;
  const window = text.slice(c.end, c.end + near + 1);
  const lineEnd = window.indexOf('\n');
  if (lineEnd < 0 && c.end + window.length < text.length) return false;
  const before = text.slice(lineStart, c.start);
  const after = lineEnd < 0 ? window : window.slice(0, lineEnd);
  return /^\s*(?:(?:published|updated|posted|last updated|first published)\b[\s:,]*(?:on\s+)?)?$/i.test(before) && /^[\s.,]*$/.test(after);
}

function lacksYear(c: Candidate): boolean {
  return !c.shift && !c.vague && c.month !== undefined && c.day !== undefined && c.year === undefined;
}

function yearFromFallback(c: Candidate, fallback: Day): Day | undefined {
  if (c.shift || c.vague || c.month === undefined || c.day === undefined || c.year !== undefined) return undefined;
  return monthDayOnOrBefore(fallback, c.month, c.day);
}

function span(c: Candidate): Span {
  return { start: c.start, end: c.end };
}
