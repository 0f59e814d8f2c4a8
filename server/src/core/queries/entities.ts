// The entities view: every entity of the corpus by type, with its counts, the user's decisions on it and the
// annotations that lost their words (orphans). Answers a page at a time from rows built once per entity table.
import type { CorpusIndex, EntityInfo } from '../corpus/index';
import { ENTITY_TYPES, type EntityType } from '../model';
import { nameKey } from '../resolve/names';
import { escapePlain } from './markdown';
import { definingMention } from './navigation';
import { type Location, locationOf } from './locations';

export type EntitySort = 'count' | 'name';

export interface EntityRow {
  id: string;
  name: string;
  type: EntityType;
  mentions: number;
  articles: number;
  /** What the user decided on the entity, one phrase each ("named …", "a note"); empty: the recogniser's alone. */
  decisions: string[];
  /** The user's annotations that were meant for this entity and no longer find their words. */
  orphans: number;
}

export interface EntityGroup {
  type: EntityType;
  /** Entities of the type (that pass the filter). */
  entities: number;
  mentions: number;
}

export interface OrphanRow {
  uri: string;
  /** The quoted words the annotation was made on, as plain text. */
  exact: string;
  reason: string;
  /** The entity the annotation assigned its words to, when it names one. */
  entity: string | null;
}

interface Row extends EntityRow {
  /** Lower-case name and spellings, for the filter. */
  haystack: string;
  /** Name key, for sorting by name without case or accents mattering. */
  sortKey: string;
}

interface Table {
  /** The entity table's version and the index's generation it was built on: counts change with any article. */
  version: string;
  /** Per type, sorted by mentions (then name) and by name. */
  byCount: Map<EntityType, Row[]>;
  byName: Map<EntityType, Row[]>;
  orphans: OrphanRow[];
}

/**
 * The rows behind the entities view, kept per entity-table version: a view that opens, scrolls or filters asks
 * for a page and never makes the server walk the corpus again. Decision marks and orphans come from the user's
 * store (few articles), not from every mention.
 */
export class EntityCatalog {
  private table: Table | null = null;

  constructor(private readonly index: CorpusIndex) {}

  groups(filter = ''): EntityGroup[] {
    const table = this.build();
    const f = normalizeFilter(filter);
    return ENTITY_TYPES.map((type) => {
      const rows = (table.byCount.get(type) ?? []).filter((r) => matches(r, f));
      return { type, entities: rows.length, mentions: rows.reduce((n, r) => n + r.mentions, 0) };
    });
  }

  /** One type's entities, sorted, filtered, from `offset`; `total` counts all that pass the filter. */
  page(type: EntityType, sort: EntitySort, filter: string, offset: number, limit: number): { rows: EntityRow[]; total: number } {
    const table = this.build();
    const f = normalizeFilter(filter);
    const all = (sort === 'name' ? table.byName : table.byCount).get(type) ?? [];
    const rows = f === '' ? all : all.filter((r) => matches(r, f));
    return { rows: rows.slice(offset, offset + limit).map(publicRow), total: rows.length };
  }

  orphans(): OrphanRow[] {
    return this.build().orphans;
  }

  private build(): Table {
    const version = `${this.index.entityTableVersion}:${this.index.generation}`;
    if (this.table?.version === version) return this.table;
    const orphans = orphanRows(this.index);
    const orphansOf = new Map<string, number>();
    for (const o of orphans) if (o.entity) orphansOf.set(o.entity, (orphansOf.get(o.entity) ?? 0) + 1);
    const decidedMentions = decidedMentionCounts(this.index);
    const byCount = new Map<EntityType, Row[]>();
    for (const e of this.index.entities()) {
      const row: Row = {
        id: e.id,
        name: escapePlain(e.name, 200),
        type: e.type,
        mentions: e.mentionCount,
        articles: e.documents.size,
        decisions: decisionsOn(e, decidedMentions.get(e.id) ?? 0),
        orphans: orphansOf.get(e.id) ?? 0,
        haystack: [e.name, ...e.spellings.slice(0, 8).map((s) => s.text)].join('\n').toLowerCase(),
        sortKey: nameKey(e.name) || e.name.toLowerCase(),
      };
      let list = byCount.get(e.type);
      if (!list) byCount.set(e.type, (list = []));
      list.push(row);
    }
    const byName = new Map<EntityType, Row[]>();
    for (const [type, list] of byCount) {
      byName.set(type, [...list].sort(byNameOrder));
      list.sort((a, b) => b.mentions - a.mentions || b.articles - a.articles || byNameOrder(a, b));
    }
    this.table = { version, byCount, byName, orphans };
    return this.table;
  }
}

/** Where a click on an entity goes: its defining mention, and every mention for the references list. */
export function entityLocations(index: CorpusIndex, id: string): { definition: Location; references: Location[] } | undefined {
  const entity = index.entity(id);
  if (!entity) return undefined;
  const def = definingMention(index, entity);
  if (!def) return undefined;
  return { definition: locationOf(index, def), references: index.mentionsOf(entity).map((r) => locationOf(index, r)) };
}

function decisionsOn(e: EntityInfo, decidedMentions: number): string[] {
  const out: string[] = [];
  const r = e.registered;
  if (r) {
    if (r.name) out.push(`named ${escapePlain(r.name, 80)} by you`);
    if (r.type) out.push(`typed ${r.type}`);
    if (r.spellings.length > 1) out.push(`spellings ${r.spellings.map((s) => escapePlain(s, 40)).join(', ')}`);
    if (r.note) out.push('a note');
    if (r.ids?.wikidata) out.push(`Wikidata ${escapePlain(r.ids.wikidata, 20)}`);
    if (out.length === 0) out.push('kept in your registry');
  }
  if (decidedMentions > 0) out.push(`${decidedMentions} mention${decidedMentions === 1 ? '' : 's'} decided by you`);
  return out;
}

/** Per entity, how many of its mentions carry a placed record of the user's (typed, assigned, confirmed). */
function decidedMentionCounts(index: CorpusIndex): Map<string, number> {
  const out = new Map<string, number>();
  for (const uri of index.annotatedUris()) {
    const doc = index.get(uri);
    if (!doc || doc.placed.length === 0) continue;
    for (const p of doc.placed) {
      const m = doc.mentions.find((x) => x.start === p.span.start && x.end === p.span.end);
      if (m?.entity) out.set(m.entity, (out.get(m.entity) ?? 0) + 1);
    }
  }
  return out;
}

function orphanRows(index: CorpusIndex): OrphanRow[] {
  const out: OrphanRow[] = [];
  for (const uri of index.annotatedUris().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const doc = index.get(uri);
    if (!doc) continue;
    for (const o of doc.orphans) {
      out.push({ uri, exact: escapePlain(o.record.exact, 80), reason: escapePlain(o.reason, 200), entity: o.record.decision === 'entity' ? o.record.entity : null });
    }
  }
  return out;
}

function normalizeFilter(filter: string): string {
  return filter.trim().toLowerCase().slice(0, 200);
}

function matches(row: Row, filter: string): boolean {
  return filter === '' || row.haystack.includes(filter);
}

function byNameOrder(a: Row, b: Row): number {
  return a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function publicRow(r: Row): EntityRow {
  return { id: r.id, name: r.name, type: r.type, mentions: r.mentions, articles: r.articles, decisions: r.decisions, orphans: r.orphans };
}
