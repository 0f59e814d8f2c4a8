// No silent guesses: an article that states no date keeps its relative dates without a value and says so (hover,
// code lens, Problems), unless `articleLens.dates.fallback` is `fileDate`, when its values are marked as guesses
// everywhere (hover, timeline, entity date ranges). Over the bundled server, on a small corpus of our own.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeAction, CodeLens, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { SET_ARTICLE_DATE, TIMELINE_REQUEST } from '../../server/src/protocol';
import { type TestServer, startServer } from './lspClient';

const DATED = 'dated.txt';
const UNDATED = 'undated.txt';
const ALSO_UNDATED = 'also-undated.txt';

const FILES: Record<string, string> = {
  [DATED]: [
    'Harbour Authority approves new ferry berth',
    '',
    'PORT ASTER, March 4, 2024 - The Velorian Harbour Authority approved a new ferry berth on Monday, its chair said.',
    '',
  ].join('\n'),
  [UNDATED]: [
    'Ferry crews agree a winter rota',
    '',
    'Ferry crews on the estuary agreed a new rota on Thursday, the Velorian Harbour Authority said. Talks had stalled last week.',
    'The old rota dated from June 2019.',
    '',
  ].join('\n'),
  [ALSO_UNDATED]: [
    'Pilots return to the harbour',
    '',
    'Harbour pilots went back to work on Thursday after a two-day stoppage.',
    '',
  ].join('\n'),
};

/** Noon on Monday 30 November 2026, local time: the day every file of the corpus was "downloaded". */
const FILE_TIME = new Date(2026, 10, 30, 12, 0, 0);

function writeCorpus(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-undated-'));
  for (const [name, text] of Object.entries(FILES)) {
    const file = path.join(folder, name);
    fs.writeFileSync(file, text);
    fs.utimesSync(file, FILE_TIME, FILE_TIME);
  }
  return folder;
}

async function hoverText(server: TestServer, file: string, needle: string): Promise<string> {
  const hover = (await server.connection.sendRequest('textDocument/hover', server.at(file, needle, 0, 1))) as Hover | null;
  assert.ok(hover, `a hover on ${needle}`);
  return (hover.contents as { value: string }).value;
}

async function lensTitles(server: TestServer, file: string): Promise<string[]> {
  const lenses = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: server.uri(file) } })) as CodeLens[];
  return lenses.map((l) => l.command!.title).filter((t) => /date/.test(t));
}

const undatedOf = (d: Diagnostic[]) => d.filter((x) => x.code === 'undated-article');

