// The graph view's request: checks the page's filters, asks the co-occurrence counts, converts locations.
import { CooccurrenceCounts } from '../../core/queries/cooccurrence';
import { ENTITY_TYPES, type EntityType } from '../../core/model';
import { GRAPH_MAX_EDGES, GRAPH_MAX_NODES, GRAPH_REQUEST, type GraphParams, type GraphResult } from '../../protocol';
import { toLocation } from '../convert';
import type { ServerContext } from '../context';

const whole = (value: unknown, fallback: number, min: number, max: number) => {
  const n = Math.floor(Number(value));
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
};

export function registerGraph(ctx: ServerContext): void {
  const counts = new CooccurrenceCounts(ctx.index, GRAPH_MAX_NODES);
  ctx.connection.onRequest(GRAPH_REQUEST, (params: GraphParams | null): GraphResult => {
    ctx.sync();
    const types = Array.isArray(params?.types) ? ENTITY_TYPES.filter((t) => params.types!.includes(t)) : [...ENTITY_TYPES];
    const graph = counts.graph({
      scope: params?.scope === 'sentence' ? 'sentence' : 'article',
      types: types as EntityType[],
      nodes: whole(params?.nodes, 150, 1, GRAPH_MAX_NODES),
      edges: whole(params?.edges, 300, 0, GRAPH_MAX_EDGES),
      minWeight: whole(params?.minWeight, 1, 1, Number.MAX_SAFE_INTEGER),
    });
    return {
      ...graph,
      nodes: graph.nodes.map((n) => ({ ...n, definition: n.definition ? toLocation((u) => ctx.index.get(u), n.definition) : null })),
    };
  });
}
