// Robustness over the bundled server (issue 16): files with any line ends, and clients that send anything.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Hover } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { ANNOTATE_COMMAND, DECISIONS_REQUEST, ENTITIES_REQUEST, EXPORT_REQUEST, MAP_REQUEST, SET_ARTICLE_DATE, SPELLING_HINTS_REQUEST, TIMELINE_DATA_REQUEST, TIMELINE_REQUEST, UNDO_COMMAND } from '../../server/src/protocol';
import { type TestServer, startServer } from './lspClient';

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

// ---- clients that send anything

const DISK_TEXT = 'Harbour talks resume\n\nPORT ELLIS, March 4, 2024 - Mayor Ingrid Dalca met the harbour board on Monday.\n';
const EDITOR_TEXT = 'Storm closes the pass\n\nVELDEN, October 14, 2023 - Police chief Anton Brisk closed the road on Thursday.\n';

/** Resolves with the request's answer, or rejects when the server exits first. */
async function alive<T>(server: TestServer, request: Promise<T>): Promise<T> {
  return Promise.race([request, server.exited.then((code) => Promise.reject(new Error(`the server exited (code ${code})`)))]);
}

describe('protocol: malformed document notifications', () => {
  it('a document that cannot be handled is dropped, the disk text is the article again, and the others go on', async () => {
    const server = await startServer(folderWith({ 'a.txt': DISK_TEXT, 'b.txt': DISK_TEXT }));
    try {
      await server.indexed;
      const bad = (method: string, params: unknown) => server.connection.sendNotification(method, params);
      await server.open('a.txt', EDITOR_TEXT);
      assert.match(hoverText(await alive(server, server.connection.sendRequest('textDocument/hover', server.at('a.txt', 'Anton Brisk', 0, 1)))), /Anton Brisk/);
      // A change that cannot be applied: the editor's text is no longer known, so the document is dropped
      // and the file is read again (off the main thread).
      const reread = server.indexChanged('a.txt');
      await bad('textDocument/didChange', { textDocument: { uri: server.uri('a.txt'), version: 2 }, contentChanges: [{ range: 'x', text: 5 }] });
      await bad('textDocument/didOpen', { textDocument: { uri: 42, languageId: 'plaintext', version: 1, text: EDITOR_TEXT } });
      await bad('textDocument/didOpen', { textDocument: { uri: server.uri('b.txt'), languageId: 'plaintext', version: 1, text: 17 } });
      await bad('textDocument/didOpen', { textDocument: { uri: server.uri('b.txt'), version: 'one', text: EDITOR_TEXT } });
      await bad('textDocument/didOpen', {});
      await bad('textDocument/didClose', { textDocument: { uri: { not: 'a string' } } });
      // The article is the file on disk again: its names are answered at their places there.
      await alive(server, reread);
      const onDisk = { textDocument: { uri: server.uri('a.txt') }, position: LineIndex.fromText(DISK_TEXT).positionAt(DISK_TEXT.indexOf('Ingrid Dalca') + 1) };
      const dalca = hoverText(await alive(server, server.connection.sendRequest('textDocument/hover', onDisk)));
      assert.match(dalca, /\*\*Ingrid Dalca\*\* · person/);
      assert.match(hoverText(await alive(server, server.connection.sendRequest('textDocument/hover', server.at('b.txt', 'Monday', 0, 1)))), /\*\*2024-03-04\*\* · Monday/);
      // A document opened after all that is analysed and gets its diagnostics from the timers.
      const published = server.diagnostics('c.txt', () => true);
      await server.open('c.txt', EDITOR_TEXT);
      await alive(server, published);
      assert.match(hoverText(await alive(server, server.connection.sendRequest('textDocument/hover', server.at('c.txt', 'Thursday', 0, 1)))), /\*\*2023-10-12\*\* · Thursday/);
    } finally {
      await server.stop();
    }
  });
});

