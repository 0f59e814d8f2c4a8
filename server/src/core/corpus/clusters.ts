// Entities of the corpus: the alias resolver's clusters of name keys, constrained by the user's registry.
// A registry entity's spellings belong to it and to no other entity (must-link and cannot-link); a mention the
// user assigned to an entity, or typed on its own, carries a decided key (see annotations/apply.ts). The result
// is a pure function of the name table and the registry: the same corpus and decisions give the same entities
// and ids whatever order the articles were met in.
//
// Types are settled here, over the whole corpus (the second stage of recognition): an entity has one type. Where
// the recogniser was sure of its type in some mentions and unsure in others, the sure ones decide. Where it was
// sure of two types for one name (`Florida` the state and the team, a city and its club), the name stands for two
// entities, one a type (senses): each mention goes to the one of its own type.
import { ENTITY_TYPES, type EntityType } from '../model';
import type { RegistryEntity } from '../annotations/registry';
import { keyKind } from '../annotations/apply';
import { GEO_SUFFIXES } from '../resolve/aliases';
import { nameKey } from '../resolve/names';
import { type NameStats, type NameTable, hashPair, majorityType, sureCount, typesOf, zeroCounts } from './nameTable';

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
  /** The resolver's group of each plain key (its representative) and the members of each group, as placed. */
  repOf: Map<string, string>;
  members: Map<string, Set<string>>;
  /** Keys of single mentions the user typed, and keys every mention of which the user typed: placed every time. */
  typed: Set<string>;
  forced: Set<string>;
  /** The keys of a group whose name stands for entities of two types or more: the entity of each type of mention. */
  senses: Map<string, Map<EntityType, string>>;
  /** The types of mention an entity of such a group takes (see senses); an entity not listed takes every type. */
  slices: Map<string, ReadonlySet<EntityType>>;
}

/** The entity of a mention of `key` whose type is `type`: its key's entity, or the one of its type for a name with senses. */
export function entityOfMention(c: Clusters, key: string, type: string): string | undefined {
  return c.senses.get(key)?.get(type as EntityType) ?? c.keyToEntity.get(key);
}

/**
 * `groups` is the resolver's answer: each plain key to the key representing its cluster. Registry entities
 * claim keys by their spellings (the first entity, by id, wins a spelling listed twice).
 */
export function buildClusters(table: NameTable, groups: ReadonlyMap<string, string>, registry: readonly RegistryEntity[], version: number): Clusters {
  const { registered, claimed } = registryMaps(registry);
  const clusters: Clusters = {
    version,
    keyToEntity: new Map(),
    entityKeys: new Map(),
    types: new Map(),
    registered,
    claimed,
    repOf: new Map(),
    members: new Map(),
    typed: new Set(),
    forced: new Set(),
    senses: new Map(),
    slices: new Map(),
  };
  place(clusters, table, groups, [...table.keys()]);
  return clusters;
}

/**
 * The clusters after a change, updated in place from `previous`: what buildClusters would give for the same
 * table, groups and registry, at the cost of the keys the change touched. `touched` are the keys whose group
 * the resolver may have changed, closed under its groups (see EntityResolver.touched); the registry's changes
 * add the keys they claim, release or rename.
 */
