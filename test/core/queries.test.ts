import * as assert from 'assert';
import { hover } from '../../server/src/core/queries/hover';
import { escapeMarkdown, renderHoverCard } from '../../server/src/core/queries/markdown';
import { articleSummary } from '../../server/src/core/queries/articleSummary';
import { definition, highlights, references } from '../../server/src/core/queries/navigation';
import { EntitySearch, outline } from '../../server/src/core/queries/symbols';
import { corpusFixture } from './corpusFixture';

const CORPUS = `//- /a.txt
Talks in <<Port Aster>>{location} dated 2024-03-04

Prime Minister <<Helena Marsh>>{person} met <<UN>>{organization} envoys in <<Port Aster>>{location} on <<Monday>>{date:2024-03-04}. <<Marsh>>{person} said little.
//- /b.txt
Bridge closes dated 2024-03-08

<<Marsh>>{person} visited <<Marrow Bay>>{location}. The <<Kessel Bridge>>{location} closed on <<March 4>>{date:2024-03-04}.
//- /c.txt
Harbour vote dated 2024-03-10

<<Helena Marsh>>{person}'s cabinet met in <<Port Aster>>{location}. <<Marsh>>{person} spoke twice. <<Anna Brandt>>{person} of <<Marrow Bay>>{location} disagreed.
`;

/** Runs a query at the `$0` cursor of a corpus written as a fixture. */
function at(source: string) {
  const f = corpusFixture(source);
  return { ...f, offset: f.cursor.offset };
}

function withCursor(file: string, needle: string, nth = 0): string {
  const marker = `//- ${file}\n`;
  const start = CORPUS.indexOf(marker) + marker.length;
  let at = start - 1;
  for (let i = 0; i <= nth; i++) at = CORPUS.indexOf(needle, at + 1);
  return CORPUS.slice(0, at) + '$0' + CORPUS.slice(at);
}

describe('core queries', () => {
  it('hover on a name gives the entity, counts and the other articles with snippets', () => {
    const f = at(withCursor('/a.txt', 'Port Aster>>', 1));
    const card = hover(f.index, f.cursor.uri, f.offset);
    assert.ok(card && card.kind === 'name');
    assert.deepStrictEqual(card.entity.name, 'Port Aster');
    assert.strictEqual(card.entity.type, 'location');
    assert.strictEqual(card.mentionCount, 3);
    assert.strictEqual(card.documentCount, 2);
    assert.deepStrictEqual(card.articles.map((a) => a.uri), [f.uri('/c.txt')]);
    const s = card.articles[0].snippet;
    assert.strictEqual(s.text.slice(s.highlight.start, s.highlight.end), 'Port Aster');
    assert.ok(card.related.some((r) => r.name === 'Helena Marsh'));
  });

  it('a surname alone resolves to the full name introduced in the same article', () => {
    const f = at(withCursor('/a.txt', 'Marsh>>{person} said'));
    const card = hover(f.index, f.cursor.uri, f.offset);
    assert.ok(card && card.kind === 'name');
    assert.strictEqual(card.entity.name, 'Helena Marsh');
    // /b.txt says only "Marsh": corpus-level resolution joins it to the one Marsh the corpus knows.
    assert.strictEqual(card.documentCount, 3);
  });

  it('definition goes to the first full-name mention in the earliest article', () => {
    const f = at(withCursor('/c.txt', 'Marsh>>{person} spoke'));
    const def = definition(f.index, f.cursor.uri, f.offset);
    assert.ok(def);
    assert.strictEqual(def.uri, f.uri('/a.txt'));
    assert.strictEqual(f.files.get('/a.txt')!.text.slice(def.span.start, def.span.end), 'Helena Marsh');
  });

  it('references return every mention in every article, in corpus order', () => {
    const f = at(withCursor('/b.txt', 'Marrow Bay'));
    const refs = references(f.index, f.cursor.uri, f.offset);
    assert.deepStrictEqual(refs.map((r) => r.uri), [f.uri('/b.txt'), f.uri('/c.txt')]);
  });

  it('references on a date return every mention of that day', () => {
    const f = at(withCursor('/b.txt', 'March 4'));
    const refs = references(f.index, f.cursor.uri, f.offset);
    assert.deepStrictEqual(refs.map((r) => r.uri), [f.uri('/a.txt'), f.uri('/b.txt')]);
    const card = hover(f.index, f.cursor.uri, f.offset);
    assert.ok(card && card.kind === 'date');
    assert.strictEqual(card.weekday, 'Monday');
    assert.deepStrictEqual(card.articles.map((a) => a.uri), [f.uri('/a.txt')]);
  });

  it('definition on a date goes to the first mention of that day in the corpus', () => {
    const f = at(withCursor('/b.txt', 'March 4'));
    const loc = definition(f.index, f.cursor.uri, f.offset);
    assert.ok(loc);
    assert.strictEqual(loc.uri, f.uri('/a.txt'));
    assert.strictEqual(f.index.get(f.uri('/a.txt'))!.text.slice(loc.span.start, loc.span.end), 'Monday');
  });

  it('highlights mark the mentions of the entity in the current article', () => {
    const f = at(withCursor('/c.txt', 'Marsh>>{person} spoke'));
    const marks = highlights(f.index, f.cursor.uri, f.offset);
    const text = f.files.get('/c.txt')!.text;
    assert.deepStrictEqual(marks.map((m) => text.slice(m.start, m.end)), ['Helena Marsh', 'Marsh']);
  });

  it('no answer away from a mention', () => {
    const f = at(withCursor('/a.txt', 'met'));
    assert.strictEqual(hover(f.index, f.cursor.uri, f.offset), undefined);
    assert.deepStrictEqual(references(f.index, f.cursor.uri, f.offset), []);
    assert.strictEqual(hover(f.index, 'file:///nowhere.txt', 0), undefined);
    assert.strictEqual(hover(f.index, f.cursor.uri, 1e9), undefined);
  });

  it('the outline groups an article’s entities by type', () => {
    const f = corpusFixture(CORPUS);
    const groups = outline(f.index, f.index.get(f.uri('/a.txt'))!);
    assert.deepStrictEqual(
      groups.map((g) => [g.type, g.items.map((i) => `${i.name}×${i.count}`)]),
      [
        ['person', ['Helena Marsh×2']],
        ['organization', ['UN×1']],
        ['location', ['Port Aster×2']],
        ['date', ['2024-03-04×1']],
      ],
    );
  });

  it('workspace symbols find entities by fuzzy name', () => {
    const f = corpusFixture(CORPUS);
    const search = new EntitySearch(f.index);
    assert.strictEqual(search.search('Hlena Mrsh')[0].entity.name, 'Helena Marsh');
    assert.strictEqual(search.search('Kesel')[0].entity.name, 'Kessel Bridge');
    assert.strictEqual(search.search('')[0].entity.name, 'Helena Marsh', 'an empty query lists the most mentioned first');
  });
});

