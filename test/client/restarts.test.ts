import * as assert from 'assert';
import { MAX_RESTARTS, RestartPolicy, WINDOW_MS } from '../../client/src/restarts';

describe('restarting a crashed server', () => {
  it('restarts up to the limit within the window, tells once, then gives up and tells that once', () => {
    let now = 0;
    const policy = new RestartPolicy(() => now);
    const decisions = Array.from({ length: MAX_RESTARTS + 2 }, () => {
      now += 1000;
      return policy.crashed();
    });
    assert.deepStrictEqual(decisions, [
      { restart: true, tell: true },
      ...Array.from({ length: MAX_RESTARTS - 1 }, () => ({ restart: true, tell: false })),
      { restart: false, tell: true },
      { restart: false, tell: false },
    ]);
  });

  it('forgets crashes older than the window, and starts again after a restart by hand', () => {
    let now = 0;
    const policy = new RestartPolicy(() => now);
    for (let i = 0; i < MAX_RESTARTS; i++) assert.strictEqual(policy.crashed().restart, true);
    now += WINDOW_MS;
    assert.deepStrictEqual(policy.crashed(), { restart: true, tell: false }, 'the old crashes are out of the window');
    for (let i = 0; i < MAX_RESTARTS; i++) policy.crashed();
    assert.strictEqual(policy.crashed().restart, false);
    policy.reset();
    assert.deepStrictEqual(policy.crashed(), { restart: true, tell: false });
  });
});
