// Article metadata over LSP, on a workspace of our own: front matter and Markdown articles (tokens, hover, the
// outline, nothing tagged in the markup), the problems of a front matter date, the import of a file of dates
// through the server, and Set Article Date on several files at once (one undoable decision).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeLens, Diagnostic, DocumentSymbol, Hover, SymbolInformation } from 'vscode-languageserver-protocol';
import { IMPORT_DATES_REQUEST, type ImportDatesResult, SET_ARTICLE_DATE, UNDO_COMMAND } from '../../server/src/protocol';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { parseFixture } from '../fixture';
import { type TestServer, decodeTokens, startServer } from './lspClient';

const TYPES = ['person', 'organization', 'location', 'misc', 'date', 'time'];

/** Markdown with front matter: the marked mentions are every token the server may send. */
const HARBOUR_MD = [
  '---',
  'title: "Harbour talks resume after the strike"',
  'date: 2024-03-11',
  'source: https://example.org/news/2020-01-02/harbour',
  'author: Ann Lee',
  '---',
  '# Talks resume in <<Port Aster>>{location}',
  '',
  'Prime Minister **<<Helena Marsh>>{person}** met the [<<Velorian Harbour Authority>>{organization}](https://example.org/2020-01-02/authority) on _<<Monday>>{date:2024-03-11}_.',
  '',
  '![Crowds wait in <<Marrow Bay>>{location} on <<March 1>>{date:2024-03-01}](img/2019-05-06.jpg)',
  '',
  'Run `report --since 2021-04-05` and see <https://example.org/May-2022>.',
  '',
  '```',
  'Helena Marsh, 4 March 2023',
  '```',
  '',
].join('\n');

const FERRY_TXT = [
  '---',
  'date: 2024-03-08',
  '---',
  'Ferry crews return to work',
  '',
  'Prime Minister Helena Marsh said on Tuesday that the Marrow Bay ferry would sail again.',
  '',
].join('\n');

/** Not an article: the include below takes in `articles/*.md` only. */
const README_MD = '# Notes\n\nCorin Vale keeps these notes.\n';

const BAD_TXT = '---\ndate: next week\n---\nStorm closes port\n\nThe port of Marrow Bay shut on Sunday.\n';

function workspace(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-metadata-'));
  fs.mkdirSync(path.join(folder, 'articles'));
  fs.writeFileSync(path.join(folder, 'articles', 'harbour.md'), parseFixture(HARBOUR_MD).text);
  fs.writeFileSync(path.join(folder, 'ferry.txt'), FERRY_TXT);
  fs.writeFileSync(path.join(folder, 'bad.txt'), BAD_TXT);
  fs.writeFileSync(path.join(folder, 'README.md'), README_MD);
  return folder;
}

const SETTINGS = { files: { include: ['**/*.txt', 'articles/*.md'] } };

