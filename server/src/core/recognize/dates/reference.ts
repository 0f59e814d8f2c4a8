// The date an article is written from: a full date in its dateline or captions, else the
// latest full date it states, else the caller's fallback (user setting or file date).
import type { Span } from '../../model';
import type { Candidate } from './candidates';
import { compareDays, isValidDay, monthDayOnOrBefore, parseDay, type Day } from './calendar';

/** How an article's reference date was found. */
export type ReferenceSource = 'dateline' | 'latest' | 'fallback' | 'none';

export interface ArticleReference extends Span {
  day: Day | undefined;
  source: ReferenceSource;
  /** The expression the date was taken from, when it came from the text. */
  from?: Span;
}

/** Datelines and photo captions sit at the top of an article. */
const HEAD_LENGTH = 1200;

export function findReference(article: Span, candidates: Candidate[], fallback: string | null | undefined): ArticleReference {
  const fallbackDay = parseDay(fallback);
  let latest: { day: Day; from: Candidate } | undefined;
  for (const c of candidates) {
    if (c.start < article.start || c.end > article.end) continue;
    const day = statedDay(c, fallbackDay);
    if (!day) continue;
    if (c.start < article.start + HEAD_LENGTH) return { ...article, day, source: 'dateline', from: span(c) };
    if (!latest || compareDays(day, latest.day) > 0) latest = { day, from: c };
  }
  if (latest) return { ...article, day: latest.day, source: 'latest', from: span(latest.from) };
  if (fallbackDay) return { ...article, day: fallbackDay, source: 'fallback' };
  return { ...article, day: undefined, source: 'none' };
}

/**
 * A day the text pins down without any reference: a full date, or a weekday with day and month
 * (`Friday, Oct. 21`), whose year is the latest one that fits, not after the fallback date.
 */
function statedDay(c: Candidate, fallback: Day | undefined): Day | undefined {
  if (c.shift || c.vague || c.month === undefined || c.day === undefined) return undefined;
  if (c.year !== undefined) {
    if (!isValidDay(c.year, c.month, c.day)) return undefined;
    // A weekday that disagrees with the date is a typo in the weekday more often than in the date.
    return { year: c.year, month: c.month, day: c.day };
  }
  if (c.weekday === undefined || !fallback) return undefined;
  return monthDayOnOrBefore(fallback, c.month, c.day, c.weekday);
}

function span(c: Candidate): Span {
  return { start: c.start, end: c.end };
}
