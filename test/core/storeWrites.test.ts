// Every write to the user's store keeps what this version does not know (issue 16): other top-level keys,
// unusable entries, extra fields of entities, spelling decisions, article dates and records, and the other
// keys of an entity's `ids`, through every action the user can take.
import * as assert from 'assert';
import { ACTION_KINDS, type Action, applyAction } from '../../server/src/core/annotations/actions';
import { spellingRules } from '../../server/src/core/annotations/apply';
import { parseRegistry, serializeRegistry, withArticleDate, withEntity, withSpellingDecision, withoutEntity, type Registry } from '../../server/src/core/annotations/registry';
import { parseArticleRecords, serializeArticleRecords, type ArticleRecords } from '../../server/src/core/annotations/spans';
import { corpusFixture } from './corpusFixture';

const REGISTRY = JSON.stringify({
  version: 2,
  reviewedBy: { name: 'ana', on: '2024-05-01' },
  entities: [
    { id: 'ingrid-dalca', name: 'Ingrid Dalca', spellings: ['Ingrid Dalca', 'Dalca'], ids: { wikidata: 'Q42', geonames: '7701' }, addedBy: 'ana', extra: { level: { deep: true } } },
    { id: 'port-ellis', spellings: ['Port Ellis'], source: 'gazetteer', ids: { osm: 'r99' } },
    { id: 17 },
  ],
  spellings: [{ spelling: 'Coastline Wire', decision: 'type', type: 'organization', why: 'an agency' }, { spelling: 42 }],
  articleDates: [{ article: 'a.txt', date: '2024-03-04', source: 'scraper', checked: { by: 'ana' } }, { article: 'b.txt' }],
});

const RECORDS = JSON.stringify({
  version: 1,
  article: 'a.txt',
  tool: 'importer 2',
  records: [{ id: 'r1', start: 0, end: 7, decision: 'reject', exact: 'Harbour', prefix: '', suffix: ' talks', hash: 'stale', by: 'ana' }, { id: 'bad' }],
});

const CORPUS = `//- /a.txt
Harbour talks resume

PORT ELLIS, March 4, 2024 - Mayor <<Ingrid Dalca>>{person} met the <<Port Ellis>>{location} board on <<Monday>>{date:2024-03-04}. <<Dalca>>{person} said the <<Coastline Wire>>{organization} report was wrong.
//- /b.txt
Mayor <<Ingrid Dalca>>{person} spoke again in <<Port Ellis>>{location}.
`;

/** Everything the files hold that this version does not know, read back from the serialized files. */
function unknowns(registryText: string, recordsText: string) {
  const reg = JSON.parse(registryText);
  const rec = JSON.parse(recordsText);
  const byId = (id: unknown) => reg.entities.find((e: { id: unknown }) => e.id === id);
  const entities = reg.entities.filter((e: { spellings?: string[] }) => e.spellings?.includes('Ingrid Dalca') || e.spellings?.includes('Port Ellis'));
  const carried = (field: string) => entities.find((e: Record<string, unknown>) => field in e)?.[field];
  return {
    topLevel: reg.reviewedBy,
    unusableEntity: byId(17),
    addedBy: carried('addedBy'),
    extra: carried('extra'),
    source: carried('source'),
    otherIds: entities.map((e: { ids?: Record<string, string> }) => Object.entries(e.ids ?? {}).filter(([k]) => k !== 'wikidata')).flat().sort(),
    spellingWhy: reg.spellings.find((s: { spelling: unknown }) => s.spelling === 'Coastline Wire')?.why,
    unusableSpelling: reg.spellings.find((s: { spelling: unknown }) => s.spelling === 42),
    articleDate: reg.articleDates.find((d: { article: string }) => d.article === 'a.txt'),
    unusableDate: reg.articleDates.find((d: { article: string; date?: string }) => d.article === 'b.txt' && d.date === undefined),
    recordsTool: rec.tool,
    recordBy: rec.records.find((r: { id: string }) => r.id === 'r1')?.by,
    unusableRecord: rec.records.find((r: { id: string }) => r.id === 'bad'),
  };
}

const EXPECTED = {
  topLevel: { name: 'ana', on: '2024-05-01' },
  unusableEntity: { id: 17 },
  addedBy: 'ana',
  extra: { level: { deep: true } },
  source: 'gazetteer',
  otherIds: [['geonames', '7701'], ['osm', 'r99']],
  spellingWhy: 'an agency',
  unusableSpelling: { spelling: 42 },
  articleDate: { article: 'a.txt', date: '2024-03-04', source: 'scraper', checked: { by: 'ana' } },
  unusableDate: { article: 'b.txt' },
  recordsTool: 'importer 2',
  recordBy: 'ana',
  unusableRecord: { id: 'bad' },
};

