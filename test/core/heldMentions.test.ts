// An archive's mentions are held packed (16 bytes each) and made as objects only when read. Reading them must not
// turn, question after question, into a copy of every mention as objects: only the documents read last keep their
// made mentions, and a document no decision touches keeps no decided copy of its own.
import * as assert from 'assert';
import { NO_RULES, applyDecisions } from '../../server/src/core/annotations/apply';
import type { Mention } from '../../server/src/core/model';
import { nameKey } from '../../server/src/core/resolve/names';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { CachedAnalysis, LineArena, MADE_KEPT, MENTION_INTS, MentionArena, MentionTables, StringPool, compactAnalysis, packMention } from '../../server/src/node/indexCacheTables';

const name = (start: number, text: string, type: Mention['type'] = 'person'): Mention => ({ start, end: start + text.length, text, type, value: null, key: nameKey(text) });

/** `n` documents of a harbour town's news, two mentions each, packed into one table as a warm start holds them. */
function packedCorpus(n: number): { analyses: CachedAnalysis[]; mentions: Mention[][] } {
  const pool = new StringPool();
  const mentions: Mention[][] = [];
  for (let d = 0; d < n; d++) mentions.push([name(0, `Harbourmaster Ilse Varga ${d % 7}`), { start: 40, end: 50, text: '3 May 2024', type: 'date', value: '2024-05-03', key: null }]);
  const flat = new Int32Array(2 * n * MENTION_INTS);
  const extras: number[] = [];
  mentions.flat().forEach((m, i) => packMention(m, pool.intern, flat, i * MENTION_INTS, extras, 'test'));
  const tables = new MentionTables(flat, Int32Array.from(extras), pool);
  const analyses = mentions.map((_, d) => new CachedAnalysis(`file:///harbour/${d}.txt`, `Harbour ${d}`, null, [], tables, 2 * d, 2, d));
  return { analyses, mentions };
}

describe('mentions held packed', () => {
  it('keeps made mentions for the documents read last only, and makes the others again, equal, when read', () => {
    const { analyses, mentions } = packedCorpus(MADE_KEPT + 50);
    const first = analyses[0].mentions;
    assert.deepStrictEqual(first, mentions[0]);
    assert.strictEqual(analyses[0].mentions, first, 'read again at once: the same objects');
    for (const a of analyses) void a.mentions;
    // The first 50 documents were read longest ago: theirs were dropped.
    assert.strictEqual(analyses[0].made, null);
    assert.strictEqual(analyses[49].made, null);
    assert.notStrictEqual(analyses[50].made, null);
    assert.notStrictEqual(analyses[analyses.length - 1].made, null);
    assert.strictEqual(analyses.filter((a) => a.made !== null).length, MADE_KEPT);
    // Made again from the tables, they are what they were.
    assert.deepStrictEqual(analyses[0].mentions, mentions[0]);
    assert.deepStrictEqual(analyses[10].mentions, mentions[10]);
  });

  it('a scan reads each mention\'s start, type, key and value as made mentions have them, without making them', () => {
    const { analyses, mentions } = packedCorpus(5);
    for (const [d, a] of analyses.entries()) {
      const seen: unknown[] = [];
      assert.strictEqual(a.scanMentions((start, type, key, value) => seen.push({ start, type, key, value })), true);
      assert.strictEqual(a.made, null, 'nothing made');
      assert.deepStrictEqual(seen, mentions[d].map((m) => ({ start: m.start, type: m.type, key: m.key, value: m.value })));
    }
    analyses[0].mentions = [name(3, 'Mayor Tomas Brill')];
    assert.strictEqual(analyses[0].scanMentions(() => undefined), false, 'replaced: the caller reads the mentions');
  });

  it('makes only the mentions a question takes, equal to those made whole, and none else', () => {
    const { analyses, mentions } = packedCorpus(4);
    const dated = (_: string, key: string | null, value: string | null) => key === null && value !== null;
    for (const [d, a] of analyses.entries()) {
      assert.deepStrictEqual(a.mentionsWhere(dated), mentions[d].filter((m) => m.key === null && m.value !== null));
      assert.deepStrictEqual(a.mentionsWhere((type) => type === 'person'), mentions[d].filter((m) => m.type === 'person'));
      assert.strictEqual(a.made, null, 'nothing made whole');
    }
    void analyses[1].mentions;
    assert.deepStrictEqual(analyses[1].mentionsWhere(dated), mentions[1].filter((m) => m.value !== null));
    analyses[2].mentions = [name(3, 'Mayor Tomas Brill')];
    assert.strictEqual(analyses[2].mentionsWhere(dated), null, 'replaced: the caller reads the mentions');
  });

  it('a document whose mentions were set from outside keeps them, whatever is read after', () => {
    const { analyses } = packedCorpus(MADE_KEPT + 10);
    const own = [name(3, 'Mayor Tomas Brill')];
    analyses[0].mentions = own;
    for (const a of analyses.slice(1)) void a.mentions;
    assert.strictEqual(analyses[0].mentions, own);
  });

  it('a document no decision touches gets the recogniser\'s own list back, not a copy', () => {
    const raw = [name(0, 'Ilse Varga'), name(20, 'Port Talvi', 'location')];
    const elsewhere = { ...NO_RULES, rejected: new Set([nameKey('Quay Nine')]) };
    assert.strictEqual(applyDecisions(null, raw, NO_RULES, []), raw);
    assert.strictEqual(applyDecisions(null, raw, elsewhere, []), raw);
    // A rule on one of its spellings copies the list, and leaves the recogniser's as it was.
    const rejected = applyDecisions(null, raw, { ...NO_RULES, rejected: new Set([nameKey('Port Talvi')]) }, []);
    assert.deepStrictEqual(rejected, [raw[0]]);
    assert.strictEqual(rejected[0], raw[0]);
    const typed = applyDecisions(null, raw, { ...NO_RULES, typed: new Map([[nameKey('Ilse Varga'), 'organization' as const]]) }, []);
    assert.deepStrictEqual(typed, [{ ...raw[0], type: 'organization', confirmed: true }, raw[1]]);
    assert.strictEqual(raw.length, 2);
    assert.strictEqual(raw[0].type, 'person');
  });
});

