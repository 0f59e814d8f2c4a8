// Analysis of one document: names and dates from the recognisers, merged into one sorted,
// non-overlapping list of mentions, with in-document aliases resolved. Never throws on text.
import type { ArticleDateSource, ArticleInfo, DocumentAnalysis, Mention, NameSpan, Problem, Span } from './model';
import type { DateRecognizer, NameRecognizer } from './recognize/types';
import { resolveWithinDocument } from './resolve/document';
import { MAX_NAME_LENGTH, nameKey } from './resolve/names';

export interface Recognizers {
  names: NameRecognizer;
  dates: DateRecognizer;
}

export interface AnalyzeOptions {
  /** `YYYY-MM-DD`: the user's fallback (the reference-date setting), for an article that states no date. */
  fallbackReferenceDate?: string | null;
  /** `YYYY-MM-DD`: the user's date for this article, which wins over the text. */
  referenceDate?: string | null;
  /** `YYYY-MM-DD`: the file's date, given only when it may stand in for a missing date; values from it are guesses. */
  fileDate?: string | null;
}

/** Bumped whenever analysis output can change, so persisted results from older analysers are discarded. */
export const ANALYZER_VERSION = 4;

export function analyzeText(
  recognizers: Recognizers,
  uri: string,
  version: number,
  text: string,
  options: AnalyzeOptions = {},
): DocumentAnalysis {
  const problems: Problem[] = [];
  const names = recognizers.names.recognize(text);
  const dates = recognizers.dates.recognize(text, {
    fallbackReferenceDate: options.fallbackReferenceDate ?? null,
    referenceDate: options.referenceDate ?? null,
    fileDate: options.fileDate ?? null,
  });

  const candidates: Mention[] = [];
  for (const raw of names) {
    if (raw.end - raw.start > MAX_NAME_LENGTH) continue;
    const n = raw.type === 'person' ? withoutTitle(text, raw) : withPlaceKind(text, raw);
    if (n.end - n.start > MAX_NAME_LENGTH) continue;
    const surface = text.slice(n.start, n.end);
    const key = nameKey(surface);
    if (key.length === 0) continue;
    candidates.push({ start: n.start, end: n.end, text: surface, type: n.type, value: null, key });
  }
  for (const d of dates.mentions) {
    const m: Mention = { start: d.start, end: d.end, text: text.slice(d.start, d.end), type: d.type, value: d.value, key: null, resolution: d.resolution };
    if (d.guessed) m.guessed = true;
    if (d.needsDate) m.needsDate = true;
    candidates.push(m);
  }
  const mentions = removeOverlaps(candidates);
  resolveWithinDocument(mentions);
  const found = dates.articles ?? [{ start: 0, end: text.length, referenceDate: dates.referenceDate, referenceSource: dates.referenceDate ? 'dateline' : 'none' }];
  const articles: ArticleInfo[] = found.map((a) => {
    const headline = headlineOf(text, a);
    return { start: a.start, end: a.end, title: titleOf(text.slice(headline.start, headline.end)), headline, referenceDate: a.referenceDate, referenceSource: sourceOf(a.referenceSource) };
  });
  return { uri, version, title: titleOf(text), referenceDate: dates.referenceDate, articles, mentions, problems };
}

/** The date recogniser's account of a reference date, as the rest of the product names it. */
function sourceOf(source: string): ArticleDateSource {
  switch (source) {
    case 'dateline':
    case 'latest':
      return 'text';
    case 'user':
    case 'fallback':
      return 'user';
    case 'metadata':
      return 'metadata';
    case 'file':
      return 'file date';
    default:
      return null;
  }
}

const TITLE_LENGTH = 80;

function titleOf(text: string): string {
  const match = /\S[^\r\n]{0,200}/.exec(text);
  const line = match ? match[0].replace(/\s+/g, ' ').trim() : '';
  return line.length > TITLE_LENGTH ? line.slice(0, TITLE_LENGTH - 1).trimEnd() + '…' : line;
}

/** The article's first non-blank line, trimmed (an empty span at its start when it is blank throughout). */
function headlineOf(text: string, article: Span): Span {
  const match = /\S[^\r\n]*/.exec(text.slice(article.start, Math.min(article.end, article.start + 2000)));
  if (!match) return { start: article.start, end: article.start };
  const start = article.start + match.index;
  return { start, end: start + match[0].trimEnd().length };
}

const TITLE = /^(?:(?:President|Vice|Prime|Deputy|Foreign|Defen[cs]e|Interior|Finance|Transport|Opposition|Minister|Secretary|Chancellor|Premier|Leader|Mayor|Governor|Gov\.|Senator|Sen\.|Rep\.|Judge|Justice|General|Gen\.|Lt\.|Col\.|Colonel|Major|Maj\.|Captain|Capt\.|Commander|Admiral|Sgt\.|Ambassador|Envoy|Spokesman|Spokeswoman|King|Queen|Prince|Princess|Pope|Sir|Dame|Lord|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?)\s+)+/;

/** Titles are not part of a person's name: `President Vladimir Putin` is `Vladimir Putin`. */
function withoutTitle(text: string, n: NameSpan): NameSpan {
  const surface = text.slice(n.start, n.end);
  const title = TITLE.exec(surface);
  if (!title || !/^\p{Lu}/u.test(surface.slice(title[0].length))) return n;
  return { ...n, start: n.start + title[0].length };
}

/** Words that make a name a place: `Dnipro River`, `Antonivskyi bridge`, `Kessel Bridge`. */
const PLACE_KIND = /^(?:river|bridge|dam|canal|lake|sea|island|islands|mountains|strait|peninsula|reservoir|valley|airport|square|street|avenue)$/i;
const NEXT_WORD = /^[ \t]+([A-Za-z]+)/;

/**
 * A name followed by a lower-case place word takes it in (`the Antonivskyi bridge`), and a name ending in one is a
 * location whatever the tagger thought: the word says what the thing is.
 */
function withPlaceKind(text: string, n: NameSpan): NameSpan {
  const next = NEXT_WORD.exec(text.slice(n.end, n.end + 20));
  if (next && PLACE_KIND.test(next[1]) && next[1] === next[1].toLowerCase()) {
    return { start: n.start, end: n.end + next[0].length, type: 'location' };
  }
  const last = /([A-Za-z]+)$/.exec(text.slice(n.start, n.end));
  if (last && last.index > 0 && PLACE_KIND.test(last[1])) return { ...n, type: 'location' };
  return n;
}

/** Where a name and a date overlap, the longer span wins; on a tie, the name (a `May` that is a person is rarer than a month, but the tagger saw context). */
function removeOverlaps(mentions: Mention[]): Mention[] {
  mentions.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: Mention[] = [];
  for (const m of mentions) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) {
      if (m.end - m.start > last.end - last.start) out[out.length - 1] = m;
      continue;
    }
    out.push(m);
  }
  return out;
}
