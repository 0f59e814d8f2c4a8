// The map's gazetteer on a table of our own: one entry per name (a country before a city, then the most
// populous), the count of others that share it, short forms and regions, and the names that are no point.
import * as assert from 'assert';
import { Gazetteer, notAPoint, placeKey } from '../../server/src/core/queries/gazetteer';

// Made-up coordinates and populations, in the build's format (kind, country, name, lat, lon, population, capital).
const TABLE = [
  '# a comment line',
  'country\tGB\tUnited Kingdom\t51.5\t-0.1\t0\tLondon',
  'country\tGE\tGeorgia\t41.7\t44.8\t0\tTbilisi',
  'city\tGB\tLondon\t51.5\t-0.1\t8000000\t',
  'city\tCA\tLondon\t43.0\t-81.2\t400000\t',
  'city\tUS\tGeorgia\t30.0\t-80.0\t20000\t',
  'city\tUS\tParis\t33.7\t-95.6\t25000\t',
  'city\tFR\tParis\t48.9\t2.4\t2100000\t',
  'city\tUS\tWashington, D.C.\t38.9\t-77.0\t600000\t',
  'city\tGB\tWashington\t54.9\t-1.5\t53000\t',
  'city\tPH\tAsia\t13.0\t121.0\t20000\t',
  'city\tXX\tBroken\tnorth\t1\t1\t',
].join('\n');

describe('core: the map gazetteer', () => {
  const { gazetteer, skipped } = Gazetteer.parse(TABLE);
  const where = (name: string) => {
    const m = gazetteer.lookup(name);
    return m && { at: `${m.place.kind} ${m.place.name}, ${m.place.country}`, others: m.place.others, readAs: m.readAs, region: m.region, assumed: m.assumed };
  };

  it('keeps one entry per name: a country before a city, then the most populous, counting the others', () => {
    assert.strictEqual(skipped, 1, 'the line with a latitude that is no number');
    assert.deepStrictEqual(where('Paris'), { at: 'city Paris, FR', others: 1, readAs: null, region: null, assumed: null });
    assert.deepStrictEqual(where('london'), { at: 'city London, GB', others: 1, readAs: null, region: null, assumed: null });
    assert.deepStrictEqual(where('Georgia'), { at: 'country Georgia, GE', others: 1, readAs: null, region: null, assumed: null });
    assert.strictEqual(where('Atlantis'), null);
  });

  it('reads short forms and the nations of the United Kingdom, and says so', () => {
    assert.deepStrictEqual(where('UK'), { at: 'country United Kingdom, GB', others: 0, readAs: 'the United Kingdom', region: null, assumed: null });
    assert.deepStrictEqual(where('U.K.'), where('UK'));
    assert.deepStrictEqual(where('the U.S.'), null, 'no United States row in this table: an alias finds only what the table has');
    assert.deepStrictEqual(where('England'), { at: 'city London, GB', others: 1, readAs: null, region: 'England', assumed: null });
    assert.deepStrictEqual(where('Washington'), {
      at: 'city Washington, D.C., US',
      others: 0,
      readAs: 'Washington, D.C.',
      region: null,
      assumed: 'assumed: the US capital (other places are called Washington)',
    });
  });

  it('looks names up without case, accents, punctuation or a leading "the"', () => {
    assert.strictEqual(placeKey('the Hague'), 'hague');
    assert.strictEqual(placeKey('Washington, D.C.'), 'washington d c');
    assert.strictEqual(placeKey('Türkiye'), 'turkiye');
    assert.strictEqual(placeKey('Côte d’Ivoire'), 'cote divoire');
  });

  it('places no continent and no US state, whatever town of that name the table has', () => {
    assert.strictEqual(notAPoint('Asia'), 'a continent: no single point');
    assert.strictEqual(notAPoint('New Mexico'), 'a US state: no single point');
    assert.strictEqual(notAPoint('Georgia'), null);
    assert.strictEqual(notAPoint('Paris'), null);
  });
});
