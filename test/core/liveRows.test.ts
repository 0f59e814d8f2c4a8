// Recognition reads the emission table's live rows only (rows with a weight that is not zero), copied out of it in
// row order and found through a bit and a count per block of rows; the scores are those of the whole table.
import * as assert from 'node:assert/strict';
import { liveOffset, liveRows, scoreLive } from '../../server/src/core/recognize/names/liveRows';
import { TAG_COUNT } from '../../server/src/core/recognize/names/tags';

/** A table of 70 rows (more than two blocks of 32) with a few live rows, row 0 holding weights it must never add. */
function table(): Int8Array {
  const emission = new Int8Array(70 * TAG_COUNT);
  emission[0] = 5;
  emission[3 * TAG_COUNT + TAG_COUNT - 1] = -1; // the last weight of a row is enough
  emission[31 * TAG_COUNT] = 2;
  emission[32 * TAG_COUNT + 4] = 127;
  for (let q = 0; q < TAG_COUNT; q++) emission[69 * TAG_COUNT + q] = q - 128;
  return emission;
}

describe('live emission rows', () => {
  it('finds each live row, and no other, with its own weights', () => {
    const emission = table();
    const live = liveRows(emission);
    const found: number[] = [];
    for (let r = 0; r < 70; r++) {
      const at = liveOffset(live, r);
      if (at < 0) continue;
      found.push(r);
      assert.deepEqual(Array.from(live.weights.subarray(at, at + TAG_COUNT)), Array.from(emission.subarray(r * TAG_COUNT, (r + 1) * TAG_COUNT)));
    }
    assert.deepEqual(found, [3, 31, 32, 69]);
    assert.equal(live.weights.length, 4 * TAG_COUNT);
  });

  it('scores a token as the sum of its rows over the whole table, row 0 and dead rows adding nothing', () => {
    const emission = table();
    const features = Int32Array.from([69, 0, 3, 7, 32, 69]);
    const initial = Int32Array.from({ length: TAG_COUNT }, (_, q) => 10 * q);
    // A second vector of sums, read from its offset: the token's summed context rows.
    const extra = Int32Array.from({ length: 2 * TAG_COUNT }, (_, k) => (k < TAG_COUNT ? 0 : 1000 - k));
    const out = new Float64Array(TAG_COUNT);
    scoreLive(features, 0, features.length, liveRows(emission), initial, 0, extra, TAG_COUNT, out, 0);
    const expected = Array.from(initial, (v, q) => v + extra[TAG_COUNT + q] + [69, 3, 7, 32, 69].reduce((sum, r) => sum + emission[r * TAG_COUNT + q], 0));
    assert.deepEqual(Array.from(out), expected);
  });
});