describe('first-hour fixes (issue 13)', () => {
  // The politics articles share a rare pair of names; the business and sport ones share with it only a company
  // and the country that most articles name.
  const RELATED = `//- /a-politics.txt
Budget row dated 2024-03-04

<<Ilse Varga>>{person} and <<Tomas Brenn>>{person} argued in <<Veloria>>{location} about <<Kestrel Shipping>>{organization}.
//- /b-business.txt
Shares fall dated 2024-03-05

<<Kestrel Shipping>>{organization} shares fell in <<Veloria>>{location}.
//- /c-politics.txt
Budget vote dated 2024-03-06

<<Ilse Varga>>{person} answered <<Tomas Brenn>>{person} in parliament.
//- /d-sport.txt
Cup final dated 2024-03-07

<<Veloria>>{location} won the cup sponsored by <<Kestrel Shipping>>{organization}.
//- /e-arts.txt
Film week dated 2024-03-08

<<Mira Lind>>{person} opened a festival in <<Veloria>>{location}.
`;

  it('related articles rank by shared entities weighted by how rare they are', () => {
    const f = corpusFixture(RELATED);
    const summary = articleSummary(f.index, f.index.get(f.uri('/a-politics.txt'))!);
    // By count alone, business and sport (2 shared) would come before politics.
    assert.deepStrictEqual(
      summary.related.map((r) => [r.uri.slice(r.uri.lastIndexOf('/') + 1), r.shared]),
      [['c-politics.txt', 2], ['b-business.txt', 2], ['d-sport.txt', 2], ['e-arts.txt', 1]],
    );
  });

  it('"often alongside" lists only entities met in two articles or more, never alphabetical filler', () => {
    const f = corpusFixture(RELATED);
    const card = (file: string, needle: string) => {
      const c = hover(f.index, f.uri(file), f.index.get(f.uri(file))!.text.indexOf(needle) + 1);
      assert.ok(c && c.kind === 'name');
      return c;
    };
    assert.deepStrictEqual(card('/a-politics.txt', 'Kestrel').related.map((r) => [r.name, r.articles]), [['Veloria', 3]]);
    const lind = card('/e-arts.txt', 'Mira Lind');
    assert.deepStrictEqual(lind.related, [], 'one article: nobody is "often" beside her');
    assert.ok(!renderHoverCard(lind).includes('Often alongside'));
  });
});

