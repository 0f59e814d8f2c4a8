// What the code lens above an article says: how many entities it mentions and how many other articles share them,
// the related articles ranked by what they share weighted by rarity: sharing a minister named in five articles
// says more than sharing a country named in half the corpus.
import type { CorpusIndex, IndexedDocument } from '../corpus/index';
import { titleOf } from './locations';

export interface ArticleSummary {
  entities: number;
  /** Other articles sharing at least one entity, the rarest shared entities first (an inverse document frequency sum). */
  related: { uri: string; title: string; shared: number }[];
}

export function articleSummary(index: CorpusIndex, doc: IndexedDocument): ArticleSummary {
  const ids = new Set<string>();
  for (const m of doc.mentions) if (m.entity !== null) ids.add(m.entity);
  const shared = new Map<string, { n: number; weight: number }>();
  const articles = Math.max(1, index.size);
  for (const id of ids) {
    const documents = index.entity(id)!.documents;
    const weight = Math.log(articles / documents.size) + 1e-6;
    for (const uri of documents.keys()) {
      if (uri === doc.uri) continue;
      const s = shared.get(uri);
      if (s) {
        s.n++;
        s.weight += weight;
      } else shared.set(uri, { n: 1, weight });
    }
  }
  const related = [...shared]
    .sort((a, b) => b[1].weight - a[1].weight || b[1].n - a[1].n || index.compareUris(a[0], b[0]))
    .map(([uri, s]) => ({ uri, title: titleOf(index, index.get(uri)!), shared: s.n }));
  return { entities: ids.size, related };
}
