// The user's records follow the text: edits in the editor, changes on disk, a paragraph moved; and when the
// quoted words are gone, the record is an orphan (a warning at the top of the article, an entry in the list of
// decisions), kept in the store, never moved onto other words. Also: merging, splitting a spelling, a corrupt
// records file, and the command line's --store.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeAction, Location } from 'vscode-languageserver-protocol';
import { ANNOTATE_COMMAND, DECISIONS_REQUEST, type DecisionItem, ENTITIES_REQUEST, type EntityItem } from '../../server/src/protocol';
import { ROOT, type TestServer, decodeTokens, startServer } from './lspClient';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const TYPES = ['person', 'organization', 'location', 'misc', 'date', 'time'];

// Our own text.
const A =
  'Harbour talks resume\n\n' +
  'PORT ASTER, March 4, 2024 - Mayor Ilse Varga met the board of Kestrel Shipping on Monday.\n\n' +
  'Varga said the Kessel Bridge would reopen in July. The Harbour Authority agreed.\n';
const B = 'Bridge dates set\n\nPORT ASTER, March 6, 2024 - Kestrel Shipping and the Harbour Authority signed the plan. Mayor Varga welcomed it.\n';
const C = 'Ferry news\n\nPORT ASTER, March 9, 2024 - The Kestrel ferry company said fares would rise. Kestrel Lines runs four boats.\n';

function corpus(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-reattach-'));
  fs.writeFileSync(path.join(folder, 'a.txt'), A);
  fs.writeFileSync(path.join(folder, 'b.txt'), B);
  fs.writeFileSync(path.join(folder, 'c.txt'), C);
  return folder;
}

