// Hover cards: what the corpus knows about the name or date under the cursor.
import { type CorpusIndex, type EntityInfo, type IndexedDocument, articleAt, isDated } from '../corpus/index';
import type { ArticleDateSource, EntityType, FinalMention, Span, TemporalType } from '../model';
import { targetAt } from './at';
import { WIKIDATA_ID } from '../annotations/registry';
import { type Location, type Snippet, locationOf, snippetAt, titleOf } from './locations';

export interface ArticleReference {
  uri: string;
  title: string;
  /** Mentions of the entity or value in that article. */
  count: number;
  /** The first mention there. */
  location: Location;
  snippet: Snippet;
}

export interface NameCard {
  kind: 'name';
  span: Span;
  entity: { id: string; name: string; type: EntityType };
  spellings: { text: string; count: number }[];
  mentionCount: number;
  documentCount: number;
  /** Other articles that mention the entity, most mentions first. */
  articles: ArticleReference[];
  /** Entities that share the most articles with this one. */
  related: { id: string; name: string; type: EntityType; articles: number }[];
  /** Dates of the earliest and latest articles with a known date that mention it, or null when none has one. */
  appears: { first: string; last: string } | null;
  /** Articles mentioning it whose date is not known (missing, or only guessed from the file): left out of `appears`. */
  undatedArticles: number;
  /** The user decided this mention (or listed its spelling for the entity). */
  confirmed: boolean;
  /**
   * How sure the type is, where it is not the recogniser's plain answer: `guessed` (it was unsure of every mention),
   * or the type it gave this mention when the corpus settled another (and whether it was unsure of it here).
   */
  typeFrom: { guessed: true } | { recognised: EntityType; unsure: boolean } | null;
  /** The user's note on the entity. */
  note: string | null;
  /** The entity's Wikidata id, as the user gave it (validated: `Q` and digits). */
  wikidata: string | null;
}

export interface DateCard {
  kind: 'date';
  span: Span;
  /** The mention as written. */
  text: string;
  type: TemporalType;
  value: string | null;
  /** English weekday name when the value is a single day. */
  weekday: string | null;
  resolution: string;
  /** Mentions and articles of the same value; for a known value, known ones only; none for a guessed value. */
  mentionCount: number;
  documentCount: number;
  articles: ArticleReference[];
  confirmed: boolean;
  /** The value was counted from the file's date: a guess. */
  guessed: boolean;
  /** No value only because the article states no date: setting one would resolve it. */
  needsDate: boolean;
  /** The article holding the mention: its uri (for Set Article Date), its date and where that came from. */
  article: { uri: string; date: string | null; source: ArticleDateSource };
  /** Other articles where the same value is a guess from their file's date (not among `articles`). */
  guessedArticles: number;
}

export type HoverCard = NameCard | DateCard;

export const HOVER_ARTICLES = 5;
const RELATED = 5;

export function hover(index: CorpusIndex, uri: string, offset: number): HoverCard | undefined {
  const target = targetAt(index, uri, offset);
  if (!target) return undefined;
  const { doc, mention, entity } = target;
  const span = { start: mention.start, end: mention.end };
  if (entity) {
    return {
      kind: 'name',
      span,
      entity: { id: entity.id, name: entity.name, type: entity.type },
      spellings: entity.spellings,
      mentionCount: entity.mentionCount,
      documentCount: entity.documents.size,
      articles: otherArticles(index, doc, entity.documents, (m) => m.entity === entity.id),
      related: related(index, entity),
      ...datesOf(index, entity),
      confirmed: mention.confirmed,
      typeFrom: typeFrom(mention, entity),
      note: entity.registered?.note ?? null,
      wikidata: validWikidata(entity.registered?.ids?.wikidata),
    };
  }
  if (mention.type === 'date' || mention.type === 'time') {
    const guessed = mention.guessed === true;
    // A guessed value is not the same day as anything: other articles are counted apart, never listed as matches.
    const docs = mention.value === null || guessed ? new Map<string, number>() : index.documentsWithValue(mention.value);
    const guesses = mention.value === null ? 0 : [...index.documentsWithValue(mention.value, true).keys()].filter((u) => u !== doc.uri).length;
    const article = articleAt(doc.analysis, mention.start);
    return {
      kind: 'date',
      span,
      text: mention.text,
      type: mention.type,
      value: mention.value,
      weekday: weekdayOf(mention.value),
      resolution: mention.resolution ?? '',
      mentionCount: [...docs.values()].reduce((a, b) => a + b, 0),
      documentCount: docs.size,
      articles: mention.value === null || guessed ? [] : otherArticles(index, doc, docs, (m) => m.value === mention.value && m.guessed !== true),
      confirmed: mention.confirmed,
      guessed,
      needsDate: mention.value === null && mention.needsDate === true,
      article: { uri: doc.uri, date: article?.referenceDate ?? null, source: article?.referenceSource ?? null },
      guessedArticles: guesses,
    };
  }
  return undefined;
}

