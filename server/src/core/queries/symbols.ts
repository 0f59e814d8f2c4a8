// Outline of one article (its entities grouped by type) and fuzzy search over the entity table.
import Fuse from 'fuse.js';
import type { CorpusIndex, EntityInfo, IndexedDocument } from '../corpus/index';
import { type MentionType, MENTION_TYPES, type Span } from '../model';
import { definingMention } from './navigation';
import { type Location, locationOf } from './locations';

export interface OutlineGroup {
  type: MentionType;
  /** Span from the first to the last mention of the group. */
  span: Span;
  items: OutlineItem[];
}

export interface OutlineItem {
  name: string;
  /** All mentions in this article. */
  span: Span;
  /** The first mention, for the selection. */
  first: Span;
  count: number;
}

const GROUP_LABELS: Record<MentionType, string> = {
  person: 'People',
  organization: 'Organizations',
  location: 'Places',
  misc: 'Other names',
  date: 'Dates',
  time: 'Times',
};

export function groupLabel(type: MentionType): string {
  return GROUP_LABELS[type];
}

export function outline(index: CorpusIndex, doc: IndexedDocument): OutlineGroup[] {
  const groups = new Map<MentionType, Map<string, OutlineItem>>();
  for (const m of doc.analysis.mentions) {
    const entity = index.entityOf(m);
    const type = entity?.type ?? m.type;
    const name = entity ? entity.name : m.value ?? m.text;
    const id = entity ? entity.id : `${m.type}:${m.value ?? m.text}`;
    let items = groups.get(type);
    if (!items) groups.set(type, (items = new Map()));
    const item = items.get(id);
    if (item) {
      item.count++;
      item.span.end = m.end;
    } else {
      items.set(id, { name, span: { start: m.start, end: m.end }, first: { start: m.start, end: m.end }, count: 1 });
    }
  }
  const out: OutlineGroup[] = [];
  for (const type of MENTION_TYPES) {
    const items = groups.get(type);
    if (!items) continue;
    const list = [...items.values()].sort((a, b) => a.first.start - b.first.start);
    const span = { start: Math.min(...list.map((i) => i.span.start)), end: Math.max(...list.map((i) => i.span.end)) };
    out.push({ type, span, items: list });
  }
  return out;
}

export interface EntitySymbol {
  entity: EntityInfo;
  location: Location;
}

const MAX_SYMBOLS = 100;

/** Fuzzy search over entity names and their spellings (fuse.js over the entity table, never over article text). */
export class EntitySearch {
  private fuse: Fuse<{ id: string; names: string[]; mentions: number }> | null = null;
  private builtFor = -1;

  constructor(private readonly index: CorpusIndex) {}

  search(query: string): EntitySymbol[] {
    const entities = query.trim() === '' ? this.index.entities().sort((a, b) => b.mentionCount - a.mentionCount) : this.fuzzy(query);
    const out: EntitySymbol[] = [];
    for (const entity of entities.slice(0, MAX_SYMBOLS)) {
      const ref = definingMention(this.index, entity);
      if (ref) out.push({ entity, location: locationOf(this.index, ref) });
    }
    return out;
  }

  private fuzzy(query: string): EntityInfo[] {
    const generation = this.index.generation;
    if (!this.fuse || this.builtFor !== generation) {
      const rows = this.index.entities().map((e) => ({ id: e.id, names: e.spellings.map((s) => s.text), mentions: e.mentionCount }));
      this.fuse = new Fuse(rows, { keys: ['names'], includeScore: true, threshold: 0.4, ignoreLocation: true, minMatchCharLength: 2 });
      this.builtFor = generation;
    }
    return this.fuse
      .search(query)
      .sort((a, b) => a.score! - b.score! || b.item.mentions - a.item.mentions)
      .map((r) => this.index.entity(r.item.id)!)
      .filter((e) => e !== undefined);
  }
}
