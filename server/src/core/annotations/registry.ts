// The user's entity registry (`.article-lens/registry.json`): entities with stable ids, canonical names, types,
// spellings, notes and external ids; corpus-wide decisions on spellings; article dates. Human-readable and
// diff-friendly (one entry per line, sorted). Parsing never throws; a malformed file is reported with the line
// at fault, never replaced. What this version does not understand (other keys, extra fields, entries it cannot
// use) is kept as written, so saving a decision never drops what the user or another tool put there.
import { isCalendarDay } from '../calendarDay';
import { ENTITY_TYPES, type EntityType, type Problem, type Result } from '../model';
import { lineOfEntry, parseJsonObject } from './jsonLines';

/** An entity the user decided on. Its spellings belong to it and to no other entity (must-link / cannot-link). */
export interface RegistryEntity {
  id: string;
  /** The canonical name the user chose; absent: the corpus's commonest full spelling. */
  name?: string;
  type?: EntityType;
  /**
   * Spellings as written; every mention whose name key is one of theirs belongs to this entity (only those of its
   * type, when it has one and the recogniser is sure the name is also of another type: see corpus/clusters.ts).
   */
  spellings: string[];
  note?: string;
  /** External identifiers typed by the user: `{ "wikidata": "Q3775" }`. */
  ids?: Record<string, string>;
  [unknown: string]: unknown;
}

/** A decision on every occurrence of a spelling in the corpus: not an entity, or a name of this type. */
export interface SpellingDecision {
  spelling: string;
  decision: 'reject' | 'type';
  /** For `type`. */
  type?: EntityType;
  [unknown: string]: unknown;
}

/** The user's date for an article file, overriding what the text states. */
export interface ArticleDate {
  /** Path of the article relative to the workspace folder, with `/` separators. */
  article: string;
  /** `YYYY-MM-DD`. */
  date: string;
  [unknown: string]: unknown;
}

export interface Registry {
  version: 2;
  entities: RegistryEntity[];
  spellings: SpellingDecision[];
  articleDates: ArticleDate[];
  /** Everything else in the file, kept as written: other top-level keys, and unusable entries of each list. */
  kept?: { topLevel: Record<string, unknown>; entities: unknown[]; spellings: unknown[]; articleDates: unknown[] };
}

export const EMPTY_REGISTRY: Registry = { version: 2, entities: [], spellings: [], articleDates: [] };

const KNOWN = new Set(['version', 'entities', 'spellings', 'articleDates', 'acceptedSpellings']);
const ID = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
export const WIKIDATA_ID = /^Q[1-9]\d{0,11}$/;

export function isEntityId(id: unknown): id is string {
  return typeof id === 'string' && id.length <= 200 && ID.test(id);
}

