// The map view's request over LSP, on a small corpus of our own: places at their gazetteer match (a city by
// population, a country at its capital, short forms read as the country and said so), one marker per place,
// sized by mentions, the articles with the first mention in each, and the places the gazetteer does not know.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { MAP_REQUEST, type MapResult } from '../../server/src/protocol';
import { type TestServer, startServer } from './lspClient';

// Our own text; Kelsworth is a place we made up, so no gazetteer knows it.
const CORPUS: Record<string, string> = {
  'm1.txt': 'Talks in Paris\n\nThe ministers met in Paris on Monday. France and Britain agreed to share the cost of the new bridge, and officials from the UK said work would start in Leeds.\n',
  'm2.txt': 'Floods in the north\n\nRain flooded streets in Leeds and York on Tuesday. Farmers near the Kelsworth Valley said the river rose overnight. Paris sent a message of support, and France offered pumps.\n',
  'm3.txt': 'Market day\n\nTraders in North Kelsworth opened the autumn market. Visitors came from York and from Kyiv, and from Kelsworth Valley. A choir from Wales sang, and buyers from Asia came too.\n',
};

function writeCorpus(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-map-'));
  for (const [name, text] of Object.entries(CORPUS)) fs.writeFileSync(path.join(folder, name), text);
  return folder;
}

/** Where `word` first stands in `file` (the nth occurrence), as an LSP range: no hand-written line/character pairs. */
function rangeOf(file: string, word: string, nth = 1) {
  const text = CORPUS[file];
  let at = -1;
  for (let i = 0; i < nth; i++) at = text.indexOf(word, at + 1);
  const line = text.slice(0, at).split('\n').length - 1;
  const character = at - text.lastIndexOf('\n', at - 1) - 1;
  return { start: { line, character }, end: { line, character: character + word.length } };
}

describe('protocol: the map view', () => {
  let server: TestServer;
  let map: MapResult;
  const file = (i: number) => path.basename(new URL(map.articles[i].uri).pathname);

  before(async () => {
    server = await startServer(writeCorpus());
    await server.indexed;
    map = await server.connection.sendRequest<MapResult>(MAP_REQUEST, {});
  });
  after(() => server?.stop());

  it('places each location at its best match, one marker per place, most mentioned first', () => {
    const rows = map.places.map((p) => [p.label, p.detail, p.mentions, p.articleCount, p.entities.map((e) => e.name).join(' + ')]);
    assert.deepStrictEqual(rows, [
      ['Paris, FR', 'city, population 2.1 M', 3, 2, 'Paris'],
      ['France', 'country, drawn at its capital Paris', 2, 2, 'France'],
      ['Leeds, GB', 'city, population 455,123', 2, 2, 'Leeds'],
      ['United Kingdom', 'country, drawn at its capital London', 2, 1, 'Britain + UK'],
      ['York, GB', 'city, population 153,717', 2, 2, 'York'],
      ['Kyiv, UA', 'city, population 2.8 M', 1, 1, 'Kyiv'],
      ['Wales', 'part of GB, drawn at its capital Cardiff', 1, 1, 'Wales'],
    ]);
    assert.deepStrictEqual(map.problem, null);
  });

  it('says which match it assumed and how a short form was read, and where it is', () => {
    const paris = map.places.find((p) => p.label === 'Paris, FR')!;
    assert.strictEqual(paris.assumed, 'assumed: the largest place of this name (1 other in the gazetteer)');
    assert.deepStrictEqual([paris.lat, paris.lon], [48.85, 2.35]);
    const uk = map.places.find((p) => p.label === 'United Kingdom')!;
    assert.deepStrictEqual(uk.entities.map((e) => [e.name, e.readAs]), [['Britain', 'the United Kingdom'], ['UK', 'the United Kingdom']]);
    assert.strictEqual(uk.assumed, null);
    assert.deepStrictEqual([uk.lat, uk.lon], [51.51, -0.13]);
    assert.strictEqual(map.places.find((p) => p.label === 'Kyiv, UA')!.assumed, null);
  });

  it('lists the articles of a place with its first mention in each, most mentions first', () => {
    const paris = map.places.find((p) => p.label === 'Paris, FR')!;
    assert.deepStrictEqual(
      paris.articles.map((a) => ({ file: file(a.article), title: map.articles[a.article].title, mentions: a.mentions, range: a.range })),
      [
        { file: 'm1.txt', title: 'Talks in Paris', mentions: 2, range: rangeOf('m1.txt', 'Paris') },
        { file: 'm2.txt', title: 'Floods in the north', mentions: 1, range: rangeOf('m2.txt', 'Paris') },
      ],
    );
    const uk = map.places.find((p) => p.label === 'United Kingdom')!;
    assert.deepStrictEqual(
      uk.articles.map((a) => [file(a.article), a.mentions, a.range]),
      [['m1.txt', 2, rangeOf('m1.txt', 'Britain')]],
      'the earliest mention of either entity of the place',
    );
  });

  it('lists the places it cannot put on the map, with why and their first mention, rather than guessing', () => {
    assert.deepStrictEqual(
      map.unplaced.map((u) => [u.name, u.mentions, u.articleCount, u.reason, u.first && path.basename(new URL(u.first.uri).pathname), u.first?.range]),
      [
        ['Kelsworth Valley', 2, 2, 'not in the gazetteer', 'm2.txt', rangeOf('m2.txt', 'Kelsworth Valley')],
        // The table has a town called Asia; a continent is not placed there.
        ['Asia', 1, 1, 'a continent: no single point', 'm3.txt', rangeOf('m3.txt', 'Asia')],
        ['North Kelsworth', 1, 1, 'not in the gazetteer', 'm3.txt', rangeOf('m3.txt', 'North Kelsworth')],
      ],
    );
    assert.strictEqual(map.unplacedTotal, 3);
  });

  it('follows the corpus: a new article about a place shows on the next answer (last: it changes the corpus)', async () => {
    fs.writeFileSync(path.join(server.folder, 'm4.txt'), 'Flights resume\n\nFlights between Lisbon and Madrid resumed on Friday after the strike. Travellers in Lisbon said queues were short.\n');
    await server.articleChanged('m4.txt', FileChangeType.Created);
    const again = await server.connection.sendRequest<MapResult>(MAP_REQUEST, {});
    const row = (label: string) => again.places.filter((p) => p.label === label).map((p) => [p.label, p.mentions, p.articleCount]);
    // The recogniser is unsure of both `Lisbon`s, a place and an organization (`Travellers in Lisbon said`): the
    // votes tie, and a place's name is taken for the place.
    assert.deepStrictEqual(row('Lisbon, PT'), [['Lisbon, PT', 2, 1]]);
    assert.deepStrictEqual(row('Madrid, ES'), [['Madrid, ES', 1, 1]]);
    assert.strictEqual(again.places.length, map.places.length + 2);
  });
});
