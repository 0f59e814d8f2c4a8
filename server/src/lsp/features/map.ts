// The map view's request: the core places the corpus's locations; this converts their positions to LSP ranges.
import { type MapData, PlaceMap } from '../../core/queries/places';
import { MAP_REQUEST, type MapResult } from '../../protocol';
import { loadGazetteer } from '../../node/placesTable';
import { rangeOf } from '../convert';
import type { ServerContext } from '../context';

export function registerMap(ctx: ServerContext): void {
  let placeMap: PlaceMap | undefined;
  // The converted answer of the last data, so a map shown again costs only the sending.
  let last: { data: MapData; result: MapResult } | undefined;
  ctx.connection.onRequest(MAP_REQUEST, (): MapResult => {
    ctx.sync();
    const { gazetteer, problem } = loadGazetteer();
    if (!gazetteer) return { places: [], unplaced: [], unplacedTotal: 0, articles: [], problem };
    placeMap ??= new PlaceMap(ctx.index, gazetteer);
    const data = placeMap.data();
    if (last?.data === data) return last.result;
    const range = (loc: { uri: string; span: { start: number; end: number } }) => rangeOf(ctx.index.get(loc.uri)!, loc.span);
    const result: MapResult = {
      places: data.places.map((p) => ({ ...p, articles: p.articles.map((a) => ({ article: a.article, mentions: a.mentions, range: range(a.first) })) })),
      unplaced: data.unplaced.map((u) => ({ ...u, first: u.first && { uri: u.first.uri, range: range(u.first) } })),
      unplacedTotal: data.unplacedTotal,
      articles: data.articles,
      problem,
    };
    last = { data, result };
    return result;
  });
}
