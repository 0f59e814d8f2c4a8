// Date and time recognition: find expressions (chrono-node plus our own patterns), split the
// text into articles, find each article's reference date, and resolve every expression against it.
import type { DateMention, Span } from '../../model';
import type { DateOptions, DateRecognition, DateRecognizer } from '../types';
import { removeOverlaps, withModifier } from './candidates';
import { looksForward, sentenceStart } from './context';
import { formatDay, parseDay, type Day } from './calendar';
import { findWithChrono } from './chronoFinder';
import { findWithPatterns } from './patternFinder';
import { findRelative } from './relative';
import { splitArticles } from './articles';
import { findReference } from './reference';
import { resolveCandidate } from './resolve';
import type { ArticleReference, ReferenceSource } from './reference';

export type { ReferenceSource };

/** One article of a file and the date its relative expressions were resolved against. */
export interface ArticleDate extends Span {
  /** `YYYY-MM-DD`, or null when neither the text nor the fallback gives one. */
  referenceDate: string | null;
  /** `dateline`: a full date at the top; `latest`: the latest full date in the text; `fallback`: the caller's date. */
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

export function recognizeDates(text: string, options: DateOptions = {}): ArticleDateRecognition {
  const candidates = removeOverlaps([...findWithChrono(text), ...findRelative(text), ...findWithPatterns(text)].map((c) => withModifier(text, c)));
  const mentions: DateMention[] = [];
  const articles: ArticleDate[] = [];
  for (const article of splitArticles(text)) {
    const userDay = parseDay(options.referenceDate);
    const ref: ArticleReference = userDay ? { ...article, day: userDay, source: 'user' } : findReference(text, article, candidates, options.fallbackReferenceDate);
    articles.push({
      start: ref.start,
      end: ref.end,
      referenceDate: ref.day ? formatDay(ref.day) : null,
      referenceSource: ref.source,
      ...(ref.from ? { referenceSpan: ref.from } : {}),
    });
    let lastDay: { day: Day; sentence: number } | undefined;
    for (const c of candidates) {
      if (c.start < article.start || c.start >= article.end) continue;
      const sentence = sentenceStart(text, c.start);
      const anchor = lastDay && lastDay.sentence === sentence ? lastDay.day : undefined;
      const mention = resolveCandidate(c, ref, { forward: looksForward(text, c.start), anchor });
      mentions.push(mention);
      const day = parseDay(mention.value);
      if (day && mention.value!.length === 10) lastDay = { day, sentence };
    }
  }
  return { referenceDate: articles[0]?.referenceDate ?? null, mentions, articles };
}
