// Peak memory of the server when an editor opens one large article (our own sample articles repeated to 1, 5 and
// 10 MB), each in a fresh server on an empty workspace: the figure is the peak resident set above the idle
// server's, per MB of article. Prints figures, asserts nothing.
//   npm run bench:memory [-- SIZES]      SIZES=1,5,10 (MB)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startServer } from './client';

const EXAMPLES = path.join(__dirname, '..', 'examples', 'corpus');

async function main(): Promise<void> {
  const sizes = (process.argv[2] ?? process.env.SIZES ?? '1,5,10').split(',').map(Number);
  const samples = fs.readdirSync(EXAMPLES).sort().map((f) => fs.readFileSync(path.join(EXAMPLES, f), 'utf8'));
  for (const mb of sizes) {
    let text = '';
    while (Buffer.byteLength(text) < mb * 1024 * 1024) text += samples.join('\n\n') + '\n\n';
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-memory-'));
    const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-memory-storage-'));
    const server = startServer(folder, storage);
    try {
      await server.initializeResult;
      await server.indexed;
      const idle = server.memory().rssMb;
      const started = performance.now();
      await server.open('big.txt', text);
      // The analysis runs in the background: poll the tokens of the article's last lines until they come.
      const lines = text.split('\n').length;
      const range = { start: { line: Math.max(0, lines - 40), character: 0 }, end: { line: lines, character: 0 } };
      for (;;) {
        const tokens = (await server.connection.sendRequest('textDocument/semanticTokens/range', { textDocument: { uri: server.uri('big.txt') }, range })) as { data: number[] } | null;
        if (tokens && tokens.data.length > 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const ms = performance.now() - started;
      const { peakMb, rssMb } = server.memory();
      const size = Buffer.byteLength(text) / 1048576;
      console.log(`${size.toFixed(1)} MB article: coloured after ${(ms / 1000).toFixed(1)} s; server idle ${idle.toFixed(0)} MB, peak ${peakMb.toFixed(0)} MB, after ${rssMb.toFixed(0)} MB; peak above idle ${((peakMb - idle) / size).toFixed(1)}x the article's size`);
    } finally {
      await server.stop();
      fs.rmSync(folder, { recursive: true, force: true });
      fs.rmSync(storage, { recursive: true, force: true });
    }
  }
}

void main();