function loaded(): { registry: Registry; records: ArticleRecords } {
  const registry = parseRegistry(REGISTRY).value!;
  const records = parseArticleRecords(RECORDS, 'a.txt').value!;
  return { registry, records };
}

describe('writes to the store keep what they do not know', () => {
  it('the files as read keep everything they hold when written back', () => {
    const { registry, records } = loaded();
    assert.deepStrictEqual(unknowns(serializeRegistry(registry), serializeArticleRecords(records)), EXPECTED);
  });

  it('Set Article Date changes the date and keeps the entry’s other fields, at every level', () => {
    const { registry, records } = loaded();
    const dated = withArticleDate(registry, 'a.txt', '2024-03-09');
    assert.deepStrictEqual(unknowns(serializeRegistry(dated), serializeArticleRecords(records)), { ...EXPECTED, articleDate: { ...EXPECTED.articleDate, date: '2024-03-09' } });
    // A new date for an article with no entry adds one; the others stand.
    const added = parseRegistry(serializeRegistry(withArticleDate(dated, 'c.txt', '2024-01-02'))).value!;
    assert.deepStrictEqual(added.articleDates.map((d) => [d.article, d.date]), [['a.txt', '2024-03-09'], ['c.txt', '2024-01-02']]);
  });

  it('an entity, a spelling decision or an entity removal written afresh keeps the unknown fields of the others and of the entry replaced', () => {
    const { registry, records } = loaded();
    // Built from scratch, as a caller that knows only the known fields would: the entry's unknown fields stay.
    let next = withEntity(registry, { id: 'ingrid-dalca', name: 'Ingrid M. Dalca', spellings: ['Ingrid Dalca', 'Dalca'], ids: { wikidata: 'Q42', geonames: '7701' } });
    next = withSpellingDecision(next, 'Coastline Wire', { decision: 'reject' });
    const saved = parseRegistry(serializeRegistry(next)).value!;
    assert.deepStrictEqual(unknowns(serializeRegistry(saved), serializeArticleRecords(records)), EXPECTED);
    assert.strictEqual(saved.entities.find((e) => e.id === 'ingrid-dalca')!.name, 'Ingrid M. Dalca');
    assert.deepStrictEqual(saved.spellings.map(({ spelling, decision, type }) => [spelling, decision, type]), [['Coastline Wire', 'reject', undefined]]);
    const removed = withoutEntity(registry, 'port-ellis');
    assert.deepStrictEqual(removed.entities.find((e) => e.id === 'ingrid-dalca'), registry.entities.find((e) => e.id === 'ingrid-dalca'));
    assert.deepStrictEqual(removed.kept, registry.kept);
  });

  describe('every action', () => {
    const fixture = corpusFixture(CORPUS);
    const text = fixture.files.get('/a.txt')!.text;
    const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
    const actions: [Action, string][] = [
      [{ kind: 'type', scope: 'mention', type: 'organization' }, 'Port Ellis'],
      [{ kind: 'type', scope: 'spelling', type: 'organization' }, 'Port Ellis'],
      [{ kind: 'reject', scope: 'mention' }, 'Port Ellis'],
      [{ kind: 'reject', scope: 'spelling' }, 'Coastline Wire'],
      [{ kind: 'merge', into: 'ingrid-dalca' }, 'Port Ellis'],
      [{ kind: 'accept' }, 'Dalca'],
      [{ kind: 'split', scope: 'mention' }, 'Dalca'],
      [{ kind: 'split', scope: 'spelling' }, 'Dalca'],
      [{ kind: 'rename', name: 'Mayor Dalca' }, 'Ingrid Dalca'],
      [{ kind: 'note', note: 'the mayor' }, 'Ingrid Dalca'],
      [{ kind: 'note', note: null }, 'Ingrid Dalca'],
      [{ kind: 'externalId', wikidata: 'Q7' }, 'Ingrid Dalca'],
      [{ kind: 'externalId', wikidata: null }, 'Ingrid Dalca'],
      [{ kind: 'value', value: '2024-03-05' }, 'Monday'],
    ];

    it('covers every kind of action', () => {
      assert.deepStrictEqual([...new Set(actions.map(([a]) => a.kind))].sort(), [...ACTION_KINDS].sort());
    });

    for (const [action, words] of actions) {
      it(`${JSON.stringify(action)} on “${words}”`, () => {
        const files = loaded();
        fixture.index.setDecisions({ entities: files.registry.entities, rules: spellingRules(files.registry.spellings) });
        const outcome = applyAction(fixture.index, { uri: fixture.uri('/a.txt'), text, span: span(words) }, action, files);
        assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
        assert.ok(outcome.registry || outcome.records, 'the action changed a file');
        const registryText = serializeRegistry(outcome.registry ?? files.registry);
        const recordsText = serializeArticleRecords(outcome.records ?? files.records);
        assert.deepStrictEqual(unknowns(registryText, recordsText), EXPECTED);
      });
    }
  });
});
