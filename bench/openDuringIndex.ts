// An article opened in the middle of a cold index: the time from didOpen until its semantic tokens come back
// non-empty, for articles opened one after another while the workspace is being indexed (fresh persistent index).
// Prints figures, asserts nothing.   npm run bench:open [-- --corpus 10k|100k|bbc] [--opens N] [--server other/dist/server.js]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SERVER, startServer } from './client';
import { type CorpusName, ensureCorpus } from './corpora';

async function main(): Promise<void> {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const corpus = ensureCorpus(arg('--corpus', '10k') as CorpusName, (l) => process.stderr.write(l + '\n'));
  const opens = Number(arg('--opens', '8'));
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-open-'));
  const server = startServer(corpus.folder, storage, path.resolve(arg('--server', SERVER)));
  const started = performance.now();
  try {
    await server.initializeResult;
    let indexed = false;
    void server.indexed.then(() => (indexed = true));
    const times: { ms: number; during: boolean; at: number }[] = [];
    for (let i = 0; i < opens && !indexed; i++) {
      // Spread over the index: articles from across the corpus, a second apart.
      const file = corpus.files[Math.floor(((i + 0.5) / opens) * corpus.files.length)];
      const text = fs.readFileSync(path.join(corpus.folder, file), 'utf8');
      await new Promise((r) => setTimeout(r, 1000));
      const t0 = performance.now();
      const during = !indexed;
      await server.open(file, text);
      for (;;) {
        const tokens = (await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: server.uri(file) } })) as { data: number[] } | null;
        if (tokens && tokens.data.length > 0) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      times.push({ ms: performance.now() - t0, during, at: (t0 - started) / 1000 });
    }
    const done = await server.indexed;
    const during = times.filter((t) => t.during).map((t) => t.ms).sort((a, b) => a - b);
    console.log(`${corpus.name}: ${corpus.files.length} articles, cold index ${(done.elapsedMs / 1000).toFixed(1)} s`);
    console.log(`opened during the index: ${during.length}; didOpen -> tokens ms: ${times.map((t) => `${t.ms.toFixed(0)} (at ${t.at.toFixed(1)} s)`).join(', ')}`);
    if (during.length) console.log(`median ${during[during.length >> 1].toFixed(0)} ms, max ${during[during.length - 1].toFixed(0)} ms`);
  } finally {
    await server.stop();
    fs.rmSync(storage, { recursive: true, force: true });
  }
}

void main();
