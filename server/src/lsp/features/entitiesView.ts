// The entities view's requests: groups and pages of the corpus's entities, and where a click on one goes.
import { groupLabel } from '../../core/queries/symbols';
import { EntityCatalog, entityLocations } from '../../core/queries/entities';
import { ENTITY_TYPES, type EntityType } from '../../core/model';
import type { Location } from '../../core/queries/locations';
import {
  ENTITIES_VIEW_REQUEST,
  ENTITY_LOCATIONS_REQUEST,
  type EntitiesViewParams,
  type EntitiesViewResult,
  type EntityLocation,
  type EntityLocationsResult,
} from '../../protocol';
import { toLocation } from '../convert';
import type { ServerContext } from '../context';

const MAX_PAGE = 500;

export function registerEntitiesView(ctx: ServerContext): void {
  const catalog = new EntityCatalog(ctx.index);
  const lspLocation = (loc: Location): EntityLocation => toLocation((u) => ctx.index.get(u), loc);

  ctx.connection.onRequest(ENTITIES_VIEW_REQUEST, (params: EntitiesViewParams | null): EntitiesViewResult => {
    ctx.sync();
    const filter = typeof params?.filter === 'string' ? params.filter : '';
    const type = params?.type;
    if (type === undefined) {
      return {
        groups: catalog.groups(filter).map((g) => ({ ...g, label: groupLabel(g.type) })),
        orphans: catalog.orphans(),
      };
    }
    if (!ENTITY_TYPES.includes(type as EntityType)) return { entities: [], total: 0 };
    const offset = Math.max(0, Math.floor(Number(params?.offset) || 0));
    const limit = Math.min(MAX_PAGE, Math.max(1, Math.floor(Number(params?.limit) || 200)));
    const { rows, total } = catalog.page(type as EntityType, params?.sort === 'name' ? 'name' : 'count', filter, offset, limit);
    return { entities: rows, total };
  });

  ctx.connection.onRequest(ENTITY_LOCATIONS_REQUEST, (params: { id?: unknown } | null): EntityLocationsResult | null => {
    ctx.sync();
    if (typeof params?.id !== 'string') return null;
    const found = entityLocations(ctx.index, params.id);
    if (!found) return null;
    return { definition: lspLocation(found.definition), references: found.references.map(lspLocation), note: ctx.index.entity(params.id)?.registered?.note ?? null };
  });
}
