// A several-megabyte article is analysed off the main thread: other documents are answered meanwhile, and
// its own tokens arrive by range once the analysis lands.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Hover } from 'vscode-languageserver-protocol';
import { EXAMPLES, type TestServer, copyCorpus, decodeTokens, startServer } from './lspClient';

describe('protocol: a large article', () => {
  let server: TestServer;
  const BIG = 'zz-big.txt';
  // About 3 MB of our own sample articles, one after another.
  const samples = fs.readdirSync(EXAMPLES).sort().map((f) => fs.readFileSync(path.join(EXAMPLES, f), 'utf8'));
  let big = '';
  while (big.length < 3 * 1024 * 1024) big += samples.join('\n\n');

  before(async () => {
    server = await startServer(copyCorpus(EXAMPLES));
    await server.indexed;
  });
  after(() => server?.stop());

  it('answers other documents while it is analysed, then serves its tokens by range', async () => {
    const small = fs.readdirSync(server.folder).find((f) => fs.readFileSync(path.join(server.folder, f), 'utf8').includes('Kessel Bridge'))!;
    const events: string[] = [];
    const refreshed = server.nextRefresh().then(() => events.push('big analysed'));
    await server.open(BIG, big);
    const hover = (await server.connection.sendRequest('textDocument/hover', server.at(small, 'Kessel Bridge', 0, 1))) as Hover;
    events.push('hover answered');
    assert.match((hover.contents as { value: string }).value, /Kessel Bridge/);
    await refreshed;
    assert.deepStrictEqual(events, ['hover answered', 'big analysed']);

    const middle = server.positionOf(BIG, 'Kessel Bridge', 500);
    const range = (await server.connection.sendRequest('textDocument/semanticTokens/range', {
      textDocument: { uri: server.uri(BIG) },
      range: { start: { line: middle.line - 5, character: 0 }, end: { line: middle.line + 5, character: 0 } },
    })) as { data: number[] };
    const tokens = decodeTokens(range.data);
    assert.ok(tokens.length > 0, 'tokens in the middle of the large article');
    assert.ok(tokens.every((t) => t.line >= middle.line - 5 && t.line < middle.line + 5));
  });

  it('an open article over the size limit is not analysed, and the user is told once; the others are answered', async () => {
    const limited = await startServer(copyCorpus(EXAMPLES), { maxFileSizeMB: 1 });
    try {
      await limited.indexed;
      const told = limited.message((m) => /over the 1 MB limit/.test(m.message));
      await limited.open(BIG, big);
      const m = await told;
      assert.strictEqual(m.type, 2, 'a warning');
      assert.match(m.message, /^Article Lens: this article is 3\.0 MB, over the 1 MB limit \(articleLens\.maxFileSizeMB\), so it is not analysed\.$/);
      assert.strictEqual(await limited.connection.sendRequest('textDocument/hover', limited.at(BIG, 'Kessel Bridge', 0, 1)), null);
      const small = fs.readdirSync(limited.folder).find((f) => f !== BIG && fs.readFileSync(path.join(limited.folder, f), 'utf8').includes('Kessel Bridge'))!;
      const hover = (await limited.connection.sendRequest('textDocument/hover', limited.at(small, 'Kessel Bridge', 0, 1))) as Hover;
      assert.match((hover.contents as { value: string }).value, /Kessel Bridge/);
    } finally {
      await limited.stop();
    }
  });
});
