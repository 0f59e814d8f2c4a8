// The persistent index: a second start on an unchanged workspace reuses the analyses; changed files are
// analysed again; a corrupt cache is discarded, never trusted.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Hover } from 'vscode-languageserver-protocol';
import { EXAMPLES, copyCorpus, startServer } from './lspClient';

interface Complete {
  documents: number;
  fromCache: number;
  clustersFromCache: boolean;
}

describe('protocol: persistent index', () => {
  const folder = copyCorpus(EXAMPLES);
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-storage-'));
  const files = fs.readdirSync(folder).sort();
  const start = () => startServer(folder, {}, { storagePath: storage });
  after(() => {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(storage, { recursive: true, force: true });
  });

  it('a cold start analyses every article and writes the cache', async () => {
    const server = await start();
    const done = (await server.indexed) as unknown as Complete;
    await server.stop({ keepFolder: true });
    assert.strictEqual(done.documents, files.length);
    assert.strictEqual(done.fromCache, 0);
    assert.ok(fs.existsSync(path.join(storage, 'index-cache.bin')));
  });

  it('a warm start takes unchanged articles from the cache and re-analyses a changed one', async () => {
    const changed = files[0];
    const file = path.join(folder, changed);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8') + '\nAmbassador Ottoline Farquharson arrived later.\n');
    const server = await start();
    const done = (await server.indexed) as unknown as Complete;
    assert.strictEqual(done.documents, files.length);
    assert.strictEqual(done.fromCache, files.length - 1);
    assert.strictEqual(done.clustersFromCache, false, 'a changed article means resolving entities again');
    // Answers from cached articles are as good as fresh ones, snippets included.
    const other = files.find((f) => fs.readFileSync(path.join(folder, f), 'utf8').includes('Kessel Bridge') && f !== changed)!;
    await server.open(changed);
    const hover = (await server.connection.sendRequest('textDocument/hover', server.at(changed, 'Farquharson', 0, 1))) as Hover;
    assert.match((hover.contents as { value: string }).value, /Ottoline Farquharson/);
    const bridge = (await server.connection.sendRequest('textDocument/hover', server.at(other, 'Kessel Bridge', 0, 1))) as Hover;
    assert.match((bridge.contents as { value: string }).value, /\*\*Kessel Bridge\*\*[\s\S]*: .*\*\*Kessel Bridge\*\*/, 'snippets from cached articles');
    await server.stop({ keepFolder: true });
  });

  it('an unchanged workspace reuses its entity clusters, and later edits still resolve aliases', async () => {
    const server = await start();
    const done = (await server.indexed) as unknown as Complete;
    assert.strictEqual(done.fromCache, files.length);
    assert.strictEqual(done.clustersFromCache, true);
    const file = files.find((f) => fs.readFileSync(path.join(folder, f), 'utf8').includes('Helena Marsh'))!;
    const refs = (await server.connection.sendRequest('textDocument/references', { ...server.at(file, 'Helena Marsh', 0, 1), context: { includeDeclaration: true } })) as unknown[];
    assert.ok(refs.length >= 4, 'references across articles from the restored clusters');
    // A new spelling typed into an article joins its entity through the resolver, built after the restore.
    await server.open(file);
    const text = fs.readFileSync(path.join(folder, file), 'utf8') + '\nLater, Helena Marshe spoke again about the Kessel Bridge.\n';
    await server.change(file, 2, text);
    const hover = (await server.connection.sendRequest('textDocument/hover', server.at(file, 'Helena Marshe', 0, 2))) as Hover;
    assert.match((hover.contents as { value: string }).value, /^\*\*Helena Marsh\*\*/);
    await server.stop({ keepFolder: true });
  });

  it('a corrupt cache is discarded and rebuilt', async () => {
    fs.writeFileSync(path.join(storage, 'index-cache.bin'), 'ALNSIDX\0 and then nothing of the kind');
    const server = await start();
    const done = (await server.indexed) as unknown as Complete;
    await server.stop({ keepFolder: true });
    assert.strictEqual(done.documents, files.length);
    assert.strictEqual(done.fromCache, 0);
    const again = await start();
    const warm = (await again.indexed) as unknown as Complete;
    await again.stop({ keepFolder: true });
    assert.strictEqual(warm.fromCache, files.length);
  });
});
