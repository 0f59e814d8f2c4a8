// The lexicon's id table: a word form's id is found from the characters of the text it stands in, is the same
// however it is looked up, survives the table's growth, and two forms with the same hash keep their own ids.
import * as assert from 'node:assert/strict';
import { hashString } from '../../server/src/core/recognize/names/hash';
import { Lexicon } from '../../server/src/core/recognize/names/lexicon';

function lexicon(): Lexicon {
  return new Lexicon((1 << 16) - 1, new Map(), new Map());
}

describe('lexicon ids', () => {
  it('gives a form the same id from a string or from a range of a text', () => {
    const lex = lexicon();
    const text = 'Kherson and kherson, Kherson.';
    const a = lex.idAt(text, 0, 7);
    assert.equal(lex.idAt(text, 21, 28), a);
    assert.equal(lex.id('Kherson'), a);
    assert.equal(lex.words[a], 'Kherson');
    const lower = lex.idAt(text, 12, 19);
    assert.notEqual(lower, a);
    assert.equal(lex.lowerId(a), lower);
    assert.equal(lex.idAt(text, 19, 20), lex.id(','));
    assert.equal(lex.size, 3);
  });

  it('keeps every id when the table grows', () => {
    const lex = lexicon();
    const forms = Array.from({ length: 5000 }, (_, k) => `w${k}`);
    const ids = forms.map((w) => lex.id(w));
    assert.equal(new Set(ids).size, forms.length);
    assert.deepEqual(forms.map((w) => lex.idAt(` ${w} `, 1, w.length + 1)), ids);
  });

  it('tells apart two forms whose hashes are equal', () => {
    // Found by search: the table's hash cannot tell these apart, only their characters can.
    assert.equal(hashString('acyoqd'), hashString('cbbigb'));
    const lex = lexicon();
    const a = lex.id('acyoqd');
    const b = lex.id('cbbigb');
    assert.notEqual(a, b);
    assert.equal(lex.idAt('x cbbigb', 2, 8), b);
    assert.equal(lex.idAt('acyoqd x', 0, 6), a);
    assert.deepEqual([lex.words[a], lex.words[b]], ['acyoqd', 'cbbigb']);
  });

  it('starts again from nothing past its limit', () => {
    const lex = lexicon();
    lex.id('alpha');
    lex.id('beta');
    lex.limit(1);
    assert.equal(lex.size, 0);
    assert.equal(lex.id('beta'), 0);
    assert.equal(lex.words[0], 'beta');
  });
});
