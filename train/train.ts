// Trains the name tagger on CoNLL-2003 eng.train, selects each tagger's epoch on eng.testa, and with FINAL=1
// trains it again on eng.train + eng.testa with those epochs; writes models/names.model.
// With FINAL=1 eng.testa is no longer held out: its figures in eval:conll are figures on training data.
// The shipped model is `FINAL=1 MODELS=5 PRUNE=2` (epochs 13,15,12,11,10 selected on eng.testa), trained at commit
// f52d9ee. The casing table and word clusters are read from the unlabelled text through the product's tokenizer,
// which changed after it (06dbe85 and later): the same command at a later commit gives another model.
// Deterministic: a fixed seed orders the sentences, folds are fixed by document index.
//   npx tsx train/train.ts [--out models/names.model]
//   FINAL_EPOCHS=a,b,c (with FINAL=1): skip the selection run;
//   CLUSTER_CACHE=dir: keep the word clusters in dir between runs.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildTokenTable, extractFeatures, FEATURES_PER_TOKEN, type TokenTable } from '../server/src/core/recognize/names/features';
import { Gazetteer } from '../server/src/core/recognize/names/gazetteer';
import { Lexicon } from '../server/src/core/recognize/names/lexicon';
import { encodeModel, quantisePass } from '../server/src/core/recognize/names/modelFile';
import { tagSpans, type TagSpan } from '../server/src/core/recognize/names/tags';
import { memoryRows, type PassWeights } from '../server/src/core/recognize/names/tagger';
import { readConll, type GoldDocument } from './conll';
import { wordClusters, type ClusterOptions } from './clusters';
import { casingTable, placesGazetteer, unlabelledDocuments } from './lexicons';
import { decodeAll, decodeTwoPass, PerceptronPass, random, score, type FeaturedDocument } from './perceptron';

const ROOT = path.join(__dirname, '..');
const DATA = path.join(ROOT, '..', 'shared', 'data', 'conll2003');
const CORPUS = path.join(ROOT, '..', 'shared', 'corpus', 'bbc');
const ROW_BITS = Number(process.env.ROW_BITS ?? 20);
const EPOCHS = Number(process.env.EPOCHS ?? 15);
const FOLDS = 5;
const MODELS = Number(process.env.MODELS ?? 3);
const SEED = Number(process.env.SEED ?? 20240611);
const BYTES = (Number(process.env.BYTES ?? 1) === 2 ? 2 : 1) as 1 | 2;
const TWO_PASS = (process.env.PASSES ?? '2') === '2';
const FOLD_EPOCHS = 10;
const MEMORY_RATE = Number(process.env.MEMORY_RATE ?? 0.5);
// Rows of the quantised table whose weights are all within +-PRUNE are dropped (see quantisePass).
const PRUNE = Number(process.env.PRUNE ?? 0);
const FINAL = (process.env.FINAL ?? '0') === '1';
const FINAL_EPOCHS = process.env.FINAL_EPOCHS ? process.env.FINAL_EPOCHS.split(',').map(Number) : null;
const MASK = (1 << ROW_BITS) - 1;
// Word clusterings, coarse to fine (train/clusters.ts), over words seen CLUSTER_MIN times or more.
const CLUSTER_SIZES = (process.env.CLUSTERS ?? '64,256,1000').split(',').map(Number);
const CLUSTER_MIN = Number(process.env.CLUSTER_MIN ?? 3);
const outIndex = process.argv.indexOf('--out');
const OUT = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : path.join(ROOT, 'models', 'names.model');

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function gazetteerOf(docs: GoldDocument[]): Gazetteer {
  const g = new Gazetteer();
  for (const d of docs) {
    const spans: TagSpan[] = [];
    for (const s of d.sentences) tagSpans(d.tags, s.first, s.end, spans);
    for (const span of spans) g.add(d.words.slice(span.first, span.end), span.type);
  }
  return g;
}

/** Lower-case first words of the person names in the training data. */
function personFirstWords(docs: GoldDocument[]): Set<string> {
  const out = new Set<string>();
  for (const d of docs) {
    const spans: TagSpan[] = [];
    for (const s of d.sentences) tagSpans(d.tags, s.first, s.end, spans);
    for (const span of spans) if (span.type === 0 && span.end - span.first >= 2) out.add(d.words[span.first].toLowerCase());
  }
  return out;
}