describe('hover markdown', () => {
  it('a card that leaves articles out links to every mention, by the entity id', () => {
    const files = Array.from({ length: 8 }, (_, i) => `//- /n${i}.txt\nNote ${i} dated 2024-03-0${i + 1}\n\nThe envoy <<Ilse Varga>>{person} spoke again.\n`).join('');
    const f = corpusFixture(files);
    const card = hover(f.index, f.uri('/n0.txt'), f.index.get(f.uri('/n0.txt'))!.text.indexOf('Ilse') + 1);
    assert.ok(card && card.kind === 'name');
    const plain = renderHoverCard(card);
    assert.match(plain, /^- and 2 more articles$/m);
    const linked = renderHoverCard(card, { mentionsCommand: 'articleLens.showMentions' });
    assert.ok(linked.includes(`- and 2 more articles: [all mentions](command:articleLens.showMentions?${encodeURIComponent(JSON.stringify([card.entity.id]))})`), linked);
  });

  it('escapes article text so it cannot inject links, HTML or commands', () => {
    const evil = '[click](command:workbench.action.terminal.new) <img src=x> *bold* `code`';
    const escaped = escapeMarkdown(evil);
    assert.ok(!/(?<!\\)\[/.test(escaped) && !/(?<!\\)\]\(/.test(escaped), escaped);
    assert.ok(!escaped.includes('<'), escaped);
    assert.ok(!/(?<!\\)[*`]/.test(escaped), escaped);
  });

  it('a hover on an entity whose snippets hold markdown renders them inert', () => {
    const f = corpusFixture(`//- /a.txt
<<Kestrel>>{organization} wrote [click](command:x.y) and <b>bold</b>.
//- /b.txt
$0<<Kestrel>>{organization} again.
`);
    const card = hover(f.index, f.cursor.uri, f.cursor.offset)!;
    const md = renderHoverCard(card);
    assert.ok(!md.includes('](command:'), md);
    assert.ok(!md.includes('<b>'), md);
    assert.ok(md.includes(`](${f.uri('/a.txt')}#L1,1)`), md);
  });
});

describe('timeline', () => {
  it('orders dated mentions by value and names the entities near each', () => {
    const { timeline } = require('../../server/src/core/queries/timeline') as typeof import('../../server/src/core/queries/timeline');
    const { renderTimeline } = require('../../server/src/core/queries/markdown') as typeof import('../../server/src/core/queries/markdown');
    const f = corpusFixture(CORPUS);
    const entries = timeline(f.index);
    assert.deepStrictEqual(
      entries.map((e) => [e.value, e.mentions.map((m) => `${m.text}@${m.location.uri}`)]),
      [['2024-03-04', ['Monday@file:///a.txt', 'March 4@file:///b.txt']]],
    );
    assert.deepStrictEqual(entries[0].mentions[0].entities.sort(), ['Helena Marsh', 'Port Aster', 'UN']);
    const md = renderTimeline(entries);
    assert.match(md, /- \*\*2024\\-03\\-04\*\* Monday: 2 mentions in 2 articles/);
    assert.ok(md.includes('](file:///a.txt#L3,'), md);
  });
});

describe('review fixes', () => {
  it('references without the declaration leave out the defining mention', () => {
    const f = at(withCursor('/c.txt', 'Marsh>>{person} spoke'));
    const all = references(f.index, f.cursor.uri, f.offset, true);
    const rest = references(f.index, f.cursor.uri, f.offset, false);
    assert.strictEqual(rest.length, all.length - 1);
    assert.ok(!rest.some((r) => r.uri === f.uri('/a.txt') && r.span.start === all[0].span.start));
  });

  it('a surname shared by Anna and Hanna Smith in one article stays ambiguous', () => {
    const f = corpusFixture(`//- /a.txt
<<Anna Smith>>{person} and <<Hanna Smith>>{person} met. $0<<Smith>>{person} left.
`);
    const card = hover(f.index, f.cursor.uri, f.cursor.offset);
    assert.ok(card && card.kind === 'name');
    assert.strictEqual(card.entity.name, 'Smith');
  });

  it('a misspelling written across a line break is hinted over all of it', () => {
    const { spellingHints } = require('../../server/src/core/queries/spelling') as typeof import('../../server/src/core/queries/spelling');
    const f = corpusFixture(`//- /a.txt
<<Vladimir Putin>>{person}, <<Vladimir Putin>>{person} and <<Vladimir Putin>>{person}.
//- /b.txt
Then <<Vladmir
Putin>>{person}'s aide spoke.
`);
    const doc = f.index.get(f.uri('/b.txt'))!;
    const [hint] = spellingHints(f.index, doc);
    assert.strictEqual(doc.text.slice(hint.span.start, hint.span.end), 'Vladmir\nPutin');
  });
});
