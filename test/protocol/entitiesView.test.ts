// The entities view and Find Entity over LSP, on a small corpus of our own: groups and counts, both sorts, the
// filter, the user's decisions and an orphaned annotation marked, where a click goes, and the typo-tolerant search.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  ANNOTATE_COMMAND,
  ENTITIES_CHANGED,
  ENTITIES_REQUEST,
  ENTITIES_VIEW_REQUEST,
  ENTITY_LOCATIONS_REQUEST,
  type EntitiesViewParams,
  type EntitiesViewResult,
  type EntityItem,
  type EntityLocationsResult,
} from '../../server/src/protocol';
import { type TestServer, startServer } from './lspClient';

// Our own text. Tony Blair is mentioned 7 times, the Blackberry 4 times; the misspelt queries below aim at the others.
const CORPUS: Record<string, string> = {
  'a1.txt':
    'Labour conference opens\n\nLONDON, March 3, 2005 - Prime Minister Tony Blair told the Labour conference in Brighton on Monday that schools would get more money. Blair said the plan had the backing of Chancellor Gordon Brown.\n\nHealth Secretary Alan Milburn said hospitals in Leeds would be next.\n',
  'a2.txt':
    'Blair defends budget\n\nLONDON, March 9, 2005 - Tony Blair defended the budget on Wednesday. Blair met Gordon Brown at Downing Street, and Blair later spoke to reporters in Manchester.\n\nAlan Milburn, who runs the campaign, was not present.\n',
  'a3.txt': 'Phone maker results\n\nTORONTO, April 2, 2005 - Research In Motion said sales of the Blackberry rose in the first quarter. The company said it would open an office in Toronto.\n',
  // Two spellings of the phone: fuse.js alone multiplies the scores of an entity's spellings, which put it above Blair for "Blar".
  'a6.txt': 'Handsets sell out\n\nTORONTO, May 9, 2005 - The Blackberry sold out in Toronto shops this week. Dealers said the BlackBerry was the phone most asked for, and the Blackberry will be made in Waterloo from June.\n',
  'a4.txt':
    'Alliance meets in Brussels\n\nBRUSSELS, May 4, 2023 - NATO Secretary General Jens Stoltenberg met Ukrainian President Volodymyr Zelensky in Brussels on Thursday. Stoltenberg said the alliance would send more air defence systems to Ukraine, and Zelensky thanked the allies.\n',
  'a5.txt': 'Kyiv visit\n\nKYIV, June 1, 2023 - Volodymyr Zelensky welcomed Jens Stoltenberg to Kyiv on Thursday. Tony Blair, the former British prime minister, also visited the city.\n',
};

// A record of the user's on words no longer in a5.txt: it cannot re-attach, so it is an orphan of Tony Blair's.
const ORPHAN = { id: 'r1', start: 0, end: 13, decision: 'entity', entity: 'tony-blair', exact: 'Harold Wilson', prefix: 'the visit of ', suffix: ' to the city', hash: '0' };

function writeCorpus(withOrphan: boolean): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-entities-'));
  for (const [name, text] of Object.entries(CORPUS)) fs.writeFileSync(path.join(folder, name), text);
  if (withOrphan) {
    fs.mkdirSync(path.join(folder, '.article-lens', 'spans'), { recursive: true });
    fs.writeFileSync(path.join(folder, '.article-lens', 'spans', 'a5.txt.json'), JSON.stringify({ version: 1, article: 'a5.txt', records: [ORPHAN] }, null, 2));
  }
  return folder;
}

