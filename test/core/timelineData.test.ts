// The timeline view's data over an in-memory corpus: day ranges of each kind of value, both groupings, the filters,
// the cap on groups and the sums per day range that keep a large corpus drawable.
import * as assert from 'assert';
import { DEFAULT_TIMELINE_QUERY, dayRange, isoDay, timelineData, type TimelineData, type TimelineQuery } from '../../server/src/core/queries/timelineData';
import { corpusFixture } from './corpusFixture';

const CORPUS = `//- /a.txt
Dock strike dated 2024-03-06

<<Mara Quill>>{person} led the <<Dockers Guild>>{organization} out on <<Monday>>{date:2024-03-04}. A long way off, a ferry sailed in <<1998>>{date:1998}.
<<Mara Quill>>{person} spoke again on <<Tuesday>>{date:2024-03-05}.
//- /b.txt
Strike ends dated 2024-03-20

The <<Dockers Guild>>{organization} went back in <<Port Vell>>{location} on <<March 4>>{date:2024-03-04}, <<that week>>{date:2024-W10} and in <<March>>{date:2024-03}.
//- /c.txt
Undated notes

<<Mara Quill>>{person} wrote of the <<12 May 2001>>{date:2001-05-12} crossing and of <<Friday>>{date}.
`;

const run = (q: Partial<TimelineQuery> = {}) => timelineData(corpusFixture(CORPUS).index, { ...DEFAULT_TIMELINE_QUERY, ...q });

/** Each group as `label (mentions): value@from..to` marks or `from..to×count` bins, the easiest to read in a diff. */
function rows(d: TimelineData): string[] {
  return d.groups.map((g) => {
    const marks = g.points?.map((p) => `${p.value}@${p.from === p.to ? p.from : `${p.from}..${p.to}`}`) ?? g.bins!.map((b) => `${b.from === b.to ? b.from : `${b.from}..${b.to}`}×${b.count}`);
    return `${g.label} (${g.mentions}): ${marks.join(' ')}`;
  });
}

