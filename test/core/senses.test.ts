// The second stage of recognition: an entity's type is settled over the whole corpus. The mentions the recogniser was
// sure of decide it; a name it was sure of as two types stands for two entities, one a type.
import * as assert from 'assert';
import { NO_RULES, spellingRules } from '../../server/src/core/annotations/apply';
import { pin } from '../../server/src/core/annotations/actions';
import { EMPTY_REGISTRY } from '../../server/src/core/annotations/registry';
import { hover, type NameCard } from '../../server/src/core/queries/hover';
import { renderNameCard } from '../../server/src/core/queries/markdown';
import { corpusFixture } from './corpusFixture';

function entitiesNamed(source: string, name: string) {
  const { index } = corpusFixture(source);
  return index
    .entities()
    .filter((e) => e.name === name)
    .map((e) => ({ id: e.id, type: e.type, mentions: e.mentionCount, articles: [...e.documents.keys()].sort(), refs: index.mentionsOf(e).map((r) => `${r.uri}:${r.mention.start}:${r.mention.type}`) }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('entity types over the corpus', () => {
  it('the mentions the recogniser was sure of decide the type of every mention', () => {
    const source = `//- /a.txt
Ferries sailed from the north of <<Veloria>>{location} again.
//- /b.txt
<<Veloria>>{organization?}'s parliament met. Engineers will travel to <<Veloria>>{location} soon.
//- /c.txt
<<Veloria>>{organization?}'s largest freight company grew, and <<Veloria>>{organization?}'s ports with it.
`;
    const { index, uri } = corpusFixture(source);
    const found = entitiesNamed(source, 'Veloria');
    assert.deepStrictEqual(
      found.map(({ id, type, mentions, articles }) => ({ id, type, mentions, articles })),
      [{ id: 'veloria', type: 'location', mentions: 5, articles: ['file:///a.txt', 'file:///b.txt', 'file:///c.txt'] }],
    );
    for (const name of ['/a.txt', '/b.txt', '/c.txt']) {
      for (const m of index.get(uri(name))!.mentions) assert.strictEqual(m.type, 'location', `${name} ${m.text}`);
    }
  });

  it('a name the recogniser was sure of as two types is two entities, each with its own mentions', () => {
    const source = `//- /state.txt
Storms crossed <<Florida>>{location} and flooded roads in <<Florida>>{location}. Schools in <<Florida>>{location} shut.
//- /results.txt
<<Florida>>{organization} 3 <<Boston>>{organization} 2. <<Florida>>{organization} lead the division.
//- /mixed.txt
Fans of <<Florida>>{organization} drove home across <<Florida>>{location}.
`;
    const { index, uri } = corpusFixture(source);
    const found = entitiesNamed(source, 'Florida');
    assert.deepStrictEqual(found, [
      {
        id: 'florida',
        type: 'location',
        mentions: 4,
        articles: ['file:///mixed.txt', 'file:///state.txt'],
        refs: ['file:///mixed.txt:34:location', 'file:///state.txt:15:location', 'file:///state.txt:44:location', 'file:///state.txt:64:location'],
      },
      {
        id: 'florida.organization',
        type: 'organization',
        mentions: 3,
        articles: ['file:///mixed.txt', 'file:///results.txt'],
        refs: ['file:///mixed.txt:8:organization', 'file:///results.txt:0:organization', 'file:///results.txt:20:organization'],
      },
    ]);
    // Each article's mentions point at the entity of their own type, and the article lists both where it has both.
    const mixed = index.get(uri('/mixed.txt'))!.mentions.filter((m) => m.text === 'Florida');
    assert.deepStrictEqual(mixed.map((m) => [m.type, m.entity]), [['organization', 'florida.organization'], ['location', 'florida']]);
    assert.deepStrictEqual([...index.entitiesIn(uri('/mixed.txt'))].filter((id) => id.startsWith('florida')).sort(), ['florida', 'florida.organization']);
  });

  it('a name the recogniser was unsure of everywhere is one entity of the commonest type', () => {
    const source = `//- /a.txt
<<Kessel>>{organization?} and <<Kessel>>{location?} again.
//- /b.txt
<<Kessel>>{location?} at dawn.
`;
    assert.deepStrictEqual(
      entitiesNamed(source, 'Kessel').map(({ id, type, mentions }) => ({ id, type, mentions })),
      [{ id: 'kessel', type: 'location', mentions: 3 }],
    );
  });

  it('the user typing every mention of a spelling settles it over the senses', () => {
    const { index } = corpusFixture(`//- /a.txt
<<Florida>>{location} and <<Florida>>{organization}.
`);
    index.setDecisions({ entities: [], rules: spellingRules([{ spelling: 'Florida', decision: 'type', type: 'organization' }]) });
    const florida = index.entities().filter((e) => e.name === 'Florida');
    assert.deepStrictEqual(
      florida.map((e) => [e.type, e.mentionCount]),
      [['organization', 2]],
    );
  });
});

describe('the hover says where a type comes from', () => {
  it('a type settled by other mentions, and a type the recogniser was never sure of', () => {
    const { index, uri } = corpusFixture(`//- /a.txt
Ferries sailed from the north of <<Veloria>>{location} again.
//- /b.txt
<<Veloria>>{organization?}'s parliament met. <<Kessel>>{location?} was quiet.
`);
    const card = (name: string, offset: number) => hover(index, uri(name), offset) as NameCard;
    const settled = card('/b.txt', 1);
    assert.deepStrictEqual(settled.typeFrom, { recognised: 'organization', unsure: true });
    assert.match(renderNameCard(settled), /Typed location from its other mentions: the recogniser was unsure here, and read an organization/);
    const guessed = card('/b.txt', index.get(uri('/b.txt'))!.text.indexOf('Kessel') + 1);
    assert.deepStrictEqual(guessed.typeFrom, { guessed: true });
    assert.match(renderNameCard(guessed), /Type guessed: the recogniser was unsure it is a location in every mention/);
    assert.strictEqual(card('/a.txt', index.get(uri('/a.txt'))!.text.indexOf('Veloria') + 1).typeFrom, null, 'a sure mention of the settled type says nothing');
  });
});

describe('a decision on one entity of a name with senses', () => {
  const source = `//- /state.txt
Storms crossed <<Florida>>{location} and flooded roads in <<Florida>>{location}. Schools in <<Florida>>{location} shut.
//- /results.txt
<<Florida>>{organization} 3 <<Boston>>{organization} 2. <<Florida>>{organization} lead the division.
`;
  const byType = (index: ReturnType<typeof corpusFixture>['index'], uri: (n: string) => string) =>
    ['/state.txt', '/results.txt'].flatMap((f) => index.get(uri(f))!.mentions.filter((m) => m.text === 'Florida').map((m) => `${m.type} ${index.entity(m.entity!)!.name}${m.confirmed ? ' ✓' : ''}`));

  it('holds only that type: renaming the team leaves the state alone, and the reverse', () => {
    for (const [pick, name] of [['organization', 'Florida Marlins'], ['location', 'State of Florida']] as const) {
      const { index, uri } = corpusFixture(source);
      const entity = index.entities().find((e) => e.name === 'Florida' && e.type === pick)!;
      assert.strictEqual(entity.typeSlice, true);
      const entry = { ...pin(EMPTY_REGISTRY, entity), name };
      assert.strictEqual(entry.type, pick, 'the pinned entry keeps its type');
      index.setDecisions({ entities: [entry], rules: NO_RULES });
      const expected = pick === 'organization'
        ? ['location Florida', 'location Florida', 'location Florida', 'organization Florida Marlins ✓', 'organization Florida Marlins ✓']
        : ['location State of Florida ✓', 'location State of Florida ✓', 'location State of Florida ✓', 'organization Florida', 'organization Florida'];
      assert.deepStrictEqual(byType(index, uri), expected, pick);
    }
  });
});
