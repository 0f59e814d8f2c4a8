// The user's decisions over LSP: misspelling hints and their quick fixes, accepted spellings and article dates
// kept in the registry file, the code lens and the timeline.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CodeAction, CodeLens, Hover } from 'vscode-languageserver-protocol';
import { EXAMPLES, type TestServer, copyCorpus, startServer } from './lspClient';

const TYPO_FILE = 'zz-typo.txt';
// Our own text: a one-letter slip in a name the sample corpus writes many times.
const TYPO_TEXT = 'Harbour talks resume\n\nPORT ASTER, April 30, 2024 - Prime Minister Helena Marhs met union leaders in Port Aster on Tuesday.\n';

describe('protocol: annotations', () => {
  let server: TestServer;
  const registry = () => path.join(server.folder, '.article-lens', 'registry.json');

  before(async () => {
    const folder = copyCorpus(EXAMPLES);
    fs.writeFileSync(path.join(folder, TYPO_FILE), TYPO_TEXT);
    server = await startServer(folder);
    await server.indexed;
  });
  after(() => server?.stop());

  it('hints at a misspelt name, fixes it, and stops hinting once the spelling is accepted', async () => {
    const published = server.diagnostics(TYPO_FILE, (d) => d.length > 0);
    await server.open(TYPO_FILE);
    const [hint] = await published;
    assert.strictEqual(hint.severity, 4, 'a hint');
    assert.match(hint.message as string, /“Helena Marhs” looks like a misspelling of “Helena Marsh”/);
    assert.deepStrictEqual(hint.range.start, server.positionOf(TYPO_FILE, 'Helena Marhs'));

    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: server.uri(TYPO_FILE) },
      range: hint.range,
      context: { diagnostics: [hint] },
    })) as CodeAction[];
    assert.deepStrictEqual(actions.map((a) => a.title), ['Change to “Helena Marsh”', 'Accept “Helena Marhs” as a spelling of Helena Marsh']);
    assert.deepStrictEqual(actions[0].edit?.changes?.[server.uri(TYPO_FILE)], [{ range: hint.range, newText: 'Helena Marsh' }]);

    const cleared = server.diagnostics(TYPO_FILE, (d) => d.length === 0);
    const accept = actions[1].command!;
    await server.connection.sendRequest('workspace/executeCommand', { command: accept.command, arguments: accept.arguments });
    await cleared;
    const saved = JSON.parse(fs.readFileSync(registry(), 'utf8'));
    assert.deepStrictEqual(saved.acceptedSpellings, [{ spelling: 'Helena Marhs', of: 'Helena Marsh' }]);
  });

  it('never overwrites a malformed registry file', async () => {
    const before = fs.readFileSync(registry(), 'utf8');
    const broken = before.replace('"acceptedSpellings"', '"acceptedSpellings" oops');
    fs.writeFileSync(registry(), broken);
    const result = await server.connection.sendRequest('workspace/executeCommand', { command: 'articleLens.acceptSpelling', arguments: ['Marhs', 'Helena Marsh'] });
    assert.strictEqual(result, null);
    assert.strictEqual(fs.readFileSync(registry(), 'utf8'), broken, 'the file is left as the user wrote it');
    fs.writeFileSync(registry(), before);
  });

  it('the code lens counts entities and related articles, and an article date set by the user wins', async () => {
    const file = TYPO_FILE;
    const lenses = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: server.uri(file) } })) as CodeLens[];
    assert.match(lenses[0].command!.title, /^\d+ entit(y|ies) · shared with \d+ other articles?$/);
    assert.strictEqual(lenses[1].command!.title, 'dated 2024-04-30');

    const tuesday = server.positionOf(file, 'Tuesday', 0, 1);
    const before = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: server.uri(file) }, position: tuesday })) as Hover;
    assert.match((before.contents as { value: string }).value, /\*\*2024\\-04\\-30\*\* · Tuesday/);

    await server.connection.sendRequest('workspace/executeCommand', { command: 'articleLens.setArticleDate', arguments: [server.uri(file), '2024-05-10'] });
    const after = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: server.uri(file) }, position: tuesday })) as Hover;
    assert.match((after.contents as { value: string }).value, /\*\*2024\\-05\\-07\*\* · Tuesday/);
    assert.match((after.contents as { value: string }).value, /the date you set/);
    const saved = JSON.parse(fs.readFileSync(registry(), 'utf8'));
    assert.deepStrictEqual(saved.articleDates, [{ article: TYPO_FILE, date: '2024-05-10' }]);
  });

  it('a date written into the registry by hand applies at once', async () => {
    const file = TYPO_FILE;
    const reg = JSON.parse(fs.readFileSync(registry(), 'utf8'));
    reg.articleDates = [{ article: TYPO_FILE, date: '2024-06-01' }];
    fs.writeFileSync(registry(), JSON.stringify(reg, null, 2));
    await server.fileEvent('.article-lens/registry.json', 2);
    const hover = (await server.connection.sendRequest('textDocument/hover', server.at(file, 'Tuesday', 0, 1))) as Hover;
    assert.match((hover.contents as { value: string }).value, /\*\*2024\\-05\\-28\*\* · Tuesday/);
  });

  it('the timeline lists the corpus’s dates in order with links', async () => {
    const { markdown } = (await server.connection.sendRequest('articleLens/timeline')) as { markdown: string };
    const values = [...markdown.matchAll(/^- \*\*([^*]+)\*\*/gm)].map((m) => m[1].replace(/\\/g, ''));
    assert.ok(values.length >= 10, `${values.length} dates`);
    assert.deepStrictEqual(values, [...values].sort());
    assert.match(markdown, /\]\(file:\/\/[^)]+#L\d+,\d+\)/);
  });
});

