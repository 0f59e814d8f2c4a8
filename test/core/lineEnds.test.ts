// Line ends (issue 16): a file saved with LF, CRLF or CR alone is the same file to every stage of the
// analysis: articles, datelines, sentence context, names and line/character positions.
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../server/src/core/analyze';
import { crossesParagraph } from '../../server/src/core/annotations/actions';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { loadRecognizers } from '../../server/src/node/recognizers';

// Two articles of our own, each with its headline block repeated after a caption (the article split's signal)
// and its own dateline date; the weekdays of each resolve against its own dateline.
const LINES = [
  'Harbour council approves new ferry terminal',
  '',
  'Workers on the quay at Port Ellis, March 3, 2021. (Coastline Wire)',
  '',
  'Harbour council approves new ferry terminal',
  '',
  'PORT ELLIS, March 3, 2021 (Coastline Wire) - Mayor Ingrid Dalca said on Tuesday that the Port Ellis Harbour Trust would open the terminal next Friday.',
  '',
  'Dalca told reporters the work began on Monday.',
  '',
  '',
  '',
  'Storm closes mountain pass near Velden',
  '',
  'Snow on the road above Velden, October 14, 2023. (Coastline Wire)',
  '',
  'Storm closes mountain pass near Velden',
  '',
  'VELDEN, October 14, 2023 (Coastline Wire) - Police chief Anton Brisk said on Thursday that the pass would reopen on Sunday.',
  '',
  'Brisk added that the storm hit on Wednesday.',
];

const recognizers = loadRecognizers();

/** The analysis with every offset mapped back to the LF text, and each mention's line/character position. */
function analysed(eol: string) {
  const text = LINES.join(eol);
  const lines = LineIndex.fromText(text);
  // Offset in this text -> offset in the LF text: every CRLF before it counts one unit less.
  const toLf = (offset: number) => offset - (text.slice(0, offset).match(/\r\n/g)?.length ?? 0);
  const analysis = analyzeText(recognizers, 'file:///two.txt', 1, text, { fallbackReferenceDate: '2025-06-01' });
  return {
    title: analysis.title,
    referenceDate: analysis.referenceDate,
    problems: analysis.problems,
    mentions: analysis.mentions.map((m) => ({
      start: toLf(m.start),
      end: toLf(m.end),
      position: lines.positionAt(m.start),
      text: m.text.replace(/\r\n?/g, '\n'),
      type: m.type,
      value: m.value,
      key: m.key,
      resolution: m.resolution,
    })),
  };
}

describe('line ends', () => {
  const lf = analysed('\n');

  it('resolves each article of the LF text against its own dateline', () => {
    const dates = lf.mentions.filter((m) => m.type === 'date').map((m) => [m.text, m.value]);
    assert.deepEqual(dates, [
      ['March 3, 2021', '2021-03-03'],
      ['March 3, 2021', '2021-03-03'],
      ['Tuesday', '2021-03-02'],
      ['next Friday', '2021-03-05'],
      ['Monday', '2021-03-01'],
      ['October 14, 2023', '2023-10-14'],
      ['October 14, 2023', '2023-10-14'],
      ['Thursday', '2023-10-12'],
      ['Sunday', '2023-10-15'],
      ['Wednesday', '2023-10-11'],
    ]);
    const names = lf.mentions.filter((m) => m.type !== 'date').map((m) => m.text);
    for (const name of ['Ingrid Dalca', 'Dalca', 'Port Ellis Harbour Trust', 'Anton Brisk']) assert.ok(names.includes(name), names.join(', '));
  });

  it('gives the same names, dates, values, keys and positions with CRLF, offsets shifted by each CR', () => {
    assert.deepEqual(analysed('\r\n'), lf);
  });

  it('gives the same names, dates, values, keys and positions with CR alone', () => {
    assert.deepEqual(analysed('\r'), lf);
  });

  it('a name over one line break can be annotated with any line ends, one over a blank line with none', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      assert.equal(crossesParagraph(`Port Ellis Harbour${eol}Trust`), false, JSON.stringify(eol));
      assert.equal(crossesParagraph(`Port Ellis${eol}${eol}Harbour Trust`), true, JSON.stringify(eol));
      assert.equal(crossesParagraph(`Port Ellis${eol} \t${eol}Harbour Trust`), true, JSON.stringify(eol));
    }
  });
});