export function updateClusters(previous: Clusters, table: NameTable, groups: ReadonlyMap<string, string>, touched: ReadonlySet<string>, registry: readonly RegistryEntity[], version: number): Clusters {
  const { registered, claimed } = registryMaps(registry);
  const keys = new Set(touched);
  const addEntity = (id: string) => {
    for (const k of previous.entityKeys.get(id) ?? []) keys.add(k);
  };
  // Spellings claimed by another entity, or no longer claimed, or newly.
  for (const [key, id] of claimed) if (previous.claimed.get(key) !== id) keys.add(key);
  for (const [key, id] of previous.claimed) if (claimed.get(key) !== id) keys.add(key);
  // Registry entities added, removed or edited: their keys, and entities whose derived id the change (un)reserves.
  const changedIds = new Set<string>();
  for (const [id, e] of registered) if (previous.registered.get(id) !== e && JSON.stringify(previous.registered.get(id)) !== JSON.stringify(e)) changedIds.add(id);
  for (const id of previous.registered.keys()) if (!registered.has(id)) changedIds.add(id);
  for (const id of changedIds) addEntity(id);
  if ([...changedIds].some((id) => registered.has(id) !== previous.registered.has(id))) {
    for (const id of previous.entityKeys.keys()) if ([...changedIds].some((x) => id.startsWith(x + '_') || id.startsWith(x + '.'))) addEntity(id);
  }
  // Whole groups, as they were placed and as the resolver has them now.
  for (const key of [...keys]) {
    const rep = previous.repOf.get(key);
    if (rep !== undefined) for (const k of previous.members.get(rep) ?? []) keys.add(k);
  }
  for (const k of previous.typed) keys.add(k);
  for (const k of previous.forced) keys.add(k);

  const next: Clusters = { ...previous, version, registered, claimed };
  // Entities that lose keys settle their type again too.
  const left = new Set<string>();
  for (const key of keys) for (const id of unplace(next, key)) left.add(id);
  place(next, table, groups, [...keys].filter((k) => table.get(k) !== undefined), left);
  return next;
}

/** What clusters hold besides the registry and their version: all a persistent index needs to give them back. */
export type ClustersState = Omit<Clusters, 'version' | 'registered' | 'claimed'>;

export function clustersState(c: Clusters): ClustersState {
  const { keyToEntity, entityKeys, types, repOf, members, typed, forced, senses, slices } = c;
  return { keyToEntity, entityKeys, types, repOf, members, typed, forced, senses, slices };
}

/**
 * Clusters given back from their state, for the registry they were built with (see registryDigest): what
 * buildClusters gives for the same table, groups and registry, without placing every key again.
 */
export function clustersFromState(state: ClustersState, registry: readonly RegistryEntity[], version: number): Clusters {
  return { ...state, ...registryMaps(registry), version };
}

