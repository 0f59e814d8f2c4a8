// Entities of the corpus: the alias resolver's clusters of name keys, constrained by the user's registry.
// A registry entity's spellings belong to it and to no other entity (must-link and cannot-link); a mention the
// user assigned to an entity, or typed on its own, carries a decided key (see annotations/apply.ts). The result
// is a pure function of the name table and the registry: the same corpus and decisions give the same entities
// and ids whatever order the articles were met in.
import { ENTITY_TYPES, type EntityType } from '../model';
import type { RegistryEntity } from '../annotations/registry';
import { keyKind } from '../annotations/apply';
import { nameKey } from '../resolve/names';
import { type NameStats, type NameTable, majorityType } from './nameTable';

export interface Clusters {
  /** Bumped on every rebuild, for caches over the entity table. */
  version: number;
  keyToEntity: Map<string, string>;
  entityKeys: Map<string, string[]>;
  /** The final type of every entity. */
  types: Map<string, EntityType>;
  /** The registry entity behind an id, where the user decided on it. */
  registered: Map<string, RegistryEntity>;
  /** Keys the user listed for a registry entity (its spellings and name): their mentions are confirmed. */
  claimed: Map<string, string>;
  /** Whether any key is a decided one or has mentions the user typed: such tables are always rebuilt whole. */
  decided: boolean;
}

/**
 * `groups` is the resolver's answer: each plain key to the key representing its cluster. Registry entities
 * claim keys by their spellings (the first entity, by id, wins a spelling listed twice).
 */
export function buildClusters(table: NameTable, groups: ReadonlyMap<string, string>, registry: readonly RegistryEntity[], version: number): Clusters {
  const registered = new Map<string, RegistryEntity>();
  const claim = new Map<string, string>();
  for (const e of [...registry].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    registered.set(e.id, e);
    // Spellings claim keys; a name does not (a new entity split out of another is named like it).
    for (const s of e.spellings) {
      const key = nameKey(s);
      if (key !== '' && !claim.has(key)) claim.set(key, e.id);
    }
  }
  const keyToEntity = new Map<string, string>();
  const entityKeys = new Map<string, string[]>();
  const assign = (id: string, key: string) => {
    keyToEntity.set(key, id);
    const list = entityKeys.get(id);
    if (list) list.push(key);
    else entityKeys.set(id, [key]);
  };
  const derived = (key: string) => derivedId(key, registered);

  const byRep = new Map<string, string[]>();
  const typed: string[] = [];
  for (const key of [...table.keys()].sort()) {
    const kind = keyKind(key);
    if (kind.kind === 'entity') assign(kind.id, key);
    else if (kind.kind === 'typed') typed.push(key);
    else {
      const rep = groups.get(key) ?? key;
      const members = byRep.get(rep);
      if (members) members.push(key);
      else byRep.set(rep, [key]);
    }
  }
  for (const [rep, members] of [...byRep].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const claimed = new Set(members.map((k) => claim.get(k)).filter((id): id is string => id !== undefined));
    if (claimed.size === 0) {
      for (const k of members) assign(derived(rep), k);
    } else if (claimed.size === 1) {
      const [id] = claimed;
      for (const k of members) assign(id, k);
    } else {
      // Keys of two registry entities were clustered together: each claimed key goes to its entity, and the
      // unclaimed rest, which the user has not placed, stands as an entity of its own.
      const free = members.filter((k) => !claim.has(k));
      const freeRep = free.includes(rep) ? rep : free[0];
      for (const k of members) assign(claim.get(k) ?? derived(freeRep), k);
    }
  }
  // Registry entities whose spellings are in the table but were not clustered with anything still own them.
  const types = new Map<string, EntityType>();
  for (const [id, keys] of entityKeys) types.set(id, entityType(keys.map((k) => table.get(k)!), registered.get(id)?.type));

  // A key whose every mention the user typed (a spelling typed across the corpus) keeps that type: it leaves an
  // entity of another type the resolver put it in, unless the user listed it in that entity.
  for (const [id, keys] of [...entityKeys]) {
    for (const k of keys) {
      const forced = confirmedType(table.get(k)!);
      if (!forced || forced === types.get(id) || claim.get(k) === id || keys.length === 1) continue;
      move(k, id, `${derived(k)}.${forced}`, forced);
    }
  }
  // A mention typed on its own joins the entity of its spelling when that entity has the type; else it stands
  // with the others of its spelling and type.
  for (const key of typed) {
    const kind = keyKind(key) as { kind: 'typed'; type: EntityType; key: string };
    const home = keyToEntity.get(kind.key);
    const id = home !== undefined && types.get(home) === kind.type ? home : `${derived(kind.key)}.${kind.type}`;
    assign(id, key);
    if (!types.has(id)) types.set(id, kind.type);
  }
  for (const [id, keys] of entityKeys) if (!types.has(id)) types.set(id, entityType(keys.map((k) => table.get(k)!), registered.get(id)?.type));
  let decided = typed.length > 0;
  for (const s of table.values()) if (!decided && (keyKind(s.key).kind !== 'name' || confirmedType(s) !== null || hasConfirmed(s))) decided = true;
  return { version, keyToEntity, entityKeys, types, registered, claimed: claim, decided };

  function move(key: string, from: string, to: string, type: EntityType): void {
    const rest = entityKeys.get(from)!.filter((k) => k !== key);
    if (rest.length > 0) entityKeys.set(from, rest);
    else {
      entityKeys.delete(from);
      types.delete(from);
    }
    assign(to, key);
    types.set(to, type);
  }
}

