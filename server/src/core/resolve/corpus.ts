// Corpus-level alias resolution: which name keys denote one real-world entity.
// The resolver sees only the name table (never article text) and returns a cluster for each key.
import type { NameTable } from '../corpus/nameTable';

export interface EntityResolver {
  /** Maps every key of the table to the key that represents its entity (a key may map to itself). */
  resolve(table: NameTable): Map<string, string>;
}

/** Every distinct key is its own entity. */
export const exactKeyResolver: EntityResolver = {
  resolve(table) {
    const out = new Map<string, string>();
    for (const key of table.keys()) out.set(key, key);
    return out;
  },
};
