// A warm start loads documents in bulk with the name table persisted beside them (CorpusIndex.restore): with the
// user's decisions, records, articles changed or gone since the cache was written, and articles open in the editor,
// it gives exactly the entities and final mentions of a fresh index of the same corpus and decisions.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeText } from '../../server/src/core/analyze';
import { createDateRecognizer } from '../../server/src/core/recognize/dates/index';
import type { SpanRecord } from '../../server/src/core/annotations/spans';
import { CorpusIndex } from '../../server/src/core/corpus/index';
import { type NameStats, NameTable } from '../../server/src/core/corpus/nameTable';
import type { DocumentAnalysis, NameSpan } from '../../server/src/core/model';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { StringPool, cacheIdentity, compactAnalysis, readIndexCache, writeIndexCache, writeIndexCacheInSlices } from '../../server/src/node/indexCache';
import { nameModelPath } from '../../server/src/node/nameModel';
import { random } from '../../train/perceptron';
import { DECISION_POOL, RECORD_POOL, decisionsOf, freshIndex, makeDoc, recognizersFor, recordOn, snapshot } from './randomCorpus';

type Doc = { text: string; names: NameSpan[] };
const dates = createDateRecognizer();
const analysisOf = (uri: string, doc: Doc): DocumentAnalysis => analyzeText({ names: recognizersFor(doc.names).names, dates }, uri, 1, doc.text);
const MONTHS = ['January', 'March', 'June', 'October'];
/** A random article of randomCorpus.ts with a date or two: the date index is restored too. */
function datedDoc(next: () => number): Doc {
  const doc = makeDoc(next);
  let text = doc.text;
  for (let i = Math.floor(next() * 3); i > 0; i--) text += `The harbour closed on ${1 + Math.floor(next() * 28)} ${MONTHS[Math.floor(next() * MONTHS.length)]} 2024. `;
  return { text, names: doc.names };
}

