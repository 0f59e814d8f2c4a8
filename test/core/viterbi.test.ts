// The tagger's Viterbi decoding is unrolled over the tags for speed; it must give the tags of the plain dynamic
// programme below, ties included (the first best predecessor wins, and the first best last tag).
import * as assert from 'node:assert/strict';
import { constrain, viterbi, viterbiScratch } from '../../server/src/core/recognize/names/tagger';
import { TAG_COUNT } from '../../server/src/core/recognize/names/tags';

/** Viterbi as the textbook writes it: every tag from every tag, strict improvements only. */
function plainViterbi(emissions: Float64Array, first: number, end: number, transition: Float64Array, start: Float64Array): number[] {
  const T = TAG_COUNT;
  const len = end - first;
  const score: number[][] = [];
  const back: number[][] = [];
  score.push(Array.from({ length: T }, (_, q) => start[q] + emissions[first * T + q]));
  for (let i = 1; i < len; i++) {
    const row: number[] = [];
    const from: number[] = [];
    for (let q = 0; q < T; q++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        const v = score[i - 1][p] + transition[p * T + q];
        if (v > best) (best = v), (arg = p);
      }
      row.push(best + emissions[(first + i) * T + q]);
      from.push(arg);
    }
    score.push(row);
    back.push(from);
  }
  let tag = 0;
  for (let q = 1; q < T; q++) if (score[len - 1][q] > score[len - 1][tag]) tag = q;
  const tags = new Array<number>(len);
  for (let i = len - 1; i >= 0; i--) {
    tags[i] = tag;
    if (i > 0) tag = back[i - 1][tag];
  }
  return tags;
}

/** A small deterministic generator: the same cases on every run. */
function generator(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

describe('viterbi', () => {
  it('gives the tags of the plain dynamic programme, ties included', () => {
    const random = generator(7);
    let checked = 0;
    for (let round = 0; round < 300; round++) {
      // Scores on a coarse grid make ties common; the constrained table forbids I-X after O or another type.
      const grid = round % 2 === 0 ? 1 : 0.25;
      const raw = Float64Array.from({ length: TAG_COUNT * TAG_COUNT }, () => Math.round((random() - 0.5) * 8) * grid);
      const { transition, start } = constrain(raw, Float64Array.from({ length: TAG_COUNT }, () => Math.round((random() - 0.5) * 8) * grid));
      const n = 1 + Math.floor(random() * 40);
      const first = Math.floor(random() * 3);
      const emissions = Float64Array.from({ length: (first + n) * TAG_COUNT }, () => Math.round((random() - 0.5) * 6) * grid);
      const tags = new Uint8Array(first + n);
      viterbi(emissions, first, first + n, transition, start, tags, viterbiScratch());
      assert.deepEqual(Array.from(tags.subarray(first)), plainViterbi(emissions, first, first + n, transition, start), `round ${round}`);
      checked += n;
    }
    assert.ok(checked > 3000);
  });
});
