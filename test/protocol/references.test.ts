// References of a name or a date with more mentions than one page: a client without partial results gets the first
// page, in corpus order; a client that asks for partial results gets every page, and together they are exactly the
// mentions the entities view lists (which walks the whole corpus in one go).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Location } from 'vscode-languageserver-protocol';
import { REFERENCES_PAGE } from '../../server/src/lsp/features/references';
import { ENTITIES_VIEW_REQUEST, ENTITY_LOCATIONS_REQUEST, type EntitiesViewResult, type EntityLocationsResult } from '../../server/src/protocol';
import { type TestServer, startServer } from './lspClient';

const ARTICLES = 48;
const PER_ARTICLE = 30;

/** Articles of our own, each dated a day apart, naming Helena Marsh and the same day many times over. */
function manyMentions(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-refs-'));
  for (let a = 0; a < ARTICLES; a++) {
    const day = String(1 + (a % 28)).padStart(2, '0');
    const lines = [`Harbour notes ${a}`, '', `PORT ASTER, 2024-02-${day} - The ferry board met again today.`];
    for (let k = 0; k < PER_ARTICLE; k++) lines.push(`Minister Helena Marsh spoke to the board about the Kessel Bridge on March 4, 2024, item ${k}.`);
    fs.writeFileSync(path.join(folder, `notes-${String(a).padStart(3, '0')}.txt`), lines.join('\n') + '\n');
  }
  return folder;
}

const FILE = 'notes-010.txt';
const key = (l: Location) => `${path.basename(l.uri)}:${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`;

/** References asked with a partial result token: the pages streamed as progress, then the (empty) response. */
async function streamed(server: TestServer, params: object, token: string): Promise<Location[]> {
  const before = server.progress.length;
  const response = (await server.connection.sendRequest('textDocument/references', { ...params, partialResultToken: token })) as Location[];
  const pages = server.progress.slice(before).filter((p) => (p as { token?: unknown }).token === token).map((p) => (p as { value: Location[] }).value);
  assert.ok(pages.length >= 2, `streamed in ${pages.length} pages`);
  return [...pages.flat(), ...response];
}

async function entityLocations(server: TestServer, name: string): Promise<EntityLocationsResult> {
  const page = (await server.connection.sendRequest(ENTITIES_VIEW_REQUEST, { type: 'person', filter: name, offset: 0, limit: 10 })) as EntitiesViewResult;
  const entity = page.entities!.find((e) => e.name === name);
  assert.ok(entity, `${name} in the entities view`);
  return (await server.connection.sendRequest(ENTITY_LOCATIONS_REQUEST, { id: entity.id })) as EntityLocationsResult;
}

describe('protocol: references come a page at a time', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer(manyMentions());
    await server.indexed;
  });
  afterEach(async () => {
    await server.stop();
  });

  it('a name with more mentions than a page: the first page without partial results, every mention with them', async () => {
    const all = await entityLocations(server, 'Helena Marsh');
    assert.ok(all.references.length > REFERENCES_PAGE, `${all.references.length} mentions, more than a page`);
    const at = server.at(FILE, 'Helena Marsh', 3, 2);
    const first = (await server.connection.sendRequest('textDocument/references', { ...at, context: { includeDeclaration: true } })) as Location[];
    assert.deepStrictEqual(first.map(key), all.references.slice(0, REFERENCES_PAGE).map(key));
    const every = await streamed(server, { ...at, context: { includeDeclaration: true } }, 'refs-name');
    assert.deepStrictEqual(every.map(key), all.references.map(key));
  });

  it('without the declaration: every mention but the defining one, in the same order', async () => {
    const all = await entityLocations(server, 'Helena Marsh');
    const definition = key(all.definition);
    const every = await streamed(server, { ...server.at(FILE, 'Helena Marsh', 0, 2), context: { includeDeclaration: false } }, 'refs-nodecl');
    assert.deepStrictEqual(every.map(key), all.references.map(key).filter((k) => k !== definition));
  });

  it('a day mentioned more often than a page: the pages together are every mention of it, once each', async () => {
    const at = server.at(FILE, 'March 4, 2024', 0, 2);
    const every = await streamed(server, { ...at, context: { includeDeclaration: true } }, 'refs-day');
    const expected: string[] = [];
    for (const file of fs.readdirSync(server.folder).sort()) {
      const text = fs.readFileSync(path.join(server.folder, file), 'utf8').split('\n');
      text.forEach((line, n) => {
        const c = line.indexOf('March 4, 2024');
        if (c >= 0) expected.push(`${file}:${n}:${c}-${c + 'March 4, 2024'.length}`);
      });
    }
    assert.strictEqual(every.length, ARTICLES * PER_ARTICLE);
    assert.deepStrictEqual([...every.map(key)].sort(), expected.sort());
    const first = (await server.connection.sendRequest('textDocument/references', { ...at, context: { includeDeclaration: true } })) as Location[];
    assert.deepStrictEqual(first.map(key), every.slice(0, REFERENCES_PAGE).map(key));
  });
});
