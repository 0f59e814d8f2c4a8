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
  /** The best predecessor of each tag at each token. */
  back: Uint8Array;
}

export function viterbiScratch(): ViterbiScratch {
  return { back: new Uint8Array(256 * TAG_COUNT) };
}

/**
 * Best tag sequence for one sentence; writes tags[first..end). Unrolled over the nine tags, with the transition
 * scores and the previous token's scores in locals: the same additions and comparisons in the same order as a loop
 * over the tags (the first best predecessor wins a tie), so the same tags, at two thirds of a loop's cost.
 */
export function viterbi(emissions: Float64Array, first: number, end: number, transition: Float64Array, start: Float64Array, tags: Uint8Array, scratch: ViterbiScratch): void {
  const T = TAG_COUNT;
  const len = end - first;
  if (len === 0) return;
  if (scratch.back.length < len * T) scratch.back = new Uint8Array(len * T * 2);
  const back = scratch.back;
  // O and B-X may follow any tag: t{from}_{to}.
  const t0_0 = transition[0], t1_0 = transition[9], t2_0 = transition[18], t3_0 = transition[27], t4_0 = transition[36], t5_0 = transition[45], t6_0 = transition[54], t7_0 = transition[63], t8_0 = transition[72];
  const t0_1 = transition[1], t1_1 = transition[10], t2_1 = transition[19], t3_1 = transition[28], t4_1 = transition[37], t5_1 = transition[46], t6_1 = transition[55], t7_1 = transition[64], t8_1 = transition[73];
  const t0_3 = transition[3], t1_3 = transition[12], t2_3 = transition[21], t3_3 = transition[30], t4_3 = transition[39], t5_3 = transition[48], t6_3 = transition[57], t7_3 = transition[66], t8_3 = transition[75];
  const t0_5 = transition[5], t1_5 = transition[14], t2_5 = transition[23], t3_5 = transition[32], t4_5 = transition[41], t5_5 = transition[50], t6_5 = transition[59], t7_5 = transition[68], t8_5 = transition[77];
  const t0_7 = transition[7], t1_7 = transition[16], t2_7 = transition[25], t3_7 = transition[34], t4_7 = transition[43], t5_7 = transition[52], t6_7 = transition[61], t7_7 = transition[70], t8_7 = transition[79];
  // I-X only continues B-X or I-X.
  const t1_2 = transition[11], t2_2 = transition[20], t3_4 = transition[31], t4_4 = transition[40], t5_6 = transition[51], t6_6 = transition[60], t7_8 = transition[71], t8_8 = transition[80];
  let o = first * T;
  let p0 = start[0] + emissions[o], p1 = start[1] + emissions[o + 1], p2 = start[2] + emissions[o + 2];
  let p3 = start[3] + emissions[o + 3], p4 = start[4] + emissions[o + 4], p5 = start[5] + emissions[o + 5];
  let p6 = start[6] + emissions[o + 6], p7 = start[7] + emissions[o + 7], p8 = start[8] + emissions[o + 8];
  for (let i = 1; i < len; i++) {
    o += T;
    const b = i * T;
    let best: number, arg: number, v: number;
    best = p0 + t0_0, arg = 0;
    if ((v = p1 + t1_0) > best) (best = v), (arg = 1); if ((v = p2 + t2_0) > best) (best = v), (arg = 2); if ((v = p3 + t3_0) > best) (best = v), (arg = 3); if ((v = p4 + t4_0) > best) (best = v), (arg = 4);
    if ((v = p5 + t5_0) > best) (best = v), (arg = 5); if ((v = p6 + t6_0) > best) (best = v), (arg = 6); if ((v = p7 + t7_0) > best) (best = v), (arg = 7); if ((v = p8 + t8_0) > best) (best = v), (arg = 8);
    const n0 = best + emissions[o + 0];
    back[b + 0] = arg;
    best = p0 + t0_1, arg = 0;
    if ((v = p1 + t1_1) > best) (best = v), (arg = 1); if ((v = p2 + t2_1) > best) (best = v), (arg = 2); if ((v = p3 + t3_1) > best) (best = v), (arg = 3); if ((v = p4 + t4_1) > best) (best = v), (arg = 4);
    if ((v = p5 + t5_1) > best) (best = v), (arg = 5); if ((v = p6 + t6_1) > best) (best = v), (arg = 6); if ((v = p7 + t7_1) > best) (best = v), (arg = 7); if ((v = p8 + t8_1) > best) (best = v), (arg = 8);
    const n1 = best + emissions[o + 1];
    back[b + 1] = arg;
    best = p0 + t0_3, arg = 0;
    if ((v = p1 + t1_3) > best) (best = v), (arg = 1); if ((v = p2 + t2_3) > best) (best = v), (arg = 2); if ((v = p3 + t3_3) > best) (best = v), (arg = 3); if ((v = p4 + t4_3) > best) (best = v), (arg = 4);
    if ((v = p5 + t5_3) > best) (best = v), (arg = 5); if ((v = p6 + t6_3) > best) (best = v), (arg = 6); if ((v = p7 + t7_3) > best) (best = v), (arg = 7); if ((v = p8 + t8_3) > best) (best = v), (arg = 8);
    const n3 = best + emissions[o + 3];
    back[b + 3] = arg;
    best = p0 + t0_5, arg = 0;
    if ((v = p1 + t1_5) > best) (best = v), (arg = 1); if ((v = p2 + t2_5) > best) (best = v), (arg = 2); if ((v = p3 + t3_5) > best) (best = v), (arg = 3); if ((v = p4 + t4_5) > best) (best = v), (arg = 4);
    if ((v = p5 + t5_5) > best) (best = v), (arg = 5); if ((v = p6 + t6_5) > best) (best = v), (arg = 6); if ((v = p7 + t7_5) > best) (best = v), (arg = 7); if ((v = p8 + t8_5) > best) (best = v), (arg = 8);
    const n5 = best + emissions[o + 5];
    back[b + 5] = arg;
    best = p0 + t0_7, arg = 0;
    if ((v = p1 + t1_7) > best) (best = v), (arg = 1); if ((v = p2 + t2_7) > best) (best = v), (arg = 2); if ((v = p3 + t3_7) > best) (best = v), (arg = 3); if ((v = p4 + t4_7) > best) (best = v), (arg = 4);
    if ((v = p5 + t5_7) > best) (best = v), (arg = 5); if ((v = p6 + t6_7) > best) (best = v), (arg = 6); if ((v = p7 + t7_7) > best) (best = v), (arg = 7); if ((v = p8 + t8_7) > best) (best = v), (arg = 8);
    const n7 = best + emissions[o + 7];
    back[b + 7] = arg;
    const fromBegin2 = p1 + t1_2, fromInside2 = p2 + t2_2;
    const n2 = (fromBegin2 >= fromInside2 ? fromBegin2 : fromInside2) + emissions[o + 2];
    back[b + 2] = fromBegin2 >= fromInside2 ? 1 : 2;
    const fromBegin4 = p3 + t3_4, fromInside4 = p4 + t4_4;
    const n4 = (fromBegin4 >= fromInside4 ? fromBegin4 : fromInside4) + emissions[o + 4];
    back[b + 4] = fromBegin4 >= fromInside4 ? 3 : 4;
    const fromBegin6 = p5 + t5_6, fromInside6 = p6 + t6_6;
    const n6 = (fromBegin6 >= fromInside6 ? fromBegin6 : fromInside6) + emissions[o + 6];
    back[b + 6] = fromBegin6 >= fromInside6 ? 5 : 6;
    const fromBegin8 = p7 + t7_8, fromInside8 = p8 + t8_8;
    const n8 = (fromBegin8 >= fromInside8 ? fromBegin8 : fromInside8) + emissions[o + 8];
    back[b + 8] = fromBegin8 >= fromInside8 ? 7 : 8;
    (p0 = n0), (p1 = n1), (p2 = n2), (p3 = n3), (p4 = n4), (p5 = n5), (p6 = n6), (p7 = n7), (p8 = n8);
  }
  let bestTag = 0;
  let best = p0;
  if (p1 > best) (best = p1), (bestTag = 1);
  if (p2 > best) (best = p2), (bestTag = 2);
  if (p3 > best) (best = p3), (bestTag = 3);
  if (p4 > best) (best = p4), (bestTag = 4);
  if (p5 > best) (best = p5), (bestTag = 5);
  if (p6 > best) (best = p6), (bestTag = 6);
  if (p7 > best) (best = p7), (bestTag = 7);
  if (p8 > best) (best = p8), (bestTag = 8);
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
  // Per word: counts of labels 0..4, and how many occurrences are in a reliable position; the slot of a word (by the
  // id of its lower-case form) is found through arrays stamped per call, which need no clearing.
  const scratch = MEMORY_SCRATCH;
  if (scratch.stampOf.length < lexicon.size) {
    const size = Math.max(lexicon.size, scratch.stampOf.length * 2, 1024);
    scratch.stampOf = new Int32Array(size);
    scratch.slotOf = new Int32Array(size);
  }
  if (scratch.slots.length < n) scratch.slots = new Int32Array(Math.max(n, scratch.slots.length * 2));
  if (scratch.counts.length < n * 6) scratch.counts = new Int32Array(Math.max(n * 6, scratch.counts.length * 2));
  const { stampOf, slotOf, slots, counts } = scratch;
  const stamp = ++scratch.stamp;
  let used = 0;
  for (let i = 0; i < n; i++) {
    const c = table.caseClass[i];
    if (c === LOWER || c === OTHER || c === DIGIT) {
      slots[i] = -1;
      continue;
    }
    const key = lexicon.lowerId(table.id[i]);
    if (stampOf[key] !== stamp) {
      stampOf[key] = stamp;
      slotOf[key] = used;
      counts.fill(0, used, used + 6);
      used += 6;
    }
    const slot = slotOf[key];
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

/** documentMemory's arrays, kept across calls (see there). */
const MEMORY_SCRATCH = { stamp: 0, stampOf: new Int32Array(0), slotOf: new Int32Array(0), slots: new Int32Array(0), counts: new Int32Array(0) };

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

/**
 * Rows of the two memory features of every token after a first pass (0 where there is no memory); in `into`'s arrays
 * (at least n long) when given, else in new ones.
 */
export function memoryRows(table: TokenTable, lexicon: Lexicon, tags: Uint8Array, sentences: TaggerSentence[], mask: number, into?: { memory: Int32Array; sequence: Int32Array }): { memory: Int32Array; sequence: Int32Array } {
  const m = documentMemory(table, lexicon, tags);
  const q = sequenceMemory(table, tags, sentences);
  const memory = into ? into.memory : new Int32Array(table.n);
  const sequence = into ? into.sequence : new Int32Array(table.n);
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
  /** The memory rows of the last document (see memoryRows). */
  private memory = { memory: new Int32Array(0), sequence: new Int32Array(0) };
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
      if (this.memory.memory.length < n) this.memory = { memory: new Int32Array(n * 2), sequence: new Int32Array(n * 2) };
      const rows = memoryRows(table, lexicon, tags, sentences, mask, this.memory);
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
