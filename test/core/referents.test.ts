// Which entity a name refers to, decided from its context: in the article, and across the corpus. Our own text,
// through the product's pipeline with the shipped recognisers.
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../server/src/core/analyze';
import { CorpusIndex } from '../../server/src/core/corpus/index';
import { loadRecognizers } from '../../server/src/node/recognizers';
import { nameKey } from '../../server/src/core/resolve/names';
import { pin } from '../../server/src/core/annotations/actions';
import { EMPTY_REGISTRY } from '../../server/src/core/annotations/registry';
import { corpusFixture } from './corpusFixture';

const recognizers = loadRecognizers();

function corpus(files: Record<string, string>): CorpusIndex {
  const index = new CorpusIndex();
  for (const [name, text] of Object.entries(files)) index.set(analyzeText(recognizers, `file:///${name}`, 1, text), { text });
  return index;
}

/** Each mention of `surface` in an article: its final type and the name of its entity. */
function mentionsOf(index: CorpusIndex, name: string, surface: string): string[] {
  return index
    .get(`file:///${name}`)!
    .mentions.filter((m) => m.text === surface)
    .map((m) => `${m.type} ${m.entity === null ? '-' : index.entity(m.entity)!.name}`);
}

describe('referents by context', () => {
  it('a surname the recogniser took for a place is the person the article names in full', () => {
    const index = corpus({
      'pentagon.txt':
        'US Defense Secretary Lloyd Austin spoke to his Russian counterpart on Friday.\n\nAustin had urged Moscow to keep the lines open, the Pentagon said. Austin also spoke with officials in Kyiv.\n',
      'texas.txt': 'Floods closed roads in Austin, Texas, on Monday, and schools in Austin stayed shut.\n',
    });
    assert.deepStrictEqual(mentionsOf(index, 'pentagon.txt', 'Austin'), ['person Lloyd Austin', 'person Lloyd Austin']);
    // The city in another article stays a city.
    assert.ok(mentionsOf(index, 'texas.txt', 'Austin').every((m) => m.startsWith('location ')), mentionsOf(index, 'texas.txt', 'Austin').join(', '));
  });
});

describe('institutions named by what they are', () => {
  it("a ministry after Britain's and one after Russia's are two entities, and a bare one is the article's own", () => {
    const index = corpus({
      'uk.txt': "Britain's Defense Ministry said on Monday that a drone had been shot down. The Defense Ministry gave no details.\n",
      'ru.txt': "Russia's Defense Ministry denied the report on Tuesday.\n",
      'ru2.txt': 'The Russian Defense Ministry said on Sunday that the British Defense Ministry was wrong.\n',
    });
    assert.deepStrictEqual(mentionsOf(index, 'uk.txt', 'Defense Ministry'), ["organization Britain's Defense Ministry", "organization Britain's Defense Ministry"]);
    assert.deepStrictEqual(mentionsOf(index, 'ru.txt', 'Defense Ministry'), ["organization Russia's Defense Ministry"]);
    const uk = index.get('file:///uk.txt')!.mentions.find((m) => m.text === 'Defense Ministry')!.entity;
    const ru = index.get('file:///ru.txt')!.mentions.find((m) => m.text === 'Defense Ministry')!.entity;
    const [russian, british] = index.get('file:///ru2.txt')!.mentions.filter((m) => /Defense Ministry/.test(m.text)).map((m) => m.entity);
    assert.notStrictEqual(uk, ru);
    // The entity's name is a spelling of its own key, so a decision on it pins it by that spelling.
    assert.ok(index.entity(uk!)!.keys.includes(nameKey(index.entity(uk!)!.name)), index.entity(uk!)!.keys.join(', '));
    assert.deepStrictEqual(pin(EMPTY_REGISTRY, index.entity(uk!)!).spellings, ["Britain's Defense Ministry"]);
    assert.notStrictEqual(russian, british);
    assert.strictEqual(index.entity(russian!)!.name, 'Russian Defense Ministry');
    assert.strictEqual(index.entity(british!)!.name, 'British Defense Ministry');
    // The owner stays a mention of its own: Britain is still a place mentioned in the article.
    assert.deepStrictEqual(mentionsOf(index, 'uk.txt', 'Britain'), ['location Britain']);
  });
});

describe('a surname or Mr X across the corpus', () => {
  it('Mr Blair joins the one Blair the corpus names in full', () => {
    const index = corpus({
      'a.txt': 'Prime Minister Tony Blair met union leaders in London on Tuesday.\n',
      'b.txt': 'Tony Blair said the talks had gone well.\n',
      'c.txt': 'Mr Blair said he would not take part in a television debate before the election.\n',
    });
    assert.deepStrictEqual(mentionsOf(index, 'c.txt', 'Blair'), ['person Tony Blair']);
  });

});

describe('a headline run into the first sentence', () => {
  it('splits the headline\'s last name from the sentence\'s first one, only there', () => {
    const { index, uri } = corpusFixture(`//- /a.txt
Harbour vote delayed, says <<Marsh Helena Marsh>>{person} has said the vote will wait. <<Marsh>>{person} spoke in Port Aster.
//- /b.txt
Ferries return, says <<Okafor Tomasz Kovalenko>>{person} said ferries would sail again, and <<Daniel Okafor>>{person} agreed. Later <<Anna Brandt Helena Marsh>>{person} met.
`);
    const names = (name: string) => index.get(uri(name))!.mentions.filter((m) => m.type === 'person').map((m) => `${m.text} -> ${index.entity(m.entity!)!.name}`);
    assert.deepStrictEqual(names('/a.txt'), ['Marsh -> Helena Marsh', 'Helena Marsh -> Helena Marsh', 'Marsh -> Helena Marsh']);
    // Beyond the first sentence a long name stays as the recogniser found it.
    assert.deepStrictEqual(names('/b.txt'), ['Okafor -> Daniel Okafor', 'Tomasz Kovalenko -> Tomasz Kovalenko', 'Daniel Okafor -> Daniel Okafor', 'Anna Brandt Helena Marsh -> Anna Brandt Helena Marsh']);
  });
});