function averageWeights(runs: PassWeights[]): PassWeights {
  const avg = (pick: (w: PassWeights) => ArrayLike<number>) => {
    const out = new Float64Array(pick(runs[0]).length);
    for (const r of runs) {
      const a = pick(r);
      for (let i = 0; i < out.length; i++) out[i] += a[i] / runs.length;
    }
    return out;
  };
  return { emission: avg((w) => w.emission), transition: avg((w) => w.transition), start: avg((w) => w.start) };
}

function featured(doc: GoldDocument, table: TokenTable, lexicon: Lexicon): FeaturedDocument {
  const n = doc.words.length;
  const features = new Int32Array(n * FEATURES_PER_TOKEN);
  extractFeatures(table, lexicon, doc.sentences, MASK, features, true);
  return { features, gold: doc.tags, sentences: doc.sentences, n, memoryRows: null };
}

/**
 * Trains for up to EPOCHS epochs (or exactly `fixedEpochs` without dev data); returns the averaged
 * weights of the epoch that scores best on dev (with document memory when `devTables` are given).
 */
function trainPass(name: string, train: FeaturedDocument[], dev: FeaturedDocument[] | null, devTables: TokenTable[] | null, lexicon: Lexicon, fixedEpochs: number, seed: number, memoryRate: number): { weights: PassWeights; epochs: number; f1: number } {
  const p = new PerceptronPass(ROW_BITS);
  const rng = random(seed);
  let best: { weights: PassWeights; epochs: number; f1: number } | null = null;
  const epochs = dev ? EPOCHS : fixedEpochs;
  for (let e = 1; e <= epochs; e++) {
    const t0 = Date.now();
    p.epoch(train, rng, memoryRate);
    if (!dev) continue;
    const weights = p.averaged();
    const f1one = score(dev, decodeAll(weights, dev)).micro().f1;
    const f1 = devTables ? score(dev, decodeTwoPass(weights, dev, devTables, lexicon, MASK)).micro().f1 : f1one;
    log(`${name} epoch ${e}: dev F1 ${f1.toFixed(2)}${devTables ? ` (first pass alone ${f1one.toFixed(2)})` : ''} (${Date.now() - t0} ms)`);
    if (!best || f1 > best.f1) best = { weights, epochs: e, f1 };
  }
  return best ?? { weights: p.averaged(), epochs, f1: NaN };
}

/**
 * The word clusters; with CLUSTER_CACHE=dir, read from (or written to) a file there named by the options, so that
 * experiments on the tagger skip the minutes the clusters take. The clusters are deterministic: the file holds
 * what the computation gives.
 */
function cachedClusters(docs: Parameters<typeof wordClusters>[0], options: ClusterOptions): Map<number, number> {
  const dir = process.env.CLUSTER_CACHE;
  if (!dir) return wordClusters(docs, options, log);
  const file = path.join(dir, `clusters-${options.sizes.join('-')}-${options.minCount}-${options.contexts}-${options.passes}.json`);
  if (existsSync(file)) {
    log(`word clusters from ${file}`);
    return new Map(JSON.parse(readFileSync(file, 'utf8')) as [number, number][]);
  }
  const clusters = wordClusters(docs, options, log);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify([...clusters]));
  return clusters;
}

interface Fitted {
  weights: PassWeights;
  gazetteer: Gazetteer;
  places: Gazetteer;
  /** Each tagger's epochs: selected on dev, or as given. */
  epochs: number[];
}

/**
 * Trains MODELS taggers on `train` and averages them. With `dev`, each stops at its best epoch on dev; with
 * `epochs` instead, each trains for its given number of epochs.
 */
