// What users get on CoNLL-2003: each test document written as plain text (its tokens joined by spaces, a sentence a
// line, as `article-lens analyze` would read a file), run through the product's whole pipeline (analyzeText with the
// shipped recognisers, then the corpus index over all documents, whose final mentions carry the final type), and
// scored against the gold spans. A final mention whose edges are not token edges counts as a wrong prediction.
// Scored a second way as the product's CoNLL export writes the same mentions (annotations/formats/conll.ts): a token
// takes the label of a mention that covers its start, so `Soviet` in `Soviet-imposed` labels the whole token.
import type { Recognizers } from '../server/src/core/analyze';
import { analyzeText } from '../server/src/core/analyze';
import { CorpusIndex } from '../server/src/core/corpus/index';
import { ENTITY_TYPE_OF, tagSpans, type TagSpan } from '../server/src/core/recognize/names/tags';
import type { GoldDocument } from '../train/conll';
import { SpanScorer } from '../train/score';

export interface PipelineScore {
  scorer: SpanScorer;
  /** The same mentions as token labels the way the CoNLL export writes them. */
  exported: SpanScorer;
  seconds: number;
  /** Predicted names whose edges fall inside a token (counted as wrong). */
  misaligned: number;
  /** Differences from the tagger on gold tokens, by kind, with every example: where the pipeline loses or gains. */
  differences: Map<string, { count: number; examples: string[] }>;
}

/** A document as plain text, and where each token starts. */
export function documentText(d: GoldDocument): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = '';
  for (const s of d.sentences) {
    for (let i = s.first; i < s.end; i++) {
      if (i > s.first) text += ' ';
      starts.push(text.length);
      text += d.words[i];
    }
    text += '\n';
  }
  return { text, starts };
}

const goldSpans = (d: GoldDocument, tags: ArrayLike<number>): TagSpan[] => {
  const out: TagSpan[] = [];
  for (const s of d.sentences) tagSpans(tags, s.first, s.end, out);
  return out;
};

export function scorePipeline(docs: GoldDocument[], recognizers: Recognizers, taggerTags: ArrayLike<number>[]): PipelineScore {
  const scorer = new SpanScorer();
  const exported = new SpanScorer();
  const index = new CorpusIndex();
  const texts = docs.map(documentText);
  const t0 = process.hrtime.bigint();
  docs.forEach((_, i) => {
    const uri = `file:///conll/testb-${String(i).padStart(3, '0')}.txt`;
    index.set(analyzeText(recognizers, uri, 0, texts[i].text, {}), { text: texts[i].text });
  });
  const finals = docs.map((_, i) => index.get(`file:///conll/testb-${String(i).padStart(3, '0')}.txt`)!.mentions);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  let misaligned = 0;
  const differences = new Map<string, { count: number; examples: string[] }>();
  const note = (kind: string, example: string) => {
    const d = differences.get(kind) ?? { count: 0, examples: [] };
    d.count++;
    d.examples.push(example);
    differences.set(kind, d);
  };
  docs.forEach((d, i) => {
    const { text, starts } = texts[i];
    const first = new Map<number, number>();
    const last = new Map<number, number>();
    starts.forEach((s, k) => {
      first.set(s, k);
      last.set(s + d.words[k].length, k + 1);
    });
    const predicted: TagSpan[] = [];
    const asExported: TagSpan[] = [];
    for (const m of finals[i]) {
      const type = ENTITY_TYPE_OF.indexOf(m.type as (typeof ENTITY_TYPE_OF)[number]);
      if (type < 0) continue;
      // The tokens whose start the mention covers (none: the export loses it).
      let k = 0;
      while (k < starts.length && starts[k] < m.start) k++;
      let e = k;
      while (e < starts.length && starts[e] < m.end) e++;
      if (e > k) asExported.push({ first: k, end: e, type });
      const a = first.get(m.start);
      const b = last.get(m.end);
      if (a === undefined || b === undefined) {
        misaligned++;
        predicted.push({ first: -1 - m.start, end: -1 - m.end, type });
        note('edge inside a token', `${text.slice(Math.max(0, m.start - 15), m.start)}[${text.slice(m.start, m.end)}]${text.slice(m.end, m.end + 15)}`.replace(/\n/g, ' / '));
        continue;
      }
      predicted.push({ first: a, end: b, type });
    }
    const gold = goldSpans(d, d.tags);
    scorer.add(gold, predicted);
    exported.add(gold, asExported);
    // Where the pipeline and the tagger on gold tokens part, and which of them the gold set agrees with.
    const key = (s: TagSpan) => `${s.first}:${s.end}:${s.type}`;
    const goldKeys = new Set(gold.map(key));
    const tagger = goldSpans(d, taggerTags[i]);
    const taggerKeys = new Set(tagger.map(key));
    const pipelineKeys = new Set(predicted.map(key));
    const show = (s: TagSpan) => (s.first >= 0 ? `${d.words.slice(s.first, s.end).join(' ')} (${ENTITY_TYPE_OF[s.type]})` : '');
    const byPosition = (spans: TagSpan[], s: TagSpan) => spans.find((o) => o.first < s.end && s.first < o.end);
    for (const s of tagger) {
      if (pipelineKeys.has(key(s)) || !goldKeys.has(key(s))) continue;
      const other = byPosition(predicted, s);
      note(other ? (other.type !== s.type && other.first === s.first && other.end === s.end ? `lost: type changed to ${ENTITY_TYPE_OF[other.type]}` : 'lost: other edges') : 'lost: not found', `${show(s)}${other && other.first >= 0 ? ` -> ${show(other)}` : ''}`);
    }
    for (const s of predicted) {
      if (s.first < 0 || taggerKeys.has(key(s))) continue;
      if (goldKeys.has(key(s))) {
        note('gained', show(s));
        continue;
      }
      // A name the pipeline gives and neither the tagger nor the gold set has: a false positive of the rules.
      const g = byPosition(gold, s);
      note(g ? 'added wrong: gold has other edges or type' : 'added wrong: not a name in gold', `${show(s)}${g ? ` (gold ${show(g)})` : ''}`);
    }
  });
  return { scorer, exported, seconds, misaligned, differences };
}
