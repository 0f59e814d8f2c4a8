// How far the recogniser's sureness of a name's type can be trusted: on a CoNLL set, the names it found with the
// right edges, bucketed by the margin of their type over the next best (Tagger.typeMargin, as recognizeNames reads
// it), and how often the type is right in each bucket. WEAK_TYPE_MARGIN, below which a name is weak and its type left
// to the corpus, was read off this table on eng.testa while it was held out; a model trained with FINAL=1 has seen
// eng.testa, so its table there is one of training data (nearly every type right), and eng.testb's is shown too.
import type { NameSpan } from '../server/src/core/model';
import { recognizeNames, WEAK_TYPE_MARGIN, type Tagger } from '../server/src/core/recognize/names';
import { ENTITY_TYPE_OF, tagSpans, type TagSpan } from '../server/src/core/recognize/names/tags';
import type { GoldDocument } from '../train/conll';
import { documentText } from './conllPipeline';

const BUCKETS = [0, 50, 100, 200, 400];

export function printTypeMargins(docs: GoldDocument[], tagger: Tagger, label: string): void {
  // Per bucket: spans with gold edges, and of those with the gold type; and the same split at WEAK_TYPE_MARGIN.
  const counts = BUCKETS.map(() => ({ n: 0, right: 0 }));
  const split = { weak: { n: 0, right: 0 }, sure: { n: 0, right: 0 } };
  for (const d of docs) {
    const { text, starts } = documentText(d);
    const gold = new Map<string, number>();
    const spans: TagSpan[] = [];
    for (const s of d.sentences) tagSpans(d.tags, s.first, s.end, spans);
    for (const s of spans) gold.set(`${starts[s.first]}:${starts[s.end - 1] + d.words[s.end - 1].length}`, s.type);
    const margins = new Map<NameSpan, number>();
    for (const name of recognizeNames(tagger, text, margins)) {
      const type = gold.get(`${name.start}:${name.end}`);
      const margin = margins.get(name);
      if (type === undefined || margin === undefined || margin === Infinity) continue;
      const right = ENTITY_TYPE_OF[type] === name.type ? 1 : 0;
      let b = 0;
      while (b + 1 < BUCKETS.length && margin >= BUCKETS[b + 1]) b++;
      counts[b].n++;
      counts[b].right += right;
      const side = name.weak ? split.weak : split.sure;
      side.n++;
      side.right += right;
    }
  }
  console.log(`\ntype margins on ${label} (names with gold edges): how often the type is right`);
  BUCKETS.forEach((lo, b) => {
    const hi = BUCKETS[b + 1];
    const c = counts[b];
    console.log(`  margin ${b === 0 ? `< ${hi}` : hi === undefined ? `>= ${lo}` : `${lo}-${hi}`}`.padEnd(22) + `${String(c.n).padStart(5)} names, ${c.n ? ((100 * c.right) / c.n).toFixed(1) : '-'}% right`);
  });
  const pct = (s: { n: number; right: number }) => (s.n ? ((100 * s.right) / s.n).toFixed(1) : '-');
  console.log(`  weak (margin < ${WEAK_TYPE_MARGIN}): ${split.weak.n} names, ${pct(split.weak)}% right; sure: ${split.sure.n}, ${pct(split.sure)}% right`);
}
