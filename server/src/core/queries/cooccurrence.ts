// The co-occurrence graph: which entities are mentioned together, in the same article or the same sentence.
// Counting walks the whole corpus, so it is done once per index version and per scope, and only for the
// entities a graph can show (the most mentioned of each type); a request picks its nodes and edges from that.
import type { CorpusIndex, EntityInfo } from '../corpus/index';
import { ENTITY_TYPES, type EntityType } from '../model';
import { tokenRanges } from '../text/tokenize';
import { escapePlain } from './markdown';
import { definingMention } from './navigation';
import { type Location, locationOf } from './locations';

export type CooccurrenceScope = 'article' | 'sentence';

export interface GraphOptions {
  scope: CooccurrenceScope;
  types: readonly EntityType[];
  /** Most mentioned entities to keep (at most `perType`). */
  nodes: number;
  /** Strongest edges to keep among them (and each node's strongest edge, so that no node is left alone by the cut). */
  edges: number;
  minWeight: number;
}

export interface GraphNode {
  id: string;
  name: string;
  type: EntityType;
  mentions: number;
  articles: number;
  definition: Location | null;
}

export interface GraphEdge {
  source: string;
  target: string;
  weight: number;
}

export interface Graph {
  scope: CooccurrenceScope;
  nodes: GraphNode[];
  edges: GraphEdge[];
  totalEntities: number;
  totalEdges: number;
}

interface Counts {
  version: string;
  /** The candidates: per type, the most mentioned entities, in that order. */
  candidates: EntityInfo[];
  /** Entities per type in the whole corpus. */
  entitiesByType: Map<EntityType, number>;
  /** Pair weights, upper triangle of candidates x candidates, row by row (see `pairIndex`). */
  weights: Uint32Array;
}

