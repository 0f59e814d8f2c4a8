// Corpus-level alias resolution: which name keys denote one real-world entity.
// The resolver sees only the name table (never article text) and returns a cluster for each key.
import type { NameTable } from '../corpus/nameTable';

export interface EntityResolver {
  /** Maps every key of the table to the key that represents its entity (a key may map to itself). */
  resolve(table: NameTable): Map<string, string>;
  /**
   * Incremental step for one new key: an existing key whose entity it joins, or undefined to stand alone.
   * `entityOf` tells the current entity of a key. Cheaper than `resolve`, and may miss merges that a full
   * resolution would make (for example, earlier keys that should now join the new one).
   */
  attach(table: NameTable, key: string, entityOf: (key: string) => string | undefined): string | undefined;
  /** Forgets a key that left the table. */
  forget(key: string): void;
  /**
   * Optional: index up to `limit` of the table's keys not yet indexed, ahead of a full resolution or of the first
   * incremental step after clusters were restored from a cache. Returns true when every key is indexed.
   */
  prepare?(table: NameTable, limit?: number): boolean;
}

/** Every distinct key is its own entity. */
export const exactKeyResolver: EntityResolver = {
  resolve(table) {
    const out = new Map<string, string>();
    for (const key of table.keys()) out.set(key, key);
    return out;
  },
  attach: () => undefined,
  forget: () => undefined,
};
