import * as assert from 'assert';
import { acceptedKey, isSlip, spellingHints } from '../../server/src/core/queries/spelling';
import { articleSummary } from '../../server/src/core/queries/articleSummary';
import { parseRegistry, serializeRegistry, withAcceptedSpelling, withArticleDate, EMPTY_REGISTRY } from '../../server/src/core/annotations/registry';
import { corpusFixture } from './corpusFixture';

describe('spelling hints', () => {
  it('tells typing slips from accepted transliterations', () => {
    const slips: [string, string][] = [
      ['Vladmir Putin', 'Vladimir Putin'],
      ['Ukranian', 'Ukrainian'],
      ['Zelenksy', 'Zelensky'],
      ['Kherzon', 'Kherson'],
    ];
    const variants: [string, string][] = [
      ['Zelenskiy', 'Zelensky'],
      ['Zelenskyy', 'Zelensky'],
      ['Sergei Lavrov', 'Sergey Lavrov'],
      ['Antonivskyi Bridge', 'Antonovskiy Bridge'],
      ['Kowalenko', 'Kovalenko'],
      ['Sergei Shoigu', 'Sergei Surovikin'],
    ];
    for (const [a, b] of slips) assert.ok(isSlip(a, b), `${a} / ${b} is a slip`);
    for (const [a, b] of variants) assert.ok(!isSlip(a, b), `${a} / ${b} is not a slip`);
  });

  const CORPUS = `//- /a.txt
<<Vladimir Putin>>{person} spoke. <<Vladimir Putin>>{person} left. <<Zelensky>>{person} and <<Zelensky>>{person}.
//- /b.txt
<<Vladimir Putin>>{person} returned. <<Zelensky>>{person} too.
//- /c.txt
$0<<Vladmir Putin>>{person} met <<Zelenskiy>>{person}.
`;

  it('hints at a rare misspelling of a frequent name, not at a transliteration', () => {
    const f = corpusFixture(CORPUS);
    const doc = f.index.get(f.uri('/c.txt'))!;
    const hints = spellingHints(f.index, doc, new Set());
    assert.deepStrictEqual(
      hints.map((h) => [doc.text.slice(h.span.start, h.span.end), h.suggestion, h.counts]),
      [['Vladmir Putin', 'Vladimir Putin', { spelling: 1, suggestion: 3 }]],
    );
    assert.deepStrictEqual(spellingHints(f.index, doc, new Set([acceptedKey('Vladmir Putin', 'Vladimir Putin')])), [], 'an accepted spelling is not hinted');
    assert.strictEqual(spellingHints(f.index, doc, new Set([acceptedKey('Vladmir Putin', 'Someone Else')])).length, 1, 'accepted for another entity only');
  });

  it('the code lens summary counts entities and the articles sharing them', () => {
    const f = corpusFixture(CORPUS);
    const summary = articleSummary(f.index, f.index.get(f.uri('/c.txt'))!);
    assert.strictEqual(summary.entities, 2);
    assert.deepStrictEqual(summary.related.map((r) => [r.uri, r.shared]), [[f.uri('/a.txt'), 2], [f.uri('/b.txt'), 2]]);
  });
});

describe('entity registry file', () => {
  it('round-trips, one sorted entry per line', () => {
    const reg = withAcceptedSpelling(withAcceptedSpelling(EMPTY_REGISTRY, 'Zelenksy', 'Volodymyr Zelensky'), 'Vladmir Putin', 'Vladimir Putin');
    const text = serializeRegistry(reg);
    const dated = withArticleDate(reg, 'seeds/004.txt', '2022-03-03');
    assert.strictEqual(
      serializeRegistry(dated),
      '{\n  "version": 1,\n  "acceptedSpellings": [\n    {"spelling":"Vladmir Putin","of":"Vladimir Putin"},\n    {"spelling":"Zelenksy","of":"Volodymyr Zelensky"}\n  ],\n  "articleDates": [\n    {"article":"seeds/004.txt","date":"2022-03-03"}\n  ]\n}\n',
    );
    assert.deepStrictEqual(parseRegistry(text).value?.acceptedSpellings.length, 2);
    assert.strictEqual(serializeRegistry(parseRegistry(serializeRegistry(dated)).value!), serializeRegistry(dated), 'parse and serialize round-trip');
    assert.deepStrictEqual(withArticleDate(dated, 'seeds/004.txt', null).articleDates, []);
    assert.strictEqual(serializeRegistry(EMPTY_REGISTRY), '{\n  "version": 1,\n  "acceptedSpellings": [],\n  "articleDates": []\n}\n');
  });

  it('reports a malformed file instead of guessing', () => {
    assert.strictEqual(parseRegistry('{"version": 1, "acceptedSpellings": [').value, null);
    assert.match(parseRegistry('{"version": 7}').problems[0].message, /unknown version 7/);
    const partly = parseRegistry('{"version": 1, "acceptedSpellings": [{"spelling": "x"}, {"spelling": "a", "of": "b"}]}');
    assert.deepStrictEqual(partly.value?.acceptedSpellings, [{ spelling: 'a', of: 'b' }]);
    assert.match(partly.problems[0].message, /acceptedSpellings\[0\]/);
    const badDate = parseRegistry('{"version": 1, "articleDates": [{"article": "a.txt", "date": "2022-02-31"}]}');
    assert.deepStrictEqual(badDate.value?.articleDates, []);
    assert.match(badDate.problems[0].message, /articleDates\[0\]/);
  });

  it('keeps what it does not understand when it saves', () => {
    const text = '\uFEFF{"version": 1, "note": "kept", "acceptedSpellings": [{"spelling": "Zelenksy", "of": "Volodymyr Zelensky", "by": "ana"}, {"spelling": 3}], "articleDates": [{"article": "a.txt", "date": "2022-2-24"}]}';
    const parsed = parseRegistry(text);
    assert.ok(parsed.value, 'a byte-order mark is fine');
    const saved = serializeRegistry(withAcceptedSpelling(parsed.value, 'Vladmir Putin', 'Vladimir Putin'));
    const back = JSON.parse(saved);
    assert.strictEqual(back.note, 'kept');
    assert.deepStrictEqual(back.acceptedSpellings, [
      { spelling: 'Vladmir Putin', of: 'Vladimir Putin' },
      { spelling: 'Zelenksy', of: 'Volodymyr Zelensky', by: 'ana' },
      { spelling: 3 },
    ]);
    assert.deepStrictEqual(back.articleDates, [{ article: 'a.txt', date: '2022-2-24' }]);
  });
});
