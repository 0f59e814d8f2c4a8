// No silent guesses, in the core: what an article with no date of its own gets with no fallback, with the user's
// fallback and with the file's date (marked as a guess), and the per-article dates an analysis carries.
import * as assert from 'assert';
import { analyzeText } from '../../server/src/core/analyze';
import { createDateRecognizer } from '../../server/src/core/recognize/dates';
import type { DateOptions } from '../../server/src/core/recognize/types';
import { parseFixture } from '../fixture';

const recognizer = createDateRecognizer();

/** The marked mentions' values as found, `value guessed` where the value came from the file's date. */
function values(source: string, options: DateOptions) {
  const { text, mentions } = parseFixture(source);
  const result = recognizer.recognize(text, options);
  const found = new Map(result.mentions.map((m) => [`${m.start}:${m.end}`, m]));
  const out = mentions.map((e) => {
    const m = found.get(`${e.start}:${e.end}`);
    if (!m) return `${text.slice(e.start, e.end)}: missed`;
    return `${text.slice(e.start, e.end)}: ${m.value}${m.guessed ? ' guessed' : ''}${m.needsDate ? ' needs a date' : ''}`;
  });
  return { values: out, articles: result.articles.map((a) => [a.referenceDate, a.referenceSource]) };
}

const UNDATED = 'Crews met on <<Thursday>>{date} and <<yesterday>>{date}, after a pause <<last week>>{date}; the rota dates from <<June 2019>>{date:2019-06}.';

describe('dates: an article that states no date', () => {
  it('with no fallback, relative dates have no value and need a date; dates with a year keep theirs', () => {
    assert.deepStrictEqual(values(UNDATED, {}), {
      values: ['Thursday: null needs a date', 'yesterday: null needs a date', 'last week: null needs a date', 'June 2019: 2019-06'],
      articles: [[null, 'none']],
    });
  });

  it('the file date stands in only when given, and every value counted from it is a guess', () => {
    assert.deepStrictEqual(values(UNDATED, { fileDate: '2026-11-30' }), {
      values: ['Thursday: 2026-11-26 guessed', 'yesterday: 2026-11-29 guessed', 'last week: 2026-W48 guessed', 'June 2019: 2019-06'],
      articles: [['2026-11-30', 'file']],
    });
  });

  it('the user’s fallback and the user’s date win over the file date, and nothing is guessed', () => {
    assert.deepStrictEqual(values(UNDATED, { fallbackReferenceDate: '2024-05-10', fileDate: '2026-11-30' }).articles, [['2024-05-10', 'fallback']]);
    assert.deepStrictEqual(values(UNDATED, { fallbackReferenceDate: '2024-05-10', fileDate: '2026-11-30' }).values[0], 'Thursday: 2024-05-09');
    assert.deepStrictEqual(values(UNDATED, { referenceDate: '2024-05-10', fileDate: '2026-11-30' }).articles, [['2024-05-10', 'user']]);
  });

  it('a date the text states wins over the file date, and is not a guess', () => {
    const dated = 'PORT ASTER, March 4, 2024 - The vote was on <<Monday>>{date:2024-03-04}.';
    assert.deepStrictEqual(values(dated, { fileDate: '2026-11-30' }), { values: ['Monday: 2024-03-04'], articles: [['2024-03-04', 'dateline']] });
  });

  it('a dateline without a year takes it from the file date only as a guess', () => {
    const yearless = 'PORT ASTER, Oct 19 (Agency) - Talks resumed on <<Monday>>{date}.';
    assert.deepStrictEqual(values(yearless, {}).articles, [[null, 'none']]);
    assert.deepStrictEqual(values(yearless, { fileDate: '2026-11-30' }), { values: ['Monday: 2026-10-19 guessed'], articles: [['2026-10-19', 'file']] });
  });

  it('an article with a yearless dateline and no fallback is undated: a full date further down is an event, not its date', () => {
    const source = 'PORT ASTER, Oct 19 (Agency) - Talks resumed on <<Monday>>{date}, a year after the accord of <<March 3, 2021>>{date:2021-03-03}.';
    assert.deepStrictEqual(values(source, {}), { values: ['Monday: null needs a date', 'March 3, 2021: 2021-03-03'], articles: [[null, 'none']] });
    // Without the yearless dateline, the full date it states is still its date (at its head, so read as its dateline).
    assert.deepStrictEqual(values('Talks resumed on <<Monday>>{date}, a year after the accord of <<March 3, 2021>>{date:2021-03-03}.', {}).articles, [['2021-03-03', 'dateline']]);
  });
});

describe('analysis: the articles of a file', () => {
  const recognizers = { names: { recognize: () => [] }, dates: recognizer };
  const TWO = [
    'Harbour pilots end their dispute',
    '',
    'PORT ASTER, May 6, 2024 - Pilots ended their dispute on Friday.',
    '',
    '',
    '',
    '  Ferry crews ask for a new rota',
    '',
    'Ferry crews ask for a new rota',
    '',
    'Crews asked for a new rota on Tuesday.',
  ].join('\n');

  it('gives each article its span, headline, title, date and the source of its date', () => {
    const analysis = analyzeText(recognizers, 'file:///two.txt', 1, TWO, { fileDate: '2026-11-30' });
    const second = TWO.indexOf('\n\n\n\n') + 4;
    const headline = TWO.indexOf('Ferry crews');
    assert.deepStrictEqual(analysis.articles, [
      { start: 0, end: second, title: 'Harbour pilots end their dispute', headline: { start: 0, end: 32 }, referenceDate: '2024-05-06', referenceSource: 'text' },
      { start: second, end: TWO.length, title: 'Ferry crews ask for a new rota', headline: { start: headline, end: headline + 30 }, referenceDate: '2026-11-30', referenceSource: 'file date' },
    ]);
    const tuesday = analysis.mentions.find((m) => m.text === 'Tuesday')!;
    assert.deepStrictEqual([tuesday.value, tuesday.guessed], ['2026-11-24', true]);
    assert.strictEqual(analysis.mentions.find((m) => m.text === 'Friday')!.guessed, undefined);
  });

  it('a recogniser that reports no articles gives one article over the whole text', () => {
    const plain = { names: { recognize: () => [] }, dates: { recognize: () => ({ referenceDate: null, mentions: [] }) } };
    const text = '\n  Headline here  \nBody.';
    const analysis = analyzeText(plain, 'file:///a.txt', 1, text, {});
    assert.deepStrictEqual(analysis.articles, [{ start: 0, end: text.length, title: 'Headline here', headline: { start: 3, end: 16 }, referenceDate: null, referenceSource: null }]);
  });
});