describe('short forms within an article', () => {
  const entityNames = (source: string, file: string) => {
    const { index, uri } = corpusFixture(source);
    return index.get(uri(file))!.mentions.filter((m) => m.entity !== null).map((m) => `${m.text} -> ${index.entity(m.entity!)!.name}`);
  };

  it('a first name used alone is the one person of the article with that first name', () => {
    assert.deepStrictEqual(entityNames(`//- /a.txt
<<Anna Brandt>>{person} won in straight sets. <<Anna>>{person} said the wind helped.
`, '/a.txt'), ['Anna Brandt -> Anna Brandt', 'Anna -> Anna Brandt']);
    // Two Annas, or an Anna who is also someone's surname, leave it alone.
    assert.deepStrictEqual(entityNames(`//- /a.txt
<<Anna Brandt>>{person} beat <<Anna Kovac>>{person}. <<Anna>>{person} said the wind helped.
`, '/a.txt'), ['Anna Brandt -> Anna Brandt', 'Anna Kovac -> Anna Kovac', 'Anna -> Anna']);
  });

  it('the last words of exactly one longer name of its type are that name, unless the longer one only qualifies it', () => {
    assert.deepStrictEqual(entityNames(`//- /a.txt
<<Kessel Harbour United>>{organization} lost at home. <<United>>{organization} face <<Port Aster Rovers>>{organization} next.
`, '/a.txt'), ['Kessel Harbour United -> Kessel Harbour United', 'United -> Kessel Harbour United', 'Port Aster Rovers -> Port Aster Rovers']);
    assert.deepStrictEqual(entityNames(`//- /a.txt
<<New Labour>>{organization} was a brand; <<Labour>>{organization} is a party. Ferries from <<North Veloria>>{location} reached <<Veloria>>{location}.
`, '/a.txt'), ['New Labour -> New Labour', 'Labour -> Labour', 'North Veloria -> North Veloria', 'Veloria -> Veloria']);
  });
});

describe('an honorific says which of two people sharing a surname is meant', () => {
  /** The entity name of each mention of `surface` in the fixture file, in order. */
  const entitiesOf = (source: string, file: string, surface: string) => {
    const { index, uri } = corpusFixture(source);
    return index
      .get(uri(file))!
      .mentions.filter((m) => m.text === surface)
      .map((m) => index.entity(m.entity!)!.name);
  };

  it('Mrs joins the woman, Mr the other, where the first-name lists tell them apart', () => {
    const source = `//- /a.txt
<<Tony Harlow>>{person} and <<Cherie Harlow>>{person} arrived. Mr <<Harlow>>{person} spoke first; Mrs <<Harlow>>{person} spoke later.
`;
    assert.deepStrictEqual(entitiesOf(source, '/a.txt', 'Harlow'), ['Tony Harlow', 'Cherie Harlow']);
  });

  it('stays ambiguous without an honorific, or where both first names are of the same sex', () => {
    const source = `//- /a.txt
<<Tony Harlow>>{person} and <<Cherie Harlow>>{person} arrived. <<Harlow>>{person} spoke.
//- /b.txt
<<John Marsh>>{person} and <<Peter Marsh>>{person} arrived. Mr <<Marsh>>{person} spoke.
`;
    assert.deepStrictEqual(entitiesOf(source, '/a.txt', 'Harlow'), ['Harlow']);
    assert.deepStrictEqual(entitiesOf(source, '/b.txt', 'Marsh'), ['Marsh']);
  });
});

describe('one type for a name across the sample corpus', () => {
  it('types Veloria, the sample corpus country, once for all its articles', () => {
    const dir = path.join(__dirname, '..', '..', 'examples', 'corpus');
    const files = Object.fromEntries(fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
    const index = corpus(files);
    const types = new Set(Object.keys(files).flatMap((f) => index.get(`file:///${f}`)!.mentions.filter((m) => m.text === 'Veloria').map((m) => m.type)));
    // The recogniser is unsure of `Veloria's parliament`, `Veloria's roads` and `Veloria's largest freight operator`
    // (an organization, half a vote each) and of `travel to Veloria`, sure of `north of Veloria` (a place): the votes
    // tie, and the type it was sure of decides.
    assert.deepStrictEqual([...types], ['location']);
  });
});

describe('two names joined by and', () => {
  it('are two names where the article names each alone elsewhere (the sample corpus: between Port Aster and Dunhallow)', () => {
    const file = '2024-03-11-kessel-bridge-closes.txt';
    const text = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'corpus', file), 'utf8');
    const index = corpus({ [file]: text });
    const at = text.indexOf('Port Aster and Dunhallow');
    const there = index.get(`file:///${file}`)!.mentions.filter((m) => m.start >= at && m.end <= at + 'Port Aster and Dunhallow'.length).map((m) => m.text);
    assert.deepStrictEqual(there, ['Port Aster', 'Dunhallow']);
  });
});
