// The map view's answer: the corpus's location entities placed at their best gazetteer match (one marker per
// matched place, so `UK` and `Britain` share one), sized by mentions, with the articles that name them; and the
// places the gazetteer does not know, listed rather than guessed.
import type { CorpusIndex, EntityInfo, MentionRef } from '../corpus/index';
import { type Gazetteer, type GazetteerMatch, notAPoint } from './gazetteer';
import { type Location, locationOf, titleOf } from './locations';

export interface MapArticle {
  uri: string;
  title: string;
}

export interface PlaceEntity {
  id: string;
  name: string;
  mentions: number;
  /** The spelling that found the place when the entity's name did not (`Kyiv` for an entity named `Kiev`). */
  matchedSpelling: string | null;
  /** How a short form was read (`UK` as `the United Kingdom`), when one was. */
  readAs: string | null;
}

export interface PlaceArticle {
  /** Index into MapData.articles. */
  article: number;
  mentions: number;
  /** The first mention of the place in that article. */
  first: Location;
}

export interface MapPlace {
  /** Stable across answers: kind, country and name of the match. */
  key: string;
  /** `Paris, FR` or `France`. */
  label: string;
  /** Which match was used: `city, population 2.1 M` or `country, drawn at its capital Paris`. */
  detail: string;
  /** Set when other places share the name: the view says it assumed the largest. */
  assumed: string | null;
  lat: number;
  lon: number;
  mentions: number;
  articleCount: number;
  entities: PlaceEntity[];
  /** The articles with the most mentions of the place, at most MapOptions.articlesPerPlace. */
  articles: PlaceArticle[];
}

export interface UnplacedEntity {
  id: string;
  name: string;
  mentions: number;
  articleCount: number;
  /** Why it is not on the map: `not in the gazetteer`, `a continent: no single point`. */
  reason: string;
  /** Its first mention in the corpus, for a click. */
  first: Location | null;
}

export interface MapData {
  places: MapPlace[];
  /** Location entities without a gazetteer match, most mentioned first, at most MapOptions.unplacedListed. */
  unplaced: UnplacedEntity[];
  unplacedTotal: number;
  articles: MapArticle[];
}

export interface MapOptions {
  articlesPerPlace: number;
  unplacedListed: number;
}

export const DEFAULT_MAP_OPTIONS: MapOptions = { articlesPerPlace: 20, unplacedListed: 200 };

/** Looks the entity's name up, then its spellings, commonest first. */
export function matchEntity(gazetteer: Gazetteer, entity: EntityInfo): { match: GazetteerMatch; spelling: string | null } | null {
  if (notAPoint(entity.name)) return null;
  const byName = gazetteer.lookup(entity.name);
  if (byName) return { match: byName, spelling: null };
  for (const s of entity.spellings) {
    const m = gazetteer.lookup(s.text);
    if (m) return { match: m, spelling: s.text };
  }
  return null;
}

/**
 * The map's answer, kept per entity-table version and index generation: a map that is shown again, or refreshed
 * after a change elsewhere that did not touch the corpus, is not placed again.
 */
export class PlaceMap {
  private last: { version: string; data: MapData } | null = null;

  constructor(
    private readonly index: CorpusIndex,
    private readonly gazetteer: Gazetteer,
    private readonly options: MapOptions = DEFAULT_MAP_OPTIONS,
  ) {}

  data(): MapData {
    const version = `${this.index.entityTableVersion}:${this.index.generation}`;
    if (this.last?.version !== version) this.last = { version, data: mapData(this.index, this.gazetteer, this.options) };
    return this.last.data;
  }
}