describe('analyses held in shared chunks', () => {
  const analysisOf = (d: number, mentions: Mention[]) => ({ uri: `file:///quay/${d}.txt`, version: 0, title: `Quay ${d}`, referenceDate: null, articles: [], mentions, problems: [] });

  it('gives back every document\'s mentions as they were, across chunks and for a document larger than a chunk', () => {
    const pool = new StringPool();
    // A chunk of 64 ints holds 16 mentions: documents of 3 to 9 mentions fill several, and one of 40 needs its own.
    const arena = new MentionArena(pool, 64);
    const docs: Mention[][] = [];
    for (let d = 0; d < 30; d++) {
      const count = d === 17 ? 40 : 3 + (d % 7);
      const list: Mention[] = [];
      for (let k = 0; k < count; k++) {
        if (k % 3 === 2) list.push({ start: 30 * k, end: 30 * k + 10, text: '4 June 2024', type: 'date', value: '2024-06-04', key: null, resolution: 'day', ...(d % 2 === 0 ? { guessed: true } : {}) });
        else list.push({ ...name(30 * k, `Pilot Ansa Kerr ${d}-${k}`), ...(k % 4 === 1 ? { weak: true } : {}) });
      }
      docs.push(list);
    }
    const held = docs.map((list, d) => compactAnalysis(analysisOf(d, list), pool, arena) as CachedAnalysis);
    const chunks = new Set(held.map((a) => a.tables));
    assert.ok(chunks.size > 3, `${chunks.size} chunks`);
    held.forEach((a, d) => assert.deepStrictEqual(a.mentions, docs[d], `document ${d}`));
  });

  it('line indexes over a shared chunk answer as those made from the text', () => {
    const arena = new LineArena(16);
    const texts = ['Ferry to Port Talvi\nleaves at noon.\r\nReturns at six.', 'One line only.', 'a\n\nb\rc\n', 'x'.repeat(5) + '\n'.repeat(20)];
    for (const text of texts) {
      const own = LineIndex.fromText(text);
      const shared = arena.index(own.starts, own.ends, own.length);
      for (let offset = 0; offset <= text.length; offset++) assert.deepStrictEqual(shared.positionAt(offset), own.positionAt(offset), `${JSON.stringify(text)} at ${offset}`);
      assert.strictEqual(shared.lineCount, own.lineCount);
    }
  });
});