function otherArticles(index: CorpusIndex, current: IndexedDocument, documents: Map<string, number>, matches: (m: FinalMention) => boolean): ArticleReference[] {
  const ranked = firstOf(documents, HOVER_ARTICLES, (a, b) => b[1] - a[1] || index.compareUris(a[0], b[0]), ([uri]) => uri !== current.uri);
  const out: ArticleReference[] = [];
  for (const [uri, count] of ranked) {
    const doc = index.get(uri)!;
    const first = doc.mentions.find(matches);
    if (!first) continue;
    out.push({ uri, title: titleOf(index, doc), count, location: locationOf(index, { uri, mention: first }), snippet: snippetAt(doc, first) });
  }
  return out;
}

/**
 * The first `k` of `items` (those `keep` accepts) in `compare` order, as sorting them all and slicing would give,
 * without sorting them all: an entity of the whole archive is in tens of thousands of articles, a hover shows five.
 */
function firstOf<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number, keep: (item: T) => boolean = () => true): T[] {
  const out: T[] = [];
  for (const item of items) {
    if (!keep(item) || (out.length === k && compare(item, out[k - 1]) >= 0)) continue;
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(out[mid], item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, item);
    if (out.length > k) out.pop();
  }
  return out;
}

/** Co-mentions are counted over at most this many of the entity's articles (those mentioning it most). */
const RELATED_SAMPLE = 200;

/** What the card says of the type: nothing where the recogniser was sure, or the user or the registry decided. */
function typeFrom(mention: FinalMention, entity: EntityInfo): NameCard['typeFrom'] {
  if (mention.confirmed || entity.registered?.type) return null;
  if (mention.recognisedType) return { recognised: mention.recognisedType, unsure: mention.weak === true };
  return entity.sureMentions === 0 ? { guessed: true } : null;
}

function related(index: CorpusIndex, entity: EntityInfo): NameCard['related'] {
  if (entity.related) return entity.related;
  const shared = new Map<string, number>();
  // For an entity in thousands of articles, the articles that mention it most tell who stands beside it.
  const docs = firstOf(entity.documents, RELATED_SAMPLE, (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  for (const [uri] of docs) {
    for (const id of index.entitiesIn(uri)) if (id !== entity.id) shared.set(id, (shared.get(id) ?? 0) + 1);
  }
  // "Often" means in two articles or more; an entity found beside it once is no pattern, and a tie is broken by
  // how much of the other entity's presence the two share (a rare companion before a ubiquitous one), never
  // padded out with names in alphabetical order.
  const strength = (id: string, n: number) => n / Math.sqrt(index.entity(id)!.documents.size);
  // The strength only breaks ties of the count: it is worked out for the entities that can still make the list
  // (each needs its entity built: thousands of them, for an entity of the whole archive).
  const often = [...shared].filter(([, n]) => n >= 2);
  const cut = often.length > RELATED ? firstOf(often, RELATED, (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[RELATED - 1][1] : 0;
  entity.related = often
    .filter(([, n]) => n >= cut)
    .map(([id, n]) => ({ id, n, s: strength(id, n) }))
    .sort((a, b) => b.n - a.n || b.s - a.s || (a.id < b.id ? -1 : 1))
    .slice(0, RELATED)
    .map(({ id, n }) => {
      const e = index.entity(id)!;
      return { id, name: e.name, type: e.type, articles: n };
    });
  return entity.related;
}

/**
 * The span of known dates of the articles mentioning the entity (each article of a file by its own date); a guessed
 * date is left out and counted. Kept with the entity for the index's generation: an entity of a whole archive is in
 * thousands of articles, and its card is asked for again and again.
 */
function datesOf(index: CorpusIndex, entity: EntityInfo): Pick<NameCard, 'appears' | 'undatedArticles'> {
  if (entity.dates?.generation !== index.generation) entity.dates = { generation: index.generation, ...countDates(index, entity) };
  return { appears: entity.dates.appears, undatedArticles: entity.dates.undatedArticles };
}

function countDates(index: CorpusIndex, entity: EntityInfo): Pick<NameCard, 'appears' | 'undatedArticles'> {
  let first: string | null = null;
  let last: string | null = null;
  let undated = 0;
  for (const uri of entity.documents.keys()) {
    const doc = index.get(uri);
    if (!doc) continue;
    // Only the articles of the file that mention the entity count: in a file of several, the others may be years apart.
    const articles = doc.analysis.articles.length === 1 ? doc.analysis.articles : doc.analysis.articles.filter((a) => doc.mentions.some((m) => m.entity === entity.id && m.start >= a.start && m.start < a.end));
    for (const a of articles) {
      if (!isDated(a)) {
        undated++;
        continue;
      }
      const d = a.referenceDate!;
      if (first === null || d < first) first = d;
      if (last === null || d > last) last = d;
    }
  }
  return { appears: first && last ? { first, last } : null, undatedArticles: undated };
}

function validWikidata(id: string | undefined): string | null {
  return id !== undefined && WIKIDATA_ID.test(id) ? id : null;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function weekdayOf(value: string | null): string | null {
  const m = value && /^(\d{4})-(\d{2})-(\d{2})(?:T|$)/.exec(value);
  if (!m) return null;
  return WEEKDAYS[new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDay()];
}
