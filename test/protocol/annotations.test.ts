// The user's decisions over LSP: misspelling hints and their quick fixes, accepted spellings and article dates
// kept in the registry file, the code lens and the timeline.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CodeAction, CodeLens, Hover } from 'vscode-languageserver-protocol';
import { ANNOTATE_COMMAND, TIMELINE_REQUEST, SPELLING_HINTS_REQUEST, type SpellingHintItem } from '../../server/src/protocol';
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

  it('hints at a misspelt name, fixes it in the open document, and stops hinting once the spelling is accepted', async () => {
    const published = server.diagnostics(TYPO_FILE, (d) => d.length > 0);
    await server.open(TYPO_FILE);
    const [hint] = await published;
    assert.strictEqual(hint.severity, 4, 'a hint');
    assert.match(hint.message as string, /“Helena Marhs” looks like a misspelling of “Helena Marsh”/);
    assert.deepStrictEqual(hint.range.start, server.positionOf(TYPO_FILE, 'Helena Marhs'));

    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: server.uri(TYPO_FILE) },
      range: hint.range,
      context: { diagnostics: [hint], only: ['quickfix'] },
    })) as CodeAction[];
    assert.deepStrictEqual(actions.map((a) => a.title), ['Change to “Helena Marsh”', 'Accept “Helena Marhs” as a spelling of Helena Marsh']);
    // A versioned edit of the open document: the editor applies it to its buffer (unsaved, undone with Ctrl+Z).
    assert.deepStrictEqual(actions[0].edit, { documentChanges: [{ textDocument: { uri: server.uri(TYPO_FILE), version: 1 }, edits: [{ range: hint.range, newText: 'Helena Marsh' }] }] });

    const hints = (await server.connection.sendRequest(SPELLING_HINTS_REQUEST)) as SpellingHintItem[];
    assert.deepStrictEqual(hints.map((h) => [h.uri, h.spelling, h.suggestion]), [[server.uri(TYPO_FILE), 'Helena Marhs', 'Helena Marsh']], 'the corpus’s hints can be listed');

    const cleared = server.diagnostics(TYPO_FILE, (d) => d.length === 0);
    const accept = actions[1].command!;
    const result = await server.connection.sendRequest('workspace/executeCommand', { command: accept.command, arguments: accept.arguments });
    assert.deepStrictEqual(result, { ok: true, message: 'Article Lens: “Helena Marhs” accepted as a spelling of Helena Marsh.' });
    await cleared;
    const saved = JSON.parse(fs.readFileSync(registry(), 'utf8'));
    assert.deepStrictEqual(saved.entities, [{ id: 'helena-marsh', spellings: ['Helena Marsh', 'Helena Marhs'] }]);
  });

  it('never overwrites a malformed registry file, and points at the line at fault', async () => {
    const before = fs.existsSync(registry()) ? fs.readFileSync(registry(), 'utf8') : null;
    const broken = '{\n  "version": 2,\n  "entities": [\n    {"id": "x" "spellings": []}\n  ]\n}\n';
    fs.mkdirSync(path.dirname(registry()), { recursive: true });
    fs.writeFileSync(registry(), broken);
    const reported = server.diagnostics('.article-lens/registry.json', (d) => d.length > 0);
    await server.fileEvent('.article-lens/registry.json', 2);
    const [problem] = await reported;
    assert.strictEqual(problem.range.start.line, 3);
    assert.match(problem.message as string, /comma was expected.*will not use or overwrite/);
    const result = (await server.connection.sendRequest('workspace/executeCommand', {
      command: ANNOTATE_COMMAND,
      arguments: [{ uri: server.uri(TYPO_FILE), range: { start: server.positionOf(TYPO_FILE, 'Port Aster'), end: server.positionOf(TYPO_FILE, 'Port Aster', 0, 10) }, action: { kind: 'note', note: 'x' } }],
    })) as { ok: boolean; message: string };
    assert.strictEqual(result.ok, false);
    assert.match(result.message, /registry\.json cannot be used/);
    assert.strictEqual(fs.readFileSync(registry(), 'utf8'), broken, 'the file is left byte for byte as the user wrote it');
    const fixed = server.diagnostics('.article-lens/registry.json', (d) => d.length === 0);
    if (before === null) fs.rmSync(registry());
    else fs.writeFileSync(registry(), before);
    await server.fileEvent('.article-lens/registry.json', 2);
    await fixed;
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
    assert.strictEqual(saved.version, 2);
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
    const { markdown } = (await server.connection.sendRequest(TIMELINE_REQUEST)) as { markdown: string };
    const values = [...markdown.matchAll(/^- \*\*([^*]+)\*\*/gm)].map((m) => m[1].replace(/\\/g, ''));
    assert.ok(values.length >= 10, `${values.length} dates`);
    assert.deepStrictEqual(values, [...values].sort());
    assert.match(markdown, /\]\(file:\/\/[^)]+#L\d+,\d+\)/);
  });
});

