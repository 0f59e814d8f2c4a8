// Recognition scores tokens by a faster road than training does (static rows summed once per word form, context rows
// once per combination of their values, the live rows of the quantised table only); the scores must be those of
// training's features over the whole table, to the unit.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildTokenTable, extractFeatures, FEATURES_PER_TOKEN } from '../../server/src/core/recognize/names/features';
import { decodeModel } from '../../server/src/core/recognize/names/modelFile';
import { computeEmissions, constrain, Tagger, viterbi, viterbiScratch } from '../../server/src/core/recognize/names/tagger';
import { TAG_COUNT } from '../../server/src/core/recognize/names/tags';
import { tokenize } from '../../server/src/core/text/tokenize';
import { nameModelPath } from '../../server/src/node/nameModel';

// Our own text: running prose, a title-case headline, a line in capitals, a dateline, places, clubs and
// broadcasters the gazetteers and the lists of facts know, initials, digits and punctuation.
const TEXT = [
  'Floods Close Roads Across Northern England As Rivers Rise',
  'LEEDS, 3 March (Reuters) - Heavy rain closed roads in Leeds and York on Tuesday, the Environment Agency said.',
  'Manchester United beat Arsenal 2-1 at Old Trafford, and the BBC showed the game on BBC One.',
  'J. R. Smith, a spokesman for the Met Office, said more rain was expected in Wales and Scotland.',
  'KHERSON RESIDENTS RETURN AS FRONT MOVES EAST',
  'Residents of Kherson said Ukrainian forces had entered the city; Kherson had been held since March.',
  'McDonald\'s and eBay posted results; iPhone sales rose 5.2% to $3bn, and shares in Tesco fell.',
].join('\n');

describe('emission scores', () => {
  it('are those of the training features over the whole emission table', () => {
    const weights = decodeModel(new Uint8Array(readFileSync(nameModelPath()))).weights!;
    // One pass: the scores typeMargin reads are then the first pass's, which training's features give directly.
    const tagger = new Tagger({ ...weights, twoPass: false });
    const { tokens, sentences } = tokenize(TEXT);
    const ids = tagger.lexicon.idsOf(tokens.map((t) => TEXT.slice(t.start, t.end)));
    const mask = (1 << weights.rowBits) - 1;
    const table = buildTokenTable({ ids, sentences }, tagger.lexicon, weights.gazetteer, weights.places);
    const features = new Int32Array(ids.length * FEATURES_PER_TOKEN);
    extractFeatures(table, tagger.lexicon, sentences, mask, features, true);
    const expected = new Float64Array(ids.length * TAG_COUNT);
    computeEmissions(features, 0, ids.length, weights.first.emission, expected, FEATURES_PER_TOKEN);
    const { tags } = tagger.tagIds(ids, sentences);
    // typeMargin reads a span's begin score and its inside scores: spans of one and two tokens read both kinds at every token.
    const margin = (first: number, end: number, type: number): number => {
      const score = (t: number) => {
        let s = expected[first * TAG_COUNT + 2 * t + 1];
        for (let i = first + 1; i < end; i++) s += expected[i * TAG_COUNT + 2 * t + 2];
        return s;
      };
      let other = -Infinity;
      for (let u = 0; u < 4; u++) if (u !== type) other = Math.max(other, score(u));
      return score(type) - other;
    };
    let compared = 0;
    for (let i = 0; i < ids.length; i++) {
      for (let t = 0; t < 4; t++) {
        for (const end of [i + 1, i + 2]) {
          if (end > ids.length) continue;
          assert.equal(tagger.typeMargin(i, end, t), margin(i, end, t), `tokens ${i}-${end} (${TEXT.slice(tokens[i].start, tokens[end - 1].end)}), type ${t}`);
          compared++;
        }
      }
    }
    assert.equal(compared, (2 * ids.length - 1) * 4);
    // And the outside scores, through decoding: the same scores give the same tags.
    const { transition, start } = constrain(weights.first.transition, weights.first.start);
    const decoded = new Uint8Array(ids.length);
    for (const s of sentences) viterbi(expected, s.first, s.end, transition, start, decoded, viterbiScratch());
    assert.deepEqual(Array.from(tags), Array.from(decoded));
    assert.ok(decoded.some((t) => t !== 0));
    assert.ok(ids.length > 100);
  });
});
