// Corpus-level alias resolution over fixture corpora: which spellings become one entity, and which stay apart.
import * as assert from 'assert';
import { corpusFixture } from './corpusFixture';
import { createAliasResolver, oneDeletion } from '../../server/src/core/resolve/aliases';
import { NameTable } from '../../server/src/core/corpus/nameTable';
import type { Mention } from '../../server/src/core/model';
import { nameKey } from '../../server/src/core/resolve/names';
import { deletions } from '../../server/src/core/resolve/similarity';
import { random } from '../../train/perceptron';

/** The entity groups of a corpus, as sorted lists of spellings, for the spellings named in `of`. */
function groups(source: string, of: string[]): string[][] {
  const { index } = corpusFixture(source);
  const wanted = new Set(of);
  return index
    .entities()
    .map((e) => e.spellings.map((s) => s.text).filter((t) => wanted.has(t)).sort())
    .filter((g) => g.length > 0)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

describe('alias resolution', () => {
  it('joins transliteration variants across articles', () => {
    const corpus = `//- /a.txt
<<Volodymyr Zelenskiy>>{person} spoke. <<Zelenskiy>>{person} left.
//- /b.txt
<<Zelensky>>{person} and <<Sergei Lavrov>>{person} met near the <<Dnipro>>{location}.
//- /c.txt
<<Zelenskyy>>{person} said <<Sergey Lavrov>>{person} was wrong about the <<Dnieper>>{location} and the <<Dnipro River>>{location}.
`;
    assert.deepStrictEqual(groups(corpus, ['Volodymyr Zelenskiy', 'Zelenskiy', 'Zelensky', 'Zelenskyy', 'Sergei Lavrov', 'Sergey Lavrov', 'Dnipro', 'Dnieper', 'Dnipro River']), [
      ['Dnieper', 'Dnipro', 'Dnipro River'],
      ['Sergei Lavrov', 'Sergey Lavrov'],
      ['Volodymyr Zelenskiy', 'Zelenskiy', 'Zelensky', 'Zelenskyy'],
    ]);
  });

  it('a short word is no transliteration of another with the same consonants', () => {
    const corpus = `//- /a.txt
<<Tony Blair>>{person} spoke. <<Blair>>{person} left. <<Blair>>{person} came back.
//- /b.txt
The band <<Blur>>{person} played. <<Volodymyr Zelenskiy>>{person} and <<Zelensky>>{person} met <<Blurr>>{person}.
`;
    assert.deepStrictEqual(groups(corpus, ['Tony Blair', 'Blair', 'Blur', 'Blurr', 'Zelensky', 'Volodymyr Zelenskiy']), [['Blair', 'Tony Blair'], ['Blur', 'Blurr'], ['Volodymyr Zelenskiy', 'Zelensky']]);
  });

  it('joins a party and its nicknames, and an award and its plural, across articles; a person named Tory stays apart', () => {
    const corpus = `//- /a.txt
The <<Conservatives>>{organization} lost the seat, and a <<Tory>>{organization} spokesman blamed the <<Conservative Party>>{organization} chairman.
//- /b.txt
The <<Tories>>{organization} and the <<Lib Dems>>{organization} met. <<Liberal Democrats>>{organization} said little. <<Amy Tory>>{person} and <<Tory>>{person} left.
//- /c.txt
She won an <<Oscar>>{misc}. The <<Oscars>>{misc} are in March; the <<Academy Awards>>{misc} were moved.
`;
    assert.deepStrictEqual(groups(corpus, ['Conservatives', 'Tory', 'Conservative Party', 'Tories', 'Lib Dems', 'Liberal Democrats', 'Amy Tory', 'Oscar', 'Oscars', 'Academy Awards']), [
      ['Academy Awards', 'Oscar', 'Oscars'],
      ['Amy Tory', 'Tory'],
      ['Conservative Party', 'Conservatives', 'Tories', 'Tory'],
      ['Lib Dems', 'Liberal Democrats'],
    ]);
  });

  it('joins dotted acronyms and their expansions', () => {
    const corpus = `//- /a.txt
The <<United States>>{location} and the <<United Nations>>{organization} agreed.
//- /b.txt
<<U.S.>>{location} envoys went to the <<UN>>{organization}.
//- /c.txt
The <<US>>{location} asked the <<U.N.>>{organization} to act.
`;
    const { index } = corpusFixture(corpus);
    const names = index.entities().map((e) => `${e.name}: ${e.spellings.map((s) => s.text).sort().join(', ')}`).sort();
    assert.deepStrictEqual(names, ['United Nations: U.N., UN, United Nations', 'United States: U.S., US, United States']);
  });

  it('a rare misspelling joins the common spelling, and the common spelling is the canonical name', () => {
    const corpus = `//- /a.txt
<<Vladimir Putin>>{person} met aides. <<Vladimir Putin>>{person} spoke.
//- /b.txt
<<Vladimir Putin>>{person} flew out. <<Vladmir Putin>>{person} returned.
//- /c.txt
<<Putin>>{person} said nothing.
`;
    const { index } = corpusFixture(corpus);
    const entities = index.entities();
    assert.strictEqual(entities.length, 1);
    assert.strictEqual(entities[0].name, 'Vladimir Putin');
    assert.strictEqual(entities[0].mentionCount, 5);
  });

  it('keeps apart people who share a first name, and a person from a city named like him', () => {
    const corpus = `//- /a.txt
<<Sergei Shoigu>>{person} and <<Sergei Surovikin>>{person} met. <<Lloyd Austin>>{person} called.
//- /b.txt
<<Shoigu>>{person} praised <<Surovikin>>{person}. The meeting was in <<Austin>>{location}.
//- /c.txt
<<Austin>>{location} hosted a fair. <<Austin>>{location} is in <<Texas>>{location}.
`;
    assert.deepStrictEqual(groups(corpus, ['Sergei Shoigu', 'Sergei Surovikin', 'Shoigu', 'Surovikin', 'Lloyd Austin', 'Austin']), [
      ['Austin'],
      ['Lloyd Austin'],
      ['Sergei Shoigu', 'Shoigu'],
      ['Sergei Surovikin', 'Surovikin'],
    ]);
  });

  it('keeps apart two well-attested names one letter apart', () => {
    const corpus = `//- /a.txt
<<Martin>>{person} and <<Marin>>{person} talked. <<Martin>>{person} and <<Marin>>{person} left.
//- /b.txt
<<Martin>>{person} and <<Marin>>{person} again.
`;
    const { index } = corpusFixture(corpus);
    assert.ok(index.entities().length >= 2);
  });

  it('a surname shared by two people in the corpus is left ambiguous where no article says which', () => {
    const corpus = `//- /a.txt
<<Anna Brandt>>{person} spoke.
//- /b.txt
<<Erik Brandt>>{person} spoke.
//- /c.txt
<<Brandt>>{person} spoke.
`;
    assert.deepStrictEqual(groups(corpus, ['Anna Brandt', 'Erik Brandt', 'Brandt']), [['Anna Brandt'], ['Brandt'], ['Erik Brandt']]);
  });

  it('does not merge a people into the sea or ocean named after it', () => {
    const corpus = `//- /a.txt
<<Indian>>{misc} ships crossed the <<Indian Ocean>>{location}, and <<Irish>>{misc} ferries the <<Irish Sea>>{location}.
`;
    assert.deepStrictEqual(groups(corpus, ['Indian', 'Indian Ocean', 'Irish', 'Irish Sea']), [['Indian'], ['Indian Ocean'], ['Irish'], ['Irish Sea']]);
  });

  it('does not merge a bridge or a company into the river or town it is named after', () => {
    const corpus = `//- /a.txt
The <<Kessel Bridge>>{location} spans the <<Kessel>>{location}. <<Kestrel Shipping>>{organization} docks at <<Kestrel>>{location}.
`;
    assert.deepStrictEqual(groups(corpus, ['Kessel Bridge', 'Kessel', 'Kestrel Shipping', 'Kestrel']), [['Kessel'], ['Kessel Bridge'], ['Kestrel'], ['Kestrel Shipping']]);
  });
});

describe('alias resolution: shortened names', () => {
  it('a shortened name joins the one longer name of its type', () => {
    const corpus = `//- /a.txt
The <<Velorian Harbour Authority>>{organization} met <<Kestrel Shipping>>{organization}.
//- /b.txt
The <<Harbour Authority>>{organization} said <<Kestrel>>{organization} agreed. The <<Kessel Bridge>>{location} spans the <<Kessel>>{location}.
//- /c.txt
The <<Russian Defense Ministry>>{organization} and the <<British Defense Ministry>>{organization} disagreed with the <<Defense Ministry>>{organization}.
`;
    assert.deepStrictEqual(
      groups(corpus, ['Velorian Harbour Authority', 'Harbour Authority', 'Kestrel Shipping', 'Kestrel', 'Kessel Bridge', 'Kessel', 'Russian Defense Ministry', 'British Defense Ministry', 'Defense Ministry']),
      [['British Defense Ministry'], ['Defense Ministry'], ['Harbour Authority', 'Velorian Harbour Authority'], ['Kessel'], ['Kessel Bridge'], ['Kestrel', 'Kestrel Shipping'], ['Russian Defense Ministry']],
    );
  });
});

describe('alias resolution: types', () => {
  it('a transliteration may cross organization and location, a place never joins its people', () => {
    const corpus = `//- /a.txt
Boats on the <<Dnipro>>{organization?} and the <<Dnipro River>>{location}. <<Iran>>{location} and <<Iranian>>{misc} drones; <<Ukraine>>{location} and <<Ukrainian>>{misc} forces.
//- /b.txt
The <<Dnieper>>{location} again. <<Iran>>{location} and <<Iranian>>{misc} envoys; <<Ukraine>>{location} and <<Ukrainians>>{misc}.
`;
    assert.deepStrictEqual(groups(corpus, ['Dnipro', 'Dnipro River', 'Dnieper', 'Iran', 'Iranian', 'Ukraine', 'Ukrainian', 'Ukrainians']), [
      ['Dnieper', 'Dnipro', 'Dnipro River'],
      ['Iran'],
      ['Iranian'],
      ['Ukraine'],
      ['Ukrainian'],
      ['Ukrainians'],
    ]);
  });
});

describe('alias resolution: near-spelling blocks', () => {
  it('a string is one deletion from a key exactly when deleting one of its characters (not a space) gives it', () => {
    const next = random(41);
    const letters = 'ab c';
    for (let n = 0; n < 3000; n++) {
      const word = (len: number) => Array.from({ length: len }, () => letters[Math.floor(next() * letters.length)]).join('');
      const key = word(2 + Math.floor(next() * 6));
      const s = next() < 0.5 ? deletions(key)[Math.floor(next() * key.length)] ?? word(key.length - 1) : word(key.length - 1);
      assert.strictEqual(oneDeletion(key, s), deletions(key).includes(s), `${JSON.stringify(key)} / ${JSON.stringify(s)}`);
    }
  });
});

describe('alias resolution: many keys coming and going', () => {
  it('resolves as a fresh resolver does, after thousands of near spellings are added and half of them removed', () => {
    const next = random(43);
    const syllables = ['kar', 'vel', 'ost', 'min', 'dra', 'lou', 'sen', 'tir', 'bal', 'rho'];
    const nameOf = () => {
      const word = () => syllables[Math.floor(next() * 10)] + syllables[Math.floor(next() * 10)] + syllables[Math.floor(next() * 10)];
      let n = word().replace(/^./, (c) => c.toUpperCase());
      if (next() < 0.4) n += ' ' + word().replace(/^./, (c) => c.toUpperCase());
      // A one-letter slip now and then, so that near spellings meet.
      if (next() < 0.3) {
        const i = 1 + Math.floor(next() * (n.length - 1));
        n = n.slice(0, i) + n.slice(i + 1);
      }
      return n;
    };
    const table = new NameTable();
    const live = createAliasResolver({ fullResolutionShare: Infinity });
    const docs: { uri: string; mentions: Mention[] }[] = [];
    for (let d = 0; d < 1500; d++) {
      const mentions: Mention[] = [];
      let at = 0;
      for (let k = 0; k < 3; k++) {
        const text = nameOf();
        mentions.push({ start: at, end: at + text.length, text, type: next() < 0.7 ? 'person' : 'organization', key: nameKey(text), value: null });
        at += text.length + 5;
      }
      docs.push({ uri: `file:///names/${d}.txt`, mentions });
      table.add(docs[d].uri, mentions);
    }
    assert.deepStrictEqual(live.resolve(table), createAliasResolver().resolve(table));
    for (const doc of docs.filter((_, d) => d % 2 === 0)) table.remove(doc.uri, doc.mentions);
    assert.deepStrictEqual(live.resolve(table), createAliasResolver().resolve(table));
  });
});
