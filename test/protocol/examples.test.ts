// Protocol tests on the sample corpus: what a newcomer sees on opening examples/corpus.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FileChangeType, type Hover, type Location, type DocumentSymbol } from 'vscode-languageserver-protocol';
import { EXAMPLES, type TestServer, copyCorpus, decodeTokens, startServer } from './lspClient';

const FILES = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt')).sort();
const mentioning = (needle: string) => FILES.filter((f) => fs.readFileSync(path.join(EXAMPLES, f), 'utf8').includes(needle));
/** Articles naming `needle` in any case (datelines write `PORT ASTER`). */
const naming = (needle: string) => FILES.filter((f) => fs.readFileSync(path.join(EXAMPLES, f), 'utf8').toLowerCase().includes(needle.toLowerCase()));

describe('protocol: sample corpus', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer(copyCorpus(EXAMPLES));
    assert.strictEqual((await server.indexed).documents, FILES.length);
  });
  after(() => server?.stop());

  it('hover on Kessel Bridge links the other articles that mention it', async () => {
    const file = mentioning('Kessel Bridge')[1];
    await server.open(file);
    const hover = (await server.connection.sendRequest('textDocument/hover', server.at(file, 'Kessel Bridge', 0, 3))) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /^\*\*Kessel Bridge\*\*/);
    const links = value.match(/\]\(file:[^)]+\)/g) ?? [];
    assert.ok(links.length >= 3, `links to other articles:\n${value}`);
    assert.ok(!links.some((l) => l.includes(encodeURI(file))), 'the current article is not listed as another');
  });

  it('definition on a later Helena Marsh goes to the earliest article', async () => {
    const [earliest, ...later] = mentioning('Helena Marsh');
    const file = later[later.length - 1];
    await server.open(file);
    const def = (await server.connection.sendRequest('textDocument/definition', server.at(file, 'Helena Marsh', 0, 2))) as Location;
    assert.strictEqual(def.uri, server.uri(earliest));
    assert.deepStrictEqual(def.range.start, server.positionOf(earliest, 'Helena Marsh'));
  });

  it('references to Port Aster cover every article that names it, datelines included', async () => {
    const file = mentioning('Port Aster')[0];
    const refs = (await server.connection.sendRequest('textDocument/references', { ...server.at(file, 'Port Aster', 0, 1), context: { includeDeclaration: true } })) as Location[];
    const files = new Set(refs.map((r) => r.uri));
    assert.deepStrictEqual([...files].sort(), naming('Port Aster').map((f) => server.uri(f)).sort());
  });

  it('semantic tokens (full and range) colour every article', async () => {
    for (const file of FILES) {
      await server.open(file);
      const full = (await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: server.uri(file) } })) as { data: number[] };
      assert.ok(decodeTokens(full.data).length >= 5, `${file} has tokens`);
      const range = (await server.connection.sendRequest('textDocument/semanticTokens/range', {
        textDocument: { uri: server.uri(file) },
        range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } },
      })) as { data: number[] };
      const inRange = decodeTokens(range.data);
      assert.ok(inRange.every((t) => t.line < 3), 'range tokens stay in the range');
      assert.deepStrictEqual(inRange, decodeTokens(full.data).filter((t) => t.line < 3));
    }
  });

  it('document highlights and the outline of an article', async () => {
    const file = mentioning('Helena Marsh')[0];
    await server.open(file);
    const marks = (await server.connection.sendRequest('textDocument/documentHighlight', server.at(file, 'Helena Marsh', 0, 1))) as { range: unknown }[];
    assert.ok(marks.length >= 2, 'full name and surname highlighted');
    const outline = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: server.uri(file) } })) as DocumentSymbol[];
    const people = outline.find((g) => g.name === 'People');
    assert.ok(people?.children?.some((c) => c.name === 'Helena Marsh'), 'Helena Marsh under People');
  });

  it('a new file on disk joins the corpus', async () => {
    fs.writeFileSync(path.join(server.folder, 'zz-new.txt'), 'Ministers meet again\n\nPORT ASTER, April 30, 2024 - Prime Minister Helena Marsh met union leaders in Port Aster on Tuesday, her office said.\n');
    await server.articleChanged('zz-new.txt', FileChangeType.Created);
    const file = mentioning('Port Aster')[0];
    const refs = (await server.connection.sendRequest('textDocument/references', { ...server.at(file, 'Port Aster', 0, 1), context: { includeDeclaration: true } })) as Location[];
    assert.ok(refs.some((r) => r.uri === server.uri('zz-new.txt')));
  });

  it('answers nothing, without error, for out-of-range positions and unknown files', async () => {
    const file = FILES[0];
    await server.open(file);
    const far = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: server.uri(file) }, position: { line: 99999, character: 5 } });
    assert.strictEqual(far, null);
    const unknown = await server.connection.sendRequest('textDocument/references', {
      textDocument: { uri: server.uri('missing.txt') },
      position: { line: 0, character: 0 },
      context: { includeDeclaration: true },
    });
    assert.strictEqual(unknown, null);
  });
});