describe('warm start: documents restored with their persisted name table', () => {
  for (let seed = 1; seed <= 30; seed++) {
    it(`random corpus and decisions, seed ${seed}`, () => {
      const next = random(seed * 104729);
      // What the cache holds: the analyses of the articles as they were when it was written.
      const cached = new Map<string, Doc>();
      const count = 4 + Math.floor(next() * 8);
      for (let i = 0; i < count; i++) cached.set(`file:///doc${i}.txt`, datedDoc(next));
      // Written to a persistent index and read back, as a warm start reads it: the analyses' mentions are made from
      // its tables when first read, and the name table comes with them.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-restore-'));
      const identity = cacheIdentity(nameModelPath(), null, 'none');
      let back: ReturnType<typeof readIndexCache>;
      try {
        writeIndexCache(dir, identity, [...cached].map(([uri, doc]) => ({ file: uri, size: doc.text.length, mtimeMs: 1, userDate: null, analysis: analysisOf(uri, doc), lines: LineIndex.fromText(doc.text) })));
        back = readIndexCache(dir, identity);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      assert.strictEqual(back.problem, undefined);
      const entries = back.entries;
      const table = back.names!;
      const analyses = new Map([...entries.values()].map((e) => [e.analysis.uri, e.analysis]));

      // The workspace now: some articles changed or gone, one new, one open in the editor with unsaved text.
      const corpus = new Map(cached);
      const changed: string[] = [];
      for (const uri of cached.keys()) {
        const r = next();
        if (r < 0.15) corpus.delete(uri);
        else if (r < 0.3) {
          corpus.set(uri, datedDoc(next));
          changed.push(uri);
        }
      }
      corpus.set('file:///new.txt', datedDoc(next));
      const openUri = next() < 0.5 ? [...corpus.keys()][0] : null;
      if (openUri) corpus.set(openUri, datedDoc(next));

      const decisions = DECISION_POOL[Math.floor(next() * DECISION_POOL.length)];
      const records = new Map<string, SpanRecord[]>();
      for (const [uri, doc] of corpus) {
        if (next() < 0.3 && !changed.includes(uri) && uri !== openUri && cached.has(uri)) {
          const name = doc.names[Math.floor(next() * doc.names.length)];
          records.set(uri, [recordOn(doc.text, name, RECORD_POOL[Math.floor(next() * RECORD_POOL.length)], `r${uri}`)]);
        }
      }

      const texts = new Map([...corpus].map(([uri, d]) => [uri, d.text]));
      const warm = new CorpusIndex({ loadText: (uri) => texts.get(uri) ?? '' });
      warm.setDecisions(decisionsOf(decisions));
      for (const [uri, list] of records) warm.setRecords(uri, list);
      // The editor opened an article before the indexer got to the cache.
      if (openUri) warm.set(analysisOf(openUri, corpus.get(openUri)!), { text: corpus.get(openUri)!.text });
      const taken = [...cached.keys()].filter((uri) => corpus.has(uri) && !changed.includes(uri) && uri !== openUri);
      const dropped = [...cached.keys()].filter((uri) => !taken.includes(uri) && uri !== openUri).map((uri) => analyses.get(uri)!);
      // The open article's cached analysis is offered too: the one the editor holds wins.
      const offered = [...taken, ...(openUri && cached.has(openUri) ? [openUri] : [])];
      warm.restore(
        offered.map((uri) => entries.get(uri)!),
        table,
        dropped,
      );
      // Then the indexer analyses what the cache could not give.
      for (const uri of [...changed.filter((u) => corpus.has(u)), 'file:///new.txt']) warm.set(analysisOf(uri, corpus.get(uri)!), { text: corpus.get(uri)!.text });

      const fresh = freshIndex(corpus, decisions, records, next, analysisOf);
      assert.strictEqual(snapshot(warm), snapshot(fresh));
      const values = new Set([...corpus.values()].flatMap((d) => [...d.text.matchAll(/on (\d+ \w+ 2024)/g)].map((m) => m[1])));
      const values2 = [...fresh.all()].flatMap((d) => d.mentions.filter((m) => m.value !== null).map((m) => m.value!));
      assert.ok(values.size === 0 || values2.length > 0, 'the fixture has dates the recogniser reads');
      for (const v of values2) assert.deepStrictEqual(warm.documentsWithValue(v), fresh.documentsWithValue(v), `documents dated ${v}`);
      assert.strictEqual(warm.exportClusters()?.fingerprint, fresh.exportClusters()?.fingerprint, 'the same name table');
    });
  }

  for (let seed = 1; seed <= 20; seed++) {
    it(`an unchanged corpus takes its entities from the cache, and later changes update them, seed ${seed}`, () => {
      const next = random(seed * 7727);
      const corpus = new Map<string, Doc>();
      for (let i = 0; i < 4 + Math.floor(next() * 8); i++) corpus.set(`file:///doc${i}.txt`, datedDoc(next));
      const written = DECISION_POOL[Math.floor(next() * DECISION_POOL.length)];
      // The user's registry may have changed since: the entities are then built again from the cached groups.
      const now = next() < 0.7 ? written : DECISION_POOL[Math.floor(next() * DECISION_POOL.length)];
      const records = new Map<string, SpanRecord[]>();
      const before = freshIndex(corpus, written, records, next, analysisOf);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-built-'));
      const identity = cacheIdentity(nameModelPath(), null, 'none');
      let back: ReturnType<typeof readIndexCache>;
      try {
        const entries = [...corpus].map(([uri, doc]) => ({ file: uri, size: doc.text.length, mtimeMs: 1, userDate: null, analysis: analysisOf(uri, doc), lines: LineIndex.fromText(doc.text) }));
        before.entities();
        writeIndexCache(dir, identity, entries, before.exportClusters());
        back = readIndexCache(dir, identity);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      assert.strictEqual(back.problem, undefined);
      assert.ok(back.clusters?.built, 'the cache holds the built entities');
      const texts = new Map([...corpus].map(([uri, d]) => [uri, d.text]));
      const warm = new CorpusIndex({ loadText: (uri) => texts.get(uri) ?? '' });
      warm.setDecisions(decisionsOf(now));
      warm.restore([...back.entries.values()], back.names!, []);
      // Other decisions may change the name table itself (a spelling rejected): its groups are then refused.
      const restored = warm.restoreClusters(back.clusters);
      if (now === written) assert.strictEqual(restored, true);
      assert.strictEqual(snapshot(warm), snapshot(freshIndex(corpus, now, records, next, analysisOf)));
      // Changes after the restore are resolved incrementally from the restored entities.
      for (let step = 0; step < 4; step++) {
        const uri = `file:///doc${Math.floor(next() * 12)}.txt`;
        const doc = datedDoc(next);
        corpus.set(uri, doc);
        texts.set(uri, doc.text);
        warm.set(analysisOf(uri, doc), { text: doc.text });
        warm.entities();
      }
      assert.strictEqual(snapshot(warm), snapshot(freshIndex(corpus, now, records, next, analysisOf)));
    });
  }

  for (let seed = 1; seed <= 15; seed++) {
    it(`analyses held compactly after indexing answer as the analyses themselves, seed ${seed}`, () => {
      const next = random(seed * 3571);
      const corpus = new Map<string, Doc>();
      for (let i = 0; i < 3 + Math.floor(next() * 8); i++) corpus.set(`file:///doc${i}.txt`, datedDoc(next));
      const decisions = DECISION_POOL[Math.floor(next() * DECISION_POOL.length)];
      const records = new Map<string, SpanRecord[]>();
      for (const [uri, doc] of corpus) {
        if (next() < 0.3) records.set(uri, [recordOn(doc.text, doc.names[0], RECORD_POOL[Math.floor(next() * RECORD_POOL.length)], `r${uri}`)]);
      }
      const texts = new Map([...corpus].map(([uri, d]) => [uri, d.text]));
      const compact = new CorpusIndex({ loadText: (uri) => texts.get(uri) ?? '' });
      compact.setDecisions(decisionsOf(decisions));
      for (const [uri, list] of records) compact.setRecords(uri, list);
      const pool = new StringPool();
      for (const [uri, doc] of corpus) {
        const analysis = analysisOf(uri, doc);
        compact.set(analysis, { lines: LineIndex.fromText(doc.text) });
        const held = compactAnalysis(analysis, pool);
        assert.deepStrictEqual(held.mentions, analysis.mentions);
        assert.strictEqual(compact.holdCompactly(analysis, compactAnalysis(analysis, pool)), true);
      }
      assert.strictEqual(snapshot(compact), snapshot(freshIndex(corpus, decisions, records, next, analysisOf)));
      // Decisions made afterwards apply to them as to any.
      const later = DECISION_POOL[Math.floor(next() * DECISION_POOL.length)];
      compact.setDecisions(decisionsOf(later));
      assert.strictEqual(snapshot(compact), snapshot(freshIndex(corpus, later, records, next, analysisOf)));
    });
  }

  it('a write in slices keeps the entities of the moment it began, whatever the user decides meanwhile', async () => {
    const next = random(99);
    const corpus = new Map<string, Doc>();
    for (let i = 0; i < 1200; i++) corpus.set(`file:///doc${i}.txt`, datedDoc(next));
    const index = freshIndex(corpus, DECISION_POOL[0], new Map(), next, analysisOf);
    index.entities();
    const entries = [...corpus].map(([uri, doc]) => ({ file: uri, size: doc.text.length, mtimeMs: 1, userDate: null, analysis: index.get(uri)!.analysis, lines: LineIndex.fromText(doc.text) }));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-slices-'));
    const identity = cacheIdentity(nameModelPath(), null, 'none');
    try {
      let changes = 0;
      // Between slices the user decides on entities (the registry), which updates the entities in place.
      const pause = async () => {
        index.setDecisions(decisionsOf(DECISION_POOL[changes++ % 2 === 0 ? 4 : 3]));
        index.entities();
      };
      await writeIndexCacheInSlices(dir, identity, entries, index.exportClusters(), pause, () => true);
      assert.ok(changes >= 2, 'the write paused between slices');
      const back = readIndexCache(dir, identity);
      const warm = new CorpusIndex({ loadText: (uri) => corpus.get(uri)?.text ?? '' });
      warm.restore([...back.entries.values()], back.names!, []);
      assert.strictEqual(warm.restoreClusters(back.clusters), true);
      assert.strictEqual(snapshot(warm), snapshot(freshIndex(corpus, DECISION_POOL[0], new Map(), next, analysisOf)));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the persistent index gives back the name table of the analyses it holds', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-names-'));
    try {
      const next = random(17);
      const entries = Array.from({ length: 12 }, (_, i) => {
        const doc = datedDoc(next);
        const analysis = analysisOf(`file:///doc${i}.txt`, doc);
        return { file: path.join(dir, `doc${i}.txt`), size: doc.text.length, mtimeMs: 1, userDate: null, analysis, lines: LineIndex.fromText(doc.text) };
      });
      const identity = cacheIdentity(nameModelPath(), null, 'none');
      writeIndexCache(dir, identity, entries);
      const back = readIndexCache(dir, identity);
      assert.strictEqual(back.problem, undefined);
      const table = new NameTable();
      for (const e of entries) table.add(e.analysis.uri, e.analysis.mentions);
      // As plain data: the restored per-document counts are Maps filled on first use.
      const plain = (list: Iterable<NameStats>) =>
        [...list]
          .map((s) => ({ ...s, docs: [...s.docs], forms: [...s.forms], typeDocs: s.typeDocs && Object.fromEntries(Object.entries(s.typeDocs).map(([t, m]) => [t, [...m!]])) }))
          .sort((a, b) => (a.key < b.key ? -1 : 1));
      assert.ok([...table.values()].some((s) => s.typeDocs), 'the fixture has a name of two types');
      assert.deepStrictEqual(plain(back.names!), plain(table.values()));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
