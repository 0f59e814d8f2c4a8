// The persistent index is written from slices of the index: on this thread at shutdown, in the background by a
// worker thread (the bundle's dist/worker.js, which `npm test` builds first), or between pauses here where no worker
// can start. Every way gives back the same documents, name table, groups and entities, whatever the analyses were
// held as: plain, packed in the indexer's string pool, or packed as a warm start read them from an earlier file.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeText } from '../../server/src/core/analyze';
import { createDateRecognizer } from '../../server/src/core/recognize/dates/index';
import { type NameStats, NameTable } from '../../server/src/core/corpus/nameTable';
import type { DocumentAnalysis, NameSpan } from '../../server/src/core/model';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { type CacheEntry, StringPool, cacheIdentity, compactAnalysis, readIndexCache, writeIndexCache, writeIndexCacheInSlices } from '../../server/src/node/indexCache';
import { nameModelPath } from '../../server/src/node/nameModel';
import { random } from '../../train/perceptron';
import { DECISION_POOL, freshIndex, makeDoc, recognizersFor } from './randomCorpus';

type Doc = { text: string; names: NameSpan[] };
const dates = createDateRecognizer();
const analysisOf = (uri: string, doc: Doc): DocumentAnalysis => analyzeText({ names: recognizersFor(doc.names).names, dates }, uri, 1, doc.text);
const WORKER = path.join(__dirname, '..', '..', 'dist', 'worker.js');
const identity = cacheIdentity(nameModelPath(), null, 'none');

/** What a cache file gives back, as plain data to compare. */
/** A name table as plain data, in its own order. */
const plainNames = (stats: Iterable<NameStats>) =>
  [...stats].map((s) => ({ ...s, docs: [...s.docs], forms: [...s.forms], typeDocs: s.typeDocs && Object.fromEntries(Object.entries(s.typeDocs).map(([t, m]) => [t, [...m!]])) }));

function contents(dir: string) {
  const back = readIndexCache(dir, identity);
  assert.strictEqual(back.problem, undefined);
  const entries = [...back.entries.values()].map((e) => ({
    file: e.file,
    size: e.size,
    mtimeMs: e.mtimeMs,
    userDate: e.userDate,
    uri: e.analysis.uri,
    title: e.analysis.title,
    referenceDate: e.analysis.referenceDate,
    articles: e.analysis.articles,
    mentions: e.analysis.mentions,
    lines: [[...e.lines.starts], [...e.lines.ends], e.lines.length],
    dates: e.dates,
  }));
  const names = plainNames(back.names ?? []).sort((a, b) => (a.key < b.key ? -1 : 1));
  const c = back.clusters;
  const clusters = c && { fingerprint: c.fingerprint, groups: [...c.groups], built: c.built && { registry: c.built.registry, state: Object.entries(c.built.state).map(([k, v]) => [k, [...(v as Iterable<unknown>)]]) } };
  return { entries, names, clusters };
}

describe('persistent index: written in slices', () => {
  it('on this thread, between pauses and by the worker thread, from plain, pooled and restored analyses alike', async function () {
    assert.ok(fs.existsSync(WORKER), `${WORKER} is built before the tests (npm test builds it)`);
    const next = random(4242);
    // More documents than one slice holds, so documents, groups and entities each span slices.
    const corpus = new Map<string, Doc>();
    for (let i = 0; i < 2300; i++) {
      const doc = makeDoc(next);
      corpus.set(`file:///doc${i}.txt`, { text: `${doc.text} The port reopened on ${1 + (i % 28)} March 2024.`, names: doc.names });
    }
    const index = freshIndex(corpus, DECISION_POOL[1], new Map(), next, analysisOf);
    index.entities();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-writer-'));
    try {
      // A third of the analyses as a warm start holds them: read back from a file written before.
      const uris = [...corpus.keys()];
      const entryOf = (uri: string, analysis: DocumentAnalysis): CacheEntry => ({ file: path.join(root, uri.slice(8)), size: corpus.get(uri)!.text.length, mtimeMs: 1000 + uri.length, userDate: uri.endsWith('7.txt') ? '2024-03-01' : null, analysis, lines: LineIndex.fromText(corpus.get(uri)!.text) });
      const earlier = path.join(root, 'earlier');
      writeIndexCache(earlier, identity, uris.filter((_, i) => i % 3 === 0).map((u) => entryOf(u, index.get(u)!.analysis)));
      const restored = readIndexCache(earlier, identity).entries;
      assert.strictEqual(restored.size, Math.ceil(uris.length / 3));
      // A third packed in the indexer's pool, as a cold index holds them; the rest plain.
      const pool = new StringPool();
      const entries = uris.map((uri, i) => (i % 3 === 0 ? restored.get(path.join(root, uri.slice(8)))! : entryOf(uri, i % 3 === 1 ? compactAnalysis(index.get(uri)!.analysis, pool) : index.get(uri)!.analysis)));

      const whole = path.join(root, 'whole');
      writeIndexCache(whole, identity, entries, index.exportClusters(), pool);
      const expected = contents(whole);
      assert.strictEqual(expected.entries.length, uris.length);
      assert.ok(expected.clusters?.built, 'the entities are written');
      const analyses = new Map(uris.map((u) => [u, index.get(u)!.analysis]));
      for (const e of expected.entries) assert.deepStrictEqual(e.mentions, analyses.get(e.uri)!.mentions, e.uri);
      // The name table is counted from the packed mentions: what a NameTable of the documents counts, in its order
      // (keys, and each key's documents and spellings, as first met).
      const table = new NameTable();
      for (const e of entries) table.add(e.analysis.uri, e.analysis.mentions);
      const written = plainNames(readIndexCache(whole, identity).names ?? []);
      assert.deepStrictEqual(written, plainNames(table.values()));
      assert.ok(written.some((s) => s.typeDocs) && written.some((s) => s.weak.person + s.weak.organization + s.weak.location + s.weak.misc > 0), 'keys of two types and weak names are among them');

      let pauses = 0;
      const pause = async () => void pauses++;
      const here = path.join(root, 'here');
      assert.strictEqual(await writeIndexCacheInSlices(here, identity, entries, index.exportClusters(), pause, () => true, { pool }), true);
      assert.ok(pauses > 10, 'paused between slices');
      assert.deepStrictEqual(contents(here), expected);

      const worker = path.join(root, 'worker');
      pauses = 0;
      assert.strictEqual(await writeIndexCacheInSlices(worker, identity, entries, index.exportClusters(), pause, () => true, { pool, offThread: true, script: WORKER }), true);
      assert.ok(pauses > 3, 'paused between slices');
      assert.deepStrictEqual(contents(worker), expected);
      assert.deepStrictEqual(fs.readdirSync(worker), ['index-cache.bin'], 'no temporary file is left');

      // Overtaken by a newer write: nothing takes the cache's place, and no temporary file is left.
      const overtaken = path.join(root, 'overtaken');
      assert.strictEqual(await writeIndexCacheInSlices(overtaken, identity, entries, index.exportClusters(), pause, () => false, { pool, offThread: true, script: WORKER }), false);
      assert.deepStrictEqual(fs.readdirSync(overtaken), []);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