/** Parses the registry; version 1 files (accepted spellings, article dates) are read and carried over. */
export function parseRegistry(text: string): Result<Registry | null> {
  const problems: Problem[] = [];
  const parsed = parseJsonObject(text);
  if ('problem' in parsed) return { value: null, problems: [parsed.problem] };
  const { source, object: obj } = parsed;
  if (obj.version !== 1 && obj.version !== 2) {
    return { value: null, problems: [{ severity: 'error', message: `unknown version ${JSON.stringify(obj.version)}; this Article Lens reads versions 1 and 2`, line: lineOfEntry(source, 'version') }] };
  }
  for (const list of ['entities', 'spellings', 'articleDates', 'acceptedSpellings']) {
    if (obj[list] !== undefined && !Array.isArray(obj[list])) return { value: null, problems: [{ severity: 'error', message: `"${list}" must be a list`, line: lineOfEntry(source, list) }] };
  }
  const kept: NonNullable<Registry['kept']> = { topLevel: {}, entities: [], spellings: [], articleDates: [] };
  for (const [k, v] of Object.entries(obj)) if (!KNOWN.has(k)) kept.topLevel[k] = v;
  const unusable = (list: keyof Omit<NonNullable<Registry['kept']>, 'topLevel'>, item: unknown, i: number, why: string) => {
    kept[list].push(item);
    problems.push({ severity: 'warning', message: `${list}[${i}] ${why}; not used (kept in the file)`, line: lineOfEntry(source, list, i) });
  };

  const entities: RegistryEntity[] = [];
  const ids = new Set<string>();
  ((obj.entities as unknown[]) ?? []).forEach((item, i) => {
    const e = item as Record<string, unknown>;
    const why = entityProblem(e, ids);
    if (why) return unusable('entities', item, i, why);
    ids.add(e.id as string);
    entities.push(e as RegistryEntity);
  });
  const spellings: SpellingDecision[] = [];
  ((obj.spellings as unknown[]) ?? []).forEach((item, i) => {
    const e = item as Record<string, unknown>;
    const ok = e && typeof e.spelling === 'string' && e.spelling.trim() !== '' && (e.decision === 'reject' || (e.decision === 'type' && ENTITY_TYPES.includes(e.type as EntityType)));
    if (!ok) return unusable('spellings', item, i, 'needs a "spelling" and a "decision" of "reject", or "type" with a "type" of person, organization, location or misc');
    spellings.push(e as SpellingDecision);
  });
  const articleDates: ArticleDate[] = [];
  ((obj.articleDates as unknown[]) ?? []).forEach((item, i) => {
    const e = item as Record<string, unknown>;
    if (e && typeof e.article === 'string' && isCalendarDay(e.date)) articleDates.push(e as ArticleDate);
    else unusable('articleDates', item, i, 'needs "article" and a "date" that is a day as YYYY-MM-DD');
  });
  // Version 1 kept accepted spellings keyed on an entity's display name: each becomes a spelling of a registry
  // entity of that name, so it survives the name changing.
  ((obj.acceptedSpellings as unknown[]) ?? []).forEach((item, i) => {
    const e = item as Record<string, unknown>;
    if (!e || typeof e.spelling !== 'string' || typeof e.of !== 'string' || e.of.trim() === '') {
      kept.topLevel.acceptedSpellings ??= [];
      (kept.topLevel.acceptedSpellings as unknown[]).push(item);
      problems.push({ severity: 'warning', message: `acceptedSpellings[${i}] needs "spelling" and "of" strings; not used (kept in the file)`, line: lineOfEntry(source, 'acceptedSpellings', i) });
      return;
    }
    const target = entities.find((x) => x.name === e.of) ?? addEntity(entities, ids, e.of);
    for (const s of [e.of, e.spelling]) if (!target.spellings.includes(s)) target.spellings.push(s);
    // Whatever else the entry held (who accepted it, when, why) stays in the file, on the entity it went to.
    const { spelling, of: _of, ...rest } = e;
    if (Object.keys(rest).length > 0) {
      const carried = target as RegistryEntity & { acceptedSpellingsV1?: unknown[] };
      (carried.acceptedSpellingsV1 ??= []).push({ spelling, ...rest });
    }
  });
  return { value: { version: 2, entities, spellings, articleDates, kept }, problems };
}

function entityProblem(e: Record<string, unknown> | null, ids: Set<string>): string | null {
  if (!e || typeof e !== 'object' || Array.isArray(e)) return 'is not an object';
  if (!isEntityId(e.id)) return 'needs an "id" of letters, digits, ".", "_" or "-"';
  if (ids.has(e.id)) return `repeats the id "${e.id}"`;
  if (e.name !== undefined && (typeof e.name !== 'string' || e.name.trim() === '')) return '"name" must be a non-empty string';
  if (e.type !== undefined && !ENTITY_TYPES.includes(e.type as EntityType)) return '"type" must be person, organization, location or misc';
  if (!Array.isArray(e.spellings) || !e.spellings.every((s) => typeof s === 'string')) return '"spellings" must be a list of strings';
  if (e.note !== undefined && typeof e.note !== 'string') return '"note" must be a string';
  if (e.ids !== undefined && (!e.ids || typeof e.ids !== 'object' || Array.isArray(e.ids) || !Object.values(e.ids).every((v) => typeof v === 'string'))) return '"ids" must map names to strings';
  return null;
}