describe('timeline data', () => {
  it('places days, ISO weeks, months and years on the day axis', () => {
    const range = (v: string) => {
      const r = dayRange(v);
      return r && `${isoDay(r.from)}..${isoDay(r.to)}`;
    };
    assert.deepStrictEqual(
      ['2024-03-04', '2024-03-04T05:30', '2024-W10', '2021-W53', '2024-02', '1998', '0044', 'PRESENT_REF'].map(range),
      ['2024-03-04..2024-03-04', '2024-03-04..2024-03-04', '2024-03-04..2024-03-10', '2022-01-03..2022-01-09', '2024-02-01..2024-02-29', '1998-01-01..1998-12-31', '0044-01-01..0044-12-31', undefined],
    );
  });

  it('groups by article, most mentioned first, and lists the undated articles apart', () => {
    const d = run();
    assert.deepStrictEqual(rows(d), [
      'Dock strike dated 2024-03-06 (3): 2024-03-04@2024-03-04 1998@1998-01-01..1998-12-31 2024-03-05@2024-03-05',
      'Strike ends dated 2024-03-20 (3): 2024-03-04@2024-03-04 2024-W10@2024-03-04..2024-03-10 2024-03@2024-03-01..2024-03-31',
      'Undated notes (1): 2001-05-12@2001-05-12',
    ]);
    assert.strictEqual(d.aggregated, false);
    assert.deepStrictEqual(d.extent, { from: '1998-01-01', to: '2024-03-31' });
    assert.deepStrictEqual(d.groups.map((g) => g.referenceDate), ['2024-03-06', '2024-03-20', null]);
    assert.deepStrictEqual(d.undated, [{ uri: 'file:///c.txt', title: 'Undated notes', guessedDate: null, mentions: 1 }]);
    assert.strictEqual(d.undatedTotal, 1);
    const first = d.groups[0].points![0];
    assert.deepStrictEqual([first.text, first.location.uri, first.location.position, first.guessed, first.source], ['Monday', 'file:///a.txt', { line: 2, character: 40 }, false, 'text']);
  });

  it('groups by entity: a date is in the row of each name on its line nearby', () => {
    const d = run({ groupBy: 'entity' });
    assert.deepStrictEqual(rows(d), [
      'Dockers Guild (5): 2024-03-04@2024-03-04 1998@1998-01-01..1998-12-31 2024-03-04@2024-03-04 2024-W10@2024-03-04..2024-03-10 2024-03@2024-03-01..2024-03-31',
      'Mara Quill (4): 2024-03-04@2024-03-04 1998@1998-01-01..1998-12-31 2024-03-05@2024-03-05 2001-05-12@2001-05-12',
      'Port Vell (3): 2024-03-04@2024-03-04 2024-W10@2024-03-04..2024-03-10 2024-03@2024-03-01..2024-03-31',
    ]);
    assert.deepStrictEqual(d.groups.map((g) => g.type), ['organization', 'person', 'location']);
    assert.strictEqual(d.totalMentions, 7);
    assert.strictEqual(d.ungrouped, 0);
  });

  it('filters by the name and the type of the entities near the date', () => {
    assert.deepStrictEqual(rows(run({ filter: 'quill' })), [
      'Dock strike dated 2024-03-06 (3): 2024-03-04@2024-03-04 1998@1998-01-01..1998-12-31 2024-03-05@2024-03-05',
      'Undated notes (1): 2001-05-12@2001-05-12',
    ]);
    assert.deepStrictEqual(rows(run({ groupBy: 'entity', types: ['location'] })), ['Port Vell (3): 2024-03-04@2024-03-04 2024-W10@2024-03-04..2024-03-10 2024-03@2024-03-01..2024-03-31']);
    const none = run({ filter: 'nobody' });
    assert.deepStrictEqual([none.groups, none.extent, none.totalMentions], [[], null, 0]);
  });

  it('caps the groups and says how many are left out', () => {
    const d = run({ groupBy: 'entity', maxGroups: 1 });
    assert.deepStrictEqual(d.groups.map((g) => g.label), ['Dockers Guild']);
    assert.deepStrictEqual([d.hiddenGroups, d.hiddenMentions], [2, 7]);
  });

  it('sums the marks per day range past the mark limit, the first one where a click goes', () => {
    const d = run({ groupBy: 'entity', maxMarks: 5 });
    assert.strictEqual(d.aggregated, true);
    assert.deepStrictEqual(rows(d), [
      'Dockers Guild (5): 1998-01-01..1998-12-31×1 2024-03-01..2024-03-31×1 2024-03-04×2 2024-03-04..2024-03-10×1',
      'Mara Quill (4): 1998-01-01..1998-12-31×1 2001-05-12×1 2024-03-04×1 2024-03-05×1',
      'Port Vell (3): 2024-03-01..2024-03-31×1 2024-03-04×1 2024-03-04..2024-03-10×1',
    ]);
    const bin = d.groups[0].bins!.find((b) => b.count === 2)!;
    assert.deepStrictEqual([bin.location.uri, bin.guessed], ['file:///a.txt', 0]);
  });

  it('marks values guessed from the file date, and gives the source of the article date, where the analysis has them', () => {
    // As the analysis marks them with `articleLens.dates.fallback: fileDate` (the fixture's recogniser does not).
    const f = corpusFixture(CORPUS);
    const doc = f.index.get('file:///a.txt')!;
    const guessedTuesday = doc.analysis.mentions.map((m) => (m.value === '2024-03-05' ? { ...m, guessed: true } : m));
    const fromFileDate = doc.analysis.articles.map((a) => ({ ...a, referenceSource: 'file date' as const }));
    f.index.set({ ...doc.analysis, articles: fromFileDate, mentions: guessedTuesday }, { text: doc.text });
    const d = timelineData(f.index, { ...DEFAULT_TIMELINE_QUERY });
    const a = d.groups.find((g) => g.id === 'file:///a.txt')!;
    assert.deepStrictEqual(a.points!.map((p) => [p.value, p.guessed, p.source]), [['2024-03-04', false, 'file date'], ['1998', false, 'file date'], ['2024-03-05', true, 'file date']]);
    assert.strictEqual(a.referenceSource, 'file date');
    // Its date is a guess: it is listed with the undated articles too, with the guess.
    assert.deepStrictEqual(d.undated.map((u) => [u.title, u.guessedDate]), [['Dock strike dated 2024-03-06', '2024-03-06'], ['Undated notes', null]]);
    const bins = timelineData(f.index, { ...DEFAULT_TIMELINE_QUERY, maxMarks: 0 }).groups.find((g) => g.id === 'file:///a.txt')!.bins!;
    assert.deepStrictEqual(bins.map((b) => `${b.from}×${b.count} guessed ${b.guessed}`), ['1998-01-01×1 guessed 0', '2024-03-04×1 guessed 0', '2024-03-05×1 guessed 1']);
  });
});