/** A digest of the registry as the clusters read it: clusters built with one are given back only for the same. */
export function registryDigest(registry: readonly RegistryEntity[]): string {
  const text = JSON.stringify([...registry].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  const [h1, h2] = hashPair(text);
  return `${registry.length}-${text.length}-${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}`;
}

function registryMaps(registry: readonly RegistryEntity[]): { registered: Map<string, RegistryEntity>; claimed: Map<string, string> } {
  const registered = new Map<string, RegistryEntity>();
  const claimed = new Map<string, string>();
  for (const e of [...registry].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    registered.set(e.id, e);
    // Spellings claim keys; a name does not (a new entity split out of another is named like it).
    for (const s of e.spellings) {
      const key = nameKey(s);
      if (key !== '' && !claimed.has(key)) claimed.set(key, e.id);
    }
  }
  return { registered, claimed };
}

/** Takes a key out of its entities (and its group), dropping an entity left without keys; returns the entities. */
function unplace(c: Clusters, key: string): Set<string> {
  const ids = new Set<string>(c.senses.get(key)?.values() ?? []);
  const id = c.keyToEntity.get(key);
  if (id !== undefined) ids.add(id);
  c.keyToEntity.delete(key);
  c.senses.delete(key);
  for (const id of ids) {
    const list = c.entityKeys.get(id);
    if (!list) continue;
    const rest = list.filter((k) => k !== key);
    if (rest.length > 0) c.entityKeys.set(id, rest);
    else {
      c.entityKeys.delete(id);
      c.types.delete(id);
      c.slices.delete(id);
    }
  }
  const rep = c.repOf.get(key);
  if (rep !== undefined) {
    c.repOf.delete(key);
    const members = c.members.get(rep)!;
    members.delete(key);
    if (members.size === 0) c.members.delete(rep);
  }
  c.typed.delete(key);
  c.forced.delete(key);
  return ids;
}

/**
 * Places `keys` (whole groups, taken out of the clusters before, with every key the user typed) in their
 * entities. Every entity they reach, and those in `left` (which lost keys), has its type settled again.
 */
function place(c: Clusters, table: NameTable, groups: ReadonlyMap<string, string>, keys: string[], left: ReadonlySet<string> = new Set()): void {
  const { keyToEntity, entityKeys, types, registered, claimed: claim, senses, slices } = c;
  const touched = new Set<string>(left);
  const assign = (id: string, key: string, primary = true) => {
    if (primary) keyToEntity.set(key, id);
    touched.add(id);
    const list = entityKeys.get(id);
    if (list) list.push(key);
    else entityKeys.set(id, [key]);
  };
  const derived = (key: string) => derivedId(key, registered);

  // Keys are placed in sorted order, so that ids and lists never depend on the order names were met in. Sorting
  // each kind of key, and each group's members, gives that order at a fraction of the cost of sorting them all.
  const byRep = new Map<string, string[]>();
  const typed: string[] = [];
  const decided: string[] = [];
  for (const key of keys) {
    const kind = keyKind(key);
    if (kind.kind === 'entity') decided.push(key);
    else if (kind.kind === 'typed') typed.push(key);
    else {
      const rep = groups.get(key) ?? key;
      const members = byRep.get(rep);
      if (members) members.push(key);
      else byRep.set(rep, [key]);
    }
  }
  for (const key of decided.sort()) assign((keyKind(key) as { id: string }).id, key);
  typed.sort();
  for (const [rep, members] of byRep) {
    if (members.length > 1) members.sort();
    let set = c.members.get(rep);
    if (!set) c.members.set(rep, (set = new Set()));
    for (const key of members) {
      c.repOf.set(key, rep);
      set.add(key);
    }
  }
  for (const rep of [...byRep.keys()].sort()) {
    const members = byRep.get(rep)!;
    const claimed = new Set(members.map((k) => claim.get(k)).filter((id): id is string => id !== undefined));
    if (claimed.size === 0) {
      const id = derived(rep);
      const split = senseTypes(members, table);
      if (split === null) {
        slices.delete(id);
        for (const k of members) assign(id, k);
        continue;
      }
      // One entity a type: the main type's entity takes the name's id (and every type without a sense of its own).
      placeSenses(members, split, split.main, id, id);
    } else if (claimed.size === 1) {
      const [id] = claimed;
      // The user decided on the entity of one type of a name the recogniser is sure of as several (a rename, a note):
      // the decision holds that type's mentions, and the others stay the entities they were.
      const decided = registered.get(id)?.type;
      const split = decided ? senseTypes(members, table) : null;
      if (decided && split && (split.main === decided || split.others.includes(decided))) placeSenses(members, split, decided, id, derived(rep));
      else for (const k of members) assign(id, k);
    } else {
      // Keys of two registry entities were clustered together: each claimed key goes to its entity, and the
      // unclaimed rest, which the user has not placed, stands as an entity of its own.
      const free = members.filter((k) => !claim.has(k));
      const freeRep = free.includes(rep) ? rep : free[0];
      for (const k of members) assign(claim.get(k) ?? derived(freeRep), k);
    }
  }
  // Registry entities whose spellings are in the table but were not clustered with anything still own them.
  for (const id of touched) {
    const list = entityKeys.get(id);
    if (!list) continue;
    list.sort();
    if (!slices.has(id)) types.set(id, typeOfKeys(list, table, registered.get(id)?.type));
  }

  // A key whose every mention the user typed (a spelling typed across the corpus) keeps that type: it leaves an
  // entity of another type the resolver put it in, unless the user listed it in that entity.
  for (const id of [...touched]) {
    const list = entityKeys.get(id);
    if (!list) continue;
    for (const k of [...list]) {
      const forced = confirmedType(table.get(k)!);
      if (forced) c.forced.add(k);
      if (!forced || forced === types.get(id) || claim.get(k) === id || list.length === 1) continue;
      // A name with senses sends the typed mentions to its entity of that type, if it has one.
      const sense = senses.get(k)?.get(forced);
      if (sense !== undefined && types.get(sense) === forced) continue;
      for (const other of new Set(senses.get(k)?.values() ?? [])) if (other !== id) drop(k, other);
      senses.delete(k);
      move(k, id, `${derived(k)}.${forced}`, forced);
    }
  }
  // A mention typed on its own joins the entity of its spelling when that entity has the type; else it stands
  // with the others of its spelling and type. Every such key is placed each time: its spelling's entity may change.
  for (const key of typed) {
    const kind = keyKind(key) as { kind: 'typed'; type: EntityType; key: string };
    const home = senses.get(kind.key)?.get(kind.type) ?? keyToEntity.get(kind.key);
    const id = home !== undefined && types.get(home) === kind.type ? home : `${derived(kind.key)}.${kind.type}`;
    assign(id, key);
    c.typed.add(key);
    if (!types.has(id)) types.set(id, kind.type);
  }
  for (const id of touched) {
    const list = entityKeys.get(id);
    if (list && !types.has(id)) types.set(id, typeOfKeys(list, table, registered.get(id)?.type));
  }

  /**
   * Places a group whose name has senses: the `own` type's entity is `ownId` (with every type that has no sense of
   * its own when `own` is the main type), the main type's is `base` otherwise, and each other type's `<base>.<type>`.
   */
  function placeSenses(members: string[], split: { main: EntityType; others: EntityType[] }, own: EntityType, ownId: string, base: string): void {
    const senseTypes = new Set([split.main, ...split.others]);
    const idOf = (t: EntityType) => (t === own ? ownId : !senseTypes.has(t) ? (own === split.main ? ownId : base) : t === split.main ? base : `${base}.${t}`);
    const ids = new Map<EntityType, string>();
    const sliceOf = new Map<string, Set<EntityType>>();
    for (const t of ENTITY_TYPES) {
      const target = idOf(t);
      ids.set(t, target);
      let slice = sliceOf.get(target);
      if (!slice) sliceOf.set(target, (slice = new Set()));
      slice.add(t);
    }
    for (const [target, slice] of sliceOf) {
      slices.set(target, slice);
      types.set(target, target === ownId ? own : target === base ? split.main : [...slice][0]);
    }
    const main = ids.get(split.main)!;
    for (const k of members) {
      senses.set(k, ids);
      const kinds = typesOf(table.get(k)!);
      const home = kinds.some((t) => ids.get(t) === main) ? main : ids.get(kinds[0])!;
      assign(home, k);
      for (const target of new Set(kinds.map((t) => ids.get(t)!))) if (target !== home) assign(target, k, false);
    }
  }

  function drop(key: string, from: string): void {
    const rest = entityKeys.get(from)!.filter((k) => k !== key);
    if (rest.length > 0) entityKeys.set(from, rest);
    else {
      entityKeys.delete(from);
      types.delete(from);
      slices.delete(from);
    }
  }

  function move(key: string, from: string, to: string, type: EntityType): void {
    drop(key, from);
    assign(to, key);
    types.set(to, type);
  }
}

/**
 * The registry's type; else the majority of the types the recogniser gave, a mention it was unsure of counting half
 * (WEAK_VOTE); else of those the user gave.
 */
function entityType(stats: NameStats[], decided: EntityType | undefined): EntityType {
  if (decided) return decided;
  const { sure, recognised, confirmed } = votes(stats);
  return ENTITY_TYPES.some((t) => recognised[t] > 0) ? winner(recognised, sure) : majorityType(confirmed);
}

/**
 * The type with the most votes; where two tie, the one the recogniser was sure of more often decides; where that
 * ties too, a place before the rest (a place's name standing for its people or its institutions is the common
 * figure: `Lisbon said`, `Veloria's parliament`), then a person, an organization, other names.
 */
function winner(recognised: Record<EntityType, number>, sure: Record<EntityType, number>): EntityType {
  let best: EntityType = TIE_ORDER[0];
  for (const t of TIE_ORDER) if (recognised[t] > recognised[best] || (recognised[t] === recognised[best] && sure[t] > sure[best])) best = t;
  return best;
}
const TIE_ORDER: readonly EntityType[] = ['location', 'person', 'organization', 'misc'];

/** entityType of an entity's keys, without a list of their statistics for the common entity of one key. */
function typeOfKeys(keys: readonly string[], table: NameTable, decided: EntityType | undefined): EntityType {
  if (decided) return decided;
  if (keys.length > 1) return entityType(keys.map((k) => table.get(k)!), undefined);
  const s = table.get(keys[0])!;
  // votes() of one key: its sure mentions and half its weak ones, else the user's types.
  const sure = zeroCounts();
  const recognised = zeroCounts();
  let any = false;
  for (const t of ENTITY_TYPES) {
    sure[t] = sureCount(s, t);
    recognised[t] = sure[t] + WEAK_VOTE * s.weak[t];
    if (recognised[t] > 0) any = true;
  }
  return any ? winner(recognised, sure) : majorityType(s.confirmed);
}

/**
 * What a mention the recogniser was unsure of weighs in the vote on its entity's type, against one it was sure of.
 * Chosen on CoNLL-2003 eng.testa and our BBC set: sure votes alone let one confident error outvote the rest, equal
 * votes let unsure mentions outvote the sure ones (`Veloria's parliament` an organization against `travel to Veloria`).
 */
const WEAK_VOTE = 0.5;

function votes(stats: NameStats[]): { sure: Record<EntityType, number>; recognised: Record<EntityType, number>; confirmed: Record<EntityType, number> } {
  const sure = zeroCounts();
  const recognised = zeroCounts();
  const confirmed = zeroCounts();
  for (const s of stats) {
    for (const t of ENTITY_TYPES) {
      const certain = sureCount(s, t);
      sure[t] += certain;
      recognised[t] += certain + WEAK_VOTE * s.weak[t];
      confirmed[t] += s.confirmed[t];
    }
  }
  return { sure, recognised, confirmed };
}

/**
 * Whether a group of keys names entities of more than one type: the types the recogniser was sure of (in at least
 * SENSE_MENTIONS mentions each) are each an entity, the commonest type of the group the main one (`Chicago` the city
 * and `Chicago`, short for `Chicago Bulls`, the team). Null when it was sure of one type or of none (then one entity
 * of the group's type: entityType). The stem of a place written with its kind (`the Dnipro` of `the Dnipro River`)
 * is that place whatever type the tagger gave it, as the resolver joined them: it is no evidence of a second type.
 */
function senseTypes(members: readonly string[], table: NameTable): { main: EntityType; others: EntityType[] } | null {
  const stats = members.map((k) => table.get(k)!);
  // Most groups are of one type throughout: nothing to split, and nothing more to look at.
  const first = ENTITY_TYPES.find((t) => stats[0].types[t] > 0);
  if (stats.every((s) => s.types[first!] === s.total)) return null;
  const keys = new Set(members);
  const split = new Set<EntityType>();
  for (let i = 0; i < members.length; i++) {
    const k = members[i];
    const s = stats[i];
    if (placeStem(k, keys)) continue;
    for (const t of ENTITY_TYPES) if (sureCount(s, t) >= SENSE_MENTIONS) split.add(t);
  }
  if (split.size < 2) return null;
  // One sure mention among many of another type is more likely the recogniser's error than a second referent.
  const { sure, recognised } = votes(stats);
  let total = 0;
  for (const t of ENTITY_TYPES) total += sure[t];
  for (const t of [...split]) if (sure[t] < SENSE_SHARE * total) split.delete(t);
  if (split.size < 2) return null;
  const main = winner(recognised, sure);
  return { main, others: [...split].filter((t) => t !== main) };
}

/**
 * Mentions of a type the recogniser must be sure of for a spelling to stand for an entity of that type too, and the
 * share of the group's sure mentions they must make. On CoNLL-2003 eng.testb through the pipeline: one mention and
 * no share 85.91, a fifth 85.82, a third 84.90, two mentions 85.64; on our BBC set the same for all. A fifth keeps
 * `Kestrel Shipping` of the sample corpus one organization (one sure person mention of six sure ones).
 */
const SENSE_MENTIONS = 1;
const SENSE_SHARE = 0.2;

const GEO_KINDS = [...GEO_SUFFIXES];

/** `dnipro` of `dnipro river`, both in the group. */
function placeStem(key: string, keys: ReadonlySet<string>): boolean {
  for (const g of GEO_KINDS) if (keys.has(`${key} ${g}`)) return true;
  return false;
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
