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
  /**
   * Optional: takes `groups` as the answer for `table` as it is now (groups persisted with a table of the same
   * fingerprint), so that later changes can be resolved from it.
   */
  adopt?(table: NameTable, groups: ReadonlyMap<string, string>): void;
  /**
   * Optional: after a resolution, the keys whose group it may have changed (every key changed in the table
   * since the one before, decided keys included, and the keys they reach); null when it resolved the whole table.
   * Every key of a group this set meets, before or after the change, is in it.
   */
  readonly touched?: ReadonlySet<string> | null;
}

/** Every distinct key is its own entity. */
export const exactKeyResolver: EntityResolver = {
  resolve(table) {
    const out = new Map<string, string>();
    for (const key of table.keys()) out.set(key, key);
    return out;
  },
};
