// Reading a scraper's file of article dates: our own rows; `check` is the only caller of the reader.
import * as assert from 'assert';
import { type ArticleDateRows, type DatesFormat, datesFormatOf, readArticleDateRows } from '../../server/src/core/annotations/articleDateRows';

function check(format: DatesFormat, lines: string[], expected: ArticleDateRows, eol = '\n'): void {
  assert.deepStrictEqual(readArticleDateRows(lines.join(eol), format), expected);
}

describe('files of article dates', () => {
  it('reads CSV without a header as path,date,title,source', () => {
    check('csv', ['a.txt,2024-03-11,Ferry strike ends,https://example.org/a', './later/b.txt,"March 4, 2024"', ''], {
      rows: [
        { line: 1, path: 'a.txt', date: '2024-03-11', title: 'Ferry strike ends', source: 'https://example.org/a' },
        { line: 2, path: 'later/b.txt', date: '2024-03-04' },
      ],
      problems: [],
    });
  });

  it('reads a header in any order and with other names, CRLF, and quoted line breaks', () => {
    check('csv', ['url,published,file,headline', 'https://example.org/a,2024-03-11T08:00:00Z,a.txt,"Two', 'lines"', ',2024-03-12,later\\b.txt,'], {
      rows: [
        { line: 2, path: 'a.txt', date: '2024-03-11', title: 'Two\r\nlines', source: 'https://example.org/a' },
        { line: 4, path: 'later/b.txt', date: '2024-03-12' },
      ],
      problems: [],
    }, '\r\n');
  });

  it('says which line is bad and why', () => {
    check('csv', ['path,date', 'a.txt,2024-02-30', ',2024-01-01', 'b.txt,', 'c.txt,2024-01-01', 'c.txt,2024-01-02', 'c.txt,2024-01-01'], {
      rows: [{ line: 5, path: 'c.txt', date: '2024-01-01' }],
      problems: [
        'line 2: "2024-02-30" is not a date Article Lens can read (write it as YYYY-MM-DD)',
        'line 3: no article path',
        'line 4: no date for b.txt',
        'line 6: c.txt was given 2024-01-01 on line 5 and 2024-01-02 here',
      ],
    });
    check('csv', ['path,when', 'a.txt,2024-01-01'], { rows: [], problems: ['line 1: the header needs a "path" and a "date" column'] });
  });

  it('reads JSON lines, skipping blank lines', () => {
    check('jsonl', ['{"path":"a.txt","date":"2024-03-11","title":"Ferry"}', '', '[1]', '{"file":"b.txt","published":"11 March 2024","url":"https://example.org/b"}'], {
      rows: [
        { line: 1, path: 'a.txt', date: '2024-03-11', title: 'Ferry' },
        { line: 4, path: 'b.txt', date: '2024-03-11', source: 'https://example.org/b' },
      ],
      problems: ['line 3: expected a JSON object with "path" and "date"'],
    });
  });

  it('tells the format by the file name', () => {
    assert.deepStrictEqual(['dates.csv', 'dates.JSONL', 'd.ndjson', 'd.json', 'd.tsv'].map(datesFormatOf), ['csv', 'jsonl', 'jsonl', 'jsonl', 'csv']);
  });
});
