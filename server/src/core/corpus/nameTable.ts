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
  total: number;
}

export class NameTable {
  private readonly stats = new Map<string, NameStats>();
  /** Bumped when a key appears or disappears: the signal that entity clusters need recomputing. */
  keysVersion = 0;
  private created = new Set<string>();
  private deleted = new Set<string>();
  private touched = new Set<string>();

  /** Keys that appeared, disappeared, or changed counts since the last call; null when none did. */
  drainChanges(): { created: Set<string>; deleted: Set<string>; touched: Set<string> } | null {
    if (this.touched.size === 0 && this.created.size === 0 && this.deleted.size === 0) return null;
    const changes = { created: this.created, deleted: this.deleted, touched: this.touched };
    this.created = new Set();
    this.deleted = new Set();
    this.touched = new Set();
    return changes;
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

  add(uri: string, mentions: readonly Mention[]): void {
    this.apply(uri, mentions, 1);
  }

  remove(uri: string, mentions: readonly Mention[]): void {
    this.apply(uri, mentions, -1);
  }

  private apply(uri: string, mentions: readonly Mention[], sign: 1 | -1): void {
    for (const m of mentions) {
      if (m.key === null || !isEntityType(m.type)) continue;
      let s = this.stats.get(m.key);
      if (!s) {
        if (sign < 0) continue;
        s = { key: m.key, docs: new Map(), forms: new Map(), types: { person: 0, organization: 0, location: 0, misc: 0 }, total: 0 };
        this.stats.set(m.key, s);
        this.keysVersion++;
        if (!this.deleted.delete(m.key)) this.created.add(m.key);
      }
      this.touched.add(m.key);
      bump(s.docs, uri, sign);
      bump(s.forms, cleanName(m.text), sign);
      s.types[m.type] += sign;
      s.total += sign;
      if (s.total <= 0) {
        this.stats.delete(m.key);
        this.keysVersion++;
        if (!this.created.delete(m.key)) this.deleted.add(m.key);
      }
    }
  }
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
