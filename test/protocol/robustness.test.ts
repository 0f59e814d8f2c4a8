// Robustness over the bundled server (issue 16): files with any line ends, and clients that send anything.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Hover } from 'vscode-languageserver-protocol';
import { SET_ARTICLE_DATE } from '../../server/src/protocol';
import { startServer } from './lspClient';

// Two articles of our own, each with its own dateline date (the headline repeated after a caption splits them).
const TWO_ARTICLES = [
  'Harbour council approves new ferry terminal',
  '',
  'Workers on the quay at Port Ellis, March 3, 2021. (Coastline Wire)',
  '',
  'Harbour council approves new ferry terminal',
  '',
  'PORT ELLIS, March 3, 2021 (Coastline Wire) - Mayor Ingrid Dalca said on Tuesday that the terminal would open next Friday.',
  '',
  '',
  '',
  'Storm closes mountain pass near Velden',
  '',
  'Snow on the road above Velden, October 14, 2023. (Coastline Wire)',
  '',
  'Storm closes mountain pass near Velden',
  '',
  'VELDEN, October 14, 2023 (Coastline Wire) - Police chief Anton Brisk said on Thursday that the pass would reopen on Sunday.',
];

function folderWith(files: Record<string, string>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
  return folder;
}

/** The hover's markdown without its escapes. */
function hoverText(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  return (hover.contents as { value: string }).value.replace(/\\(.)/g, '$1');
}

describe('protocol: line ends', () => {
  it('a file saved with CR alone: each article resolves against its own dateline, on disk and in the editor', async () => {
    const text = TWO_ARTICLES.join('\r');
    const server = await startServer(folderWith({ 'two.txt': text }));
    try {
      await server.indexed;
      // Indexed from disk (a worker or the main thread reads the file).
      assert.match(hoverText(await server.connection.sendRequest('textDocument/hover', server.at('two.txt', 'Thursday', 0, 1))), /\*\*2023-10-12\*\* · Thursday[^]*in an article dated 2023-10-14/);
      assert.match(hoverText(await server.connection.sendRequest('textDocument/hover', server.at('two.txt', 'Tuesday', 0, 1))), /\*\*2021-03-02\*\* · Tuesday[^]*in an article dated 2021-03-03/);
      // Opened in the editor: the same text as the client sends it.
      await server.open('two.txt', text);
      assert.match(hoverText(await server.connection.sendRequest('textDocument/hover', server.at('two.txt', 'Sunday', 0, 1))), /\*\*2023-10-15\*\* · Sunday[^]*in an article dated 2023-10-14/);
      // Positions count CR as a line end: the second article's dateline is on line 16.
      assert.deepStrictEqual(server.positionOf('two.txt', 'VELDEN'), { line: 16, character: 0 });
      const hover = (await server.connection.sendRequest('textDocument/hover', server.at('two.txt', 'Anton Brisk', 0, 1))) as Hover;
      assert.deepStrictEqual(hover.range?.start, server.positionOf('two.txt', 'Anton Brisk'));
    } finally {
      await server.stop();
    }
  });
});

describe('protocol: the user\'s files keep what Article Lens does not know', () => {
  it('Set Article Date on an entry with other fields changes the date and keeps the rest, and the file\'s other keys', async () => {
    const text = TWO_ARTICLES.join('\n');
    const folder = folderWith({ 'two.txt': text });
    const registry = path.join(folder, '.article-lens', 'registry.json');
    fs.mkdirSync(path.dirname(registry));
    const written = {
      version: 2,
      reviewedBy: { name: 'ana' },
      entities: [{ id: 'ingrid-dalca', spellings: ['Ingrid Dalca'], ids: { wikidata: 'Q42', geonames: '7701' }, addedBy: 'ana' }],
      spellings: [],
      articleDates: [{ article: 'two.txt', date: '2021-03-01', source: 'scraper', checked: { by: 'ana', level: { deep: true } } }],
    };
    fs.writeFileSync(registry, JSON.stringify(written, null, 2));
    const server = await startServer(folder);
    try {
      await server.indexed;
      const result = await server.connection.sendRequest('workspace/executeCommand', { command: SET_ARTICLE_DATE, arguments: [server.uri('two.txt'), '2021-03-05'] });
      assert.deepStrictEqual(result, { date: '2021-03-05', file: registry });
      const saved = JSON.parse(fs.readFileSync(registry, 'utf8'));
      assert.deepStrictEqual(saved, { ...written, articleDates: [{ ...written.articleDates[0], date: '2021-03-05' }] });
    } finally {
      await server.stop();
    }
  });
});
