// The sequence tagger: emission scores from hashed features, exact first-order Viterbi decoding,
// and a second pass that adds what the first pass found for the same word elsewhere in the document.
import { extractFeatures, buildTokenTable, memoryRow as importedMemoryRow, FEATURES_PER_TOKEN, MEMORY_SLOT, type TaggerDocument, type TaggerSentence, type TokenTable } from './features';
import type { Gazetteer } from './gazetteer';
import { allowed } from './tags';

// Plain constants for the hot loops (imported names are getters under the CommonJS interop of tsx).
const TAG_COUNT = 9;
const memoryRow = importedMemoryRow;
const LOWER = 0;
const DIGIT = 4;
const OTHER = 5;
const typeOfTag = (tag: number) => (tag === 0 ? -1 : (tag - 1) >> 1);

/** Weights of one pass: an emission row of TAG_COUNT per hash bucket, a transition table and start scores. */
export interface PassWeights {
  /** rows * TAG_COUNT, any numeric typed array (float while training, int8/int16 in the model file). */
  emission: ArrayLike<number>;
  /** previous * TAG_COUNT + tag. */
  transition: Float32Array | Float64Array;
  start: Float32Array | Float64Array;
}

export interface TaggerWeights {
  rowBits: number;
  gazetteer: Gazetteer;
  first: PassWeights;
  /** Whether to decode a second time with document memory. */
  twoPass: boolean;
}

const NEG = -1e30;

/** Emission scores of tokens [from, to): TAG_COUNT per token, at the token's index in `out`. */
export function computeEmissions(features: Int32Array, from: number, to: number, emission: ArrayLike<number>, out: Float64Array): void {
  const K = FEATURES_PER_TOKEN;
  for (let i = from; i < to; i++) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
    const base = i * K;
    for (let k = 0; k < K; k++) {
      const r = features[base + k] * 9;
      s0 += emission[r];
      s1 += emission[r + 1];
      s2 += emission[r + 2];
      s3 += emission[r + 3];
      s4 += emission[r + 4];
      s5 += emission[r + 5];
      s6 += emission[r + 6];
      s7 += emission[r + 7];
      s8 += emission[r + 8];
    }
    const o = i * 9;
    out[o] = s0;
    out[o + 1] = s1;
    out[o + 2] = s2;
    out[o + 3] = s3;
    out[o + 4] = s4;
    out[o + 5] = s5;
    out[o + 6] = s6;
    out[o + 7] = s7;
    out[o + 8] = s8;
  }
}

/** Transition table with disallowed moves (O -> I-X, I-X -> I-Y) made impossible. */
export function constrain(transition: ArrayLike<number>, start: ArrayLike<number>): { transition: Float64Array; start: Float64Array } {
  const t = new Float64Array(TAG_COUNT * TAG_COUNT);
  const s = new Float64Array(TAG_COUNT);
  for (let p = 0; p < TAG_COUNT; p++) for (let q = 0; q < TAG_COUNT; q++) t[p * TAG_COUNT + q] = allowed(p, q) ? transition[p * TAG_COUNT + q] : NEG;
  for (let q = 0; q < TAG_COUNT; q++) s[q] = allowed(-1, q) ? start[q] : NEG;
  return { transition: t, start: s };
}

