// Front matter and Markdown masking: our own fixtures; `checkFrontMatter` and `checkMask` are the only callers.
import * as assert from 'assert';
import { parseFixture } from '../fixture';
import { parseFrontMatter, type FrontMatter } from '../../server/src/core/text/frontMatter';
import { maskMarkup } from '../../server/src/core/text/markdown';

/**
 * Asserts what `parseFrontMatter` reads; the expected span is marked `<<...>>{frontmatter}` in the
 * source, and the fields not given are expected to be null (problems: none).
 */
function checkFrontMatter(source: string, expected: Partial<Omit<FrontMatter, 'span'>>): void {
  const { text, mentions } = parseFixture(source);
  const span = mentions.length ? { start: mentions[0].start, end: mentions[0].end } : null;
  assert.deepStrictEqual(parseFrontMatter(text), { span, date: null, title: null, source: null, author: null, problems: [], ...expected });
}

/** Asserts the masked text line by line; input and output must have the same length and line breaks. */
function checkMask(input: string[], expected: string[], eol = '\n'): void {
  const text = input.join(eol);
  const masked = maskMarkup(text);
  assert.strictEqual(masked.length, text.length);
  assert.deepStrictEqual(masked.split(eol), expected);
}

describe('front matter', () => {
  it('reads date, title, source and author from a block at the head of the file', () => {
    checkFrontMatter(
      '<<---\ntitle: Kessel Bridge closes for repairs\ndate: 2024-03-11\nsource: Harbour Gazette\nauthor: Ann Lee\n---\n>>{frontmatter}HULL - The bridge closed.',
      { title: 'Kessel Bridge closes for repairs', date: '2024-03-11', source: 'Harbour Gazette', author: 'Ann Lee' },
    );
  });

  it('accepts a timestamp, a written date, quotes, and `published` and `url` in place of `date` and `source`', () => {
    checkFrontMatter('<<---\npublished: 2024-03-04T23:30:00-05:00\nurl: https://example.org/news/a#top\n---\n>>{frontmatter}Body', {
      date: '2024-03-04',
      source: 'https://example.org/news/a#top',
    });
    checkFrontMatter('<<---\ndate: "March 4, 2024"\ntitle: \'It\'\'s open\' # a comment\n---\n>>{frontmatter}', { date: '2024-03-04', title: "It's open" });
    checkFrontMatter('<<---\ndate: Monday, 4 March 2024\nauthor: [Ann Lee, "Bo Wu"]\n---\n>>{frontmatter}', { date: '2024-03-04', author: 'Ann Lee, Bo Wu' });
  });

  it('prefers `date` to `published` and `source` to `url`, whatever their order', () => {
    checkFrontMatter('<<---\npublished: 2024-01-02\nurl: https://example.org\ndate: 2024-01-01\nsource: Gazette\n---\n>>{frontmatter}', {
      date: '2024-01-01',
      source: 'Gazette',
    });
  });

  it('skips nested keys, lists and comments', () => {
    checkFrontMatter('<<---\n# date: 1999-01-01\nmeta:\n  date: 2020-01-01\ntags:\n  - bridges\ntitle: Harbour news\n---\n>>{frontmatter}', { title: 'Harbour news' });
  });

  it('reads CRLF and CR line ends and a BOM alike', () => {
    for (const eol of ['\r\n', '\r']) {
      checkFrontMatter(`\uFEFF<<---${eol}date: 2024-03-11${eol}title: Closed${eol}---${eol}>>{frontmatter}Body`, { date: '2024-03-11', title: 'Closed' });
    }
  });

  it('ends at `...` as well as `---`, and at the end of a file without a final line break', () => {
    checkFrontMatter('<<---\ntitle: A\n...\n>>{frontmatter}Body', { title: 'A' });
    checkFrontMatter('<<---\ntitle: A\n--->>{frontmatter}', { title: 'A' });
  });

  it('reports what it cannot read instead of guessing', () => {
    checkFrontMatter('<<---\ndate: 2024-02-30\ntitle: |\n  A long\n  title\n---\n>>{frontmatter}', {
      problems: [
        'The front matter key "title" has a value Article Lens cannot read; write it on one line.',
        'The front matter date "2024-02-30" is not a date Article Lens can read; write it as YYYY-MM-DD.',
      ],
    });
  });

  it('is absent without an opening fence on the first line, or without a closing one', () => {
    checkFrontMatter('Headline\n---\ntitle: no\n---\n', {});
    checkFrontMatter('----\ntitle: no\n----\n', {});
    checkFrontMatter('---\ntitle: never closed\n\nBody', {
      problems: ['The file starts with `---` but no closing `---` line follows, so it has no front matter.'],
    });
  });
});

describe('markdown masking', () => {
  it('blanks front matter, heading marks and emphasis, keeping the words', () => {
    checkMask(
      ['---', 'date: 2024-03-11', '---', '# Kessel Bridge *closes* #', '', 'Work starts on **Monday** and __ends__ in _May_; snake_case stays.'],
      ['   ', '                ', '   ', '  Kessel Bridge  closes   ', '', 'Work starts on   Monday   and   ends   in  May ; snake_case stays.'],
    );
  });

  it('keeps link text and image alt text, and blanks brackets and destinations', () => {
    checkMask(
      ['The [council](https://example.org/a_(b) "Council") voted, as [reported][gazette] before.', '![Smoke over the port, July 24, 2022](img/port.jpg)', '[gazette]: https://example.org/g "Gazette"', 'A [sic] stays.'],
      ['The  council                                       voted, as  reported           before.', '  Smoke over the port, July 24, 2022               ', '                                          ', 'A [sic] stays.'],
    );
  });

  it('blanks inline code and fenced code blocks whole', () => {
    checkMask(
      ['Run `analyse --date 2024-03-04` first.', '', '```js', 'const day = "March 4";', '```', 'After.'],
      ['Run                             first.', '', '     ', '                      ', '   ', 'After.'],
    );
  });

  it('blanks HTML tags and comments, keeping the text between tags', () => {
    checkMask(
      ['<div class="lede">Storm hits <b>Hull</b></div> <!-- editor:', 'check the date --> today.', '<script>var d = "May 2";</script>Done'],
      ['                  Storm hits    Hull                       ', '                   today.', '                                 Done'],
    );
  });

  it('blanks quote, list and table markup, rules and setext underlines', () => {
    checkMask(
      ['> - Quoted item', '1. First', '', '| Day | Event |', '|-----|:-----:|', '| Mon | Vote  |', '', 'Title', '=====', '', '* * *'],
      ['    Quoted item', '   First', '', '  Day   Event  ', '               ', '  Mon   Vote   ', '', 'Title', '     ', '', '     '],
    );
  });

  it('keeps what is not markup: escaped marks, arithmetic, a lone tilde', () => {
    checkMask(['Prices rose \\*only\\* 2 * 3% to ~40 in [sic] 2024.'], ['Prices rose  *only * 2 * 3% to ~40 in [sic] 2024.']);
  });

  it('keeps CRLF and CR line breaks where they are', () => {
    for (const eol of ['\r\n', '\r']) {
      checkMask(['# Title', '', '*Hull*, `x` [a](b)'], ['  Title', '', ' Hull ,      a    '], eol);
    }
  });
});
