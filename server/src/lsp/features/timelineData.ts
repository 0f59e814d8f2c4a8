// The timeline view's request: reads the parameters defensively, asks core, converts locations to LSP ranges.
import { ENTITY_TYPES, type EntityType } from '../../core/model';
import type { Location } from '../../core/queries/locations';
import { DEFAULT_TIMELINE_QUERY, timelineData, type TimelineQuery } from '../../core/queries/timelineData';
import { type EntityLocation, TIMELINE_DATA_REQUEST, type TimelineDataParams, type TimelineDataResult } from '../../protocol';
import { toLocation } from '../convert';
import type { ServerContext } from '../context';

const MAX_GROUPS = 1000;

export function registerTimelineData(ctx: ServerContext): void {
  const lspLocation = (loc: Location): EntityLocation => toLocation((u) => ctx.index.get(u), loc);

  ctx.connection.onRequest(TIMELINE_DATA_REQUEST, (params: TimelineDataParams | null): TimelineDataResult => {
    ctx.sync();
    const query: TimelineQuery = {
      ...DEFAULT_TIMELINE_QUERY,
      groupBy: params?.groupBy === 'entity' ? 'entity' : 'article',
      filter: typeof params?.filter === 'string' ? params.filter.slice(0, 200) : '',
      types: Array.isArray(params?.types) ? ENTITY_TYPES.filter((t: EntityType) => params!.types!.includes(t)) : [],
      maxGroups: Math.min(MAX_GROUPS, Math.max(1, Math.floor(Number(params?.maxGroups) || DEFAULT_TIMELINE_QUERY.maxGroups))),
    };
    const data = timelineData(ctx.index, query);
    return {
      groupBy: query.groupBy,
      filter: query.filter,
      types: [...query.types],
      maxGroups: query.maxGroups,
      aggregated: data.aggregated,
      groups: data.groups.map((g) => ({
        id: g.id,
        label: g.label,
        ...(g.type !== undefined ? { type: g.type } : {}),
        ...(g.referenceDate !== undefined ? { referenceDate: g.referenceDate, referenceSource: g.referenceSource ?? null } : {}),
        mentions: g.mentions,
        ...(g.points ? { marks: g.points.map((p) => ({ ...p, location: lspLocation(p.location) })) } : {}),
        ...(g.bins ? { bins: g.bins.map((b) => ({ ...b, location: lspLocation(b.location) })) } : {}),
      })),
      hiddenGroups: data.hiddenGroups,
      hiddenMentions: data.hiddenMentions,
      totalMentions: data.totalMentions,
      ungrouped: data.ungrouped,
      extent: data.extent,
      undated: data.undated,
      undatedTotal: data.undatedTotal,
    };
  });
}