export function mapData(index: CorpusIndex, gazetteer: Gazetteer, options: MapOptions = DEFAULT_MAP_OPTIONS): MapData {
  const byPlace = new Map<string, { match: GazetteerMatch; entities: { entity: EntityInfo; spelling: string | null; match: GazetteerMatch }[] }>();
  const unplaced: EntityInfo[] = [];
  for (const entity of index.entities()) {
    if (entity.type !== 'location') continue;
    const found = matchEntity(gazetteer, entity);
    if (!found) {
      unplaced.push(entity);
      continue;
    }
    const p = found.match.place;
    // A region (England) is its own marker although drawn at its capital: it is not the city.
    const key = found.match.region ? `region:${p.country}:${found.match.region}` : `${p.kind}:${p.country}:${p.name}`;
    const group = byPlace.get(key) ?? { match: found.match, entities: [] };
    group.entities.push({ entity, spelling: found.spelling, match: found.match });
    byPlace.set(key, group);
  }

  const articles: MapArticle[] = [];
  const articleIndex = new Map<string, number>();
  const articleOf = (uri: string) => {
    let i = articleIndex.get(uri);
    if (i === undefined) {
      i = articles.length;
      articles.push({ uri, title: titleOf(index, index.get(uri)!) });
      articleIndex.set(uri, i);
    }
    return i;
  };
  const byCorpusOrder = (a: string, b: string) => index.compareUris(a, b);

  const places: MapPlace[] = [];
  for (const [key, { match, entities }] of byPlace) {
    entities.sort((a, b) => b.entity.mentionCount - a.entity.mentionCount || (a.entity.name < b.entity.name ? -1 : 1));
    const perDoc = new Map<string, number>();
    for (const { entity } of entities) for (const [uri, n] of entity.documents) perDoc.set(uri, (perDoc.get(uri) ?? 0) + n);
    const top = [...perDoc].sort((a, b) => b[1] - a[1] || byCorpusOrder(a[0], b[0])).slice(0, options.articlesPerPlace);
    const firsts = firstMentions(index, entities.map((e) => e.entity), new Set(top.map(([uri]) => uri)));
    const p = match.place;
    const region = match.region;
    places.push({
      key,
      label: region ?? (p.kind === 'country' ? p.name : `${p.name}, ${p.country}`),
      detail: region ? `part of ${p.country}, drawn at its capital ${p.name}` : p.kind === 'country' ? `country, drawn at its capital ${p.capital}` : `city, population ${population(p.population)}`,
      assumed: assumption(entities.map((e) => e.match), p.others),
      lat: p.lat,
      lon: p.lon,
      mentions: entities.reduce((n, e) => n + e.entity.mentionCount, 0),
      articleCount: perDoc.size,
      entities: entities.map(({ entity, spelling, match }) => ({ id: entity.id, name: entity.name, mentions: entity.mentionCount, matchedSpelling: spelling, readAs: match.readAs })),
      // An article whose mention is not found (none should be) is left out rather than opened at a guess.
      articles: top.flatMap(([uri, mentions]) => {
        const first = firsts.get(uri);
        return first ? [{ article: articleOf(uri), mentions, first }] : [];
      }),
    });
  }
  places.sort((a, b) => b.mentions - a.mentions || (a.label < b.label ? -1 : 1));

  unplaced.sort((a, b) => b.mentionCount - a.mentionCount || (a.name < b.name ? -1 : 1));
  const listed = unplaced.slice(0, options.unplacedListed).map((entity) => {
    const firstUri = [...entity.documents.keys()].sort(byCorpusOrder)[0];
    const first = firstUri === undefined ? undefined : firstMentions(index, [entity], new Set([firstUri])).get(firstUri);
    const reason = notAPoint(entity.name) ?? 'not in the gazetteer';
    return { id: entity.id, name: entity.name, mentions: entity.mentionCount, articleCount: entity.documents.size, reason, first: first ?? null };
  });
  return { places, unplaced: listed, unplacedTotal: unplaced.length, articles };
}

/**
 * What the place's marker assumed, from any of its entities' matches: an alias's own assumption, else, when an
 * entity was found by the place's own name and others share it, that the largest was taken.
 */
function assumption(matches: GazetteerMatch[], others: number): string | null {
  const stated = matches.find((m) => m.assumed)?.assumed;
  if (stated) return stated;
  const byOwnName = matches.some((m) => m.readAs === null && m.region === null);
  return byOwnName && others > 0 ? `assumed: the largest place of this name (${others} other${others === 1 ? '' : 's'} in the gazetteer)` : null;
}

/** The first mention of any of `entities` in each of `uris`: only those articles are read, not all the entities'. */
function firstMentions(index: CorpusIndex, entities: EntityInfo[], uris: Set<string>): Map<string, Location> {
  const first = new Map<string, MentionRef>();
  for (const uri of uris) {
    for (const entity of entities) {
      const ref = index.mentionsIn(entity, uri)[0];
      const known = first.get(uri);
      if (ref && (!known || ref.mention.start < known.mention.start)) first.set(uri, ref);
    }
  }
  return new Map([...first].map(([uri, ref]) => [uri, locationOf(index, ref)]));
}

/** `2.1 M`, `350,000`: enough to tell a capital from a town. */
export function population(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)} M`;
  return n.toLocaleString('en-US');
}