function fit(train: GoldDocument[], dev: GoldDocument[] | null, epochs: number[] | null, lexicon: Lexicon): Fitted {
  const fold = (i: number) => i % FOLDS;
  // Cross-fitted gazetteers: a training document sees only names from the other folds.
  const foldGazetteers = Array.from({ length: FOLDS }, (_, k) => gazetteerOf(train.filter((_, i) => fold(i) !== k)));
  const gazetteer = gazetteerOf(train);
  const places = placesGazetteer(personFirstWords(train));
  log(`place names: ${places.entries} entries`);
  const table = (d: GoldDocument, g: Gazetteer) => buildTokenTable({ ids: lexicon.idsOf(d.words), sentences: d.sentences }, lexicon, g, places.gazetteer);
  const trainTables = train.map((d, i) => table(d, foldGazetteers[fold(i)]));
  const trainSet = train.map((d, i) => featured(d, trainTables[i], lexicon));
  const devTables = dev ? dev.map((d) => table(d, gazetteer)) : null;
  const devSet = dev && devTables ? dev.map((d, i) => featured(d, devTables[i], lexicon)) : null;

  if (TWO_PASS) {
    // Document memory for a training document comes from a first-pass model that never saw it.
    for (let k = 0; k < FOLDS; k++) {
      const inFold = trainSet.map((_, i) => i).filter((i) => fold(i) === k);
      const model = trainPass(`fold ${k}`, trainSet.filter((_, i) => fold(i) !== k), null, null, lexicon, FOLD_EPOCHS, SEED + k + 1, 0);
      const tags = decodeAll(model.weights, inFold.map((i) => trainSet[i]));
      inFold.forEach((i, j) => {
        trainSet[i].memoryRows = memoryRows(trainTables[i], lexicon, tags[j], train[i].sentences, MASK);
      });
      log(`fold ${k}: first pass trained and applied`);
    }
  }
  // Several taggers trained on different sentence orders, each stopped at its best dev epoch (or its given
  // epochs); their weights are averaged (a bagging-like ensemble that costs nothing at recognition time).
  const runs: PassWeights[] = [];
  const used: number[] = [];
  for (let m = 0; m < MODELS; m++) {
    const fixed = epochs ? epochs[m % epochs.length] : 0;
    const best = trainPass(`tagger ${m}`, trainSet, devSet, TWO_PASS ? devTables : null, lexicon, fixed, SEED + 100 * m, TWO_PASS ? MEMORY_RATE : 0);
    log(devSet ? `tagger ${m}: best dev F1 ${best.f1.toFixed(2)} after ${best.epochs} epochs` : `tagger ${m}: ${best.epochs} epochs`);
    runs.push(best.weights);
    used.push(best.epochs);
  }
  const weights = averageWeights(runs);
  if (MODELS > 1 && devSet && devTables) {
    const f1 = (TWO_PASS ? score(devSet, decodeTwoPass(weights, devSet, devTables, lexicon, MASK)) : score(devSet, decodeAll(weights, devSet))).micro().f1;
    log(`averaged ${MODELS} taggers: dev F1 ${f1.toFixed(2)}`);
  }
  return { weights, gazetteer, places: places.gazetteer, epochs: used };
}

function main(): void {
  const t0 = Date.now();
  const train = readConll(path.join(DATA, 'eng.train'));
  const dev = readConll(path.join(DATA, 'eng.testa'));
  log(`read ${train.length} training and ${dev.length} development documents`);
  // Unlabelled text: the words of eng.train without their labels, and the BBC corpus (the same for both runs).
  const unlabelled = [...train, ...unlabelledDocuments(CORPUS)];
  const casing = casingTable(unlabelled);
  log(`casing table: ${casing.size} words`);
  const clusters = cachedClusters(unlabelled, { sizes: CLUSTER_SIZES, minCount: CLUSTER_MIN, contexts: 10000, passes: Number(process.env.CLUSTER_PASSES ?? 10) });
  const lexicon = new Lexicon(MASK, casing, clusters);
  let fitted: Fitted | null = null;
  if (!(FINAL && FINAL_EPOCHS)) fitted = fit(train, dev, null, lexicon);
  if (FINAL) {
    // The shipped model: the selected settings, trained on eng.train and eng.testa together.
    const epochs = FINAL_EPOCHS ?? (fitted as Fitted).epochs;
    log(`final model on eng.train + eng.testa, epochs ${epochs.join(',')}`);
    fitted = fit([...train, ...dev], null, epochs, lexicon);
  }
  const { weights, gazetteer, places } = fitted as Fitted;
  const model = encodeModel(ROW_BITS, quantisePass(weights, BYTES, PRUNE), TWO_PASS, gazetteer, places, casing, clusters);
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, model);
  log(`wrote ${OUT} (${(model.length / 1e6).toFixed(2)} MB) in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

main();
