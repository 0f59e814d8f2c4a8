// A property of the pipeline: an index fed by random edits, additions, deletions and decisions, in random orders,
// gives exactly the entities, ids, types and final mentions of a fresh index of the same corpus and decisions.
import * as assert from 'assert';
import { analyzeText } from '../../server/src/core/analyze';
import type { SpanRecord } from '../../server/src/core/annotations/spans';
import { CorpusIndex } from '../../server/src/core/corpus/index';
import { NameTable } from '../../server/src/core/corpus/nameTable';
import type { NameSpan } from '../../server/src/core/model';
import { createAliasResolver } from '../../server/src/core/resolve/aliases';
import { random } from '../../train/perceptron';
import { DECISION_POOL, RECORD_POOL, decisionsOf, freshIndex, makeDoc, recognizersFor, recordOn, snapshot } from './randomCorpus';

describe('incremental updates give what a full resolution gives', () => {
  // Region: every change resolved over the keys it reaches only, however many, as a large corpus does.
  // Prepared: the resolver indexes a few keys between changes, as it does between a cold index's batches.
  for (const [mode, seeds] of [['whole', 25], ['region', 40], ['prepared', 15]] as const) {
  for (let seed = 1; seed <= seeds; seed++) {
    it(`random corpus, edits and decisions, seed ${seed}, ${mode} resolution`, () => {
      const next = random(seed * 7919 + (mode === 'region' ? 1 : mode === 'prepared' ? 2 : 0));
      const live = mode !== 'whole' ? new CorpusIndex({ resolver: createAliasResolver({ fullResolutionShare: Infinity }) }) : new CorpusIndex();
      const corpus = new Map<string, { text: string; names: NameSpan[] }>();
      let decisions = DECISION_POOL[0];
      const records = new Map<string, SpanRecord[]>();
      const put = (uri: string, doc: { text: string; names: NameSpan[] }) => {
        // Records on a replaced article would re-attach by its history; the property is about entities.
        records.delete(uri);
        live.setRecords(uri, null);
        corpus.set(uri, doc);
        live.set(analyzeText(recognizersFor(doc.names), uri, 1, doc.text), { text: doc.text });
      };
      for (let step = 0; step < 40; step++) {
        const r = next();
        const uri = `file:///doc${Math.floor(next() * 12)}.txt`;
        if (r < 0.55) put(uri, makeDoc(next));
        else if (r < 0.75) {
          corpus.delete(uri);
          live.delete(uri);
        } else if (r < 0.85) {
          decisions = DECISION_POOL[Math.floor(next() * DECISION_POOL.length)];
          live.setDecisions(decisionsOf(decisions));
        } else if (corpus.has(uri)) {
          // A decision on one mention: typed, put in a registry entity, or not an entity.
          const doc = corpus.get(uri)!;
          const name = doc.names[Math.floor(next() * doc.names.length)];
          const record = recordOn(doc.text, name, RECORD_POOL[Math.floor(next() * RECORD_POOL.length)], `r${step}`);
          const list = [...(records.get(uri) ?? []).filter((x) => x.start !== record.start), record];
          records.set(uri, list);
          live.setRecords(uri, list);
        }
        if (mode === 'prepared' && next() < 0.6) live.prepareEntities(1 + Math.floor(next() * 4));
        // Questions asked between changes must not change what later answers are.
        if (next() < 0.5) live.entities();
        if (step % 10 === 9) assert.strictEqual(snapshot(live), snapshot(freshIndex(corpus, decisions, records, next)), `after step ${step}`);
      }
      assert.strictEqual(snapshot(live), snapshot(freshIndex(corpus, decisions, records, next)));
    });
  }
  }

  it('preparing reads only the keys new since it last looked, and says when every key is indexed', () => {
    const table = new NameTable();
    const resolver = createAliasResolver();
    const mention = (key: string) => ({ start: 0, end: key.length, type: 'person' as const, text: key, key, value: null });
    for (let i = 0; i < 5; i++) table.add(`file:///a${i}.txt`, [mention(`name${i}`)]);
    assert.strictEqual(resolver.prepare!(table, 3), false);
    assert.strictEqual(resolver.prepare!(table, 3), true);
    table.add('file:///b.txt', [mention('later')]);
    assert.strictEqual(resolver.prepare!(table, 0), false);
    assert.strictEqual(resolver.prepare!(table, 1), true);
    // Keys coming and going as text is typed: the list of arrivals starts again rather than grow without end.
    const { epoch } = table.arrivals();
    for (let i = 0; i < 12_000; i++) {
      table.add('file:///c.txt', [mention(`typing${i}`)]);
      table.remove('file:///c.txt', [mention(`typing${i}`)]);
    }
    table.add('file:///c.txt', [mention('kept')]);
    assert.notStrictEqual(table.arrivals().epoch, epoch);
    assert.ok(table.arrivals().keys.length < 2 * table.size + 10_001);
    assert.strictEqual(resolver.prepare!(table, 0), false);
    assert.strictEqual(resolver.prepare!(table, 1), true);
  });

  it('a surname indexed before the full name joins it, as a fresh index would have it', () => {
    const a = { text: 'Putin said it.', names: [{ start: 0, end: 5, type: 'person' as const }] };
    const b = { text: 'Russian President Vladimir Putin spoke.', names: [{ start: 18, end: 32, type: 'person' as const }] };
    const live = new CorpusIndex();
    live.set(analyzeText(recognizersFor(a.names), 'file:///a.txt', 1, a.text), { text: a.text });
    live.entities();
    live.set(analyzeText(recognizersFor(b.names), 'file:///b.txt', 1, b.text), { text: b.text });
    const ids = [...live.all()].map((d) => d.mentions[0].entity);
    assert.deepStrictEqual(ids, ['vladimir-putin', 'vladimir-putin']);
  });
});
