// Emission scores for recognition, read from the live rows of the model's table only. Most rows of a hashed table
// are all zero (94 in 100 in the shipped model: features never seen in training), and they are the ones a rare
// word's features land on. Their weights are copied out, in row order, into a table a fifteenth of the size, found
// through one bit per row and a count per block of 32 rows; a zero row costs a read of its block (which stays in
// cache) instead of a cache miss somewhere in a 9 MB table, and the live rows share cache lines.
import * as tags from './tags';

// Module-level consts for the hot loops: under the CommonJS interop of tsx every imported name is a getter.
const { TAG_COUNT } = tags;

export interface LiveRows {
  /** Per block of 32 rows: the bits of its live rows, then the index in `weights` of its first live row. */
  blocks: Int32Array;
  /** The live rows' weights, TAG_COUNT per row, in row order. */
  weights: Int8Array | Int16Array;
}

/** The live rows of an emission table: those with a weight that is not zero (row 0 adds nothing, so never). */
export function liveRows(emission: Int8Array | Int16Array): LiveRows {
  const rows = Math.floor(emission.length / TAG_COUNT);
  const blocks = new Int32Array(((rows + 31) >>> 5) * 2);
  let count = 0;
  for (let r = 1; r < rows; r++) {
    for (let q = 0; q < TAG_COUNT; q++) {
      if (emission[r * TAG_COUNT + q] !== 0) {
        blocks[(r >>> 5) << 1] |= 1 << (r & 31);
        count++;
        break;
      }
    }
  }
  const weights = emission instanceof Int8Array ? new Int8Array(count * TAG_COUNT) : new Int16Array(count * TAG_COUNT);
  let at = 0;
  for (let b = 0; b < blocks.length; b += 2) {
    blocks[b + 1] = at;
    const bits = blocks[b];
    for (let k = 0; k < 32; k++) {
      if ((bits & (1 << k)) === 0) continue;
      const r = (b >>> 1) * 32 + k;
      for (let q = 0; q < TAG_COUNT; q++) weights[at * TAG_COUNT + q] = emission[r * TAG_COUNT + q];
      at++;
    }
  }
  return { blocks, weights };
}

/** Offset in `live.weights` of row `row`, or -1 if the row is all zero. */
export function liveOffset(live: LiveRows, row: number): number {
  const b = (row >>> 5) << 1;
  const bits = live.blocks[b];
  const bit = 1 << (row & 31);
  if ((bits & bit) === 0) return -1;
  return (live.blocks[b + 1] + bitCount(bits & (bit - 1))) * TAG_COUNT;
}

function bitCount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Writes at `out[o..]` the TAG_COUNT emission scores of one token: `initial[io..]` (the summed static rows of its
 * word form) plus `extra[eo..]` (its summed context rows, see features.ts contextRowsOf, or zeros) plus the rows
 * features[from, to). The sums are kept in int32, which is exact (the model's weights are integers and a token's rows
 * sum to far less than 2^31), so the scores are those of summing the whole table in floats, in any order, as training
 * does (tagger.ts scoreToken).
 */
export function scoreLive(features: Int32Array, from: number, to: number, live: LiveRows, initial: Int32Array, io: number, extra: Int32Array, eo: number, out: Float64Array, o: number): void {
  const blocks = live.blocks;
  const w = live.weights;
  let s0 = (initial[io] + extra[eo]) | 0, s1 = (initial[io + 1] + extra[eo + 1]) | 0, s2 = (initial[io + 2] + extra[eo + 2]) | 0;
  let s3 = (initial[io + 3] + extra[eo + 3]) | 0, s4 = (initial[io + 4] + extra[eo + 4]) | 0, s5 = (initial[io + 5] + extra[eo + 5]) | 0;
  let s6 = (initial[io + 6] + extra[eo + 6]) | 0, s7 = (initial[io + 7] + extra[eo + 7]) | 0, s8 = (initial[io + 8] + extra[eo + 8]) | 0;
  for (let k = from; k < to; k++) {
    const f = features[k];
    const b = (f >>> 5) << 1;
    const bits = blocks[b];
    const bit = 1 << (f & 31);
    if ((bits & bit) === 0) continue;
    let x = bits & (bit - 1);
    x = x - ((x >>> 1) & 0x55555555);
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    x = (x + (x >>> 4)) & 0x0f0f0f0f;
    const r = (blocks[b + 1] + (Math.imul(x, 0x01010101) >>> 24)) * 9;
    s0 = (s0 + w[r]) | 0;
    s1 = (s1 + w[r + 1]) | 0;
    s2 = (s2 + w[r + 2]) | 0;
    s3 = (s3 + w[r + 3]) | 0;
    s4 = (s4 + w[r + 4]) | 0;
    s5 = (s5 + w[r + 5]) | 0;
    s6 = (s6 + w[r + 6]) | 0;
    s7 = (s7 + w[r + 7]) | 0;
    s8 = (s8 + w[r + 8]) | 0;
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

/** The static rows rows[from, to) of a word form summed into `sum` at `o` (TAG_COUNT scores). */
export function sumLive(rows: Int32Array, from: number, to: number, live: LiveRows, sum: Int32Array, o: number): void {
  for (let q = 0; q < TAG_COUNT; q++) sum[o + q] = 0;
  for (let k = from; k < to; k++) {
    const r = liveOffset(live, rows[k]);
    if (r < 0) continue;
    for (let q = 0; q < TAG_COUNT; q++) sum[o + q] += live.weights[r + q];
  }
}
