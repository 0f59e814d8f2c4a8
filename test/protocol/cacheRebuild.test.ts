// A persistent index that is truncated, damaged, or written by another analyser or with other date settings is
// discarded with a note and rebuilt: the answers afterwards are those of a fresh index, and the rebuilt cache is
// used by the next start.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Hover, Location } from 'vscode-languageserver-protocol';
import { encodeSections, openSections } from '../../server/src/node/indexCacheLayout';
import { EXAMPLES, ROOT, type TestServer, copyCorpus, startServer } from './lspClient';

interface Complete {
  documents: number;
  fromCache: number;
}

const CACHE = 'index-cache.bin';

/**
 * The answers compared before and after: hover and references of a name spread over several articles and of a
 * weekday (its value comes from the cache), and an article's semantic tokens (every mention's type and flags).
 */
async function answers(server: TestServer): Promise<unknown> {
  const files = fs.readdirSync(server.folder).sort();
  const holding = (needle: string) => files.find((f) => fs.readFileSync(path.join(server.folder, f), 'utf8').includes(needle))!;
  const about = async (needle: string) => {
    const at = server.at(holding(needle), needle, 0, 1);
    const hover = (await server.connection.sendRequest('textDocument/hover', at)) as Hover | null;
    const refs = (await server.connection.sendRequest('textDocument/references', { ...at, context: { includeDeclaration: true } })) as Location[];
    return { hover: (hover?.contents as { value: string } | undefined)?.value ?? null, references: refs.map((r) => `${path.basename(r.uri)}:${r.range.start.line}:${r.range.start.character}`).sort() };
  };
  const tokens = (await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: server.uri(holding('Monday')) } })) as { data: number[] };
  return { name: await about('Helena Marsh'), weekday: await about('Monday'), tokens: tokens.data };
}

/** The cache file rewritten with another header (and a checksum that fits it), tables unchanged. */
function rewriteHeader(file: string, change: { analyzer?: string }): void {
  const s = openSections(fs.readFileSync(file));
  const strings: string[] = [];
  for (let i = 0; s.strings(i) !== undefined; i++) strings.push(s.strings(i)!);
  fs.writeFileSync(file, Buffer.concat(encodeSections({ ...s.header, ...change }, { ...s, strings })));
}

describe('protocol: a damaged or stale persistent index is rebuilt', () => {
  let folder: string;
  let storage: string;
  let fresh: unknown;
  let articles: number;

  // Each case starts from a workspace whose cache a cold start has just written, with the answers it gave.
  beforeEach(async () => {
    folder = copyCorpus(EXAMPLES);
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-storage-'));
    articles = fs.readdirSync(folder).length;
    const cold = await startServer(folder, {}, { storagePath: storage });
    await cold.indexed;
    fresh = await answers(cold);
    const f = fresh as { name: { references: string[] }; weekday: { hover: string | null; references: string[] }; tokens: number[] };
    assert.ok(f.name.references.length >= 4 && f.weekday.hover !== null && f.weekday.references.length >= 1 && f.tokens.length > 0, `answers worth comparing: ${JSON.stringify(fresh).slice(0, 400)}`);
    await cold.stop({ keepFolder: true });
    assert.ok(fs.existsSync(path.join(storage, CACHE)));
  });
  afterEach(() => {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(storage, { recursive: true, force: true });
  });

  /** Starts on the spoilt cache: nothing comes from it, a note says why, the answers are fresh, and the next start uses the rebuilt cache. */
  async function expectRebuilt(note: RegExp, settings: unknown = {}): Promise<void> {
    const server = await startServer(folder, settings, { storagePath: storage });
    const done = (await server.indexed) as unknown as Complete;
    assert.strictEqual(done.documents, articles);
    assert.strictEqual(done.fromCache, 0);
    assert.ok(server.logs.some((l) => note.test(l)), `a note matching ${note} in ${JSON.stringify(server.logs)}`);
    assert.deepStrictEqual(await answers(server), fresh);
    await server.stop({ keepFolder: true });
    const again = await startServer(folder, settings, { storagePath: storage });
    const warm = (await again.indexed) as unknown as Complete;
    assert.strictEqual(warm.fromCache, articles, 'the rebuilt cache is used');
    assert.deepStrictEqual(await answers(again), fresh);
    assert.ok(!again.logs.some((l) => /index cache/.test(l)), `no note on the rebuilt cache: ${JSON.stringify(again.logs)}`);
    await again.stop({ keepFolder: true });
  }

  it('a truncated cache', async () => {
    const file = path.join(storage, CACHE);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expectRebuilt(/index cache corrupt, rebuilding: /);
  });

  it('a cache with a damaged byte in its tables', async () => {
    const file = path.join(storage, CACHE);
    const bytes = fs.readFileSync(file);
    const at = Math.floor(bytes.length / 2);
    bytes[at] ^= 0x5a;
    fs.writeFileSync(file, bytes);
    await expectRebuilt(/index cache corrupt, rebuilding: checksum/);
  });

  it('a cache that is not one at all', async () => {
    fs.writeFileSync(path.join(storage, CACHE), '{"format":4,"analyzer":"an index of the JSON kind"}');
    await expectRebuilt(/index cache corrupt, rebuilding: not an index cache file/);
  });

  it('a whole cache of an older layout', async () => {
    const file = path.join(storage, CACHE);
    const bytes = fs.readFileSync(file);
    bytes.writeUInt32LE(bytes.readUInt32LE(8) - 1, 8);
    fs.writeFileSync(file, bytes);
    await expectRebuilt(/index cache written by another version \(format \d+, not \d+\), rebuilding/);
  });

  it('a whole cache written by another analyser', async () => {
    rewriteHeader(path.join(storage, CACHE), { analyzer: 'an older analyser/0-0' });
    await expectRebuilt(/index cache written by another version or with other settings, rebuilding/);
  });

  it('the same name model copied anew (a rebuild or a reinstall) keeps the cache: it is named by its bytes', async () => {
    const model = path.join(ROOT, 'dist', 'names.model');
    const later = new Date(fs.statSync(model).mtimeMs + 60_000);
    fs.utimesSync(model, later, later);
    const server = await startServer(folder, {}, { storagePath: storage });
    const done = (await server.indexed) as unknown as Complete & { clustersFromCache: boolean };
    assert.strictEqual(done.fromCache, articles);
    assert.strictEqual(done.clustersFromCache, true);
    assert.deepStrictEqual(await answers(server), fresh);
    await server.stop({ keepFolder: true });
  });

  it('a whole cache written with another date fallback', async () => {
    await expectRebuilt(/index cache written by another version or with other settings, rebuilding/, { dates: { fallback: 'fileDate' } });
  });
});
