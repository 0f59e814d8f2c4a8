// The user's decisions over LSP, on a copy of the seed corpus: each error a new user met is fixed in one action
// (code action, then the command it carries), the store's files are checked, and then every consumer: tokens,
// hover, definition, references, symbols, and the command line's JSON on the same folder.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { CodeAction, Hover, Location, SymbolInformation } from 'vscode-languageserver-protocol';
import { ANNOTATE_COMMAND, DECISIONS_REQUEST, type DecisionItem, UNDO_COMMAND } from '../../server/src/protocol';
import { ROOT, SEEDS, type TestServer, copyCorpus, decodeTokens, startServer } from './lspClient';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const haveSeeds = fs.existsSync(SEEDS);
const TYPES = ['person', 'organization', 'location', 'misc', 'date', 'time'];

interface CliMention {
  start: number;
  end: number;
  text: string;
  type: string;
  entity: string | null;
  confirmed: boolean;
}

function cliReport(folder: string): { documents: { path: string; mentions: CliMention[] }[]; entities: { id: string; name: string; type: string }[] } {
  return JSON.parse(execFileSync(process.execPath, [CLI, 'analyze', folder, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}

(haveSeeds ? describe : describe.skip)(`protocol: the user's decisions on the seed corpus${haveSeeds ? '' : ' (skipped: ../shared/corpus/seeds is absent)'}`, () => {
  let server: TestServer;
  const store = (...parts: string[]) => path.join(server.folder, '.article-lens', ...parts);
  const text = (file: string) => fs.readFileSync(path.join(server.folder, file), 'utf8');
  const seedFile = (needle: string) => fs.readdirSync(server.folder).filter((f) => f.endsWith('.txt')).find((f) => text(f).includes(needle))!;

  /** The code actions on the `nth` occurrence of `needle` (a selection of it, or a cursor inside it). */
  const actionsAt = async (file: string, needle: string, nth = 0, select = false): Promise<CodeAction[]> => {
    const start = server.positionOf(file, needle, nth, select ? 0 : 1);
    const end = select ? server.positionOf(file, needle, nth, needle.length) : start;
    return (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: server.uri(file) }, range: { start, end }, context: { diagnostics: [] } })) as CodeAction[];
  };
  /** Runs the code action titled `title` at the place, as the editor does: its command, through the server. */
  const decide = async (file: string, needle: string, title: string | RegExp, nth = 0, select = false) => {
    const actions = await actionsAt(file, needle, nth, select);
    const action = actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
    assert.ok(action, `no action ${title} on ${needle}: ${actions.map((a) => a.title).join(' | ')}`);
    const result = (await server.connection.sendRequest('workspace/executeCommand', { command: action.command!.command, arguments: action.command!.arguments })) as { ok: boolean; message: string };
    assert.ok(result.ok, result.message);
    return result;
  };
  const hoverAt = async (file: string, needle: string, nth = 0) => {
    const h = (await server.connection.sendRequest('textDocument/hover', server.at(file, needle, nth, 1))) as Hover | null;
    return h ? (h.contents as { value: string }).value : null;
  };
  const tokenAt = async (file: string, needle: string, nth = 0) => {
    const { data } = (await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: server.uri(file) } })) as { data: number[] };
    const at = server.positionOf(file, needle, nth);
    const t = decodeTokens(data).find((x) => x.line === at.line && x.character === at.character);
    return t ? { type: TYPES[t.type], length: t.length, confirmed: t.modifiers } : null;
  };

  beforeEach(async () => {
    server = await startServer(copyCorpus(SEEDS));
    await server.indexed;
  });
  afterEach(() => server?.stop());

  it('“Signifying” (a title-case headline word) is not an entity anywhere: one action, then every consumer and the command line agree', async () => {
    // (The recogniser no longer takes the site furniture `Advertisement` for a name; this headline word it still does.)
    const file = seedFile('Signifying');
    // (Its type is whatever the model reads; what matters is that it is coloured as a name until the user decides.)
    assert.deepStrictEqual(await tokenAt(file, 'Signifying'), { type: 'location', length: 10, confirmed: 0 }, 'the recogniser’s error, as a user first sees it');
    await decide(file, 'Signifying', 'Not an entity: every “Signifying” in the corpus');

    const registry = JSON.parse(fs.readFileSync(store('registry.json'), 'utf8'));
    assert.deepStrictEqual(registry.spellings, [{ spelling: 'Signifying', decision: 'reject' }]);
    for (let nth = 0; nth < 4; nth++) assert.strictEqual(await tokenAt(file, 'Signifying', nth), null, `occurrence ${nth} is no longer coloured`);
    assert.strictEqual(await hoverAt(file, 'Signifying'), null);
    const symbols = (await server.connection.sendRequest('workspace/symbol', { query: 'Signifying' })) as SymbolInformation[];
    assert.ok(!symbols.some((s) => s.name === 'Signifying'), 'gone from the entity table');
    const report = cliReport(server.folder);
    assert.ok(!report.documents.some((d) => d.mentions.some((m) => m.text === 'Signifying')), 'the command line reads the same store');
  });

  it('Britain’s Defense Ministry is apart from Russia’s from the start, and one of its mentions splits out of it', async () => {
    const file = seedFile('Britain’s Defense Ministry');
    const nth = text(file).split('Defense Ministry').findIndex((_, i, parts) => parts[i].endsWith('Britain’s '));
    const russiaNth = text(file).split('Defense Ministry').findIndex((_, i, parts) => parts[i].endsWith('Russia’s '));
    const refs = async (f: string, k: number) =>
      ((await server.connection.sendRequest('textDocument/references', { ...server.at(f, 'Defense Ministry', k, 1), context: { includeDeclaration: true } })) as Location[]).length;
    // The recogniser reads whose ministry it is: Britain's (in two articles) and Russia's are two entities.
    const before = await refs(file, nth);
    assert.strictEqual(before, 2, 'Britain’s ministry in both articles that name it');
    assert.strictEqual(await refs(file, russiaNth), 1, 'Russia’s apart');
    assert.match((await hoverAt(file, 'Defense Ministry', nth))!, /^\*\*Britain\\?['’]s Defense Ministry\*\* · organization/);
    await decide(file, 'Defense Ministry', /^Split this “Defense Ministry” out of /, nth);

    const records = JSON.parse(fs.readFileSync(store('spans', `${file}.json`), 'utf8'));
    assert.strictEqual(records.records.length, 1);
    assert.strictEqual(records.records[0].decision, 'entity');
    assert.strictEqual(records.records[0].exact, 'Defense Ministry');
    assert.match(records.records[0].prefix, /Britain’s $/);
    assert.strictEqual(await refs(file, nth), 1, 'the split mention stands alone');
    const other = seedFile('Britain\'s Defense Ministry');
    assert.strictEqual(await refs(other, 0), before - 1, 'the other article keeps the rest');
    const hover = await hoverAt(file, 'Defense Ministry', nth);
    assert.match(hover!, /✓ Decided by you/);

    const report = cliReport(server.folder);
    const doc = report.documents.find((d) => d.path.endsWith(file))!;
    const ids = new Set(report.documents.flatMap((d) => d.mentions.filter((m) => m.text === 'Defense Ministry').map((m) => m.entity)));
    // The photo captions' `the Russian Defense Ministry` (found since the cluster model) is an entity of its own: an
    // institution owned by a people's adjective keeps that owner's key (resolve/institutions.ts).
    // FIXME: it is the same ministry as Russia's; nothing joins `Russian` to `Russia's` yet.
    assert.strictEqual(ids.size, 4, 'four entities in the JSON too: Russia’s, the Russian one, Britain’s, and the one split out');
    const britain = doc.mentions.find((m) => m.text === 'Defense Ministry' && text(file).slice(m.start - 10, m.start).endsWith('Britain’s '))!;
    assert.strictEqual(britain.confirmed, true);
  });

  it('Twitter, Facebook and Telegram become organizations everywhere; the headline’s “Russian-Occupied Kherson” becomes the city', async () => {
    const twitter = seedFile('Twitter');
    assert.deepStrictEqual(await tokenAt(twitter, 'Twitter'), { type: 'organization', length: 7, confirmed: 0 }, 'the recogniser’s type, not yet the user’s');
    // The recogniser now types them as organizations: the user confirms what it says, or marks it where it errs.
    for (const name of ['Twitter', 'Facebook', 'Telegram']) {
      const ok = (await tokenAt(seedFile(name), name))?.type === 'organization';
      await decide(seedFile(name), name, ok ? `Confirm “${name}” as organization` : `Mark “${name}” as organization: every “${name}” in the corpus`);
    }
    for (const name of ['Twitter', 'Facebook', 'Telegram']) {
      assert.deepStrictEqual(await tokenAt(seedFile(name), name), { type: 'organization', length: name.length, confirmed: 1 }, name);
      assert.match((await hoverAt(seedFile(name), name))!, new RegExp(`\\*\\*${name}\\*\\* · organization`));
    }

    const headline = seedFile('Russian-Occupied Kherson');
    assert.strictEqual((await tokenAt(headline, 'Russian-Occupied Kherson'))?.type, 'person');
    // The user selects the city's name inside the wrong span and says what it is.
    const nth = 0;
    await decide(headline, 'Kherson', 'Mark “Kherson” as location: this mention', nth, true);
    assert.strictEqual(await tokenAt(headline, 'Russian-Occupied Kherson'), null, 'the wrong span is gone');
    assert.deepStrictEqual(await tokenAt(headline, 'Kherson', nth), { type: 'location', length: 7, confirmed: 1 });
    const defs = (await server.connection.sendRequest('textDocument/references', { ...server.at(headline, 'Kherson', nth, 1), context: { includeDeclaration: true } })) as Location[];
    assert.ok(defs.length > 10, `the city of Kherson's entity, across the corpus: ${defs.length} references`);

    const report = cliReport(server.folder);
    for (const d of report.documents) for (const m of d.mentions) if (['Twitter', 'Facebook', 'Telegram'].includes(m.text)) assert.strictEqual(m.type, 'organization', `${m.text} in ${d.path}`);
    const fixed = report.documents.find((d) => d.path.endsWith(headline))!.mentions.filter((m) => m.start < 30);
    assert.deepStrictEqual(fixed.map((m) => [m.text, m.type, m.confirmed]), [['Kherson', 'location', true]], 'the headline as the command line reports it');
  });

  it('F2 renames an entity, a note and a Wikidata id show in its hover (escaped), and undo takes the last decision back', async () => {
    const file = seedFile('Zelensky');
    const prepared = (await server.connection.sendRequest('textDocument/prepareRename', server.at(file, 'Zelensky', 0, 1))) as { placeholder: string };
    assert.ok(prepared.placeholder.length > 0);
    const before = text(file);
    const edit = await server.connection.sendRequest('textDocument/rename', { ...server.at(file, 'Zelensky', 0, 1), newName: 'Volodymyr Zelensky' });
    assert.deepStrictEqual(edit, { changes: {} }, 'the article text never changes');
    assert.strictEqual(text(file), before);
    assert.match((await hoverAt(file, 'Zelensky'))!, /^\*\*Volodymyr Zelensky\*\* · person/);

    const range = { start: server.positionOf(file, 'Zelensky'), end: server.positionOf(file, 'Zelensky', 0, 8) };
    const run = (action: unknown) => server.connection.sendRequest('workspace/executeCommand', { command: ANNOTATE_COMMAND, arguments: [{ uri: server.uri(file), range, action }] }) as Promise<{ ok: boolean; message: string }>;
    assert.ok((await run({ kind: 'note', note: 'President of Ukraine [click](command:evil) <b>x</b>' })).ok);
    assert.ok((await run({ kind: 'externalId', wikidata: 'Q3881270' })).ok);
    const refused = await run({ kind: 'externalId', wikidata: 'Q12](command:evil)' });
    assert.strictEqual(refused.ok, false, 'an id that is not a Wikidata id is refused');
    const hover = (await hoverAt(file, 'Zelensky'))!;
    assert.match(hover, /Note: President of Ukraine \\\[click\\\]\\\(command:evil\\\) &lt;b&gt;x&lt;/);
    assert.match(hover, /\[Q3881270\]\(https:\/\/www\.wikidata\.org\/wiki\/Q3881270\)/);
    assert.ok(!/\]\(command:/.test(hover), 'no command link can be injected');

    const registry = JSON.parse(fs.readFileSync(store('registry.json'), 'utf8'));
    assert.strictEqual(registry.entities.length, 1);
    assert.strictEqual(registry.entities[0].name, 'Volodymyr Zelensky');
    assert.deepStrictEqual(registry.entities[0].ids, { wikidata: 'Q3881270' });

    const undone = (await server.connection.sendRequest('workspace/executeCommand', { command: UNDO_COMMAND, arguments: [] })) as { ok: boolean; message: string };
    assert.deepStrictEqual(undone, { ok: true, message: 'Article Lens: undone: Volodymyr Zelensky is Wikidata Q3881270' });
    assert.ok(!/wikidata\.org/.test((await hoverAt(file, 'Zelensky'))!));
    assert.strictEqual(JSON.parse(fs.readFileSync(store('registry.json'), 'utf8')).entities[0].ids, undefined);

    const decisions = (await server.connection.sendRequest(DECISIONS_REQUEST)) as DecisionItem[];
    assert.deepStrictEqual(decisions.map((d) => d.label), ['entity Volodymyr Zelensky: named Volodymyr Zelensky · spellings ' + registry.entities[0].spellings.join(', ') + ' · a note']);
    assert.ok(decisions[0].location, 'a decision opens where it applies');
  });
});
