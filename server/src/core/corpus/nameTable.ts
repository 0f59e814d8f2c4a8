// Per-key statistics of the names in the corpus, kept current document by document:
// which documents use a key and how often, its spellings, and the types the recogniser gave it.
import { ENTITY_TYPES, type EntityType, type Mention, isEntityType } from '../model';
import { cleanName } from '../resolve/names';

export interface NameStats {
  key: string;
  /** Mentions per document uri. */
  docs: Map<string, number>;
  /** Cleaned spellings and how often each was seen. */
  forms: Map<string, number>;
  types: Record<EntityType, number>;
  /** Of `types`, the mentions whose type the user decided. */
  confirmed: Record<EntityType, number>;
  /** Of `types`, the recogniser's mentions it was unsure of the type of (see Mention.weak). */
  weak: Record<EntityType, number>;
  /**
   * Mentions per document of each type, kept only while the key has mentions of two types or more (a key of one
   * type has them all in `docs`): what an entity that takes one type of a name reads (see clusters.ts, senses).
   */
  typeDocs?: Partial<Record<EntityType, Map<string, number>>>;
  total: number;
}

/** Two independent 32-bit hashes of a text (FNV-1a and a multiplicative variant), for digests. */
export function hashPair(text: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return [h1, h2];
}

export const zeroCounts = (): Record<EntityType, number> => ({ person: 0, organization: 0, location: 0, misc: 0 });

/** A key's mentions of one type that the recogniser was sure of (neither weak nor the user's decision). */
export function sureCount(s: NameStats, type: EntityType): number {
  return s.types[type] - s.confirmed[type] - s.weak[type];
}

/** Types a key has mentions of. */
export function typesOf(s: NameStats): EntityType[] {
  return ENTITY_TYPES.filter((t) => s.types[t] > 0);
}

/** A key's mentions of one type per document. */
export function docsOfType(s: NameStats, type: EntityType): ReadonlyMap<string, number> {
  if (s.typeDocs) return s.typeDocs[type] ?? EMPTY;
  return s.types[type] > 0 ? s.docs : EMPTY;
}
const EMPTY: ReadonlyMap<string, number> = new Map();

export class NameTable {
  private readonly stats = new Map<string, NameStats>();
  private touched = new Set<string>();
  /**
   * Keys in the order they came into the table (a key that went and came back is listed again, and one that went
   * is still listed): what the resolver reads to index the keys new since it last looked, without walking them all.
   */
  private arrived: string[] = [];
  private arrivedEpoch = 0;

  /**
   * The keys that came into the table, in that order, since `epoch` began. A new epoch begins, listing the keys
   * of now, when the table is replaced (load) or the list has grown far past the table (keys coming and going as
   * text is typed): a reader that held a place in the old list starts again from the new one's beginning.
   */
  arrivals(): { epoch: number; keys: readonly string[] } {
    return { epoch: this.arrivedEpoch, keys: this.arrived };
  }

  private arrive(key: string): void {
    this.arrived.push(key);
    if (this.arrived.length > 2 * this.stats.size + 10_000) this.restartArrivals();
  }

  private restartArrivals(): void {
    this.arrived = [...this.stats.keys()];
    this.arrivedEpoch++;
  }

  /** Keys whose statistics changed (added, recounted or gone) since the last call: what a resolution must revisit. */
  takeChanges(): Set<string> {
    const changes = this.touched;
    this.touched = new Set();
    return changes;
  }
  /**
   * A digest of everything resolution reads (keys, counts, types, articles per key), so the resolver's groups
   * persisted with one table are never used for another.
   */
  fingerprint(): string {
    // Each key's line is hashed on its own and the hashes summed, so the digest needs no sort of the keys (a
    // warm start of a large archive computes it over hundreds of thousands).
    let sum1 = 0;
    let sum2 = 0;
    for (const s of this.stats.values()) {
      const line = `${s.key}|${s.total}|${s.docs.size}|${s.types.person},${s.types.organization},${s.types.location},${s.types.misc}|${s.confirmed.person},${s.confirmed.organization},${s.confirmed.location},${s.confirmed.misc}|${s.weak.person},${s.weak.organization},${s.weak.location},${s.weak.misc}`;
      const [h1, h2] = hashPair(line);
      sum1 = (sum1 + (h1 ^ (h1 >>> 15))) | 0;
      sum2 = (sum2 + (h2 ^ (h2 >>> 13))) | 0;
    }
    return `${this.stats.size}-s${(sum1 >>> 0).toString(36)}${(sum2 >>> 0).toString(36)}`;
  }

  get(key: string): NameStats | undefined {
    return this.stats.get(key);
  }

  keys(): IterableIterator<string> {
    return this.stats.keys();
  }

  values(): IterableIterator<NameStats> {
    return this.stats.values();
  }

  get size(): number {
    return this.stats.size;
  }

  /**
   * Replaces the whole table with statistics made elsewhere (a persistent index's): every key old and new counts
   * as changed, as if each had been added anew.
   */
  load(stats: Iterable<NameStats>): void {
    for (const key of this.stats.keys()) this.touched.add(key);
    this.stats.clear();
    for (const s of stats) {
      this.stats.set(s.key, s);
      this.touched.add(s.key);
    }
    this.restartArrivals();
  }

  add(uri: string, mentions: readonly Mention[]): void {
    this.apply(uri, mentions, 1);
  }

  remove(uri: string, mentions: readonly Mention[]): void {
    this.apply(uri, mentions, -1);
  }

