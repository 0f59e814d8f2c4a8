// The timeline view's request over LSP, on a small corpus of our own: both groupings, the filters, the cap on
// groups, where a click on a mark goes, undated articles, guesses from the file date, and parameters sent wrong.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TIMELINE_DATA_REQUEST, type TimelineDataParams, type TimelineDataResult } from '../../server/src/protocol';
import { type TestServer, startServer } from './lspClient';

// Our own text. notes.txt states no date; its file's date (set below) is a Monday, used only where the settings allow.
const CORPUS: Record<string, string> = {
  'harbour.txt': 'Harbour reopens\n\nPORTSMOUTH, April 14, 2021 - Mayor Ellen Carver reopened the harbour on Monday. Carver said the repairs had begun in March 2020.\n',
  'council.txt': 'Council backs ferry\n\nLEEDS, June 3, 2021 - The Harbour Trust met councillor Ravi Patel in Leeds on Tuesday.\n',
  'notes.txt': 'Notes from the ferry\n\nEllen Carver spoke to the ferry crews on Friday, and again the week after.\n',
};
const NOTES_FILE_DATE = new Date('2021-07-12T12:00:00Z');

describe('protocol: the timeline view’s data', () => {
  let server: TestServer;
  const data = (params: TimelineDataParams | unknown) => server.connection.sendRequest<TimelineDataResult>(TIMELINE_DATA_REQUEST, params);
  /** Each group as `label (mentions): text=value ...`, the easiest to read in a failing diff. */
  const rows = (d: TimelineDataResult) => d.groups.map((g) => `${g.label} (${g.mentions}): ${(g.marks ?? []).map((m) => `${m.text}=${m.value}`).join(', ')}`);

  function writeCorpus(): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-timeline-'));
    for (const [name, text] of Object.entries(CORPUS)) fs.writeFileSync(path.join(folder, name), text);
    fs.utimesSync(path.join(folder, 'notes.txt'), NOTES_FILE_DATE, NOTES_FILE_DATE);
    return folder;
  }

  before(async () => {
    server = await startServer(writeCorpus());
    await server.indexed;
  });
  after(() => server?.stop());

  it('groups the dated mentions by article, most mentioned first, each mark where its mention is', async () => {
    const d = await data({});
    assert.deepStrictEqual(rows(d), [
      'Harbour reopens (3): April 14, 2021=2021-04-14, Monday=2021-04-12, March 2020=2020-03',
      'Council backs ferry (2): June 3, 2021=2021-06-03, Tuesday=2021-06-01',
    ]);
    assert.deepStrictEqual([d.groupBy, d.aggregated, d.totalMentions, d.hiddenGroups, d.extent], ['article', false, 5, 0, { from: '2020-03-01', to: '2021-06-03' }]);
    assert.deepStrictEqual(d.groups.map((g) => [g.id, g.referenceDate, g.referenceSource]), [
      [server.uri('harbour.txt'), '2021-04-14', 'text'],
      [server.uri('council.txt'), '2021-06-03', 'text'],
    ]);
    const monday = d.groups[0].marks![1];
    const start = server.positionOf('harbour.txt', 'Monday');
    assert.deepStrictEqual(monday.location, { uri: server.uri('harbour.txt'), range: { start, end: { line: start.line, character: start.character + 'Monday'.length } } });
    assert.deepStrictEqual([monday.from, monday.to, monday.resolution], ['2021-04-12', '2021-04-12', '"Monday" in an article dated 2021-04-14']);
    const march = d.groups[0].marks![2];
    assert.deepStrictEqual([march.from, march.to], ['2020-03-01', '2020-03-31']);
    // notes.txt states no date: its Friday has no value, and it is listed apart.
    assert.deepStrictEqual([d.undated, d.undatedTotal], [[{ uri: server.uri('notes.txt'), title: 'Notes from the ferry', guessedDate: null, mentions: 0 }], 1]);
  });

  it('groups by entity: a date is in the row of each name on its line nearby', async () => {
    const d = await data({ groupBy: 'entity' });
    // FIXME: "the week after" gets no value, and the recogniser keeps the article in "The Harbour Trust". The
    // datelines' places count as names near the dates (LEEDS is Leeds, as in the text).
    assert.deepStrictEqual(rows(d).map((r) => r.replace(/:.*/, '')), ['Ellen Carver (3)', 'PORTSMOUTH (3)', 'Leeds (2)', 'Ravi Patel (2)', 'The Harbour Trust (2)']);
    assert.deepStrictEqual(d.groups.map((g) => g.type), ['person', 'location', 'location', 'person', 'organization']);
  });

  it('filters by the name and the type of the entities near the date', async () => {
    assert.deepStrictEqual(rows(await data({ filter: 'PATEL' })), ['Council backs ferry (2): June 3, 2021=2021-06-03, Tuesday=2021-06-01']);
    assert.deepStrictEqual(rows(await data({ groupBy: 'entity', types: ['person'], filter: 'carver' })), [
      'Ellen Carver (3): April 14, 2021=2021-04-14, Monday=2021-04-12, March 2020=2020-03',
    ]);
    assert.deepStrictEqual(rows(await data({ groupBy: 'entity', types: ['organization'] })), ['The Harbour Trust (2): June 3, 2021=2021-06-03, Tuesday=2021-06-01']);
  });

  it('caps the groups and counts those left out', async () => {
    const d = await data({ maxGroups: 1 });
    assert.deepStrictEqual([d.groups.map((g) => g.label), d.hiddenGroups, d.hiddenMentions, d.maxGroups], [['Harbour reopens'], 1, 2, 1]);
  });

  it('reads parameters the page could send wrong as the defaults', async () => {
    const d = await data({ groupBy: 'calendar', types: 'person', maxGroups: -3, filter: 7 });
    assert.deepStrictEqual([d.groupBy, d.types, d.filter, d.maxGroups, d.groups.length], ['article', [], '', 1, 1]);
    assert.strictEqual((await data(null)).groups.length, 2);
  });

  it('with dates.fallback fileDate, marks the values counted from the file date as guesses', async () => {
    const guessing = await startServer(writeCorpus(), { dates: { fallback: 'fileDate' } });
    try {
      await guessing.indexed;
      const d = await guessing.connection.sendRequest<TimelineDataResult>(TIMELINE_DATA_REQUEST, {});
      const notes = d.groups.find((g) => g.id === guessing.uri('notes.txt'))!;
      assert.deepStrictEqual([notes.referenceDate, notes.referenceSource], ['2021-07-12', 'file date']);
      assert.deepStrictEqual(notes.marks!.map((m) => [m.text, m.value, m.guessed, m.source]), [['Friday', '2021-07-09', true, 'file date']]);
      assert.deepStrictEqual(d.groups.find((g) => g.id === guessing.uri('harbour.txt'))!.marks!.map((m) => m.guessed), [false, false, false]);
      // Its date is a guess, so it is still listed with the articles without a known date.
      assert.deepStrictEqual(d.undated, [{ uri: guessing.uri('notes.txt'), title: 'Notes from the ferry', guessedDate: '2021-07-12', mentions: 1 }]);
    } finally {
      await guessing.stop();
    }
  });
});