/** Best tag sequence for one sentence; writes tags[first..end). */
export function viterbi(emissions: Float64Array, first: number, end: number, transition: Float64Array, start: Float64Array, tags: Uint8Array, scratch: { score: Float64Array; back: Uint8Array }): void {
  const T = TAG_COUNT;
  const len = end - first;
  if (len === 0) return;
  if (scratch.score.length < len * T) {
    scratch.score = new Float64Array(len * T * 2);
    scratch.back = new Uint8Array(len * T * 2);
  }
  const score = scratch.score;
  const back = scratch.back;
  for (let q = 0; q < T; q++) score[q] = start[q] + emissions[first * T + q];
  for (let i = 1; i < len; i++) {
    const e = (first + i) * T;
    const prev = (i - 1) * T;
    const cur = i * T;
    // O and B-X may follow any tag.
    for (let q = 0; q < T; q += q === 0 ? 1 : 2) {
      let best = score[prev] + transition[q];
      let arg = 0;
      for (let p = 1; p < T; p++) {
        const v = score[prev + p] + transition[p * T + q];
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      score[cur + q] = best + emissions[e + q];
      back[cur + q] = arg;
    }
    // I-X only continues B-X or I-X.
    for (let q = 2; q < T; q += 2) {
      const fromBegin = score[prev + q - 1] + transition[(q - 1) * T + q];
      const fromInside = score[prev + q] + transition[q * T + q];
      if (fromBegin >= fromInside) {
        score[cur + q] = fromBegin + emissions[e + q];
        back[cur + q] = q - 1;
      } else {
        score[cur + q] = fromInside + emissions[e + q];
        back[cur + q] = q;
      }
    }
  }
  let bestTag = 0;
  let best = NEG * 2;
  const last = (len - 1) * T;
  for (let q = 0; q < T; q++) {
    if (score[last + q] > best) {
      best = score[last + q];
      bestTag = q;
    }
  }
  for (let i = len - 1; i >= 0; i--) {
    tags[first + i] = bestTag;
    bestTag = back[i * T + bestTag];
  }
}

/**
 * What the first pass found for the same (lower-cased, capitalised) word elsewhere in the document:
 * 0 nothing; otherwise 1 + the majority label (0 outside, 1-4 a type), +8 if all other occurrences agree,
 * +16 if one of them stands in the middle of a normal sentence (where capitalisation means something).
 */
export function documentMemory(table: TokenTable, tags: Uint8Array): Uint8Array {
  const n = table.n;
  const memory = new Uint8Array(n);
  // Per word: counts of labels 0..4, and whether any occurrence is in a reliable position.
  const counts = new Map<number, Int32Array>();
  for (let i = 0; i < n; i++) {
    const c = table.caseClass[i];
    if (c === LOWER || c === OTHER || c === DIGIT) continue;
    let entry = counts.get(table.lower[i]);
    if (!entry) counts.set(table.lower[i], (entry = new Int32Array(6)));
    entry[typeOfTag(tags[i]) + 1]++;
    if (table.position[i] === 0) entry[5]++;
  }
  for (let i = 0; i < n; i++) {
    const c = table.caseClass[i];
    if (c === LOWER || c === OTHER || c === DIGIT) continue;
    const entry = counts.get(table.lower[i])!;
    const own = typeOfTag(tags[i]) + 1;
    let total = 0;
    let bestLabel = -1;
    let bestCount = 0;
    for (let l = 0; l < 5; l++) {
      const count = entry[l] - (l === own ? 1 : 0);
      total += count;
      if (count > bestCount) {
        bestCount = count;
        bestLabel = l;
      }
    }
    if (total === 0) continue;
    const reliable = entry[5] - (table.position[i] === 0 ? 1 : 0) > 0;
    memory[i] = 1 + bestLabel + (bestCount === total ? 8 : 0) + (reliable ? 16 : 0);
  }
  return memory;
}

export interface TaggedDocument {
  table: TokenTable;
  tags: Uint8Array;
}

/** Tags a whole document with one or two passes. */
export function tagDocument(weights: TaggerWeights, doc: TaggerDocument): TaggedDocument {
  const n = doc.words.length;
  const table = buildTokenTable(doc, weights.gazetteer);
  const mask = (1 << weights.rowBits) - 1;
  const features = new Int32Array(n * FEATURES_PER_TOKEN);
  const emissions = new Float64Array(n * TAG_COUNT);
  const tags = new Uint8Array(n);
  extractFeatures(table, doc.sentences, mask, features);
  computeEmissions(features, 0, n, weights.first.emission, emissions);
  decode(weights.first, emissions, doc.sentences, tags);
  if (weights.twoPass) {
    addMemory(table, tags, features, mask, weights.first.emission, emissions);
    decode(weights.first, emissions, doc.sentences, tags);
  }
  return { table, tags };
}

/** Swaps the ABSENT memory feature in every token's emission scores for what the first pass found. */
export function addMemory(table: TokenTable, tags: Uint8Array, features: Int32Array, mask: number, emission: ArrayLike<number>, emissions: Float64Array): void {
  const memory = documentMemory(table, tags);
  const K = FEATURES_PER_TOKEN;
  for (let i = 0; i < table.n; i++) {
    const absent = features[i * K + MEMORY_SLOT] * TAG_COUNT;
    const present = memoryRow(table, i, memory[i], mask) * TAG_COUNT;
    features[i * K + MEMORY_SLOT] = present / TAG_COUNT;
    if (absent === present) continue;
    const o = i * TAG_COUNT;
    for (let q = 0; q < TAG_COUNT; q++) emissions[o + q] += emission[present + q] - emission[absent + q];
  }
}

const constrained = new WeakMap<object, { transition: Float64Array; start: Float64Array }>();

function decode(pass: { transition: ArrayLike<number>; start: ArrayLike<number> }, emissions: Float64Array, sentences: TaggerSentence[], tags: Uint8Array): void {
  let c = constrained.get(pass);
  if (!c) constrained.set(pass, (c = constrain(pass.transition, pass.start)));
  const scratch = { score: new Float64Array(256 * TAG_COUNT), back: new Uint8Array(256 * TAG_COUNT) };
  for (const s of sentences) viterbi(emissions, s.first, s.end, c.transition, c.start, tags, scratch);
}
