// One file's analysis never holds up the requests about another: a large file that is the only one to analyse
// (the rest from the cache), and a large file changed on disk, are analysed off the main thread while the open
// articles are answered; when the analysis lands, its answers are the new text's.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileChangeType, type Hover, type Location } from 'vscode-languageserver-protocol';
import { EXAMPLES, copyCorpus, startServer } from './lspClient';

const hoverText = (h: Hover | null) => (h ? (h.contents as { value: string }).value : '');

// About 3 MB of our own sample articles one after another, with a name of our own at its end.
function bigArticle(): string {
  const samples = fs.readdirSync(EXAMPLES).sort().map((f) => fs.readFileSync(path.join(EXAMPLES, f), 'utf8'));
  let big = '';
  while (big.length < 3 * 1024 * 1024) big += samples.join('\n\n');
  return big + '\n\nLater, Ambassador Ottoline Farquharson met Helena Marsh in Port Aster.\n';
}

describe('protocol: scheduling of analysis', () => {
  const BIG = 'zz-big.txt';

  it('collects garbage after a cold index when started with --expose-gc (as the VS Code client starts it), and says so in its log', async () => {
    const collected = /^collected garbage after indexing: heap \d+ MB -> \d+ MB$/;
    const withGc = await startServer(copyCorpus(EXAMPLES), {}, { nodeArgs: ['--expose-gc'] });
    try {
      await withGc.indexed;
      assert.ok(withGc.logs.some((l) => collected.test(l)), JSON.stringify(withGc.logs));
    } finally {
      await withGc.stop();
    }
    // Another editor's plain `node dist/server.js --stdio`: nothing to collect with, and nothing said.
    const plain = await startServer(copyCorpus(EXAMPLES));
    try {
      await plain.indexed;
      assert.ok(!plain.logs.some((l) => /collected garbage/.test(l)), JSON.stringify(plain.logs));
    } finally {
      await plain.stop();
    }
  });

  it("an archive's undated articles are published a slice at a time: an article opened after indexing is answered before they all are", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-undated-'));
    const count = 1200;
    for (let i = 0; i < count; i++) fs.writeFileSync(path.join(folder, `note-${String(i).padStart(4, '0')}.txt`), `Harbour note ${i}\n\nHelena Marsh spoke to the Velorian Harbour Authority about berth ${i}.\n`);
    const server = await startServer(folder);
    try {
      await server.indexed;
      const all = Promise.all(Array.from({ length: count }, (_, i) => server.diagnostics(`note-${String(i).padStart(4, '0')}.txt`, (d) => d.length > 0)));
      await server.open('note-0600.txt');
      const tokens = (await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: server.uri('note-0600.txt') } })) as { data: number[] };
      const before = server.diagnosticsReceived();
      assert.ok(tokens.data.length > 0, 'the opened article is coloured');
      assert.ok(before < count / 2, `the answer came after ${before} of the ${count} undated articles' diagnostics`);
      // And every undated article is still listed in the end.
      await all;
    } finally {
      await server.stop();
    }
  });

  it('a changed file on disk is analysed in the background: another article is answered first', async () => {
    const server = await startServer(copyCorpus(EXAMPLES));
    try {
      await server.indexed;
      const small = fs.readdirSync(server.folder).find((f) => fs.readFileSync(path.join(server.folder, f), 'utf8').includes('Kessel Bridge'))!;
      await server.open(small);
      fs.writeFileSync(path.join(server.folder, BIG), bigArticle());
      const events: string[] = [];
      const landed = server.indexChanged(BIG).then(() => events.push('big analysed'));
      await server.fileEvent(BIG, FileChangeType.Created);
      const hover = (await server.connection.sendRequest('textDocument/hover', server.at(small, 'Kessel Bridge', 0, 1))) as Hover;
      events.push('hover answered');
      assert.match(hoverText(hover), /Kessel Bridge/);
      // Not yet analysed: the new file is not known yet (it would be, had its analysis held up the hover).
      assert.strictEqual(await server.connection.sendRequest('textDocument/hover', server.at(BIG, 'Farquharson', 0, 1)), null);
      await landed;
      assert.deepStrictEqual(events, ['hover answered', 'big analysed']);
      // Once landed, the new file is part of the corpus.
      const marsh = fs.readdirSync(server.folder).find((f) => f !== BIG && fs.readFileSync(path.join(server.folder, f), 'utf8').includes('Helena Marsh'))!;
      const refs = (await server.connection.sendRequest('textDocument/references', { ...server.at(marsh, 'Helena Marsh', 0, 1), context: { includeDeclaration: true } })) as Location[];
      assert.ok(refs.some((r) => r.uri === server.uri(BIG)), 'Helena Marsh is mentioned in the new file');
    } finally {
      await server.stop();
    }
  });

  it('when only one large file needs analysis at start (the rest from the cache), an open article is answered before it lands', async () => {
    const folder = copyCorpus(EXAMPLES);
    const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-storage-'));
    try {
      const first = await startServer(folder, {}, { storagePath: storage });
      await first.indexed;
      await first.stop({ keepFolder: true });
      fs.writeFileSync(path.join(folder, BIG), bigArticle());

      const server = await startServer(folder, {}, { storagePath: storage });
      const events: string[] = [];
      const indexed = server.indexed.then((done) => {
        events.push('indexed');
        return done;
      });
      const small = fs.readdirSync(folder).find((f) => fs.readFileSync(path.join(folder, f), 'utf8').includes('Kessel Bridge'))!;
      await server.open(small);
      await server.indexingStarted;
      const hover = (await server.connection.sendRequest('textDocument/hover', server.at(small, 'Kessel Bridge', 0, 1))) as Hover;
      events.push('hover answered');
      assert.match(hoverText(hover), /Kessel Bridge/);
      assert.strictEqual(await server.connection.sendRequest('textDocument/hover', server.at(BIG, 'Farquharson', 0, 1)), null, 'the large file is still being analysed');
      const done = await indexed;
      assert.deepStrictEqual(events, ['hover answered', 'indexed']);
      // Every other article came from the cache (the open one may have been taken from the editor instead).
      const others = fs.readdirSync(folder).filter((f) => f.endsWith('.txt') && f !== BIG).length;
      assert.ok(done.fromCache === others || done.fromCache === others - 1, `${done.fromCache} of ${others} from the cache`);
      await server.open(BIG);
      assert.match(hoverText((await server.connection.sendRequest('textDocument/hover', server.at(BIG, 'Farquharson', 0, 1))) as Hover), /Ottoline Farquharson/);
      await server.stop();
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
      fs.rmSync(storage, { recursive: true, force: true });
    }
  });
});
