// Background work waits for a gap between the editor's messages, and not for ever.
import * as assert from 'assert';
import { PassThrough } from 'stream';
import { watchActivity, whenQuiet } from '../../server/src/lsp/idle';

describe('whenQuiet', () => {
  it('waits while messages keep coming, resolves in the first gap, and gives up waiting after its limit', async () => {
    const input = new PassThrough();
    watchActivity(input);
    input.write('message');
    let quiet = false;
    const gap = whenQuiet(40, 10_000).then(() => (quiet = true));
    // Messages every 10 ms for 100 ms: no gap of 40 ms.
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 10));
      assert.strictEqual(quiet, false, `still busy after ${i + 1} messages`);
      input.write('message');
    }
    await gap;
    assert.strictEqual(quiet, true);
    // Always busy: the limit lets the work go on.
    const timer = setInterval(() => input.write('message'), 5);
    try {
      await whenQuiet(40, 100);
    } finally {
      clearInterval(timer);
    }
  });
});
