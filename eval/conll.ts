// Scores the name tagger with the conlleval definition (exact span and type) on CoNLL-2003 eng.testb
// (and eng.testa: the development set the epochs are selected on, and training data too for a model trained with
// FINAL=1, as the shipped one is), side by side with the `compromise` library,
// then on our own annotated articles in eval/names/.   npm run eval:conll [-- --model path] [--quick]
// --quick: gold tokens and the pipeline on testa and testb, and the BBC set; no compromise baseline, no own set.
// --losses: every example of where the pipeline parts from the tagger, not the first 8 of each kind.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import nlp from 'compromise';
import { parseFixture } from '../test/fixture';
import { decodeModel, recognizeNames, Tagger } from '../server/src/core/recognize/names';
import { ENTITY_TYPE_OF } from '../server/src/core/recognize/names/tags';
import { nameModelPath } from '../server/src/node/nameModel';
import { readConll, type GoldDocument } from '../train/conll';
import { loadRecognizers } from '../server/src/node/recognizers';
import { documentText, scorePipeline } from './conllPipeline';
import { printTypeMargins } from './typeMargins';
import { printNews, scoreNews } from './news';
import { prf, SpanScorer } from '../train/score';

const ROOT = path.join(__dirname, '..');
const DATA = path.join(ROOT, '..', 'shared', 'data', 'conll2003');

const pct = (v: number) => v.toFixed(2).padStart(6);

function table(title: string, scorer: SpanScorer, types: number[]): void {
  console.log(`\n${title}`);
  console.log('type        P       R      F1   gold');
  for (const t of types) {
    const c = scorer.counts[t];
    const s = prf(c.gold, c.predicted, c.correct);
    console.log(`${c.type.padEnd(6)} ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}  ${String(c.gold).padStart(5)}`);
  }
  const m = scorer.micro(types);
  console.log(`${'micro'.padEnd(6)} ${pct(m.precision)}  ${pct(m.recall)}  ${pct(m.f1)}`);
}

function scoreTagger(docs: GoldDocument[], tagger: Tagger): { scorer: SpanScorer; seconds: number; tokens: number; predicted: Uint8Array[] } {
  const scorer = new SpanScorer();
  let tokens = 0;
  const t0 = process.hrtime.bigint();
  const predicted = docs.map((d) => tagger.tag(d).tags);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  docs.forEach((d, i) => {
    tokens += d.words.length;
    scorer.addTags(d.tags, predicted[i], d.sentences);
  });
  return { scorer, seconds, tokens, predicted: predicted as Uint8Array[] };
}

