// Hover cards: what the corpus knows about the name or date under the cursor.
import type { CorpusIndex, EntityInfo, IndexedDocument } from '../corpus/index';
import type { EntityType, FinalMention, Span, TemporalType } from '../model';
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
  /** Dates of the earliest and latest dated articles that mention it, or null when none is dated. */
  appears: { first: string; last: string } | null;
  /** The user decided this mention (or listed its spelling for the entity). */
  confirmed: boolean;
  /** The user's note on the entity. */
  note: string | null;
  /** The entity's Wikidata id, as the user gave it (validated: `Q` and digits). */
  wikidata: string | null;
}

export interface DateCard {
  kind: 'date';
  span: Span;
  type: TemporalType;
  value: string | null;
  /** English weekday name when the value is a single day. */
  weekday: string | null;
  resolution: string;
  mentionCount: number;
  documentCount: number;
  articles: ArticleReference[];
  confirmed: boolean;
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
      appears: datesOf(index, entity),
      confirmed: mention.confirmed,
      note: entity.registered?.note ?? null,
      wikidata: validWikidata(entity.registered?.ids?.wikidata),
    };
  }
  if (mention.type === 'date' || mention.type === 'time') {
    const docs = mention.value === null ? new Map<string, number>() : index.documentsWithValue(mention.value);
    return {
      kind: 'date',
      span,
      type: mention.type,
      value: mention.value,
      weekday: weekdayOf(mention.value),
      resolution: mention.resolution ?? '',
      mentionCount: [...docs.values()].reduce((a, b) => a + b, 0),
      documentCount: docs.size,
      articles: mention.value === null ? [] : otherArticles(index, doc, docs, (m) => m.value === mention.value),
      confirmed: mention.confirmed,
    };
  }
  return undefined;
}

function otherArticles(index: CorpusIndex, current: IndexedDocument, documents: Map<string, number>, matches: (m: FinalMention) => boolean): ArticleReference[] {
  const ranked = [...documents]
    .filter(([uri]) => uri !== current.uri)
    .sort((a, b) => b[1] - a[1] || index.compareUris(a[0], b[0]))
    .slice(0, HOVER_ARTICLES);
  const out: ArticleReference[] = [];
  for (const [uri, count] of ranked) {
    const doc = index.get(uri)!;
    const first = doc.mentions.find(matches);
    if (!first) continue;
    out.push({ uri, title: titleOf(doc), count, location: locationOf(index, { uri, mention: first }), snippet: snippetAt(doc, first) });
  }
  return out;
}

/** Co-mentions are counted over at most this many of the entity's articles (those mentioning it most). */
const RELATED_SAMPLE = 200;

function related(index: CorpusIndex, entity: EntityInfo): NameCard['related'] {
  if (entity.related) return entity.related;
  const shared = new Map<string, number>();
  // For an entity in thousands of articles, the articles that mention it most tell who stands beside it.
  const docs = [...entity.documents].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, RELATED_SAMPLE);
  for (const [uri] of docs) {
    for (const id of index.entitiesIn(uri)) if (id !== entity.id) shared.set(id, (shared.get(id) ?? 0) + 1);
  }
  // "Often" means in two articles or more; an entity found beside it once is no pattern, and a tie is broken by
  // how much of the other entity's presence the two share (a rare companion before a ubiquitous one), never
  // padded out with names in alphabetical order.
  const strength = (id: string, n: number) => n / Math.sqrt(index.entity(id)!.documents.size);
  entity.related = [...shared]
    .filter(([, n]) => n >= 2)
    .map(([id, n]) => ({ id, n, s: strength(id, n) }))
    .sort((a, b) => b.n - a.n || b.s - a.s || (a.id < b.id ? -1 : 1))
    .slice(0, RELATED)
    .map(({ id, n }) => {
      const e = index.entity(id)!;
      return { id, name: e.name, type: e.type, articles: n };
    });
  return entity.related;
}

function datesOf(index: CorpusIndex, entity: EntityInfo): NameCard['appears'] {
  let first: string | null = null;
  let last: string | null = null;
  for (const uri of entity.documents.keys()) {
    const d = index.get(uri)?.analysis.referenceDate;
    if (!d) continue;
    if (first === null || d < first) first = d;
    if (last === null || d > last) last = d;
  }
  return first && last ? { first, last } : null;
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
