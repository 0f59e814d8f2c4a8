// A Map filled on first use behaves as the Map it fills, whichever method is called first.
import * as assert from 'assert';
import { LazyMap } from '../../server/src/core/corpus/lazyMap';

describe('LazyMap', () => {
  const make = () => {
    let fills = 0;
    const map = new LazyMap<string, number>((m) => {
      fills++;
      m.set('a', 1).set('b', 2);
    });
    return { map, fills: () => fills };
  };
  const uses: [string, (m: Map<string, number>) => unknown, unknown][] = [
    ['size', (m) => m.size, 2],
    ['get', (m) => m.get('b'), 2],
    ['has', (m) => m.has('a'), true],
    ['keys', (m) => [...m.keys()], ['a', 'b']],
    ['values', (m) => [...m.values()], [1, 2]],
    ['entries', (m) => [...m.entries()], [['a', 1], ['b', 2]]],
    ['iteration', (m) => [...m], [['a', 1], ['b', 2]]],
    ['forEach', (m) => { const out: string[] = []; m.forEach((v, k) => out.push(k + v)); return out; }, ['a1', 'b2']],
    ['copy', (m) => [...new Map(m)], [['a', 1], ['b', 2]]],
    ['set', (m) => [...m.set('c', 3)], [['a', 1], ['b', 2], ['c', 3]]],
    ['delete', (m) => [m.delete('a'), [...m]], [true, [['b', 2]]]],
  ];
  for (const [name, use, expected] of uses) {
    it(`is filled once, by ${name} first`, () => {
      const { map, fills } = make();
      assert.strictEqual(fills(), 0);
      assert.deepStrictEqual(use(map), expected);
      assert.strictEqual(map.size, [...map].length);
      assert.strictEqual(fills(), 1);
    });
  }
  it('tells a size it was given without filling, and the filled size once filled', () => {
    let fills = 0;
    const map = new LazyMap<string, number>((m) => {
      fills++;
      m.set('a', 1).set('b', 2);
    }, 2);
    assert.strictEqual(map.size, 2);
    assert.strictEqual(fills, 0);
    map.set('c', 3);
    assert.strictEqual(map.size, 3);
    assert.strictEqual(fills, 1);
  });
  it('cleared before use, is empty and never filled', () => {
    const { map, fills } = make();
    map.clear();
    assert.strictEqual(map.size, 0);
    assert.strictEqual(fills(), 0);
  });
});
