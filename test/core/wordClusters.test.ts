// Word clusters (train/clusters.ts) and the model file that carries them.
import * as assert from 'assert';
import { wordClusters } from '../../train/clusters';
import { CLUSTER_BITS } from '../../server/src/core/recognize/names/features';
import { hashString } from '../../server/src/core/recognize/names/hash';
import { decodeModel } from '../../server/src/core/recognize/names/modelFile';

/** One document per line, one sentence per document. */
function docs(lines: string[]): { words: string[]; sentences: { first: number; end: number }[] }[] {
  return lines.map((line) => {
    const words = line.split(' ');
    return { words, sentences: [{ first: 0, end: words.length }] };
  });
}

const TEXT = docs([
  'Mr Harlow said the plan was good .',
  'Mr Okafor said the plan was bad .',
  'Mr Harlow met Mr Okafor in Calder on Monday .',
  'Mr Okafor met Mr Harlow in Brennick on Tuesday .',
  'they flew to Calder on Tuesday and to Brennick on Monday .',
  'they flew to Brennick on Monday and to Calder on Tuesday .',
  'Mr Harlow said the plan was good in Calder .',
  'Mr Okafor said the plan was bad in Brennick .',
]);

const classOf = (clusters: Map<number, number>, word: string, k: number) => ((clusters.get(hashString(word)) ?? 0) >>> (k * CLUSTER_BITS)) & ((1 << CLUSTER_BITS) - 1);

describe('word clusters', () => {
  it('puts words met between the same neighbours in one class, and others apart', () => {
    const clusters = wordClusters(TEXT, { sizes: [4], minCount: 2, contexts: 100, passes: 10 }, () => {});
    assert.strictEqual(classOf(clusters, 'Harlow', 0), classOf(clusters, 'Okafor', 0));
    assert.strictEqual(classOf(clusters, 'Calder', 0), classOf(clusters, 'Brennick', 0));
    assert.notStrictEqual(classOf(clusters, 'Harlow', 0), classOf(clusters, 'Calder', 0));
    assert.notStrictEqual(classOf(clusters, 'Harlow', 0), 0, 'a clustered word has a class');
  });

  it('gives a word seen too rarely no class, and gives the same classes on every run', () => {
    const options = { sizes: [3, 5], minCount: 2, contexts: 100, passes: 10 };
    const a = wordClusters(TEXT, options, () => {});
    const b = wordClusters(TEXT, options, () => {});
    assert.deepStrictEqual([...a], [...b]);
    assert.strictEqual(a.has(hashString('flew')), true);
    assert.strictEqual(a.has(hashString('good')), true);
    assert.strictEqual(a.has(hashString('Dorrin')), false);
  });
});

describe('name model file', () => {
  it('says which version a model file of another version is', () => {
    const header = new DataView(new ArrayBuffer(36));
    header.setInt32(0, 0x4d4e4c41, true);
    header.setInt32(4, 3, true);
    const decoded = decodeModel(new Uint8Array(header.buffer));
    assert.strictEqual(decoded.weights, null);
    assert.match(decoded.problem ?? '', /version 3; this version reads version 4 \(rebuild it with npm run train\)/);
  });
});
