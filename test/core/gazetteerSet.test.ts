// The tagger's gazetteers (training names, places, facts) are marked together through one merged table; each must
// get exactly the codes its own mark gives: longest matches, per type, case rules, and entries that continue.
import * as assert from 'node:assert/strict';
import { Gazetteer, GazetteerSet } from '../../server/src/core/recognize/names/gazetteer';
import { hashString } from '../../server/src/core/recognize/names/hash';
import { CAPS, LOWER, OTHER, TITLE } from '../../server/src/core/recognize/names/wordShape';

/** A small deterministic generator: the same cases on every run. */
function generator(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = ['port', 'aster', 'city', 'north', 'bank', 'of', 'the', 'river', 'united', 'kessel', 'dunhallow', ',', 'and'];

describe('gazetteers marked together', () => {
  it('give each gazetteer the codes of its own mark', () => {
    const random = generator(11);
    const pick = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]);
    let marked = 0;
    for (let round = 0; round < 200; round++) {
      // Three gazetteers over the same small vocabulary, so that their entries share words and prefixes; the last
      // one is sometimes empty. One changes after the set has marked once, which must be seen.
      const members = [new Gazetteer(), new Gazetteer(), new Gazetteer()];
      members.forEach((g, m) => {
        const entries = m === 2 && round % 5 === 0 ? 0 : 1 + Math.floor(random() * 12);
        for (let e = 0; e < entries; e++) g.add(pick(1 + Math.floor(random() * 4)), Math.floor(random() * 4));
      });
      const set = new GazetteerSet(members);
      for (let pass = 0; pass < 2; pass++) {
        if (pass === 1) members[1].add(pick(2), Math.floor(random() * 4));
        const n = 5 + Math.floor(random() * 40);
        const words = pick(n);
        const lower = Int32Array.from(words, (w) => hashString(w));
        const classes = Uint8Array.from(words, (w) => (w === ',' ? OTHER : random() < 0.3 ? LOWER : random() < 0.5 ? TITLE : CAPS));
        const sentences = [{ first: 0, end: Math.floor(n / 2) }, { first: Math.floor(n / 2), end: n }];
        const together = members.map(() => new Uint8Array(n * 4));
        set.mark(lower, classes, sentences, together);
        members.forEach((g, m) => {
          const alone = new Uint8Array(n * 4);
          g.mark(lower, classes, sentences, alone);
          assert.deepEqual(Array.from(together[m]), Array.from(alone), `round ${round}, pass ${pass}, gazetteer ${m}`);
          marked += alone.filter((c) => c !== 0).length;
        });
      }
    }
    assert.ok(marked > 500);
  });
});