describe('protocol: records follow the text', () => {
  let server: TestServer;
  const records = () => JSON.parse(fs.readFileSync(path.join(server.folder, '.article-lens', 'spans', 'a.txt.json'), 'utf8'));
  const run = async (file: string, needle: string, action: unknown, nth = 0) => {
    const range = { start: server.positionOf(file, needle, nth), end: server.positionOf(file, needle, nth, needle.length) };
    const result = (await server.connection.sendRequest('workspace/executeCommand', { command: ANNOTATE_COMMAND, arguments: [{ uri: server.uri(file), range, action }] })) as { ok: boolean; message: string };
    assert.ok(result.ok, result.message);
  };
  /** The mentions the server colours in `file`, as text and type. */
  const tokens = async (file: string, text: string) => {
    const { data } = (await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: server.uri(file) } })) as { data: number[] };
    const lines = text.split('\n');
    return decodeTokens(data).map((t) => `${lines[t.line].slice(t.character, t.character + t.length)}:${TYPES[t.type]}`);
  };

  beforeEach(async () => {
    server = await startServer(corpus());
    await server.indexed;
  });
  afterEach(() => server?.stop());

  it('edits in the editor before, around and inside the records keep each on its words', async () => {
    await run('a.txt', 'Kestrel Shipping', { kind: 'reject', scope: 'mention' });
    await run('a.txt', 'Kessel Bridge', { kind: 'type', scope: 'mention', type: 'misc' });
    assert.ok(!(await tokens('a.txt', A)).includes('Kestrel Shipping:organization'));
    assert.ok((await tokens('a.txt', A)).includes('Kessel Bridge:misc'));

    await server.open('a.txt', A);
    // Words inserted before both records, and a word replaced between them.
    const edited = A.replace('Harbour talks resume', 'Harbour talks resume after a long winter').replace('said the', 'told reporters the');
    await server.change('a.txt', 2, edited);
    let seen = await tokens('a.txt', edited);
    assert.ok(!seen.includes('Kestrel Shipping:organization'), `still not an entity: ${seen}`);
    assert.ok(seen.includes('Kessel Bridge:misc'), `still misc: ${seen}`);
    // A typo fixed inside the record's words: the record stays on them.
    const typo = edited.replace('Kessel Bridge', 'Kesel Bridge');
    await server.change('a.txt', 3, typo);
    await server.change('a.txt', 4, edited);
    seen = await tokens('a.txt', edited);
    assert.ok(seen.includes('Kessel Bridge:misc'), `after a typo and its fix: ${seen}`);
  });

  it('the quoted words deleted: an orphan, reported at the top and in the decisions, and kept in the store', async () => {
    await run('a.txt', 'Kestrel Shipping', { kind: 'reject', scope: 'mention' });
    const stored = fs.readFileSync(path.join(server.folder, '.article-lens', 'spans', 'a.txt.json'), 'utf8');
    const warned = server.diagnostics('a.txt', (d) => d.some((x) => x.code === 'orphaned-annotation'));
    await server.open('a.txt', A);
    const gone = A.replace(' the board of Kestrel Shipping', ' union leaders');
    await server.change('a.txt', 2, gone);
    const [orphan] = (await warned).filter((d) => d.code === 'orphaned-annotation');
    assert.strictEqual(orphan.range.start.line, 0);
    assert.strictEqual(orphan.severity, 2, 'a warning, listed in Problems');
    assert.match(orphan.message as string, /1 annotation of yours could not be re-attached.*“Kestrel Shipping” \(reject\)/);
    const decisions = (await server.connection.sendRequest(DECISIONS_REQUEST)) as DecisionItem[];
    assert.strictEqual(decisions[0].orphan, true);
    assert.match(decisions[0].label, /^⚠ orphaned: “Kestrel Shipping” not an entity/);
    assert.strictEqual(fs.readFileSync(path.join(server.folder, '.article-lens', 'spans', 'a.txt.json'), 'utf8'), stored, 'never dropped from the store');
    // The words come back (undo in the editor): the record applies again.
    const back = server.diagnostics('a.txt', (d) => !d.some((x) => x.code === 'orphaned-annotation'));
    await server.change('a.txt', 3, A);
    await back;
    assert.ok(!(await tokens('a.txt', A)).includes('Kestrel Shipping:organization'));
  });

  it('a change on disk (a paragraph moved, words added) re-attaches the record; the next write follows the text', async () => {
    await run('a.txt', 'Kessel Bridge', { kind: 'type', scope: 'mention', type: 'misc' });
    const paragraphs = A.split('\n\n');
    const moved = [paragraphs[0], paragraphs[2].trimEnd(), 'An extra paragraph of our own, with more words in it.', paragraphs[1]].join('\n\n') + '\n';
    fs.writeFileSync(path.join(server.folder, 'a.txt'), moved);
    await server.articleChanged('a.txt', 2);
    assert.ok((await tokens('a.txt', moved)).includes('Kessel Bridge:misc'));
    // Another decision in the same article writes its records with the offsets of the text as it is now.
    await run('a.txt', 'Harbour Authority', { kind: 'type', scope: 'mention', type: 'organization' }, 0);
    const file = records();
    const bridge = file.records.find((r: { exact: string }) => r.exact === 'Kessel Bridge');
    assert.strictEqual(moved.slice(bridge.start, bridge.end), 'Kessel Bridge');
    // And a fresh server (no text seen before) places both by their quotes and offsets.
    const folder = server.folder;
    await server.stop({ keepFolder: true });
    server = await startServer(folder);
    await server.indexed;
    const seen = await tokens('a.txt', moved);
    assert.ok(seen.includes('Kessel Bridge:misc') && seen.includes('Harbour Authority:organization'), `${seen}`);
  });

  it('merge and split a spelling: the entity table follows, and the command line agrees', async () => {
    const kestrel = (await server.connection.sendRequest(ENTITIES_REQUEST, { query: 'Kestrel' })) as EntityItem[];
    const shipping = kestrel.find((e) => e.name === 'Kestrel Shipping')!;
    assert.ok(shipping, `entities: ${kestrel.map((e) => e.name)}`);
    await run('c.txt', 'Kestrel Lines', { kind: 'merge', into: shipping.id });
    const refs = (await server.connection.sendRequest('textDocument/references', { ...server.at('b.txt', 'Kestrel Shipping', 0, 1), context: { includeDeclaration: true } })) as Location[];
    assert.ok(refs.some((r) => r.uri === server.uri('c.txt')), 'Kestrel Lines is now a mention of Kestrel Shipping');
    const json = () => JSON.parse(execFileSync(process.execPath, [CLI, 'analyze', server.folder, '--format', 'json'], { encoding: 'utf8' })) as { documents: { path: string; mentions: { text: string; entity: string }[] }[] };
    const entityOf = (report: ReturnType<typeof json>, t: string) => report.documents.flatMap((d) => d.mentions).find((m) => m.text === t)?.entity;
    let report = json();
    assert.strictEqual(entityOf(report, 'Kestrel Lines'), entityOf(report, 'Kestrel Shipping'));

    await run('c.txt', 'Kestrel Lines', { kind: 'split', scope: 'spelling' });
    report = json();
    assert.notStrictEqual(entityOf(report, 'Kestrel Lines'), entityOf(report, 'Kestrel Shipping'));
    const refsAfter = (await server.connection.sendRequest('textDocument/references', { ...server.at('b.txt', 'Kestrel Shipping', 0, 1), context: { includeDeclaration: true } })) as Location[];
    assert.ok(!refsAfter.some((r) => r.uri === server.uri('c.txt') && r.range.start.character === server.positionOf('c.txt', 'Kestrel Lines').character));
  });

  it('a corrupt records file: a diagnostic at its line, the file left byte for byte, nothing written over it', async () => {
    await run('a.txt', 'Kessel Bridge', { kind: 'type', scope: 'mention', type: 'misc' });
    const file = path.join(server.folder, '.article-lens', 'spans', 'a.txt.json');
    const broken = fs.readFileSync(file, 'utf8').replace('"decision":', '"decision"');
    fs.writeFileSync(file, broken);
    const reported = server.diagnostics('.article-lens/spans/a.txt.json', (d) => d.length > 0);
    await server.fileEvent('.article-lens/spans/a.txt.json', 2);
    const [problem] = await reported;
    assert.strictEqual(problem.range.start.line, 4);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: server.uri('a.txt') }, range: { start: server.positionOf('a.txt', 'Ilse Varga', 0, 1), end: server.positionOf('a.txt', 'Ilse Varga', 0, 1) }, context: { diagnostics: [] } })) as CodeAction[];
    const reject = actions.find((a) => a.title === 'Not an entity: this “Ilse Varga” only')!;
    const result = (await server.connection.sendRequest('workspace/executeCommand', { command: reject.command!.command, arguments: reject.command!.arguments })) as { ok: boolean; message: string };
    assert.strictEqual(result.ok, false);
    assert.match(result.message, /a\.txt\.json cannot be used/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), broken);
  });

  it('the command line reads another store with --store', async () => {
    await run('a.txt', 'Kestrel Shipping', { kind: 'reject', scope: 'spelling' });
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-store-'));
    try {
      for (const f of ['a.txt', 'b.txt', 'c.txt']) fs.copyFileSync(path.join(server.folder, f), path.join(elsewhere, f));
      const plain = JSON.parse(execFileSync(process.execPath, [CLI, 'analyze', elsewhere, '--format', 'json'], { encoding: 'utf8' }));
      assert.ok(plain.documents.some((d: { mentions: { text: string }[] }) => d.mentions.some((m) => m.text === 'Kestrel Shipping')), 'no store: the recogniser alone');
      fs.cpSync(path.join(server.folder, '.article-lens'), path.join(elsewhere, 'decisions'), { recursive: true });
      const decided = JSON.parse(execFileSync(process.execPath, [CLI, 'analyze', elsewhere, '--store', path.join(elsewhere, 'decisions'), '--format', 'json'], { encoding: 'utf8' }));
      assert.ok(!decided.documents.some((d: { mentions: { text: string }[] }) => d.mentions.some((m) => m.text === 'Kestrel Shipping')));
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
