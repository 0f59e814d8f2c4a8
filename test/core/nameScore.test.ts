import * as assert from 'assert';
import { nameScore } from '../../server/src/core/queries/nameScore';

describe('ranking the fuzzy search: how close a query is to a spelling', () => {
  const ranked = (query: string, spellings: string[]) => [...spellings].sort((a, b) => nameScore(query, a) - nameScore(query, b));

  it('puts the spelling one slip away above those that only share letters', () => {
    assert.deepStrictEqual(ranked('Blar', ['Blackberry', 'Barclays', 'Belarus', 'Blair']), ['Blair', 'Blackberry', 'Barclays', 'Belarus']);
    assert.deepStrictEqual(ranked('Tonny Blair', ['Blair Tony', 'Tony Blair']), ['Tony Blair', 'Blair Tony']);
  });

  it('scores a word of the spelling, a run of its words, and a name still being typed', () => {
    assert.strictEqual(nameScore('Blair', 'Tony Blair'), 0);
    assert.strictEqual(nameScore('tony blair', 'Mr Tony Blair'), 0);
    assert.strictEqual(nameScore('Stoltenburg', 'Jens Stoltenberg'), 1 / 11);
    assert.strictEqual(nameScore('Milbrun', 'Alan Milburn'), 1 / 7, 'a swap of two letters is one edit');
    assert.strictEqual(nameScore('Stolt', 'Jens Stoltenberg'), 0.5 / 5, 'a prefix, a shade below the whole word');
    assert.strictEqual(nameScore('Zelenskyy', 'Zelenský'), 1 / 9, 'accents and case aside');
    assert.strictEqual(nameScore('', 'Blair'), 1);
  });
});
