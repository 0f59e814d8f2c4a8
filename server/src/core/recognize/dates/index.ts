// Date and time recognition: find expressions (chrono-node plus our own patterns), split the
// text into articles, find each article's reference date, and resolve every expression against it.
import type { DateMention, Span } from '../../model';
import type { DateOptions, DateRecognition, DateRecognizer } from '../types';
import { removeOverlaps, withModifier, type Candidate } from './candidates';
import { looksForward, sentenceStart } from './context';
import { formatDay, parseDay, type Day } from './calendar';
import { findWithChrono } from './chronoFinder';
import { findWithPatterns } from './patternFinder';
import { findRelative } from './relative';
import { findOpeners } from './openers';
import { splitArticles } from './articles';
import { findReference } from './reference';
import { resolveCandidate, type Setting } from './resolve';
import type { ArticleReference, ReferenceSource } from './reference';

export type { ReferenceSource };

/** One article of a file and the date its relative expressions were resolved against. */
export interface ArticleDate extends Span {
  /** `YYYY-MM-DD`, or null when neither the text nor the fallback gives one. */
  referenceDate: string | null;
  /**
   * `user`: the user's date; `metadata`: the file's front matter; `dateline`: a full date at the top; `latest`:
   * the latest full date in the text; `fallback`: the caller's date; `file`: the file's date, a guess; `none`: no date at all.
   */
  referenceSource: ReferenceSource;
  /** The expression the reference date was read from, when it came from the text. */
  referenceSpan?: Span;
}

/** DateRecognition plus the file's articles, in text order; `referenceDate` is the first article's. */
export interface ArticleDateRecognition extends DateRecognition {
  articles: ArticleDate[];
}

export interface ArticleDateRecognizer extends DateRecognizer {
  recognize(text: string, options?: DateOptions): ArticleDateRecognition;
}

export function createDateRecognizer(): ArticleDateRecognizer {
  return { recognize: recognizeDates };
}

export function recognizeDates(original: string, options: DateOptions = {}): ArticleDateRecognition {
  const text = withLineFeeds(original);
  const openers = findOpeners(text);
  const found = removeOverlaps([...findWithChrono(text, openers), ...findRelative(text, openers), ...findWithPatterns(text, openers)].map((c) => withModifier(text, c)));
  const candidates = found.map((c) => ({ ...c, text: original.slice(c.start, c.end) }));
  const mentions: DateMention[] = [];
  const articles: ArticleDate[] = [];
  // The user's date, then the file's metadata, describe the whole file: every article in it takes them.
  const userDay = parseDay(options.referenceDate);
  const metadataDay = parseDay(options.metadataDate);
  // Candidates are sorted by start: each article reads its own run of them, not all of them.
  let first = 0;
  for (const article of splitArticles(text)) {
    while (first < candidates.length && candidates[first].start < article.start) first++;
    let end = first;
    while (end < candidates.length && candidates[end].start < article.end) end++;
    const ref: ArticleReference = userDay
      ? { ...article, day: userDay, source: 'user' }
      : metadataDay
        ? { ...article, day: metadataDay, source: 'metadata' }
        : articleReference(text, article, candidates.slice(first, end), options);
    articles.push({
      start: ref.start,
      end: ref.end,
      referenceDate: ref.day ? formatDay(ref.day) : null,
      referenceSource: ref.source,
      ...(ref.from ? { referenceSpan: ref.from } : {}),
    });
    let lastDay: { day: Day; sentence: number } | undefined;
    for (let i = first; i < end; i++) {
      const c = candidates[i];
      const sentence = sentenceStart(text, c.start);
      const earlier = lastDay && lastDay.sentence === sentence ? lastDay.day : undefined;
      const clock = c.clock ? clockDay(text, candidates, i, ref, earlier) : {};
      const mention = resolveCandidate(c, ref, { forward: looksForward(text, c.start), ...clock });
      mentions.push(mention);
      const day = parseDay(mention.value);
      if (day && mention.value!.length === 10) lastDay = { day, sentence };
    }
  }
  return { referenceDate: articles[0]?.referenceDate ?? null, mentions, articles };
}

/**
 * The article's date from its text or the user's fallback; only when neither gives one does the file's date (when
 * the caller passes it) stand in, and then the whole reference is a guess, even a dateline whose year came from it.
 */
function articleReference(text: string, article: Span, candidates: Candidate[], options: DateOptions): ArticleReference {
  const known = findReference(text, article, candidates, options.fallbackReferenceDate);
  if (known.day || !options.fileDate) return known;
  const guess = findReference(text, article, candidates, options.fileDate);
  return guess.day ? { ...guess, source: 'file' } : known;
}

/**
 * The day a clock time without one of its own is on: the day named right after it (`at 1200 GMT on
 * Saturday`), or the expression right after it that points back (`2:15 p.m. that day`), else the
 * last day its sentence named.
 */
function clockDay(text: string, candidates: Candidate[], i: number, ref: ArticleReference, earlier: Day | undefined): Pick<Setting, 'anchor' | 'anaphor'> {
  const next = candidates[i + 1];
  const gap = next ? text.slice(candidates[i].end, next.start) : '';
  if (next?.anaphor && /^[\s,]*$/.test(gap)) return { anaphor: next.text };
  if (next && !next.clock && /^\s*(?:,\s*|on\s+(?:that\s+)?)?$/.test(gap)) {
    const value = resolveCandidate(next, ref, { forward: looksForward(text, next.start) }).value;
    const day = value?.length === 10 ? parseDay(value) : undefined;
    if (day) return { anchor: { day, named: 'after' } };
  }
  return earlier ? { anchor: { day: earlier, named: 'before' } } : {};
}

/**
 * Every rule below looks for `\n` alone (articles, datelines, sentences). Rewriting CR to LF and
 * CRLF to space-LF keeps every offset, so CR, CRLF and LF files give the same analysis.
 */
function withLineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, (m) => (m.length === 2 ? ' \n' : '\n')) : text;
}
