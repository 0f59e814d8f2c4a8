// The tagger passes over emission rows whose weights are all zero; which rows those are is read from the table.
import * as assert from 'node:assert/strict';
import { TAG_COUNT } from '../../server/src/core/recognize/names/tags';
import { liveRows } from '../../server/src/core/recognize/names/tagger';

const live = (bits: Uint32Array, row: number) => (bits[row >>> 5] & (1 << (row & 31))) !== 0;

describe('live emission rows', () => {
  it('marks the rows with a weight that is not zero, and never row 0', () => {
    const rows = 70; // more than two words of bits
    const emission = new Int8Array(rows * TAG_COUNT);
    emission[0] = 5; // row 0 adds nothing whatever it holds
    emission[3 * TAG_COUNT + TAG_COUNT - 1] = -1; // the last weight of a row is enough
    emission[31 * TAG_COUNT] = 2;
    emission[32 * TAG_COUNT + 4] = 127;
    emission[69 * TAG_COUNT + 1] = -128;
    const bits = liveRows(emission);
    const found = Array.from({ length: rows }, (_, r) => r).filter((r) => live(bits, r));
    assert.deepEqual(found, [3, 31, 32, 69]);
  });
});