  /**
   * One document's mentions, from `before` to `after`. Only the keys whose counts, spellings or types in it
   * changed count as changed (re-analysing an article mostly finds the same names).
   */
  replace(uri: string, before: readonly Mention[], after: readonly Mention[]): void {
    // A document new to the table (every one of an initial indexing) changes every key it has: the same keys as
    // comparing contributions would give, without building them.
    if (before.length === 0) return this.apply(uri, after, 1);
    // The new mentions are counted before the old ones are removed, so a key the edit keeps never vanishes.
    this.apply(uri, after, 1, false);
    this.apply(uri, before, -1, false);
    const was = contributions(before);
    const now = contributions(after);
    for (const [key, c] of now) if (was.get(key) !== c) this.touched.add(key);
    for (const key of was.keys()) if (!now.has(key)) this.touched.add(key);
  }

  private apply(uri: string, mentions: readonly Mention[], sign: 1 | -1, track = true): void {
    for (const m of mentions) {
      if (m.key === null || !isEntityType(m.type)) continue;
      if (track) this.touched.add(m.key);
      let s = this.stats.get(m.key);
      if (!s) {
        if (sign < 0) continue;
        s = { key: m.key, docs: new Map(), forms: new Map(), types: zeroCounts(), confirmed: zeroCounts(), weak: zeroCounts(), total: 0 };
        this.stats.set(m.key, s);
        this.arrive(m.key);
      }
      countType(s, m.type, uri, sign);
      bump(s.docs, uri, sign);
      bump(s.forms, cleanForm(m.form ?? m.text), sign);
      s.types[m.type] += sign;
      if (m.confirmed) s.confirmed[m.type] += sign;
      else if (m.weak) s.weak[m.type] += sign;
      s.total += sign;
      if (s.total <= 0) this.stats.delete(m.key);
    }
  }
}

/**
 * Keeps the per-type documents of a key exact, before one mention of `type` in `uri` is counted: made when a second
 * type first appears (until then every document's mentions were of the one type, so its map is `docs`), and
 * dropped when a single type is left.
 */
function countType(s: NameStats, type: EntityType, uri: string, sign: 1 | -1): void {
  if (!s.typeDocs) {
    // The common case, at every mention of a corpus: a key of one type meets that type again.
    if (sign < 0 || s.types[type] === s.total) return;
    const only = ENTITY_TYPES.find((t) => s.types[t] > 0);
    if (only === undefined || only === type) return;
    s.typeDocs = { [only]: new Map(s.docs) };
  }
  const docs = (s.typeDocs[type] ??= new Map());
  bump(docs, uri, sign);
  if (docs.size === 0) delete s.typeDocs[type];
  if (sign < 0 && ENTITY_TYPES.filter((t) => s.types[t] - (t === type ? 1 : 0) > 0).length <= 1) delete s.typeDocs;
}

/** What one document adds to each key's statistics, as a comparable string. */
function contributions(mentions: readonly Mention[]): Map<string, string> {
  const parts = new Map<string, string[]>();
  for (const m of mentions) {
    if (m.key === null || !isEntityType(m.type)) continue;
    const list = parts.get(m.key);
    const part = `${m.type}\u0000${m.confirmed ? 1 : m.weak ? 2 : 0}\u0000${cleanForm(m.form ?? m.text)}`;
    if (list) list.push(part);
    else parts.set(m.key, [part]);
  }
  const out = new Map<string, string>();
  for (const [key, list] of parts) out.set(key, list.sort().join('\u0001'));
  return out;
}

// A corpus spells each name the same way many times over: cleaning (Unicode normalisation) is done once a spelling.
// Cleared when it grows large, so spellings gone from the corpus are not kept for ever.
const cleaned = new Map<string, string>();
function cleanForm(text: string): string {
  let c = cleaned.get(text);
  if (c === undefined) {
    if (cleaned.size >= 200_000) cleaned.clear();
    c = cleanName(text);
    cleaned.set(text, c);
  }
  return c;
}

function bump<K>(map: Map<K, number>, key: K, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

export function majorityType(types: Record<EntityType, number>): EntityType {
  let best: EntityType = 'misc';
  let count = -1;
  for (const t of ENTITY_TYPES) {
    if (types[t] > count) {
      best = t;
      count = types[t];
    }
  }
  return best;
}

/**
 * The canonical spelling: the most complete well-attested form. Among spellings seen at least a tenth as often
 * as the commonest (and not in all capitals, as headlines write names, when another exists), the one with the
 * most words; then the most frequent; then the longer; then alphabetical, so the choice is deterministic.
 */
export function canonicalForm(forms: Map<string, number>): string {
  let max = 0;
  for (const n of forms.values()) max = Math.max(max, n);
  const all = [...forms];
  const mixedCase = all.filter(([f]) => f !== f.toUpperCase() || !/[A-Z]{3}/.test(f));
  const pool = (mixedCase.length > 0 ? mixedCase : all).filter(([, n]) => n * 10 >= max);
  const words = (f: string) => f.split(/[\s-]+/).length;
  let best = '';
  let count = -1;
  for (const [form, n] of pool.length > 0 ? pool : all) {
    const better =
      best === '' ||
      words(form) > words(best) ||
      (words(form) === words(best) && (n > count || (n === count && (form.length > best.length || (form.length === best.length && form < best)))));
    if (better) {
      best = form;
      count = n;
    }
  }
  return best;
}