/**
 * The clusters after a resolution that revisited only `touched` keys (see EntityResolver.touched), updated in
 * place from `previous`, made for the same registry: what buildClusters would give, at the cost of the keys
 * touched. Null where only a whole rebuild is right: a touched key the registry claims or the user decided on,
 * or a table holding decided keys.
 */
export function updateClusters(previous: Clusters, table: NameTable, groups: ReadonlyMap<string, string>, touched: ReadonlySet<string>, version: number): Clusters | null {
  if (previous.decided) return null;
  for (const key of touched) {
    if (previous.claimed.has(key) || keyKind(key).kind !== 'name') return null;
    const s = table.get(key);
    if (s && hasConfirmed(s)) return null;
  }
  const { keyToEntity, entityKeys, types, registered } = previous;
  const ids = new Set<string>();
  for (const key of touched) {
    const id = keyToEntity.get(key);
    if (id === undefined) continue;
    keyToEntity.delete(key);
    ids.add(id);
    const rest = entityKeys.get(id)!.filter((k) => k !== key);
    if (rest.length > 0) entityKeys.set(id, rest);
    else {
      entityKeys.delete(id);
      types.delete(id);
    }
  }
  for (const key of touched) {
    if (!table.get(key)) continue;
    const id = derivedId(groups.get(key) ?? key, registered);
    keyToEntity.set(key, id);
    ids.add(id);
    const list = entityKeys.get(id);
    if (list) list.push(key);
    else entityKeys.set(id, [key]);
  }
  for (const id of ids) {
    const keys = entityKeys.get(id);
    if (!keys) continue;
    keys.sort();
    types.set(id, entityType(keys.map((k) => table.get(k)!), undefined));
  }
  return { ...previous, version };
}

function hasConfirmed(s: NameStats): boolean {
  return ENTITY_TYPES.some((t) => s.confirmed[t] > 0);
}

/** The registry's type; else the majority of the types the recogniser gave; else of those the user gave. */
function entityType(stats: NameStats[], decided: EntityType | undefined): EntityType {
  if (decided) return decided;
  const recognised: Record<EntityType, number> = { person: 0, organization: 0, location: 0, misc: 0 };
  const confirmed: Record<EntityType, number> = { person: 0, organization: 0, location: 0, misc: 0 };
  for (const s of stats) {
    for (const t of ENTITY_TYPES) {
      recognised[t] += s.types[t] - s.confirmed[t];
      confirmed[t] += s.confirmed[t];
    }
  }
  const anyRecognised = ENTITY_TYPES.some((t) => recognised[t] > 0);
  return majorityType(anyRecognised ? recognised : confirmed);
}

function confirmedType(s: NameStats): EntityType | null {
  let total = 0;
  for (const t of ENTITY_TYPES) total += s.confirmed[t];
  return total === s.total && total > 0 ? majorityType(s.confirmed) : null;
}

const PLAIN = /^[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*$/u;

/**
 * The id of an entity the user has not decided on, from the key that represents it: the key with dashes for
 * spaces where that is unambiguous, else the slug and a hash of the key (`al-qaeda` and `al qaeda` differ).
 * It depends on the key alone, so it never depends on the order in which names were met.
 */
export function derivedId(key: string, reserved: ReadonlyMap<string, unknown>): string {
  let id = PLAIN.test(key) ? key.replace(/ /g, '-') : `${slug(key)}_${hash(key)}`;
  if (reserved.has(id)) id = `${id}_${hash(key)}`;
  return id;
}

function slug(key: string): string {
  return key.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'entity';
}

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