describe('protocol: article metadata (front matter, Markdown, dates of many articles)', () => {
  let server: TestServer;
  const registry = () => path.join(server.folder, '.article-lens', 'registry.json');
  const articleDates = () => (fs.existsSync(registry()) ? JSON.parse(fs.readFileSync(registry(), 'utf8')).articleDates : null);
  const hoverAt = async (file: string, needle: string, nth = 0) => {
    const h = (await server.connection.sendRequest('textDocument/hover', server.at(file, needle, nth, 1))) as Hover | null;
    return h ? (h.contents as { value: string }).value : null;
  };
  const dateLens = async (file: string) => {
    const lenses = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: server.uri(file) } })) as CodeLens[];
    return lenses.map((l) => l.command?.title).find((t) => t?.startsWith('dated') || t?.startsWith('no date'));
  };

  beforeEach(async () => {
    server = await startServer(workspace(), SETTINGS);
    await server.indexed;
  });
  afterEach(() => server?.stop());

  it('colours the text of a Markdown article, never its front matter, markup, link addresses or code', async () => {
    const file = 'articles/harbour.md';
    const { text, mentions } = parseFixture(HARBOUR_MD);
    await server.open(file, text);
    const { data } = (await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: server.uri(file) } })) as { data: number[] };
    const lines = LineIndex.fromText(text);
    const got = decodeTokens(data).map((t) => `${t.line}:${t.character}+${t.length} ${TYPES[t.type]}`);
    const want = mentions.map((m) => {
      const at = lines.positionAt(m.start);
      return `${at.line}:${at.character}+${m.end - m.start} ${m.type}`;
    });
    assert.deepStrictEqual(got, want);
  });

  it('resolves dates against the front matter date and says so in the hover', async () => {
    const hover = await hoverAt('articles/harbour.md', 'Monday');
    assert.ok(hover?.includes('**2024\\-03\\-11**'), hover ?? 'no hover');
    assert.ok(hover?.includes('in an article dated 2024\\-03\\-11 \\(from its front matter\\)'), hover ?? '');
    // The text's own `March 1` is no date to count from: the front matter's date wins over it.
    assert.strictEqual(await dateLens('articles/harbour.md'), 'dated 2024-03-11');
    assert.strictEqual(await dateLens('ferry.txt'), 'dated 2024-03-08');
  });

  it('lists other articles by their title, with the file name beside it', async () => {
    const hover = await hoverAt('ferry.txt', 'Helena Marsh');
    assert.ok(hover?.includes('- Harbour talks resume after the strike · [harbour\\.md]('), hover ?? 'no hover');
  });

  it('outlines a Markdown article by the names in its text', async () => {
    const outline = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: server.uri('articles/harbour.md') } })) as DocumentSymbol[];
    const names = outline.flatMap((group) => (group.children ?? []).map((c) => `${group.name}: ${c.name}`)).sort();
    assert.deepStrictEqual(names, ['Dates: 2024-03-01', 'Dates: 2024-03-11', 'Organizations: Velorian Harbour Authority', 'People: Helena Marsh', 'Places: Marrow Bay', 'Places: Port Aster']);
  });

  it('leaves out a Markdown file the include does not take in, even when the editor opens it', async () => {
    const symbols = (await server.connection.sendRequest('workspace/symbol', { query: 'Corin Vale' })) as SymbolInformation[];
    assert.deepStrictEqual(symbols.map((s) => s.name).filter((n) => n === 'Corin Vale'), []);
    await server.open('README.md');
    await server.change('README.md', 2, README_MD + '\nHelena Marsh wrote this part.\n');
    const tokens = (await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: server.uri('README.md') } })) as { data: number[] };
    assert.deepStrictEqual(tokens.data, []);
    assert.strictEqual(await hoverAt('README.md', 'Corin Vale'), null);
    // With the include taking in every `.md`, the same file is an article.
    await server.stop();
    server = await startServer(workspace(), { files: { include: ['**/*.txt', '**/*.md'] } });
    await server.indexed;
    await server.open('README.md');
    const now = (await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: server.uri('README.md') } })) as { data: number[] };
    // (The tagger's type for the made-up `Corin Vale` is not what this test is about.)
    assert.deepStrictEqual(decodeTokens(now.data).map((t) => `${t.line}:${t.character}+${t.length}`), ['2:0+10']);
  });

  it('reports a front matter date it cannot read, at the fence', async () => {
    const diagnostics = server.diagnostics('bad.txt', (d) => d.some((x) => x.code === 'metadata'));
    await server.open('bad.txt');
    const metadata = (await diagnostics).filter((d: Diagnostic) => d.code === 'metadata');
    assert.deepStrictEqual(
      metadata.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity, d.message]),
      [[0, 0, 3, 2, 'The front matter date "next week" is not a date Article Lens can read; write it as YYYY-MM-DD.']],
    );
  });

  it('imports a CSV of dates through the server as one undoable decision', async () => {
    const csv = path.join(server.folder, 'dates.csv');
    fs.writeFileSync(csv, 'path,date,title,source\nferry.txt,2024-04-02,"Ferry crews, back at work",https://example.org/ferry\narticles/harbour.md,"April 1, 2024",,\n');
    // The articles are analysed again with their new dates in the background; the server says when.
    const reanalysed = Promise.all([server.indexChanged('ferry.txt'), server.indexChanged('articles/harbour.md')]);
    const result = (await server.connection.sendRequest(IMPORT_DATES_REQUEST, { path: csv })) as ImportDatesResult;
    assert.deepStrictEqual({ ...result, lines: undefined }, { error: null, problems: [], changed: 2, unchanged: 0, lines: undefined });
    await reanalysed;
    assert.deepStrictEqual(articleDates(), [
      { article: 'articles/harbour.md', date: '2024-04-01' },
      { article: 'ferry.txt', date: '2024-04-02', title: 'Ferry crews, back at work', source: 'https://example.org/ferry' },
    ]);
    // The user's date wins over the front matter's.
    assert.strictEqual(await dateLens('ferry.txt'), 'dated 2024-04-02');
    assert.strictEqual(await dateLens('articles/harbour.md'), 'dated 2024-04-01');
    // The imported title is the article's title in lists, ahead of its headline.
    const listed = await hoverAt('articles/harbour.md', 'Helena Marsh');
    assert.ok(listed?.includes('- Ferry crews, back at work · [ferry\\.txt]('), listed ?? 'no hover');
    const undone = server.indexChanged('ferry.txt');
    const undo = (await server.connection.sendRequest('workspace/executeCommand', { command: UNDO_COMMAND, arguments: [] })) as { ok: boolean };
    assert.ok(undo.ok);
    assert.strictEqual(fs.existsSync(registry()), false, 'the store is as it was: no registry');
    await undone;
    assert.strictEqual(await dateLens('ferry.txt'), 'dated 2024-03-08');
    assert.ok(!(await hoverAt('articles/harbour.md', 'Helena Marsh'))?.includes('Ferry crews, back at work'), 'the headline is the title again');
  });

  it('refuses a file with bad rows whole, saying which line and why', async () => {
    const jsonl = path.join(server.folder, 'dates.jsonl');
    fs.writeFileSync(jsonl, '{"path":"ferry.txt","date":"2024-04-02"}\n{"path":"gone.txt","date":"2024-04-02"}\n{"path":"bad.txt","date":"2024-02-30"}\nnot json\n');
    const result = (await server.connection.sendRequest(IMPORT_DATES_REQUEST, { path: jsonl })) as ImportDatesResult;
    assert.strictEqual(result.error, '3 bad rows; nothing was imported');
    assert.deepStrictEqual(result.problems, [
      `line 2: gone.txt is not an article of ${server.folder}`,
      'line 3: "2024-02-30" is not a date Article Lens can read (write it as YYYY-MM-DD)',
      `line 4: not valid JSON (Unexpected token 'o', "not json" is not valid JSON)`,
    ]);
    assert.strictEqual(articleDates(), null, 'nothing written');
  });

  it('sets the date of several files at once, undone as one', async () => {
    const reanalysed = Promise.all([server.indexChanged('ferry.txt'), server.indexChanged('bad.txt')]);
    const result = (await server.connection.sendRequest('workspace/executeCommand', {
      command: SET_ARTICLE_DATE,
      arguments: [[server.uri('ferry.txt'), server.uri('bad.txt')], '2024-05-01'],
    })) as { date: string } | null;
    await reanalysed;
    assert.strictEqual(result?.date, '2024-05-01');
    assert.deepStrictEqual(articleDates(), [
      { article: 'bad.txt', date: '2024-05-01' },
      { article: 'ferry.txt', date: '2024-05-01' },
    ]);
    assert.strictEqual(await dateLens('ferry.txt'), 'dated 2024-05-01');
    assert.strictEqual(await dateLens('bad.txt'), 'dated 2024-05-01');
    await server.connection.sendRequest('workspace/executeCommand', { command: UNDO_COMMAND, arguments: [] });
    assert.strictEqual(fs.existsSync(registry()), false);
  });
});
