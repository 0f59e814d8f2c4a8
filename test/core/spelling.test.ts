import * as assert from 'assert';
import { isSlip, spellingHints } from '../../server/src/core/queries/spelling';
import { articleSummary } from '../../server/src/core/queries/articleSummary';
import { NO_RULES } from '../../server/src/core/annotations/apply';
import { EMPTY_REGISTRY, parseRegistry, serializeRegistry, withArticleDate, withEntity, withSpellingDecision } from '../../server/src/core/annotations/registry';
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
    const hints = spellingHints(f.index, doc);
    assert.deepStrictEqual(
      hints.map((h) => [doc.text.slice(h.span.start, h.span.end), h.suggestion, h.counts]),
      [['Vladmir Putin', 'Vladimir Putin', { spelling: 1, suggestion: 3 }]],
    );
    // Listed for another entity: that entity takes the spelling, and it is no slip of this one.
    f.index.setDecisions({ entities: [{ id: 'someone-else', name: 'Someone Else', spellings: ['Someone Else'] }], rules: NO_RULES });
    assert.strictEqual(spellingHints(f.index, doc).length, 1, 'accepted for another entity only');
    f.index.setDecisions({ entities: [{ id: 'vladimir-putin', spellings: ['Vladimir Putin', 'Vladmir Putin'] }], rules: NO_RULES });
    assert.deepStrictEqual(spellingHints(f.index, doc), [], 'an accepted spelling is not hinted');
    assert.strictEqual(f.index.entityOf(doc.mentions[0])?.id, 'vladimir-putin');
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
    let reg = withEntity(EMPTY_REGISTRY, { id: 'volodymyr-zelensky', name: 'Volodymyr Zelensky', type: 'person', spellings: ['Zelenksy'], note: 'President of Ukraine', ids: { wikidata: 'Q3881270' } });
    reg = withEntity(reg, { id: 'vladimir-putin', spellings: ['Vladmir Putin'] });
    reg = withSpellingDecision(reg, 'Advertisement', { decision: 'reject' });
    reg = withSpellingDecision(reg, 'Twitter', { decision: 'type', type: 'organization' });
    const dated = withArticleDate(reg, 'seeds/004.txt', '2022-03-03');
    assert.strictEqual(
      serializeRegistry(dated),
      '{\n  "version": 2,\n  "entities": [\n' +
        '    {"id":"vladimir-putin","spellings":["Vladmir Putin"]},\n' +
        '    {"id":"volodymyr-zelensky","name":"Volodymyr Zelensky","type":"person","spellings":["Zelenksy"],"note":"President of Ukraine","ids":{"wikidata":"Q3881270"}}\n  ],\n' +
        '  "spellings": [\n    {"spelling":"Advertisement","decision":"reject"},\n    {"spelling":"Twitter","decision":"type","type":"organization"}\n  ],\n' +
        '  "articleDates": [\n    {"article":"seeds/004.txt","date":"2022-03-03"}\n  ]\n}\n',
    );
    assert.strictEqual(serializeRegistry(parseRegistry(serializeRegistry(dated)).value!), serializeRegistry(dated), 'parse and serialize round-trip');
    assert.deepStrictEqual(withArticleDate(dated, 'seeds/004.txt', null).articleDates, []);
    assert.strictEqual(serializeRegistry(EMPTY_REGISTRY), '{\n  "version": 2,\n  "entities": [],\n  "spellings": [],\n  "articleDates": []\n}\n');
  });

  it('carries a version 1 file over: accepted spellings become spellings of an entity, dates stay', () => {
    const v1 = '{"version": 1, "acceptedSpellings": [{"spelling": "Vladmir Putin", "of": "Vladimir Putin"}, {"spelling": "Putn", "of": "Vladimir Putin"}], "articleDates": [{"article": "a.txt", "date": "2024-03-04"}]}';
    const parsed = parseRegistry(v1);
    assert.deepStrictEqual(parsed.problems, []);
    assert.deepStrictEqual(parsed.value!.entities, [{ id: 'vladimir-putin', name: 'Vladimir Putin', spellings: ['Vladimir Putin', 'Vladmir Putin', 'Putn'] }]);
    assert.deepStrictEqual(parsed.value!.articleDates, [{ article: 'a.txt', date: '2024-03-04' }]);
    assert.match(serializeRegistry(parsed.value!), /"version": 2/);
    // Fields of an entry besides the spelling and its entity are kept, on the entity the spelling went to.
    const noted = parseRegistry('{"version": 1, "acceptedSpellings": [{"spelling": "Putn", "of": "Vladimir Putin", "by": "ana", "at": "2024-03-04"}]}');
    const saved = JSON.parse(serializeRegistry(noted.value!));
    assert.deepStrictEqual(saved.entities, [{ id: 'vladimir-putin', name: 'Vladimir Putin', spellings: ['Vladimir Putin', 'Putn'], acceptedSpellingsV1: [{ spelling: 'Putn', by: 'ana', at: '2024-03-04' }] }]);
    assert.deepStrictEqual(JSON.parse(serializeRegistry(parseRegistry(JSON.stringify(saved)).value!)).entities, saved.entities, 'and they survive the next save');
  });

  it('reports a malformed file at its line instead of guessing', () => {
    const broken = '{\n  "version": 2,\n  "entities": [\n    {"id": "a", "spellings": []}\n    {"id": "b", "spellings": []}\n  ]\n}\n';
    const parsed = parseRegistry(broken);
    assert.strictEqual(parsed.value, null);
    assert.strictEqual(parsed.problems[0].line, 4, 'the line where the comma is missing');
    assert.match(parsed.problems[0].message, /comma/);
    assert.match(parseRegistry('{"version": 7}').problems[0].message, /unknown version 7/);
    const partly = parseRegistry('{"version": 2,\n"entities": [\n{"id": "ok", "spellings": ["A"]},\n{"id": "", "spellings": []}\n]}');
    assert.deepStrictEqual(partly.value?.entities.map((e) => e.id), ['ok']);
    assert.match(partly.problems[0].message, /entities\[1\]/);
    assert.strictEqual(partly.problems[0].line, 3);
    const badDate = parseRegistry('{"version": 2, "articleDates": [{"article": "a.txt", "date": "2022-02-31"}]}');
    assert.deepStrictEqual(badDate.value?.articleDates, []);
    assert.match(badDate.problems[0].message, /articleDates\[0\]/);
  });

  it('keeps what it does not understand when it saves', () => {
    const text = '\uFEFF{"version": 2, "note": "kept", "entities": [{"id": "x", "spellings": ["X"], "by": "ana"}, {"id": 3}], "spellings": [{"spelling": "Advertisement", "decision": "reject", "why": "site furniture"}], "articleDates": [{"article": "a.txt", "date": "2022-2-24"}, {"article": "b.txt", "date": "2022-02-24", "source": "scraper"}]}';
    const parsed = parseRegistry(text);
    assert.ok(parsed.value, 'a byte-order mark is fine');
    const saved = serializeRegistry(withArticleDate(withEntity(parsed.value, { ...parsed.value.entities[0], note: 'n' }), 'b.txt', '2022-02-25'));
    const back = JSON.parse(saved);
    assert.strictEqual(back.note, 'kept');
    assert.deepStrictEqual(back.entities, [{ id: 'x', spellings: ['X'], note: 'n', by: 'ana' }, { id: 3 }]);
    assert.deepStrictEqual(back.spellings, [{ spelling: 'Advertisement', decision: 'reject', why: 'site furniture' }]);
    assert.deepStrictEqual(back.articleDates, [{ article: 'b.txt', date: '2022-02-25', source: 'scraper' }, { article: 'a.txt', date: '2022-2-24' }]);
  });
});
