// Corpus-level alias resolution: which name keys denote one real-world entity.
// The resolver sees only the name table (never article text) and returns a cluster for each key. There is one
// resolution, run over the whole table whenever it changes: no incremental shortcut with rules of its own.
import type { NameTable } from '../corpus/nameTable';

export interface EntityResolver {
  /**
   * Maps every plain key of the table (not the keys of decided mentions, see annotations/apply.ts) to the key
   * that represents its entity (a key may map to itself). A pure function of the table.
   */
  resolve(table: NameTable): Map<string, string>;
  /**
   * Optional: index up to `limit` of the table's keys not yet indexed, ahead of a resolution. Returns true when
   * every key is indexed. Changes no answer.
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
};
