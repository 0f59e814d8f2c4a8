// Helpers over an export corpus that every caller needs the same way: the entity table, and the
// `--only-confirmed` selection.
import type { ExportCorpus, ExportEntity } from './types';

export type EntityTable = ReadonlyMap<string, ExportEntity>;

export function entityTable(entities: readonly ExportEntity[]): EntityTable {
  return new Map(entities.map((e) => [e.id, e]));
}

/**
 * Only what the user decided: the confirmed mentions, the documents that have at least one (a document without a
 * decision would teach a trained model that all its names are nothing), and the entities that are confirmed or
 * named by a confirmed mention. A confirmed document may still hold names nobody confirmed; they are left out.
 */
export function onlyConfirmed(corpus: ExportCorpus): ExportCorpus {
  const documents = [];
  const named = new Set<string>();
  for (const doc of corpus.documents) {
    const mentions = doc.mentions.filter((m) => m.confirmed);
    if (mentions.length === 0) continue;
    for (const m of mentions) if (m.entity !== null) named.add(m.entity);
    documents.push({ ...doc, mentions });
  }
  return { documents, entities: corpus.entities.filter((e) => e.confirmed || named.has(e.id)) };
}
