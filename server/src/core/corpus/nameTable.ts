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
      }
      bump(s.docs, uri, sign);
      bump(s.forms, cleanName(m.text), sign);
      s.types[m.type] += sign;
      s.total += sign;
      if (s.total <= 0) {
        this.stats.delete(m.key);
        this.keysVersion++;
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

/** The most frequent spelling; on a tie, the longer, then the alphabetically first (deterministic). */
export function commonestForm(forms: Map<string, number>): string {
  let best = '';
  let count = -1;
  for (const [form, n] of forms) {
    if (n > count || (n === count && (form.length > best.length || (form.length === best.length && form < best)))) {
      best = form;
      count = n;
    }
  }
  return best;
}
