// The timeline view's request over LSP, on a small corpus of our own: both groupings, the filters, the cap on
// groups, where a click on a mark goes, and parameters the page could send wrong.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TIMELINE_DATA_REQUEST, type TimelineDataParams, type TimelineDataResult } from '../../server/src/protocol';
import { type TestServer, startServer } from './lspClient';

// Our own text. notes.txt states no date: the file's date stands in for it (set below, a Monday).
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

  before(async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-timeline-'));
    for (const [name, text] of Object.entries(CORPUS)) fs.writeFileSync(path.join(folder, name), text);
    fs.utimesSync(path.join(folder, 'notes.txt'), NOTES_FILE_DATE, NOTES_FILE_DATE);
    server = await startServer(folder);
    await server.indexed;
  });
  after(() => server?.stop());

  it('groups the dated mentions by article, most mentioned first, each mark where its mention is', async () => {
    const d = await data({});
    assert.deepStrictEqual(rows(d), [
      'Harbour reopens (3): April 14, 2021=2021-04-14, Monday=2021-04-12, March 2020=2020-03',
      'Council backs ferry (2): June 3, 2021=2021-06-03, Tuesday=2021-06-01',
      'Notes from the ferry (1): Friday=2021-07-09',
    ]);
    assert.deepStrictEqual([d.groupBy, d.aggregated, d.totalMentions, d.hiddenGroups, d.extent], ['article', false, 6, 0, { from: '2020-03-01', to: '2021-07-09' }]);
    assert.deepStrictEqual(d.groups.map((g) => [g.id, g.referenceDate]), [
      [server.uri('harbour.txt'), '2021-04-14'],
      [server.uri('council.txt'), '2021-06-03'],
      [server.uri('notes.txt'), '2021-07-12'],
    ]);
    const monday = d.groups[0].marks![1];
    const start = server.positionOf('harbour.txt', 'Monday');
    assert.deepStrictEqual(monday.location, { uri: server.uri('harbour.txt'), range: { start, end: { line: start.line, character: start.character + 'Monday'.length } } });
    assert.deepStrictEqual([monday.from, monday.to, monday.resolution], ['2021-04-12', '2021-04-12', '"Monday" in an article dated 2021-04-14']);
    const march = d.groups[0].marks![2];
    assert.deepStrictEqual([march.from, march.to], ['2020-03-01', '2020-03-31']);
    // FIXME: notes.txt states no date and its Friday is counted from the file's date, a guess; until the analysis
    // flags such values (`guessed`, with the dates.fallback setting) the article is not listed as undated and the mark
    // is not marked as guessed.
    assert.deepStrictEqual([d.groups[2].marks![0].guessed, d.undated, d.undatedTotal], [false, [], 0]);
  });

  it('groups by entity: a date is in the row of each name on its line nearby', async () => {
    const d = await data({ groupBy: 'entity' });
    // FIXME: "the week after" gets no value, and the recogniser keeps the article in "The Harbour Trust". The
    // datelines' places count as names near the dates (LEEDS is Leeds, as in the text).
    assert.deepStrictEqual(rows(d).map((r) => r.replace(/:.*/, '')), ['Ellen Carver (4)', 'PORTSMOUTH (3)', 'Leeds (2)', 'Ravi Patel (2)', 'The Harbour Trust (2)']);
    assert.deepStrictEqual(d.groups.map((g) => g.type), ['person', 'location', 'location', 'person', 'organization']);
  });

  it('filters by the name and the type of the entities near the date', async () => {
    assert.deepStrictEqual(rows(await data({ filter: 'PATEL' })), ['Council backs ferry (2): June 3, 2021=2021-06-03, Tuesday=2021-06-01']);
    assert.deepStrictEqual(rows(await data({ groupBy: 'entity', types: ['person'], filter: 'carver' })), [
      'Ellen Carver (4): April 14, 2021=2021-04-14, Monday=2021-04-12, March 2020=2020-03, Friday=2021-07-09',
    ]);
    assert.deepStrictEqual(rows(await data({ groupBy: 'entity', types: ['organization'] })), ['The Harbour Trust (2): June 3, 2021=2021-06-03, Tuesday=2021-06-01']);
  });

  it('caps the groups and counts those left out', async () => {
    const d = await data({ maxGroups: 1 });
    assert.deepStrictEqual([d.groups.map((g) => g.label), d.hiddenGroups, d.hiddenMentions, d.maxGroups], [['Harbour reopens'], 2, 3, 1]);
  });

  it('reads parameters the page could send wrong as the defaults', async () => {
    const d = await data({ groupBy: 'calendar', types: 'person', maxGroups: -3, filter: 7 });
    assert.deepStrictEqual([d.groupBy, d.types, d.filter, d.maxGroups, d.groups.length], ['article', [], '', 1, 1]);
    assert.strictEqual((await data(null)).groups.length, 3);
  });
});
