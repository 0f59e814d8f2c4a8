// The sequence tagger: emission scores from hashed features, exact first-order Viterbi decoding,
// and a second pass that adds what the first pass found elsewhere in the document: for the same word
// (document memory) and for the same multi-word name (sequence memory).
import * as features from './features';
import type { TaggerDocument, TaggerSentence, TokenTable } from './features';
import { Gazetteer } from './gazetteer';
import { Lexicon } from './lexicon';
import * as live from './liveRows';
import type { LiveRows } from './liveRows';
import * as tagSet from './tags';
import type { TagSpan } from './tags';
import * as wordShape from './wordShape';

// Module-level consts for the hot loops: under the CommonJS interop of tsx every imported name is a getter.
const { buildTokenTable, CONTEXT_KEYS, contextRowsOf, extractFeatures, FORM_FIELDS, FORM_FLAGS, FORM_SCORES, SCORED_FLAG, TokenTableBuffers, memoryRow, sequenceRow, DYNAMIC_FEATURES: D, STATIC_FEATURES: STATIC, SHORT_DYNAMIC_FEATURES: SHORT, LONG_DYNAMIC_FEATURES: LONG } = features;
const { allowed, MAX_NAME_TOKENS, TAG_COUNT, tagSpans, typeOfTag } = tagSet;
const { DIGIT, LOWER, OTHER } = wordShape;
const { liveOffset, liveRows, scoreLive, sumLive } = live;

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
  /** Names seen in the training data, by type. */
  gazetteer: Gazetteer;
  /** Place names from data packages: countries, and cities by size. */
  places: Gazetteer;
  /** Lower-case word hash -> casing bucket (see casingBucket), learned from unlabelled text. */
  casing: Map<number, number>;
  /** Word hash -> its classes in the word clusterings, packed (see train/clusters.ts), learned from unlabelled text. */
  clusters: Map<number, number>;
  first: PassWeights;
  /** Whether to decode a second time with document memory. */
  twoPass: boolean;
}

const NEG = -1e30;

const NO_SCORES = new Float64Array(TAG_COUNT);

/** Emission scores of tokens [from, to) from `stride` rows per token (row 0 adds nothing). */
export function computeEmissions(features: Int32Array, from: number, to: number, emission: ArrayLike<number>, out: Float64Array, stride: number): void {
  for (let i = from; i < to; i++) scoreToken(features, i * stride, i * stride + stride, emission, NO_SCORES, 0, out, i * TAG_COUNT);
}

/**
 * Writes at `out[o..]` the TAG_COUNT emission scores of one token: `initial[io..]` (the summed static rows of
 * its word form, or zeros) plus the rows features[from, to), row 0 adding nothing.
 */