/** mulberry32: a small seeded generator, so a failing run replays exactly. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe('protocol: fuzzed requests and notifications', () => {
  const SEED = 16;
  const MESSAGES = 400;

  it(`survives ${MESSAGES} malformed messages of every method (seed ${SEED}) and then answers correctly`, async function () {
    this.timeout(30_000);
    const folder = folderWith({ 'a.txt': DISK_TEXT, 'b.txt': EDITOR_TEXT, 'two.txt': TWO_ARTICLES.join('\r') });
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-export-'));
    const server = await startServer(folder);
    const random = seeded(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const int = (n: number) => Math.floor(random() * n);
    const uris = [server.uri('a.txt'), server.uri('b.txt'), server.uri('two.txt'), server.uri('new.txt'), server.uri('.article-lens/registry.json'), 'untitled:Untitled-1', 'file:///', 'file://%zz', 'not a uri', ''];
    const scalar = (): unknown => pick([null, undefined, true, 0, -1, 1.5, 2 ** 31, -(2 ** 53), Number.MAX_SAFE_INTEGER * 4, '', 'x', '\u0000\ud800', '2024-03-04', 'Ingrid Dalca', '../../etc', [], {}]);
    const garbage = (depth = 0): unknown => {
      const r = random();
      if (depth > 2 || r < 0.5) return scalar();
      if (r < 0.75) return Array.from({ length: int(4) }, () => garbage(depth + 1));
      return Object.fromEntries(Array.from({ length: int(4) }, () => [pick(['uri', 'text', 'range', 'position', 'line', 'character', 'version', 'kind', 'x']), garbage(depth + 1)]));
    };
    // Each field right or wrong, so that checks deep inside the handlers are reached as well as the first one.
    const maybe = (good: () => unknown) => (random() < 0.6 ? good() : garbage());
    const position = () => maybe(() => ({ line: maybe(() => int(30)), character: maybe(() => int(200)) }));
    const range = () => maybe(() => ({ start: position(), end: position() }));
    const textDocument = () => maybe(() => ({ uri: maybe(() => pick(uris)) }));
    const text = () => maybe(() => pick([DISK_TEXT, EDITOR_TEXT, TWO_ARTICLES.join('\r\n'), '', 'x'.repeat(int(5000)), '\ud800\udfff\u0000']));
    const at = () => maybe(() => ({ textDocument: textDocument(), position: position() }));
    const action = () => maybe(() => ({ kind: maybe(() => pick(['type', 'reject', 'merge', 'accept', 'split', 'rename', 'note', 'externalId', 'value', 'explode'])), scope: maybe(() => pick(['mention', 'spelling'])), type: maybe(() => pick(['person', 'date', 'nothing'])), into: garbage(), name: maybe(() => 'Harbour Board'), note: garbage(), wikidata: maybe(() => pick(['Q42', 'Q0', 'x'])), value: maybe(() => pick(['2024-03-05', null, '2024-99'])) }));
    const version = () => maybe(() => int(100));

    const requests: Record<string, () => unknown> = {
      'textDocument/hover': at,
      'textDocument/definition': at,
      'textDocument/references': () => maybe(() => ({ textDocument: textDocument(), position: position(), context: maybe(() => ({ includeDeclaration: maybe(() => true) })) })),
      'textDocument/documentHighlight': at,
      'textDocument/semanticTokens/full': () => maybe(() => ({ textDocument: textDocument() })),
      'textDocument/semanticTokens/range': () => maybe(() => ({ textDocument: textDocument(), range: range() })),
      'textDocument/codeLens': () => maybe(() => ({ textDocument: textDocument() })),
      'textDocument/documentSymbol': () => maybe(() => ({ textDocument: textDocument() })),
      'workspace/symbol': () => maybe(() => ({ query: maybe(() => pick(['', 'Dalca', 'Brisk', '\u0000'])) })),
      'textDocument/prepareRename': at,
      'textDocument/rename': () => maybe(() => ({ textDocument: textDocument(), position: position(), newName: maybe(() => pick(['', 'Mayor Dalca', 'x'.repeat(500)])) })),
      'textDocument/codeAction': () => maybe(() => ({ textDocument: textDocument(), range: range(), context: maybe(() => ({ diagnostics: maybe(() => [garbage()]), only: maybe(() => [pick(['quickfix', 'refactor', 7])]) })) })),
      'workspace/executeCommand': () =>
        maybe(() => ({
          command: maybe(() => pick([ANNOTATE_COMMAND, UNDO_COMMAND, SET_ARTICLE_DATE, 'articleLens.nothing'])),
          arguments: maybe(() => pick([[maybe(() => ({ uri: maybe(() => pick(uris)), range: range(), action: action() }))], [maybe(() => pick(uris)), maybe(() => pick(['2024-03-04', null, '2024-02-30']))], garbage()])),
        })),
      [TIMELINE_REQUEST]: () => maybe(() => ({})),
      [MAP_REQUEST]: () => maybe(() => garbage()),
      [TIMELINE_DATA_REQUEST]: () =>
        maybe(() => ({ groupBy: maybe(() => pick(['article', 'entity', 7])), filter: maybe(() => pick(['', 'Dal', '\u0000', {}])), types: maybe(() => pick([['person'], 'misc', [null]])), maxGroups: maybe(() => pick([0, 5, -3, 1e9, 'x'])) })),
      [ENTITIES_REQUEST]: () => maybe(() => ({ query: maybe(() => pick(['', 'Dal'])), exclude: garbage(), limit: maybe(() => pick([0, 5, -3, 1e9])) })),
      [DECISIONS_REQUEST]: () => maybe(() => ({})),
      [SPELLING_HINTS_REQUEST]: () => maybe(() => ({})),
      // The folder is always our own: a well-formed export really writes.
      [EXPORT_REQUEST]: () => maybe(() => ({ format: maybe(() => pick(['brat', 'w3c', 'conll', 'jsonl', 'doccano', 'label-studio', 'csv', 'nope'])), out: random() < 0.7 ? path.join(out, String(int(3))) : pick([null, 5, {}]), onlyConfirmed: maybe(() => true) })),
    };
    const notifications: Record<string, () => unknown> = {
      'textDocument/didOpen': () => maybe(() => ({ textDocument: maybe(() => ({ uri: maybe(() => pick(uris)), languageId: maybe(() => 'plaintext'), version: version(), text: text() })) })),
      'textDocument/didChange': () =>
        maybe(() => ({ textDocument: maybe(() => ({ uri: maybe(() => pick(uris)), version: version() })), contentChanges: maybe(() => Array.from({ length: int(3) }, () => maybe(() => (random() < 0.5 ? { text: text() } : { range: range(), text: maybe(() => pick(['', 'Port ', '\r\n', 'Dalca'])) })))) })),
      'textDocument/didClose': () => maybe(() => ({ textDocument: textDocument() })),
      'textDocument/didSave': () => maybe(() => ({ textDocument: textDocument() })),
      'workspace/didChangeWatchedFiles': () => maybe(() => ({ changes: maybe(() => [maybe(() => ({ uri: maybe(() => pick([server.uri('b.txt'), server.uri('gone.txt'), server.uri('.article-lens/registry.json')])), type: maybe(() => pick([1, 2, 3, 9])) }))]) })),
      'workspace/didChangeConfiguration': () => maybe(() => ({ settings: garbage() })),
      '$/cancelRequest': () => maybe(() => ({ id: maybe(() => int(MESSAGES)) })),
      '$/setTrace': () => maybe(() => ({ value: maybe(() => pick(['off', 'verbose', 'loud'])) })),
    };
    const methods = [...Object.keys(requests).map((m) => ['request', m] as const), ...Object.keys(notifications).map((m) => ['notification', m] as const)];

    try {
      await server.indexed;
      const started = Date.now();
      const sent = new Set<string>();
      const answers: Promise<unknown>[] = [];
      for (let i = 0; i < MESSAGES; i++) {
        // Every method at least once, then at random.
        const [kind, method] = i < methods.length ? methods[i] : pick(methods);
        sent.add(method);
        if (kind === 'request') answers.push(server.connection.sendRequest(method, requests[method]()).catch(() => 'error answered'));
        else await server.connection.sendNotification(method, notifications[method]());
        // In bursts, each awaited, so that timers and immediates run between them.
        if (i % 25 === 24) await alive(server, Promise.all(answers.splice(0)));
      }
      await alive(server, Promise.all(answers));
      assert.deepStrictEqual([...sent].sort(), methods.map(([, m]) => m).sort(), 'every method was fuzzed');
      assert.ok(Date.now() - started < 20_000, 'bounded in time');

      // Still alive, and right: a new document is analysed, published and answered.
      const published = server.diagnostics('final.txt', () => true);
      await server.open('final.txt', EDITOR_TEXT);
      await alive(server, published);
      const hover = hoverText(await alive(server, server.connection.sendRequest('textDocument/hover', server.at('final.txt', 'Thursday', 0, 1))));
      assert.match(hover, /\*\*2023-10-12\*\* · Thursday/);
      assert.match(hover, /in an article dated 2023-10-14/);
    } finally {
      await server.stop();
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