describe('protocol: articles that state no date', () => {
  describe('with the default setting (none)', () => {
    let server: TestServer;
    let problems: Promise<Diagnostic[]>;
    before(async () => {
      server = await startServer(writeCorpus());
      // Registered before indexing ends: the Problems entry of an article nobody opened.
      problems = server.diagnostics(UNDATED, (d) => undatedOf(d).length > 0);
      await server.indexed;
    });
    after(() => server.stop());

    it('a relative date has no value, and the hover says why and how to set one', async () => {
      const text = await hoverText(server, UNDATED, 'Thursday');
      assert.match(text, /^\*\*no exact value\*\*/);
      assert.match(text, /This article states no date: set one to resolve “Thursday” \(\[Set Article Date\]\(command:articleLens\.pickArticleDate\?/);
      const args = /command:articleLens\.pickArticleDate\?([^)]+)\)/.exec(text)![1];
      assert.deepStrictEqual(JSON.parse(decodeURIComponent(args)), [server.uri(UNDATED), null]);
      assert.doesNotMatch(text, /2026/, 'nothing from the file date');
      assert.doesNotMatch(await hoverText(server, UNDATED, 'last week'), /\*\*2026/);
    });

    it('an absolute date keeps its value in an undated article', async () => {
      const text = await hoverText(server, UNDATED, 'June 2019');
      assert.match(text, /^\*\*2019\\-06\*\* · date/);
      assert.doesNotMatch(text, /states no date/);
    });

    it('a dated article resolves its relative dates as before', async () => {
      assert.match(await hoverText(server, DATED, 'Monday'), /^\*\*2024\\-03\\-04\*\* · Monday · date/);
    });

    it('the code lens reads "no date: set one" on an undated article, its date on a dated one', async () => {
      assert.deepStrictEqual(await lensTitles(server, UNDATED), ['no date: set one']);
      assert.deepStrictEqual(await lensTitles(server, DATED), ['dated 2024-03-04']);
    });

    it('an undated article is in Problems without being opened: information at its headline, with a quick fix', async () => {
      const [diagnostic] = undatedOf(await problems);
      assert.strictEqual(diagnostic.severity, 3, 'information');
      assert.strictEqual(diagnostic.message, 'this article states no date: its relative dates have no value until you set one');
      assert.deepStrictEqual(diagnostic.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 'Ferry crews agree a winter rota'.length } });
      const actions = (await server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: server.uri(UNDATED) },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: ['quickfix'] },
      })) as CodeAction[];
      assert.deepStrictEqual(actions.map((a) => [a.title, a.command?.command, a.command?.arguments]), [['Set the article date…', 'articleLens.pickArticleDate', [server.uri(UNDATED), null]]]);
    });

    it('a dated article has no such entry when opened', async () => {
      const published = server.diagnostics(DATED, () => true);
      await server.open(DATED);
      assert.deepStrictEqual(undatedOf(await published), []);
      await server.close(DATED);
    });

    it('the timeline lists the undated articles apart, and none of their relative dates', async () => {
      const { markdown } = (await server.connection.sendRequest(TIMELINE_REQUEST)) as { markdown: string };
      assert.match(markdown, /- \*\*2019\\-06\*\*: 1 mention in 1 article\n/);
      assert.doesNotMatch(markdown, /2026/);
      assert.doesNotMatch(markdown, /guessed/);
      const undated = markdown.slice(markdown.indexOf('## Articles with no known date (2)'));
      assert.ok(undated.length > 0 && undated.length < markdown.length, markdown);
      assert.match(undated, /\[undated\\\.txt\]\([^)]*#L1,1\): Ferry crews agree a winter rota\n/);
      assert.match(undated, /\[also\\-undated\\\.txt\]\([^)]*#L1,1\): Pilots return to the harbour\n/);
      assert.doesNotMatch(undated, /Harbour Authority approves/);
    });

    it('an entity’s date range leaves the undated articles out, and says so', async () => {
      assert.match(await hoverText(server, DATED, 'Velorian Harbour Authority'), /3 mentions in 2 articles · 2024\\?-03\\?-04 \(1 article with no known date left out\)/);
    });
  });

  describe('with dates.fallback: fileDate', () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(writeCorpus(), { dates: { fallback: 'fileDate' } });
      await server.indexed;
    });
    after(() => server.stop());

    it('the hover says the value is a guess from the file’s date', async () => {
      const text = await hoverText(server, UNDATED, 'Thursday');
      assert.match(text, /^\*\*2026\\-11\\-26\*\* · Thursday \(a guess\) · date/);
      assert.match(text, /This value is a guess from the file's date \(2026\\-11\\-30\): the article states no date\. Set one to be sure \(\[Set Article Date\]\(command:articleLens\.pickArticleDate\?/);
      // The other article with the same guess is counted apart, never listed as the same day.
      assert.match(text, /1 other article has this value only as a guess from its file's date, not counted/);
      assert.doesNotMatch(text, /Also in/);
    });

    it('the code lens says the date is a guess', async () => {
      assert.deepStrictEqual(await lensTitles(server, UNDATED), ["no date: 2026-11-30 guessed from the file's date; set one"]);
    });

    it('the timeline marks the guessed values and lists their articles apart', async () => {
      const { markdown } = (await server.connection.sendRequest(TIMELINE_REQUEST)) as { markdown: string };
      assert.match(markdown, /- \*\*2026\\-11\\-26\*\* Thursday: 2 mentions in 2 articles, all guessed\n  - \*\(guessed\)\* \[/);
      assert.match(markdown, /- \*\*2024\\-03\\-04\*\* Monday: 2 mentions in 1 article\n  - \[dated\\\.txt\]/, 'a known date is not marked');
      assert.match(markdown, /## Articles with no known date \(2\)/);
      assert.match(markdown, /\[undated\\\.txt\]\([^)]*\): Ferry crews agree a winter rota \(guessed from the file's date: 2026\\-11\\-30\)\n/);
    });

    it('an entity’s date range leaves the guessed dates out', async () => {
      assert.match(await hoverText(server, DATED, 'Velorian Harbour Authority'), /· 2024\\?-03\\?-04 \(1 article with no known date left out\)/);
    });

    it('Problems says the dates are guessed', async () => {
      const published = server.diagnostics(UNDATED, () => true);
      await server.open(UNDATED);
      const [diagnostic] = undatedOf(await published);
      assert.strictEqual(diagnostic.message, "this article states no date: its relative dates are guessed from the file's date, 2026-11-30; set one to be sure");
    });
  });

  it('setting a date (the quick fix’s command) resolves the article and clears its Problems entry', async () => {
    const server = await startServer(writeCorpus());
    await server.indexed;
    const cleared = server.diagnostics(UNDATED, (d) => undatedOf(d).length === 0);
    await server.connection.sendRequest('workspace/executeCommand', { command: SET_ARTICLE_DATE, arguments: [server.uri(UNDATED), '2024-05-10'] });
    await cleared;
    const text = await hoverText(server, UNDATED, 'Thursday');
    assert.match(text, /^\*\*2024\\-05\\-09\*\* · Thursday · date/);
    assert.doesNotMatch(text, /states no date|guess/);
    assert.deepStrictEqual(await lensTitles(server, UNDATED), ['dated 2024-05-10']);
    await server.stop();
  });

  it('changing the setting analyses every article again, open or not', async () => {
    const server = await startServer(writeCorpus());
    await server.indexed;
    await server.open(UNDATED);
    assert.match(await hoverText(server, UNDATED, 'Thursday'), /^\*\*no exact value\*\*/);
    const guessedClosed = server.diagnostics(ALSO_UNDATED, (d) => undatedOf(d).some((x) => /guessed/.test(x.message as string)));
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { articleLens: { dates: { fallback: 'fileDate' } } } });
    await guessedClosed;
    assert.match(await hoverText(server, UNDATED, 'Thursday'), /^\*\*2026\\-11\\-26\*\* · Thursday \(a guess\)/, 'the open article');
    assert.match(await hoverText(server, ALSO_UNDATED, 'Thursday'), /^\*\*2026\\-11\\-26\*\* · Thursday \(a guess\)/, 'an article on disk');
    const back = server.diagnostics(ALSO_UNDATED, (d) => undatedOf(d).some((x) => !/guessed/.test(x.message as string)));
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { articleLens: { dates: { fallback: 'none' } } } });
    await back;
    assert.match(await hoverText(server, ALSO_UNDATED, 'Thursday'), /^\*\*no exact value\*\*/);
    await server.stop();
  });

  it('the index cache written with one setting is not used with the other', async () => {
    const folder = writeCorpus();
    const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-storage-'));
    const files = Object.keys(FILES).length;
    const run = async (fallback: string) => {
      const server = await startServer(folder, { dates: { fallback } }, { storagePath: storage });
      const done = await server.indexed;
      const thursday = await hoverText(server, UNDATED, 'Thursday');
      await server.stop({ keepFolder: true });
      return { fromCache: done.fromCache, thursday };
    };
    try {
      assert.strictEqual((await run('none')).fromCache, 0);
      const guessed = await run('fileDate');
      assert.strictEqual(guessed.fromCache, 0, 'analyses made without the file date are not reused with it');
      assert.match(guessed.thursday, /\(a guess\)/);
      const again = await run('fileDate');
      assert.strictEqual(again.fromCache, files, 'the same setting reuses the cache');
      assert.match(again.thursday, /\(a guess\)/, 'the guessed flag survives the cache');
      const none = await run('none');
      assert.strictEqual(none.fromCache, 0);
      assert.match(none.thursday, /^\*\*no exact value\*\*[\s\S]*This article states no date/);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
      fs.rmSync(storage, { recursive: true, force: true });
    }
  });
});