function scoreToken(features: Int32Array, from: number, to: number, emission: ArrayLike<number>, initial: Float64Array, io: number, out: Float64Array, o: number): void {
  let s0 = initial[io], s1 = initial[io + 1], s2 = initial[io + 2], s3 = initial[io + 3], s4 = initial[io + 4];
  let s5 = initial[io + 5], s6 = initial[io + 6], s7 = initial[io + 7], s8 = initial[io + 8];
  for (let k = from; k < to; k++) {
    const r = features[k] * 9;
    if (r === 0) continue;
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

/** Transition table with disallowed moves (O -> I-X, I-X -> I-Y) made impossible. */
export function constrain(transition: ArrayLike<number>, start: ArrayLike<number>): { transition: Float64Array; start: Float64Array } {
  const t = new Float64Array(TAG_COUNT * TAG_COUNT);
  const s = new Float64Array(TAG_COUNT);
  for (let p = 0; p < TAG_COUNT; p++) for (let q = 0; q < TAG_COUNT; q++) t[p * TAG_COUNT + q] = allowed(p, q) ? transition[p * TAG_COUNT + q] : NEG;
  for (let q = 0; q < TAG_COUNT; q++) s[q] = allowed(-1, q) ? start[q] : NEG;
  return { transition: t, start: s };
}

export interface ViterbiScratch {
  score: Float64Array;
  back: Uint8Array;
}

export function viterbiScratch(): ViterbiScratch {
  return { score: new Float64Array(256 * TAG_COUNT), back: new Uint8Array(256 * TAG_COUNT) };
}

/** Best tag sequence for one sentence; writes tags[first..end). */
export function viterbi(emissions: Float64Array, first: number, end: number, transition: Float64Array, start: Float64Array, tags: Uint8Array, scratch: ViterbiScratch): void {
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
    // O and B-X may follow any tag (the previous scores read once into locals).
    const p0 = score[prev], p1 = score[prev + 1], p2 = score[prev + 2], p3 = score[prev + 3], p4 = score[prev + 4];
    const p5 = score[prev + 5], p6 = score[prev + 6], p7 = score[prev + 7], p8 = score[prev + 8];
    for (let q = 0; q < T; q += q === 0 ? 1 : 2) {
      let best = p0 + transition[q];
      let arg = 0;
      let v = p1 + transition[T + q];
      if (v > best) (best = v), (arg = 1);
      v = p2 + transition[2 * T + q];
      if (v > best) (best = v), (arg = 2);
      v = p3 + transition[3 * T + q];
      if (v > best) (best = v), (arg = 3);
      v = p4 + transition[4 * T + q];
      if (v > best) (best = v), (arg = 4);
      v = p5 + transition[5 * T + q];
      if (v > best) (best = v), (arg = 5);
      v = p6 + transition[6 * T + q];
      if (v > best) (best = v), (arg = 6);
      v = p7 + transition[7 * T + q];
      if (v > best) (best = v), (arg = 7);
      v = p8 + transition[8 * T + q];
      if (v > best) (best = v), (arg = 8);
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
export function documentMemory(table: TokenTable, lexicon: Lexicon, tags: Uint8Array): Uint8Array {
  const n = table.n;
  const memory = new Uint8Array(n);
  // Per word: counts of labels 0..4, and how many occurrences are in a reliable position.
  const slotOf = new Map<number, number>();
  const counts: number[] = [];
  const slots = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const c = table.caseClass[i];
    if (c === LOWER || c === OTHER || c === DIGIT) continue;
    const key = lexicon.lowerId(table.id[i]);
    let slot = slotOf.get(key);
    if (slot === undefined) {
      slot = counts.length;
      slotOf.set(key, slot);
      counts.push(0, 0, 0, 0, 0, 0);
    }
    slots[i] = slot;
    counts[slot + typeOfTag(tags[i]) + 1]++;
    if (table.position[i] === 0) counts[slot + 5]++;
  }
  for (let i = 0; i < n; i++) {
    const slot = slots[i];
    if (slot < 0) continue;
    const own = typeOfTag(tags[i]) + 1;
    let total = 0;
    let bestLabel = -1;
    let bestCount = 0;
    for (let l = 0; l < 5; l++) {
      const count = counts[slot + l] - (l === own ? 1 : 0);
      total += count;
      if (count > bestCount) {
        bestCount = count;
        bestLabel = l;
      }
    }
    if (total === 0) continue;
    const reliable = counts[slot + 5] - (table.position[i] === 0 ? 1 : 0) > 0;
    memory[i] = 1 + bestLabel + (bestCount === total ? 8 : 0) + (reliable ? 16 : 0);
  }
  return memory;
}

/**
 * Where a multi-word name the first pass found occurs in the document (itself included): per token
 * 0 none, else (type << 3 | position code of Gazetteer.mark) + 32 if the first pass gave the token the
 * tag the match implies.
 */
export function sequenceMemory(table: TokenTable, tags: Uint8Array, sentences: TaggerSentence[]): Uint8Array {
  const n = table.n;
  const out = new Uint8Array(n);
  const spans: TagSpan[] = [];
  for (const s of sentences) tagSpans(tags, s.first, s.end, spans);
  const g = new Gazetteer();
  // Too long a span is no name, and matching it everywhere would cost its length at every token.
  for (const span of spans) if (span.end - span.first >= 2 && span.end - span.first <= MAX_NAME_TOKENS) g.addHashes(table.lower, span.first, span.end, span.type);
  if (g.entries.size === 0) return out;
  const marks = new Uint8Array(n * 4);
  g.mark(table.lower, table.caseClass, sentences, marks);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < 4; t++) {
      const m = marks[i * 4 + t];
      if (m === 0) continue;
      const implied = (m & 3) === 2 ? 2 * t + 2 : 2 * t + 1;
      out[i] = ((t << 3) | m) + (tags[i] === implied ? 32 : 0);
      break;
    }
  }
  return out;
}

/** Rows of the two memory features of every token after a first pass (0 where there is no memory). */
export function memoryRows(table: TokenTable, lexicon: Lexicon, tags: Uint8Array, sentences: TaggerSentence[], mask: number): { memory: Int32Array; sequence: Int32Array } {
  const m = documentMemory(table, lexicon, tags);
  const q = sequenceMemory(table, tags, sentences);
  const memory = new Int32Array(table.n);
  const sequence = new Int32Array(table.n);
  for (let i = 0; i < table.n; i++) {
    memory[i] = memoryRow(table, i, m[i], mask);
    sequence[i] = sequenceRow(table, i, q[i], mask);
  }
  return { memory, sequence };
}

export interface TaggedDocument {
  table: TokenTable;
  tags: Uint8Array;
}

/** A tagger bound to one model: keeps the lexicon of word forms (and their static scores) across documents. */
export class Tagger {
  readonly lexicon: Lexicon;
  private readonly mask: number;
  private readonly transition: Float64Array;
  private readonly start: Float64Array;
  private features = new Int32Array(0);
  private contextKeys = new Int32Array(0);
  /**
   * The summed scores of the context rows of each key (features.ts contextRowsOf), TAG_COUNT per key, made on the
   * key's first use; after them TAG_COUNT zeros, for a token without a key.
   */
  private readonly contextScores = new Int32Array((CONTEXT_KEYS + 1) * TAG_COUNT);
  private readonly contextMade = new Uint8Array(CONTEXT_KEYS);
  private readonly contextRows = new Int32Array(32);
  private emissions = new Float64Array(0);
  private readonly scratch = viterbiScratch();
  private readonly buffers = new TokenTableBuffers();
  /** The emission table's rows that are not all zero (see liveRows.ts): what recognition reads. */
  private readonly live: LiveRows;

  constructor(readonly weights: TaggerWeights) {
    // Scores are summed in integers (liveRows.ts): the tagger runs the model file's quantised table only.
    const emission = weights.first.emission;
    if (!(emission instanceof Int8Array || emission instanceof Int16Array)) throw new Error('the tagger needs a quantised emission table (int8 or int16)');
    this.mask = (1 << weights.rowBits) - 1;
    this.live = liveRows(emission);
    this.lexicon = new Lexicon(this.mask, weights.casing, weights.clusters);
    const c = constrain(weights.first.transition, weights.first.start);
    this.transition = c.transition;
    this.start = c.start;
  }

  /**
   * How much better the last tagged document's scores fit tokens [first, end) as a name of `type` than as one of
   * the next best type, in the model's units: the recogniser's confidence in the span's type.
   */
  typeMargin(first: number, end: number, type: number): number {
    const e = this.emissions;
    let own = 0;
    let other = NEG;
    for (let t = 0; t < 4; t++) {
      let s = e[first * TAG_COUNT + 2 * t + 1];
      for (let i = first + 1; i < end; i++) s += e[i * TAG_COUNT + 2 * t + 2];
      if (t === type) own = s;
      else if (s > other) other = s;
    }
    return own - other;
  }

  tag(doc: TaggerDocument): TaggedDocument {
    return this.tagIds(this.lexicon.idsOf(doc.words), doc.sentences);
  }

  /** Tags a document given as lexicon ids, with one or two passes. The table is valid until the next call. */
  tagIds(ids: Int32Array, sentences: TaggerSentence[]): TaggedDocument {
    const n = ids.length;
    const { weights, lexicon, mask } = this;
    const live = this.live;
    const table = buildTokenTable({ ids, sentences }, lexicon, weights.gazetteer, weights.places, this.buffers);
    if (this.features.length < n * D) this.features = new Int32Array(n * D * 2);
    if (this.contextKeys.length < n) this.contextKeys = new Int32Array(n * 2);
    if (this.emissions.length < n * TAG_COUNT) this.emissions = new Float64Array(n * TAG_COUNT * 2);
    const features = this.features;
    const keys = this.contextKeys;
    const emissions = this.emissions;
    extractFeatures(table, lexicon, sentences, mask, features, false, keys);
    const forms = lexicon.forms;
    const caseClass = table.caseClass;
    const contextScores = this.contextScores;
    const contextMade = this.contextMade;
    const none = CONTEXT_KEYS * TAG_COUNT;
    for (let i = 0; i < n; i++) {
      const id = ids[i];
      const f = id * FORM_FIELDS;
      if ((forms[f + FORM_FLAGS] & SCORED_FLAG) === 0) {
        // The static rows of a word form, summed on its first use.
        sumLive(lexicon.staticRows, id * STATIC, id * STATIC + STATIC, live, forms, f + FORM_SCORES);
        forms[f + FORM_FLAGS] |= SCORED_FLAG;
      }
      const key = keys[i];
      if (key >= 0 && contextMade[key] === 0) {
        // The context rows of a key, summed on its first use.
        sumLive(this.contextRows, 0, contextRowsOf(key, mask, this.contextRows), live, contextScores, key * TAG_COUNT);
        contextMade[key] = 1;
      }
      const c = caseClass[i];
      const base = i * D;
      scoreLive(features, base, base + (c === LOWER || c === DIGIT || c === OTHER ? SHORT : LONG), live, forms, f + FORM_SCORES, contextScores, key >= 0 ? key * TAG_COUNT : none, emissions, i * TAG_COUNT);
    }
    const tags = new Uint8Array(n);
    for (const s of sentences) viterbi(emissions, s.first, s.end, this.transition, this.start, tags, this.scratch);
    if (weights.twoPass) {
      const rows = memoryRows(table, lexicon, tags, sentences, mask);
      // Only sentences with a token whose scores changed are decoded again: decoding the same scores again gives
      // the same tags, and a memory row whose weights are all zero changes nothing.
      for (const s of sentences) {
        let changed = false;
        for (let i = s.first; i < s.end; i++) {
          const a = liveOffset(live, rows.memory[i]);
          const b = liveOffset(live, rows.sequence[i]);
          if (a < 0 && b < 0) continue;
          changed = true;
          const o = i * TAG_COUNT;
          const w = live.weights;
          for (let q = 0; q < TAG_COUNT; q++) emissions[o + q] += (a < 0 ? 0 : w[a + q]) + (b < 0 ? 0 : w[b + q]);
        }
        if (changed) viterbi(emissions, s.first, s.end, this.transition, this.start, tags, this.scratch);
      }
    }
    return { table, tags };
  }
}