/** A new entity with an id made from its name, unique in the registry. */
function addEntity(entities: RegistryEntity[], ids: Set<string>, name: string): RegistryEntity {
  const id = freshId(name, ids);
  ids.add(id);
  const entity: RegistryEntity = { id, name, spellings: [] };
  entities.push(entity);
  return entity;
}

/** An id for a new registry entity: the slug of its name, made unique with `.2`, `.3`, ... */
export function freshId(name: string, taken: ReadonlySet<string>): string {
  const base = slugOf(name);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}.${n}`;
  return id;
}

export function slugOf(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'entity'
  );
}

/** One entry per line, sorted, so a change is a one-line diff. Known fields first, unknown ones after, as they were. */
export function serializeRegistry(registry: Registry): string {
  const kept = registry.kept ?? { topLevel: {}, entities: [], spellings: [], articleDates: [] };
  const entities = [...registry.entities].sort((a, b) => compare(a.id, b.id)).map(({ id, name, type, spellings, note, ids, ...rest }) => JSON.stringify({ id, name, type, spellings, note, ids, ...rest }));
  const spellings = [...registry.spellings]
    .sort((a, b) => compare(a.spelling, b.spelling))
    .map(({ spelling, decision, type, ...rest }) => JSON.stringify({ spelling, decision, type, ...rest }));
  const dates = [...registry.articleDates].sort((a, b) => compare(a.article, b.article)).map(({ article, date, ...rest }) => JSON.stringify({ article, date, ...rest }));
  const list = (lines: string[], unknown: unknown[]) => {
    const all = [...lines, ...unknown.map((e) => JSON.stringify(e))];
    return all.length ? `\n    ${all.join(',\n    ')}\n  ` : '';
  };
  const others = Object.entries(kept.topLevel).map(([k, v]) => `,\n  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return (
    `{\n  "version": 2,\n  "entities": [${list(entities, kept.entities)}],\n` +
    `  "spellings": [${list(spellings, kept.spellings)}],\n` +
    `  "articleDates": [${list(dates, kept.articleDates)}]${others.join('')}\n}\n`
  );
}

/** Code-point order: the file's line order must not depend on the machine's locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sets (or, with null, removes) the user's date for an article, keeping the entry's other fields. */
export function withArticleDate(registry: Registry, article: string, date: string | null): Registry {
  const existing = registry.articleDates.find((e) => e.article === article);
  const rest = registry.articleDates.filter((e) => e !== existing);
  if (date === null) return { ...registry, articleDates: rest };
  return { ...registry, articleDates: [...rest, { ...(existing ?? {}), article, date }] };
}

const ENTITY_FIELDS = new Set(['id', 'name', 'type', 'spellings', 'note', 'ids']);

/** The fields of an entry this version does not know, as written. */
export function unknownFields(entity: RegistryEntity): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entity).filter(([k]) => !ENTITY_FIELDS.has(k)));
}

/**
 * Replaces (or adds) one entity; other entities are untouched. The fields this version does not know are kept
 * from the entry it replaces even when the caller built the entity afresh; the known ones are the caller's to
 * set or remove.
 */
export function withEntity(registry: Registry, entity: RegistryEntity): Registry {
  const existing = registry.entities.find((e) => e.id === entity.id);
  const others = registry.entities.filter((e) => e !== existing);
  return { ...registry, entities: [...others, existing ? { ...unknownFields(existing), ...entity } : entity] };
}

export function withoutEntity(registry: Registry, id: string): Registry {
  return { ...registry, entities: registry.entities.filter((e) => e.id !== id) };
}

/** Sets the decision on a spelling (replacing an earlier one on the same spelling), or removes it with null. */
export function withSpellingDecision(registry: Registry, spelling: string, decision: Omit<SpellingDecision, 'spelling'> | null): Registry {
  const existing = registry.spellings.find((s) => s.spelling === spelling);
  const rest = registry.spellings.filter((s) => s !== existing);
  if (decision === null) return { ...registry, spellings: rest };
  const { type, ...others } = { ...(existing ?? {}), ...decision };
  return { ...registry, spellings: [...rest, { ...others, spelling, ...(decision.decision === 'type' ? { type } : {}) } as SpellingDecision] };
}
