// The date finders try their patterns only where an opening word stands (openers.ts). That must find exactly what a
// global match over the whole text finds: checked here on texts made at random from the opening words, the words
// that follow them, look-alikes that must not open anything (`Mondays`, `amid`, `_today`, `2Jan`), digits, accents,
// punctuation and line breaks, in every case.
import * as assert from 'assert';
import { OPENED_PATTERNS as CHRONO_PATTERNS } from '../../server/src/core/recognize/dates/chronoFinder';
import { findOpeners, matchesAt } from '../../server/src/core/recognize/dates/openers';
import { OPENED_PATTERNS as FINDER_PATTERNS } from '../../server/src/core/recognize/dates/patternFinder';
import { OPENED_PATTERNS as RELATIVE_PATTERNS } from '../../server/src/core/recognize/dates/relative';
import { random } from '../../train/perceptron';

const PATTERNS = [...CHRONO_PATTERNS, ...RELATIVE_PATTERNS, ...FINDER_PATTERNS];

const WORDS = [
  'January', 'May', 'march', 'Sept', 'Sep.', 'Dec', 'December', 'Monday', 'friday', 'SUNDAY', 'Mondays', 'midday', 'Noon', 'noon', 'midnight', 'ago',
  'today', 'Tonight', 'overnight', 'yesterday', 'tomorrow', 'last', 'This', 'next', 'weekend', 'recent', 'coming', 'past', 'few',
  'days', 'weeks', 'month', 'months', 'years', 'decades', 'day', 'earlier', 'later', 'on', 'a', 'an', 'A', 'one', 'seven', 'Twenty', 'hundred',
  'early', 'late', 'mid', 'summer', 'Winter', 'autumn', 'spring', 'of', 'the', 'same', 'morning', 'night', 'evening',
  '2005', '1999', '7', '10am', '10', '30', 'pm', 'a.m.', 'GMT', '10:30', '2024-01-05', '3/4/2024', '4.15pm', '12',
  // Phrases, so that the longer expressions come up often: `past few days`, `seven weeks earlier`, `late this summer`.
  'past few', 'Last few', 'next few', 'a hundred', 'few days', 'weeks ago', 'days ago', 'recent weeks', 'weeks earlier', 'years later',
  'late this', 'mid-', 'this summer', 'summer of', 'the same', 'that day', 'yesterday morning', 'last night', 'next week',
  'amid', 'lastly', 'nextdoor', '_today', 'ago_', '2Jan', 'Jan2', 'été', 'Ünited', 'Kelvin', 'said', 'talks', 'will', 'resume',
];
const GAPS = [' ', ' ', ' ', '  ', ', ', '. ', '\n', '-', ' (', ') ', '"', "'s ", '\u00a0', ''];

function text(next: () => number): string {
  const n = 1 + Math.floor(next() * 40);
  let out = '';
  for (let i = 0; i < n; i++) out += WORDS[Math.floor(next() * WORDS.length)] + GAPS[Math.floor(next() * GAPS.length)];
  return out;
}

function global(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.replace('y', '') + 'g');
}

function summary(matches: Iterable<RegExpMatchArray>): string[] {
  return [...matches].map((m) => `${m.index}:${JSON.stringify([...m])}`);
}

describe('core: date expressions tried at their opening words only', () => {
  it('finds what a global match finds, for every finder pattern, on 3,000 texts made at random', () => {
    const next = random(20261207);
    let found = 0;
    for (let k = 0; k < 3000; k++) {
      const t = text(next);
      const openers = findOpeners(t);
      for (const [pattern, finder] of PATTERNS) {
        const expected = summary(t.matchAll(global(pattern)));
        assert.deepStrictEqual(summary(matchesAt(t, pattern, openers, finder)), expected, `${pattern.source.slice(0, 40)}... in ${JSON.stringify(t)}`);
        found += expected.length;
      }
    }
    assert.ok(found > 3000, `the random texts hold expressions (${found})`);
  });

  it('finds the opening words in any case, and not inside longer words', () => {
    const t = 'amid MONDAY talks, Mondays_ and 2Jan; on Monday 10am, lastly LAST';
    const openers = findOpeners(t);
    const words = Array.from(openers.starts.subarray(0, openers.count), (s) => /\w+/.exec(t.slice(s))![0]);
    assert.deepStrictEqual(words, ['MONDAY', '2Jan', 'Monday', '10am', 'LAST']);
  });
});
