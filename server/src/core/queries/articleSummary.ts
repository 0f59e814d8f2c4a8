// What the code lens above an article says: how many entities it mentions and how many other articles share them.
import type { CorpusIndex, IndexedDocument } from '../corpus/index';
import { titleOf } from './locations';

export interface ArticleSummary {
  entities: number;
  /** Other articles sharing at least one entity, most shared entities first. */
  related: { uri: string; title: string; shared: number }[];
}

export function articleSummary(index: CorpusIndex, doc: IndexedDocument): ArticleSummary {
  const ids = new Set<string>();
  for (const m of doc.mentions) if (m.entity !== null) ids.add(m.entity);
  const shared = new Map<string, number>();
  for (const id of ids) {
    for (const uri of index.entity(id)!.documents.keys()) if (uri !== doc.uri) shared.set(uri, (shared.get(uri) ?? 0) + 1);
  }
  const related = [...shared]
    .sort((a, b) => b[1] - a[1] || index.compareUris(a[0], b[0]))
    .map(([uri, n]) => ({ uri, title: titleOf(index.get(uri)!), shared: n }));
  return { entities: ids.size, related };
}