describe('protocol: the entities view and Find Entity', () => {
  let server: TestServer;
  const view = (params: EntitiesViewParams) => server.connection.sendRequest<EntitiesViewResult>(ENTITIES_VIEW_REQUEST, params);
  /** The page of a type as `name mentions/articles` lines, the easiest to read in a failing diff. */
  const page = async (params: EntitiesViewParams) => {
    const result = await view(params);
    return { rows: result.entities!.map((e) => `${e.name} ${e.mentions}/${e.articles}`), total: result.total };
  };
  const find = async (query: string) => (await server.connection.sendRequest<EntityItem[]>(ENTITIES_REQUEST, { query, limit: 5 })).map((e) => e.name);

  afterEach(() => server?.stop());

  describe('on the corpus as the recogniser finds it', () => {
    beforeEach(async () => {
      server = await startServer(writeCorpus(false));
      await server.indexed;
    });

    it('groups every entity by type, with entity and mention counts', async () => {
      const { groups, orphans } = await view({});
      // FIXME: the recogniser gives the Blackberry its maker's type (organization); the phone is a product (misc).
      assert.deepStrictEqual(groups, [
        { type: 'person', label: 'People', entities: 5, mentions: 17 },
        { type: 'organization', label: 'Organizations', entities: 4, mentions: 8 },
        { type: 'location', label: 'Places', entities: 10, mentions: 18 },
        { type: 'misc', label: 'Other names', entities: 2, mentions: 2 },
      ]);
      assert.deepStrictEqual(orphans, []);
    });

    it('sorts a type by mentions (then articles) or by name, a page at a time', async () => {
      assert.deepStrictEqual(await page({ type: 'person' }), {
        rows: ['Tony Blair 7/3', 'Jens Stoltenberg 3/2', 'Volodymyr Zelensky 3/2', 'Alan Milburn 2/2', 'Gordon Brown 2/2'],
        total: 5,
      });
      assert.deepStrictEqual(await page({ type: 'person', sort: 'name' }), {
        rows: ['Alan Milburn 2/2', 'Gordon Brown 2/2', 'Jens Stoltenberg 3/2', 'Tony Blair 7/3', 'Volodymyr Zelensky 3/2'],
        total: 5,
      });
      assert.deepStrictEqual(await page({ type: 'person', sort: 'name', offset: 3, limit: 1 }), { rows: ['Tony Blair 7/3'], total: 5 });
      // FIXME: London keeps the dateline's capitals as its name ("LONDON"): both of its mentions are datelines.
      assert.deepStrictEqual((await page({ type: 'location', sort: 'name', limit: 6 })).rows, ['Brighton 1/1', 'Brussels 3/1', 'Downing Street 1/1', 'Kyiv 3/1', 'Leeds 1/1', 'LONDON 2/2']);
    });

    it('filters on names and spellings, case aside, in the groups and the pages', async () => {
      const { groups } = await view({ filter: 'BL' });
      assert.deepStrictEqual(groups!.map((g) => [g.type, g.entities, g.mentions]), [['person', 1, 7], ['organization', 1, 4], ['location', 0, 0], ['misc', 0, 0]]);
      assert.deepStrictEqual(await page({ type: 'person', filter: 'bl' }), { rows: ['Tony Blair 7/3'], total: 1 });
      assert.deepStrictEqual(await page({ type: 'organization', filter: 'BlackBerry' }), { rows: ['Blackberry 4/2'], total: 1 }, 'a spelling other than the name');
      assert.deepStrictEqual(await page({ type: 'location', filter: 'nowhere' }), { rows: [], total: 0 });
    });

    it('a click on an entity goes to its defining mention and lists every mention', async () => {
      const { entities } = await view({ type: 'person' });
      const blair = entities!.find((e) => e.name === 'Tony Blair')!;
      const found = await server.connection.sendRequest<EntityLocationsResult>(ENTITY_LOCATIONS_REQUEST, { id: blair.id });
      const start = server.positionOf('a1.txt', 'Tony Blair');
      assert.deepStrictEqual(found.definition, { uri: server.uri('a1.txt'), range: { start, end: { line: start.line, character: start.character + 10 } } });
      const at = (file: string, needle: string) => `${file}:${JSON.stringify(server.positionOf(file, needle))}`;
      assert.deepStrictEqual(
        found.references.map((r) => `${path.basename(r.uri)}:${JSON.stringify(r.range.start)}`),
        [at('a1.txt', 'Tony Blair'), at('a1.txt', 'Blair said'), at('a2.txt', 'Blair defends'), at('a2.txt', 'Tony Blair'), at('a2.txt', 'Blair met'), at('a2.txt', 'Blair later'), at('a5.txt', 'Tony Blair')],
      );
      assert.strictEqual(found.note, null);
      assert.strictEqual(await server.connection.sendRequest(ENTITY_LOCATIONS_REQUEST, { id: 'no-such-entity' }), null);
    });

    it('Find Entity forgives typos and ranks by score, then by mentions', async () => {
      assert.deepStrictEqual((await find('Blar')).slice(0, 2), ['Tony Blair', 'Blackberry']);
      assert.strictEqual((await find('Zelenskky'))[0], 'Volodymyr Zelensky');
      assert.strictEqual((await find('Tonny Blair'))[0], 'Tony Blair');
      assert.strictEqual((await find('Milbrun'))[0], 'Alan Milburn');
      assert.strictEqual((await find('Stoltenburg'))[0], 'Jens Stoltenberg');
      // An empty query: the most mentioned first.
      assert.strictEqual((await find(''))[0], 'Tony Blair');
    });

    it('Find Entity gives each entity the defining mention it opens', async () => {
      const [zelensky] = await server.connection.sendRequest<EntityItem[]>(ENTITIES_REQUEST, { query: 'Zelenskky', limit: 5 });
      const start = server.positionOf('a4.txt', 'Volodymyr Zelensky');
      assert.deepStrictEqual(zelensky.location, { uri: server.uri('a4.txt'), range: { start, end: { line: start.line, character: start.character + 'Volodymyr Zelensky'.length } } });
    });

    it('marks the user’s decisions, and tells the view to fetch again when one is made', async () => {
      const changed = new Promise<void>((resolve) => server.connection.onNotification(ENTITIES_CHANGED, () => resolve()));
      const where = server.positionOf('a1.txt', 'Tony Blair');
      const result = await server.connection.sendRequest<{ ok: boolean; message: string }>('workspace/executeCommand', {
        command: ANNOTATE_COMMAND,
        arguments: [{ uri: server.uri('a1.txt'), range: { start: where, end: { line: where.line, character: where.character + 10 } }, action: { kind: 'note', note: 'Prime minister 1997-2007' } }],
      });
      assert.ok(result.ok, result.message);
      await changed;
      const { entities } = await view({ type: 'person' });
      assert.deepStrictEqual(
        entities!.map((e) => [e.name, e.decisions]),
        [['Tony Blair', ['a note']], ['Jens Stoltenberg', []], ['Volodymyr Zelensky', []], ['Alan Milburn', []], ['Gordon Brown', []]],
      );
      const found = await server.connection.sendRequest<EntityLocationsResult>(ENTITY_LOCATIONS_REQUEST, { id: entities![0].id });
      assert.strictEqual(found.note, 'Prime minister 1997-2007');
    });
  });

  describe('with an orphaned annotation in the store', () => {
    beforeEach(async () => {
      server = await startServer(writeCorpus(true));
      await server.indexed;
    });

    it('lists the orphan and marks the entity it was meant for', async () => {
      const { orphans } = await view({});
      assert.strictEqual(orphans!.length, 1);
      assert.deepStrictEqual({ ...orphans![0], reason: typeof orphans![0].reason }, { uri: server.uri('a5.txt'), exact: 'Harold Wilson', reason: 'string', entity: 'tony-blair' });
      const { entities } = await view({ type: 'person', limit: 1 });
      assert.deepStrictEqual(entities!.map((e) => [e.name, e.orphans]), [['Tony Blair', 1]]);
    });
  });
});