/** Order of the nodes: most mentioned, then in most articles, then by id (stable across runs). */
function byProminence(a: EntityInfo, b: EntityInfo): number {
  return b.mentionCount - a.mentionCount || b.documents.size - a.documents.size || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Where the pair (i, j), i < j, of n candidates is kept in the triangle. */
function pairIndex(i: number, j: number, n: number): number {
  return i * n - (i * (i + 1)) / 2 + (j - i - 1);
}

/**
 * Co-occurrence counts kept per index version (entity table and generation): opening, filtering or resizing the
 * graph never walks the corpus again. The memo is the only state; a request that finds it stale rebuilds it
 * before answering and never changes the index.
 */
export class CooccurrenceCounts {
  private readonly counts = new Map<CooccurrenceScope, Counts>();

  /** `perType`: how many entities of each type are counted; a graph shows at most that many nodes. */
  constructor(
    private readonly index: CorpusIndex,
    private readonly perType: number,
  ) {}

  graph(options: GraphOptions): Graph {
    const counts = this.build(options.scope);
    const types = new Set(options.types);
    const nodes = counts.candidates
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => types.has(e.type))
      .sort((a, b) => byProminence(a.e, b.e))
      .slice(0, Math.min(options.nodes, this.perType));
    const n = counts.candidates.length;
    const edges: { a: number; b: number; weight: number }[] = [];
    const slots = nodes.map((x) => x.i).sort((a, b) => a - b);
    for (let x = 0; x < slots.length; x++) {
      for (let y = x + 1; y < slots.length; y++) {
        const weight = counts.weights[pairIndex(slots[x], slots[y], n)];
        if (weight >= options.minWeight && weight > 0) edges.push({ a: slots[x], b: slots[y], weight });
      }
    }
    const id = (i: number) => counts.candidates[i].id;
    edges.sort((p, q) => q.weight - p.weight || (id(p.a) < id(q.a) ? -1 : id(p.a) > id(q.a) ? 1 : id(p.b) < id(q.b) ? -1 : id(p.b) > id(q.b) ? 1 : 0));
    let totalEntities = 0;
    for (const t of types) totalEntities += counts.entitiesByType.get(t) ?? 0;
    // The strongest edges, and each node's strongest one: a node the cut would leave alone keeps its nearest tie.
    const kept = new Set(edges.slice(0, options.edges));
    const tied = new Set<number>();
    for (const p of kept) tied.add(p.a).add(p.b);
    for (const p of edges) {
      if (tied.has(p.a) && tied.has(p.b)) continue;
      kept.add(p);
      tied.add(p.a).add(p.b);
    }
    return {
      scope: options.scope,
      nodes: nodes.map(({ e }) => this.node(e)),
      edges: edges.filter((p) => kept.has(p)).map((p) => ({ source: id(p.a), target: id(p.b), weight: p.weight })),
      totalEntities,
      totalEdges: edges.length,
    };
  }

  private node(e: EntityInfo): GraphNode {
    const def = definingMention(this.index, e);
    return { id: e.id, name: escapePlain(e.name, 120), type: e.type, mentions: e.mentionCount, articles: e.documents.size, definition: def ? locationOf(this.index, def) : null };
  }

  private build(scope: CooccurrenceScope): Counts {
    const version = `${this.index.entityTableVersion}:${this.index.generation}`;
    const kept = this.counts.get(scope);
    if (kept?.version === version) return kept;
    // Counts of the other scope were made on an older index: drop them rather than keep them stale.
    for (const [s, c] of this.counts) if (c.version !== version) this.counts.delete(s);
    const byType = new Map<EntityType, EntityInfo[]>(ENTITY_TYPES.map((t) => [t, []]));
    for (const e of this.index.entities()) byType.get(e.type)!.push(e);
    const candidates: EntityInfo[] = [];
    const entitiesByType = new Map<EntityType, number>();
    for (const [type, list] of byType) {
      entitiesByType.set(type, list.length);
      candidates.push(...list.sort(byProminence).slice(0, this.perType));
    }
    const slot = new Map(candidates.map((e, i) => [e.id, i]));
    const n = candidates.length;
    const weights = new Uint32Array((n * (n - 1)) / 2);
    const addGroup = (group: Set<number>) => {
      if (group.size < 2) return;
      const s = [...group].sort((a, b) => a - b);
      for (let x = 0; x < s.length; x++) for (let y = x + 1; y < s.length; y++) weights[pairIndex(s[x], s[y], n)]++;
    };
    for (const doc of this.index.all()) {
      if (scope === 'article') {
        const group = new Set<number>();
        for (const id of this.index.entitiesIn(doc.uri)) {
          const i = slot.get(id);
          if (i !== undefined) group.add(i);
        }
        addGroup(group);
      } else {
        for (const group of sentenceGroups(doc.text, this.index.entityMentionsIn(doc.uri), slot)) addGroup(group);
      }
    }
    const counts: Counts = { version, candidates, entitiesByType, weights };
    this.counts.set(scope, counts);
    return counts;
  }
}

/**
 * The candidates mentioned in each sentence of a text, as the tagger splits it (text/tokenize.ts). Texts with
 * fewer than two candidate mentions are not tokenized: they cannot hold a pair.
 */
function sentenceGroups(text: string, mentions: { entity: string; start: number }[], slot: Map<string, number>): Set<number>[] {
  const wanted = mentions.filter((m) => slot.has(m.entity)).sort((a, b) => a.start - b.start);
  if (wanted.length < 2) return [];
  // Offsets only: an object and a string per token, over every article of an archive, was gigabytes of garbage.
  const { ends, sentences } = tokenRanges(text);
  const groups: Set<number>[] = [];
  let k = 0;
  for (const s of sentences) {
    if (k >= wanted.length) break;
    if (s.end <= s.first) continue;
    const end = ends[s.end - 1];
    const group = new Set<number>();
    // Mentions starting before this sentence's end belong to it (a mention never starts between sentences).
    while (k < wanted.length && wanted[k].start < end) group.add(slot.get(wanted[k++].entity)!);
    if (group.size > 1) groups.push(group);
  }
  return groups;
}
