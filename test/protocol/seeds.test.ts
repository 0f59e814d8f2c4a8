// Protocol tests on a copy of the real seed articles: the bundled server over stdio, as an editor drives it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FileChangeType, type Hover, type Location, type SymbolInformation } from 'vscode-languageserver-protocol';
import { SEEDS, type TestServer, copyCorpus, decodeTokens, startServer } from './lspClient';

const haveSeeds = fs.existsSync(SEEDS);
const SEED_FILES = haveSeeds ? fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort() : [];

(haveSeeds ? describe : describe.skip)(`protocol: seed corpus${haveSeeds ? '' : ' (skipped: ../shared/corpus/seeds is absent)'}`, () => {
  let server: TestServer;
  const [first, second] = SEED_FILES;
  const putinArticle = SEED_FILES.find((f) => /\bthat Putin\b/.test(fs.readFileSync(path.join(SEEDS, f), 'utf8')))!;

  before(async () => {
    server = await startServer(copyCorpus(SEEDS));
    const done = await server.indexed;
    assert.strictEqual(done.documents, SEED_FILES.length);
  });
  after(() => server?.stop());

  it('reports indexing progress to the client', () => {
    const kinds = server.progress.map((p) => (p as { value: { kind: string } }).value.kind);
    assert.strictEqual(kinds[0], 'begin');
    assert.strictEqual(kinds[kinds.length - 1], 'end');
  });

  it('hover on Kherson lists the other seed articles that mention it', async () => {
    await server.open(first);
    const hover = (await server.connection.sendRequest('textDocument/hover', server.at(first, 'Kherson', 1, 2))) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*Kherson\*\* · location/);
    const others = SEED_FILES.filter((f) => f !== first && fs.readFileSync(path.join(SEEDS, f), 'utf8').includes('Kherson'));
    for (const other of others) assert.ok(value.includes(`](${server.uri(other)}#L`), `hover links to ${other}:\n${value}`);
  });

  it('definition on a later Putin lands on an earlier full-name mention', async () => {
    await server.open(putinArticle);
    const def = (await server.connection.sendRequest('textDocument/definition', server.at(putinArticle, 'that Putin', 0, 6))) as Location;
    assert.ok(def, 'a definition');
    const text = fs.readFileSync(new URL(def.uri), 'utf8').split(/\r?\n/)[def.range.start.line];
    assert.strictEqual(text.slice(def.range.start.character, def.range.end.character), 'Vladimir Putin');
    const later = server.positionOf(putinArticle, 'that Putin', 0, 6);
    assert.ok(def.uri !== server.uri(putinArticle) || def.range.start.line <= later.line, 'the definition comes earlier');
  });

  it('references to Kherson span at least four of the five seed files', async () => {
    const refs = (await server.connection.sendRequest('textDocument/references', { ...server.at(first, 'Kherson', 1, 1), context: { includeDeclaration: true } })) as Location[];
    const files = new Set(refs.map((r) => r.uri));
    assert.ok(files.size >= 4, `references in ${files.size} files`);
    assert.ok(refs.length >= 40, `${refs.length} references`);
  });

  it('semantic tokens cover names in every article', async () => {
    for (const file of SEED_FILES) {
      await server.open(file);
      const tokens = (await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: server.uri(file) } })) as { data: number[] };
      const decoded = decodeTokens(tokens.data);
      assert.ok(decoded.length >= 10, `${file}: ${decoded.length} tokens`);
      const types = new Set(decoded.map((t) => t.type));
      assert.ok(types.has(0) && types.has(2), `${file}: persons and locations coloured`);
    }
  });

  it('workspace symbols find Zelensky from a misspelt query', async () => {
    const symbols = (await server.connection.sendRequest('workspace/symbol', { query: 'Zelenksy' })) as SymbolInformation[];
    assert.ok(symbols.length > 0, 'some symbols');
    assert.match(symbols[0].name, /Zelensk/);
  });

  it('editing an open document updates its answers', async () => {
    const file = second;
    await server.open(file);
    const original = fs.readFileSync(path.join(server.folder, file), 'utf8');
    const edited = 'Ambassador Ottoline Farquharson visited Tallinn on Monday.\n\n' + original;
    await server.change(file, 2, edited);
    const hover = (await server.connection.sendRequest('textDocument/hover', server.at(file, 'Farquharson', 0, 2))) as Hover;
    assert.match((hover.contents as { value: string }).value, /Ottoline Farquharson\*\* · person/);
    await server.change(file, 3, original);
    const gone = await server.connection.sendRequest('workspace/symbol', { query: 'Farquharson' });
    assert.deepStrictEqual((gone as SymbolInformation[]).filter((s) => s.name.includes('Farquharson')), []);
  });

  it('deleting a file removes its mentions', async () => {
    const victim = SEED_FILES[SEED_FILES.length - 1];
    const refsBefore = (await server.connection.sendRequest('textDocument/references', { ...server.at(first, 'Kherson', 1, 1), context: { includeDeclaration: true } })) as Location[];
    assert.ok(refsBefore.some((r) => r.uri === server.uri(victim)));
    // An open editor keeps its text after the file is deleted; the mentions go once nothing holds the article.
    await server.close(victim);
    fs.rmSync(path.join(server.folder, victim));
    await server.fileEvent(victim, FileChangeType.Deleted);
    const refsAfter = (await server.connection.sendRequest('textDocument/references', { ...server.at(first, 'Kherson', 1, 1), context: { includeDeclaration: true } })) as Location[];
    assert.ok(!refsAfter.some((r) => r.uri === server.uri(victim)), 'no reference into the deleted file');
    assert.ok(refsAfter.length < refsBefore.length);
  });
});
