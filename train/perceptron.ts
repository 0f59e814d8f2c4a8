// Structured averaged perceptron over hashed features with exact Viterbi decoding.
import { FEATURES_PER_TOKEN, MEMORY_SLOT, SEQUENCE_SLOT, STATIC_FEATURES } from '../server/src/core/recognize/names/features';
import { computeEmissions, constrain, memoryRows, viterbi, type PassWeights } from '../server/src/core/recognize/names/tagger';
import type { TokenTable } from '../server/src/core/recognize/names/features';
import type { Lexicon } from '../server/src/core/recognize/names/lexicon';
import { TAG_COUNT } from '../server/src/core/recognize/names/tags';
import { SpanScorer } from './score';

/** A document ready for training or scoring: features computed, gold tags known. */
export interface FeaturedDocument {
  features: Int32Array;
  gold: Uint8Array;
  sentences: { first: number; end: number }[];
  n: number;
  /** Per token, the rows of the two memory features from a first pass that never saw the document; null if none. */
  memoryRows: { memory: Int32Array; sequence: Int32Array } | null;
}

/** Deterministic pseudo-random numbers (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class PerceptronPass {
  readonly w: Float64Array;
  readonly acc: Float64Array;
  readonly tw = new Float64Array(TAG_COUNT * TAG_COUNT);
  readonly tacc = new Float64Array(TAG_COUNT * TAG_COUNT);
  readonly sw = new Float64Array(TAG_COUNT);
  readonly sacc = new Float64Array(TAG_COUNT);
  c = 1;

  constructor(readonly rowBits: number) {
    this.w = new Float64Array((1 << rowBits) * TAG_COUNT);
    this.acc = new Float64Array((1 << rowBits) * TAG_COUNT);
  }

  /**
   * One epoch over the sentences in a seeded random order. Where a document has memory rows, each
   * sentence uses them with probability `memoryRate`, otherwise the ABSENT row, so that one table
   * serves both the first pass (no memory yet) and the second.
   */
  epoch(docs: FeaturedDocument[], rng: () => number, memoryRate = 0): void {
    const order: [number, number][] = [];
    docs.forEach((d, di) => d.sentences.forEach((_, si) => order.push([di, si])));
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const K = FEATURES_PER_TOKEN;
    let emissions = new Float64Array(256 * TAG_COUNT);
    const scratch = { score: new Float64Array(256 * TAG_COUNT), back: new Uint8Array(256 * TAG_COUNT) };
    let predicted = new Uint8Array(256);
    for (const [di, si] of order) {
      const doc = docs[di];
      const s = doc.sentences[si];
      const len = s.end - s.first;
      if (emissions.length < len * TAG_COUNT) {
        emissions = new Float64Array(len * TAG_COUNT * 2);
        predicted = new Uint8Array(len * 2);
      }
      // Work in sentence-local coordinates: a view of the sentence's features.
      const features = doc.features.subarray(s.first * K, s.end * K);
      const saved = doc.memoryRows && rng() < memoryRate ? swapMemory(features, doc.memoryRows, s.first, len) : null;
      computeEmissions(features, 0, len, this.w, emissions, K);
      const { transition, start } = constrain(this.tw, this.sw);
      viterbi(emissions, 0, len, transition, start, predicted, scratch);
      const c = this.c;
      for (let i = 0; i < len; i++) {
        const g = doc.gold[s.first + i];
        const p = predicted[i];
        if (g !== p) {
          for (let k = 0; k < K; k++) {
            const r = features[i * K + k] * TAG_COUNT;
            if (r === 0) continue;
            this.w[r + g] += 1;
            this.acc[r + g] += c;
            this.w[r + p] -= 1;
            this.acc[r + p] -= c;
          }
        }
        const pg = i === 0 ? -1 : doc.gold[s.first + i - 1];
        const pp = i === 0 ? -1 : predicted[i - 1];
        if (g !== p || pg !== pp) {
          if (pg < 0) {
            this.sw[g] += 1;
            this.sacc[g] += c;
            this.sw[p] -= 1;
            this.sacc[p] -= c;
          } else {
            this.tw[pg * TAG_COUNT + g] += 1;
            this.tacc[pg * TAG_COUNT + g] += c;
            this.tw[pp * TAG_COUNT + p] -= 1;
            this.tacc[pp * TAG_COUNT + p] -= c;
          }
        }
      }
      if (saved) swapMemory(features, saved, 0, len);
      this.c++;
    }
  }

  averaged(): PassWeights {
    const c = this.c;
    const avg = (w: Float64Array, acc: Float64Array) => {
      const out = new Float64Array(w.length);
      for (let i = 0; i < w.length; i++) out[i] = w[i] - acc[i] / c;
      return out;
    };
    return { emission: avg(this.w, this.acc), transition: avg(this.tw, this.tacc), start: avg(this.sw, this.sacc) };
  }
}

const M = STATIC_FEATURES + MEMORY_SLOT;
const Q = STATIC_FEATURES + SEQUENCE_SLOT;

/** Puts rows[from..from+len) in the memory slots of `features`; returns the rows that were there. */
function swapMemory(features: Int32Array, rows: { memory: Int32Array; sequence: Int32Array }, from: number, len: number): { memory: Int32Array; sequence: Int32Array } {
  const K = FEATURES_PER_TOKEN;
  const old = { memory: new Int32Array(len), sequence: new Int32Array(len) };
  for (let i = 0; i < len; i++) {
    old.memory[i] = features[i * K + M];
    features[i * K + M] = rows.memory[from + i];
    old.sequence[i] = features[i * K + Q];
    features[i * K + Q] = rows.sequence[from + i];
  }
  return old;
}

/** Tags every document with the given weights, twice with document memory when tables are given. */
export function decodeTwoPass(weights: PassWeights, docs: FeaturedDocument[], tables: TokenTable[], lexicon: Lexicon, mask: number): Uint8Array[] {
  const first = decodeAll(weights, docs);
  const { transition, start } = constrain(weights.transition, weights.start);
  const scratch = { score: new Float64Array(256 * TAG_COUNT), back: new Uint8Array(256 * TAG_COUNT) };
  return docs.map((d, di) => {
    const emissions = new Float64Array(d.n * TAG_COUNT);
    const saved = swapMemory(d.features, memoryRows(tables[di], lexicon, first[di], d.sentences, mask), 0, d.n);
    computeEmissions(d.features, 0, d.n, weights.emission, emissions, FEATURES_PER_TOKEN);
    swapMemory(d.features, saved, 0, d.n);
    const tags = new Uint8Array(d.n);
    for (const s of d.sentences) viterbi(emissions, s.first, s.end, transition, start, tags, scratch);
    return tags;
  });
}

/** Tags every document with the given weights. */
export function decodeAll(weights: PassWeights, docs: FeaturedDocument[]): Uint8Array[] {
  const { transition, start } = constrain(weights.transition, weights.start);
  const scratch = { score: new Float64Array(256 * TAG_COUNT), back: new Uint8Array(256 * TAG_COUNT) };
  return docs.map((d) => {
    const emissions = new Float64Array(d.n * TAG_COUNT);
    computeEmissions(d.features, 0, d.n, weights.emission, emissions, FEATURES_PER_TOKEN);
    const tags = new Uint8Array(d.n);
    for (const s of d.sentences) viterbi(emissions, s.first, s.end, transition, start, tags, scratch);
    return tags;
  });
}

export function score(docs: FeaturedDocument[], predicted: Uint8Array[]): SpanScorer {
  const scorer = new SpanScorer();
  docs.forEach((d, i) => scorer.addTags(d.gold, predicted[i], d.sentences));
  return scorer;
}

