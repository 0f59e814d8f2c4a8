// Outline of one article (its entities grouped by type) and fuzzy search over the entity table.
import Fuse from 'fuse.js';
import type { CorpusIndex, EntityInfo, IndexedDocument } from '../corpus/index';
import { type MentionType, MENTION_TYPES, type Span } from '../model';
import { definingMention } from './navigation';
import { nameScorer } from './nameScore';
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
  for (const m of doc.mentions) {
    const entity = m.entity === null ? undefined : index.entity(m.entity);
    const type = m.type;
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
/** Candidates handed to fuse.js after the bigram filter: enough for typos, few enough to stay fast. */
const MAX_CANDIDATES = 400;

interface SearchRow {
  id: string;
  names: string[];
  mentions: number;
}

/**
 * Fuzzy search over entity names and their spellings: fuse.js over the entity table, never over article text.
 * A bigram index narrows the table to the entities that share letters with the query, so a search costs
 * about the same on a 10,000-article corpus as on ten; fuse.js ranks what is left.
 */
export class EntitySearch {
  private rows: SearchRow[] = [];
  private bigrams = new Map<string, number[]>();
  private builtFor = -1;

  constructor(private readonly index: CorpusIndex) {}

  search(query: string): EntitySymbol[] {
    const q = query.trim();
    const ids = q === '' ? this.index.entities().sort((a, b) => b.mentionCount - a.mentionCount).map((e) => e.id) : this.fuzzy(q);
    const out: EntitySymbol[] = [];
    // Only the entities listed are looked up (a query can match hundreds).
    let listed = 0;
    for (let i = 0; i < ids.length && listed < MAX_SYMBOLS; i++) {
      const entity = this.index.entity(ids[i]);
      if (!entity) continue;
      listed++;
      const ref = definingMention(this.index, entity);
      if (ref) out.push({ entity, location: locationOf(this.index, ref) });
    }
    return out;
  }

  private build(): void {
    const version = this.index.entityTableVersion;
    if (this.builtFor === version) return;
    this.rows = this.index.entities().map((e) => ({ id: e.id, names: e.spellings.slice(0, 8).map((s) => s.text), mentions: e.mentionCount }));
    this.bigrams = new Map();
    this.rows.forEach((row, i) => {
      const seen = new Set<string>();
      for (const name of row.names) for (const g of bigramsOf(name)) seen.add(g);
      for (const g of seen) {
        const list = this.bigrams.get(g);
        if (list) list.push(i);
        else this.bigrams.set(g, [i]);
      }
    });
    this.builtFor = version;
  }

  /** Ids of the entities matching `query`, best first. */
  private fuzzy(query: string): string[] {
    this.build();
    const grams = [...new Set(bigramsOf(query))];
    const hits = new Uint16Array(this.rows.length);
    const touched: number[] = [];
    for (const g of grams) {
      for (const i of this.bigrams.get(g) ?? []) {
        if (hits[i]++ === 0) touched.push(i);
      }
    }
    // A typo changes at most a few bigrams: keep entities sharing at least half of the query's.
    const needed = Math.max(1, Math.ceil(grams.length / 2));
    const candidates = touched
      .filter((i) => hits[i] >= needed)
      .sort((a, b) => hits[b] - hits[a] || this.rows[b].mentions - this.rows[a].mentions)
      .slice(0, MAX_CANDIDATES)
      .map((i) => this.rows[i]);
    // fuse.js decides which entities match; they are ranked by how close their closest spelling is (nameScore), then
    // by mentions. fuse.js's own scores are too coarse to rank by, and over an array of spellings it multiplies
    // them, so an entity with four weak spellings ("Barclays", "Barclay", ...) would beat one strong one ("Blair").
    const fuse = new Fuse(candidates, { keys: ['names'], threshold: 0.4, ignoreLocation: true, minMatchCharLength: Math.min(2, query.length) });
    const scoreOf = nameScorer(query);
    const scored = fuse.search(query).map(({ item }) => ({ row: item, score: Math.min(...item.names.map(scoreOf)) }));
    return scored
      // Scores a hair apart are the same match to a reader: there the commoner entity goes first.
      .sort((a, b) => Math.round(a.score * 100) - Math.round(b.score * 100) || b.row.mentions - a.row.mentions || a.score - b.score)
      .map(({ row }) => row.id);
  }
}

function bigramsOf(text: string): string[] {
  const s = ` ${text.toLowerCase()} `;
  const out: string[] = [];
  for (let i = 0; i + 2 <= s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}
