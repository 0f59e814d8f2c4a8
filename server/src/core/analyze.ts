// Analysis of one document: names and dates from the recognisers, merged into one sorted,
// non-overlapping list of mentions, with in-document aliases resolved. Never throws on text.
// The recognisers read the article as prepared (front matter and Markdown markup blanked, offsets kept).
import type { ArticleDateSource, ArticleInfo, DocumentAnalysis, EntityType, Mention, NameSpan, Problem, Span } from './model';
import type { DateRecognizer, NameRecognizer } from './recognize/types';
import { resolveWithinDocument, splitHeadlineSeams } from './resolve/document';
import { qualifyInstitutions } from './resolve/institutions';
import { knownAliasKey } from './resolve/knownAliases';
import { MAX_NAME_LENGTH, nameKey } from './resolve/names';
import { prepareArticle, spanOutsideMarkup } from './text/article';
import { articleTitle } from './text/title';

export interface Recognizers {
  names: NameRecognizer;
  dates: DateRecognizer;
}

export interface AnalyzeOptions {
  /** `YYYY-MM-DD`: the user's fallback (the reference-date setting), for an article that states no date. */
  fallbackReferenceDate?: string | null;
  /** `YYYY-MM-DD`: the user's date for this article, which wins over the front matter and the text. */
  referenceDate?: string | null;
  /** `YYYY-MM-DD`: the file's date, given only when it may stand in for a missing date; values from it are guesses. */
  fileDate?: string | null;
}

/** Bumped whenever analysis output can change, so persisted results from older analysers are discarded. */
export const ANALYZER_VERSION = 7;

export function analyzeText(
  recognizers: Recognizers,
  uri: string,
  version: number,
  text: string,
  options: AnalyzeOptions = {},
): DocumentAnalysis {
  const prepared = prepareArticle(uri, text);
  const problems: Problem[] = [...prepared.problems];
  const names = recognizers.names.recognize(prepared.text);
  const dates = recognizers.dates.recognize(prepared.text, {
    fallbackReferenceDate: options.fallbackReferenceDate ?? null,
    referenceDate: options.referenceDate ?? null,
    metadataDate: prepared.frontMatter.date,
    fileDate: options.fileDate ?? null,
  });

  const candidates: Mention[] = [];
  for (const raw of names) {
    if (raw.end - raw.start > MAX_NAME_LENGTH) continue;
    const n = raw.type === 'person' ? placeByOpener(text, withoutTitle(text, raw)) : withPlaceKind(text, raw);
    if (n.end - n.start > MAX_NAME_LENGTH) continue;
    const surface = text.slice(n.start, n.end);
    const key = knownAliasKey(nameKey(surface), n.type);
    if (key.length === 0) continue;
    const mention: Mention = { start: n.start, end: n.end, text: surface, type: n.type, value: null, key };
    if (n.weak) mention.weak = true;
    candidates.push(mention);
  }
  for (const d of dates.mentions) {
    const m: Mention = { start: d.start, end: d.end, text: text.slice(d.start, d.end), type: d.type, value: d.value, key: null, resolution: d.resolution };
    if (d.guessed) m.guessed = true;
    if (d.needsDate) m.needsDate = true;
    candidates.push(m);
  }
  const mentions = splitHeadlineSeams(text, removeOverlaps(prepared.markdown ? candidates.map((m) => outsideMarkup(m, text, prepared.text)).filter((m): m is Mention => m !== null) : candidates));
  qualifyInstitutions(text, mentions);
  resolveWithinDocument(mentions, text);
  const found = dates.articles ?? [{ start: 0, end: text.length, referenceDate: dates.referenceDate, referenceSource: dates.referenceDate ? 'dateline' : 'none' }];
  // The first article takes the file's title (its front matter's, else its headline); each later one its own headline.
  const articles: ArticleInfo[] = found.map((a, i) => ({
    start: a.start,
    end: a.end,
    title: i === 0 ? prepared.title : articleTitle(prepared.text.slice(a.start, a.end)),
    headline: headlineOf(prepared.text, a),
    referenceDate: a.referenceDate,
    referenceSource: sourceOf(a.referenceSource),
  }));
  return { uri, version, title: prepared.title, referenceDate: dates.referenceDate, articles, mentions, problems };
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

/** First words that make a name a place (`Fort Myers`, `Mount Kenya`): in eng.train always a place's (7 times in 7). */
const PLACE_OPENER = /^(?:Fort|Mount|Cape|Lake)[ \t]+\p{Lu}/u;

/** A person's name the tagger read in a place's name (`flooded streets in Fort Myers`) is that place. */
function placeByOpener(text: string, n: NameSpan): NameSpan {
  return PLACE_OPENER.test(text.slice(n.start, n.end)) ? { ...n, type: 'location' } : n;
}

/** Words that make a name a place: `Dnipro River`, `Antonivskyi bridge`, `Kessel Bridge`, `Pearl Harbor`; not `bay`, which ends teams' names (`Tampa Bay`, `Green Bay`). */
const PLACE_KIND = /^(?:river|bridge|dam|canal|lake|sea|harbour|harbor|island|islands|mountains|strait|peninsula|reservoir|valley|airport|square|street|avenue)$/i;
/**
 * Of those, the ones that written in lower case after a name name the thing the name is of (`the Antonivskyi bridge`,
 * `the Dnipro river`). Not `a Moscow street`, `Belgrade airport`, `an Arctic island`, `the Pamir mountains`: a street,
 * an airport or an island in or of a place, whose name stays the place's own (in eng.train and eng.testa such a
 * word after a name is outside it all 51 times) and is a place.
 */
const PLACE_WORD_AFTER = /^(?:river|bridge|dam|canal|lake|sea|harbour|harbor|strait|peninsula|reservoir|valley)$/;
/** Venues, a place only where the name itself ends in one (`Emirates Stadium`); `the Olympic stadium` keeps its name. */
const VENUE_KIND = /^(?:Stadium|Arena|Theatre|Theater)$/;
const NEXT_WORD = /^[ \t]+([A-Za-z]+)/;

/**
 * A name followed by a lower-case place word takes it in (`the Antonivskyi bridge`), or is a place before one that
 * it does not take in (`Port Aster airport`); a name ending in one is a location whatever the tagger thought: the
 * word says what the thing is.
 */
function withPlaceKind(text: string, n: NameSpan): NameSpan {
  const next = NEXT_WORD.exec(text.slice(n.end, n.end + 20));
  if (next && PLACE_WORD_AFTER.test(next[1])) {
    return { start: n.start, end: n.end + next[0].length, type: 'location' };
  }
  if (next && PLACE_KIND.test(next[1]) && next[1] === next[1].toLowerCase()) return { ...n, type: 'location' };
  const last = /([A-Za-z]+)$/.exec(text.slice(n.start, n.end));
  if (last && last.index > 0 && (PLACE_KIND.test(last[1]) || VENUE_KIND.test(last[1]))) return { start: n.start, end: n.end, type: 'location' };
  return n;
}

/** A mention cut to its longest stretch of text between marks (its type and value stay), so no markup is part of it. */
function outsideMarkup(m: Mention, text: string, read: string): Mention | null {
  const best = spanOutsideMarkup(m, text, read);
  if (!best) return null;
  if (best.start === m.start && best.end === m.end) return m;
  const surface = text.slice(best.start, best.end);
  if (m.key === null) return { ...m, start: best.start, end: best.end, text: surface };
  const key = knownAliasKey(nameKey(surface), m.type as EntityType);
  return key.length === 0 ? null : { ...m, start: best.start, end: best.end, text: surface, key };
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