/** compromise over each document's words joined by spaces, one sentence a line; its spans mapped back to tokens. */
function scoreCompromise(docs: GoldDocument[]): { scorer: SpanScorer; seconds: number } {
  const scorer = new SpanScorer();
  let seconds = 0;
  for (const d of docs) {
    const { text, starts } = documentText(d);
    const tokenAt = new Map<number, number>();
    starts.forEach((s, i) => tokenAt.set(s, i));
    const ends = new Map<number, number>();
    starts.forEach((s, i) => ends.set(s + d.words[i].length, i + 1));
    const t0 = process.hrtime.bigint();
    const doc = nlp(text);
    const found: { first: number; end: number; type: number }[] = [];
    const groups: [number, unknown][] = [[0, doc.people().out('offset')], [1, doc.organizations().out('offset')], [2, doc.places().out('offset')]];
    for (const [type, matches] of groups) {
      for (const m of matches as { offset: { start: number; length: number } }[]) {
        let start = m.offset.start;
        let end = start + m.offset.length;
        while (end > start && /[\s.,;:'"!?)]/.test(text[end - 1])) end--;
        while (start < end && /[\s"'(]/.test(text[start])) start++;
        const first = tokenAt.get(start);
        const last = ends.get(end);
        if (first !== undefined && last !== undefined && last > first) found.push({ first, end: last, type });
      }
    }
    seconds += Number(process.hrtime.bigint() - t0) / 1e9;
    const gold: { first: number; end: number; type: number }[] = [];
    const spans: { first: number; end: number; type: number }[] = [];
    for (const s of d.sentences) {
      let open = -1;
      for (let i = s.first; i <= s.end; i++) {
        const tag = i < s.end ? d.tags[i] : 0;
        if (open >= 0 && (tag === 0 || tag % 2 === 1)) {
          spans.push({ first: open, end: i, type: (d.tags[open] - 1) >> 1 });
          open = -1;
        }
        if (tag !== 0 && open < 0) open = i;
      }
    }
    for (const s of spans) if (s.type < 3) gold.push(s);
    scorer.add(gold, found);
  }
  return { scorer, seconds };
}

function scoreOwnSet(tagger: Tagger): void {
  const dir = path.join(ROOT, 'eval', 'names');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const scorer = new SpanScorer();
  const misses: string[] = [];
  for (const file of files) {
    const fixture = parseFixture(readFileSync(path.join(dir, file), 'utf8'));
    const predicted = recognizeNames(tagger, fixture.text);
    const typeIndex = (t: string) => ENTITY_TYPE_OF.indexOf(t as (typeof ENTITY_TYPE_OF)[number]);
    const gold = fixture.mentions.map((m) => ({ first: m.start, end: m.end, type: typeIndex(m.type) }));
    const found = predicted.map((m) => ({ first: m.start, end: m.end, type: typeIndex(m.type) }));
    scorer.add(gold, found);
    const key = (s: { first: number; end: number; type: number }) => `${s.first}:${s.end}:${s.type}`;
    const goldKeys = new Set(gold.map(key));
    const foundKeys = new Set(found.map(key));
    for (const g of gold) if (!foundKeys.has(key(g))) misses.push(`${file}: missed ${fixture.text.slice(g.first, g.end)} (${ENTITY_TYPE_OF[g.type]})`);
    for (const f of found) if (!goldKeys.has(key(f))) misses.push(`${file}: spurious ${fixture.text.slice(f.first, f.end)} (${ENTITY_TYPE_OF[f.type]})`);
  }
  table(`Our annotated articles (eval/names, ${files.length} files)`, scorer, [0, 1, 2, 3]);
  if (misses.length) console.log(`\nDisagreements:\n  ${misses.join('\n  ')}`);
}

function main(): void {
  const modelIndex = process.argv.indexOf('--model');
  const modelPath = modelIndex > 0 ? path.resolve(process.argv[modelIndex + 1]) : nameModelPath();
  const decoded = decodeModel(new Uint8Array(readFileSync(modelPath)));
  if (!decoded.weights) throw new Error(decoded.problem ?? 'bad model');
  const weights = decoded.weights;
  console.log(`model ${path.relative(ROOT, modelPath)}: ${weights.twoPass ? 'two passes' : 'one pass'}, 2^${weights.rowBits} rows`);
  const testa = readConll(path.join(DATA, 'eng.testa'));
  const testb = readConll(path.join(DATA, 'eng.testb'));
  const tagger = new Tagger(weights);
  const dev = scoreTagger(testa, tagger);
  const seen = 'eng.testa (selection set, and training data of the shipped model: FINAL=1)';
  console.log(`${seen}: micro F1 ${dev.scorer.micro().f1.toFixed(2)}`);
  const devPipeline = scorePipeline(testa, loadRecognizers(), dev.predicted);
  console.log(`${seen} as plain text through the product pipeline: micro F1 ${devPipeline.scorer.micro().f1.toFixed(2)} (PER ${devPipeline.scorer.micro([0]).f1.toFixed(2)}, ORG ${devPipeline.scorer.micro([1]).f1.toFixed(2)}, LOC ${devPipeline.scorer.micro([2]).f1.toFixed(2)}, MISC ${devPipeline.scorer.micro([3]).f1.toFixed(2)})`);
  printTypeMargins(testa, tagger, 'eng.testa (training data of a FINAL=1 model)');
  const test = scoreTagger(testb, tagger);
  printTypeMargins(testb, tagger, 'eng.testb (held out; for information, WEAK_TYPE_MARGIN is not chosen on it)');
  table('eng.testb, Article Lens tagger (4 types)', test.scorer, [0, 1, 2, 3]);
  console.log(`speed: ${Math.round(test.tokens / test.seconds).toLocaleString('en')} tokens/s (tokenised input, ${test.tokens} tokens in ${test.seconds.toFixed(2)} s)`);
  // What users get: the same documents as plain text through the whole product pipeline.
  const pipeline = scorePipeline(testb, loadRecognizers(), test.predicted);
  table('eng.testb as plain text through the product pipeline (analyzeText, corpus index, final mentions)', pipeline.scorer, [0, 1, 2, 3]);
  const f1 = (sc: SpanScorer, t?: number) => (t === undefined ? sc.micro().f1 : sc.micro([t]).f1);
  console.log('\nside by side, F1     gold tokens  pipeline    gap');
  for (const [label, t] of [['PER', 0], ['ORG', 1], ['LOC', 2], ['MISC', 3], ['micro', undefined]] as const) {
    console.log(`${label.padEnd(20)} ${pct(f1(test.scorer, t))}      ${pct(f1(pipeline.scorer, t))}  ${pct(f1(test.scorer, t) - f1(pipeline.scorer, t))}`);
  }
  console.log(`pipeline: ${pipeline.seconds.toFixed(1)} s for ${testb.length} documents; ${pipeline.misaligned} names with an edge inside a token`);
  const ex = pipeline.exported;
  console.log(`the same mentions as the product's CoNLL export labels tokens (a token takes a mention covering its start): micro F1 ${ex.micro().f1.toFixed(2)} (PER ${ex.micro([0]).f1.toFixed(2)}, ORG ${ex.micro([1]).f1.toFixed(2)}, LOC ${ex.micro([2]).f1.toFixed(2)}, MISC ${ex.micro([3]).f1.toFixed(2)})`);
  console.log('where the pipeline parts from the tagger on gold tokens (only spans the gold set holds):');
  const all = process.argv.includes('--losses');
  for (const [kind, d] of [...pipeline.differences].sort((a, b) => b[1].count - a[1].count)) {
    if (all) console.log(`  ${kind}: ${d.count}\n    ${d.examples.join('\n    ')}`);
    else console.log(`  ${kind}: ${d.count}${d.examples.length ? `, e.g. ${d.examples.slice(0, 8).join('; ')}` : ''}`);
  }
  if (process.argv.includes('--quick')) {
    printNews(scoreNews());
    return;
  }
  const baseline = scoreCompromise(testb);
  table('eng.testb, compromise baseline (PER/ORG/LOC only)', baseline.scorer, [0, 1, 2]);
  const ours3 = test.scorer.micro([0, 1, 2]);
  console.log(`\nside by side on PER/ORG/LOC: Article Lens F1 ${ours3.f1.toFixed(2)} vs compromise F1 ${baseline.scorer.micro([0, 1, 2]).f1.toFixed(2)}; compromise speed ${Math.round(test.tokens / baseline.seconds).toLocaleString('en')} tokens/s`);
  scoreOwnSet(tagger);
  // Real news annotated to our guidelines (eval/news), through the same pipeline users get.
  printNews(scoreNews());
}

main();
