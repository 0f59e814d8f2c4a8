// `article-lens import`: annotations made elsewhere, or exported by Article Lens, come into the user's store as
// decisions. Round trips: export brat (or JSONL) from a corpus with decisions of every kind, import it into a copy
// of the corpus with an empty store, export again: the same files. A file that does not fit its article's text is
// reported and imports nothing; a file of another tool adds its spans beside the recogniser's.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { withRecord } from '../../server/src/core/annotations/actions';
import { type ArticleRecords, type SpanDecision, serializeArticleRecords } from '../../server/src/core/annotations/spans';
import { EXPORT_REQUEST, IMPORT_REQUEST, type ExportResult, type ImportParams, type ImportResult, UNDO_COMMAND } from '../../server/src/protocol';
import { ROOT, type TestServer, startServer } from './lspClient';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Our own text; characters outside the Basic Multilingual Plane before and inside names.
export const ARTICLE_A =
  'Harbour talks resume\n\nPORT ELLIS, March 4, 2024 - Mayor Ingrid Dalca met the Coastal Workers Union on Monday. Dalca said the 🚢 Kessel Bridge would reopen in April, and thanked Advertisement Partners for the 𝐊essel quays survey.\n\nTalks continue on Thursday at the Veloria Trade Hall.\n';
// The agency credit `(Reuters)` is a name by a rule of the recogniser, whatever its model reads: the decision that
// rejects it stands for a recogniser's name the user said is none.
export const ARTICLE_B =
  "Union warns of strike\n\nPORT ELLIS (Reuters) - The Coastal Workers Union said on Friday that Ingrid Dalca had not answered its letter. Austin Mercer, the union's secretary, said Austin would host the next meeting.\n";

function at(text: string, words: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let k = 0; k <= nth; k++) start = text.indexOf(words, start + 1);
  assert.ok(start >= 0, words);
  return { start, end: start + words.length };
}

function records(article: string, text: string, decisions: [string, SpanDecision][]): string {
  let file: ArticleRecords = { version: 1, article, records: [] };
  for (const [words, decision] of decisions) file = withRecord(file, text, at(text, words), decision);
  return serializeArticleRecords(file);
}

/** A corpus of two articles, with a store holding decisions of every kind (or none). */
function corpus(withDecisions: boolean): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'al-import-'));
  fs.writeFileSync(path.join(folder, 'a.txt'), ARTICLE_A);
  fs.mkdirSync(path.join(folder, 'later'));
  fs.writeFileSync(path.join(folder, 'later', 'b.txt'), ARTICLE_B);
  if (!withDecisions) return folder;
  const store = path.join(folder, '.article-lens');
  fs.mkdirSync(path.join(store, 'spans', 'later'), { recursive: true });
  const registry = {
    version: 2,
    entities: [
      { id: 'ingrid-dalca', name: 'Ingrid Dalca', type: 'person', spellings: ['Ingrid Dalca', 'Dalca'], note: 'Mayor since 2022', ids: { wikidata: 'Q1' } },
      { id: 'veloria-hall', name: 'Veloria Hall', type: 'organization', spellings: [] },
    ],
  };
  fs.writeFileSync(path.join(store, 'registry.json'), JSON.stringify(registry, null, 2) + '\n');
  fs.writeFileSync(
    path.join(store, 'spans', 'a.txt.json'),
    records('a.txt', ARTICLE_A, [
      ['Advertisement Partners', { decision: 'type', type: 'organization' }],
      ['𝐊essel', { decision: 'type', type: 'location' }],
      ['Thursday', { decision: 'value', value: '2024-03-07' }],
      ['Veloria Trade Hall', { decision: 'entity', entity: 'veloria-hall' }],
    ]),
  );
  fs.writeFileSync(
    path.join(store, 'spans', 'later', 'b.txt.json'),
    records('later/b.txt', ARTICLE_B, [
      ['Reuters', { decision: 'reject' }],
      ['Austin would', { decision: 'type', type: 'location' }],
    ]).replace('"Austin would"', '"Austin would"'),
  );
  return folder;
}

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), fs.readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

describe('article-lens import', function () {
  this.timeout(60_000);
  const made: string[] = [];
  const temp = (folder: string) => (made.push(folder), folder);
  after(() => {
    for (const f of made) fs.rmSync(f, { recursive: true, force: true });
  });

  it('round-trips brat: export, import into an empty store, export again gives identical files', () => {
    const source = temp(corpus(true));
    const first = temp(fs.mkdtempSync(path.join(os.tmpdir(), 'al-brat-1-')));
    let r = cli('export', '--format', 'brat', '--out', first, source);
    assert.strictEqual(r.status, 0, r.stderr);
    const ann = fs.readFileSync(path.join(first, 'a.ann'), 'utf8');
    // The export holds every kind of decision: confirmed marks, a user's entity, a note, an external id, a value.
    assert.match(ann, /Confirmed/);
    assert.match(ann, /ArticleLens:veloria-hall\tVeloria Hall/);
    assert.match(ann, /Mayor since 2022/);
    assert.match(ann, /Wikidata:Q1/);
    assert.match(ann, /2024-03-07/);
    assert.doesNotMatch(fs.readFileSync(path.join(first, 'later', 'b.ann'), 'utf8'), /\tORG \d+ \d+\tReuters/);

    const target = temp(corpus(false));
    r = cli('import', '--format', 'brat', '--corpus', target, first);
    assert.strictEqual(r.status, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /imported 2 of 2 files/);
    assert.match(r.stdout, /marked not an entity/);
    const second = temp(fs.mkdtempSync(path.join(os.tmpdir(), 'al-brat-2-')));
    r = cli('export', '--format', 'brat', '--out', second, target);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(tree(second), tree(first));
  });

  it('round-trips Label Studio tasks: annotations are decisions, predictions are left to the recogniser', () => {
    const source = temp(corpus(true));
    const dir = temp(fs.mkdtempSync(path.join(os.tmpdir(), 'al-ls-')));
    assert.strictEqual(cli('export', '--format', 'label-studio', '--out', dir, source).status, 0);
    const first = fs.readFileSync(path.join(dir, 'annotations.json'), 'utf8');
    const target = temp(corpus(false));
    const r = cli('import', '--format', 'labelstudio', '--corpus', target, path.join(dir, 'annotations.json'));
    assert.strictEqual(r.status, 0, r.stderr + r.stdout);
    const again = temp(fs.mkdtempSync(path.join(os.tmpdir(), 'al-ls-2-')));
    assert.strictEqual(cli('export', '--format', 'label-studio', '--out', again, target).status, 0);
    assert.strictEqual(fs.readFileSync(path.join(again, 'annotations.json'), 'utf8'), first);
  });

  it('round-trips JSONL, keeping which spans the user decided', () => {
    const source = temp(corpus(true));
    const first = cli('export', '--format', 'jsonl', source);
    assert.strictEqual(first.status, 0, first.stderr);
    const spans = first.stdout.trim().split('\n').flatMap((l) => (JSON.parse(l) as { spans: { confirmed: boolean }[] }).spans);
    assert.ok(spans.some((s) => s.confirmed) && spans.some((s) => !s.confirmed));
    const file = path.join(temp(fs.mkdtempSync(path.join(os.tmpdir(), 'al-jsonl-'))), 'corpus.jsonl');
    fs.writeFileSync(file, first.stdout);
    const target = temp(corpus(false));
    const r = cli('import', '--format', 'jsonl', '--corpus', target, file);
    assert.strictEqual(r.status, 0, r.stderr + r.stdout);
    const again = cli('export', '--format', 'jsonl', target);
    assert.strictEqual(again.stdout, first.stdout);
  });

  it('imports nothing from a file whose spans do not fit the article, says where, and exits 1', () => {
    const source = temp(corpus(true));
    const out = temp(fs.mkdtempSync(path.join(os.tmpdir(), 'al-brat-bad-')));
    assert.strictEqual(cli('export', '--format', 'brat', '--out', out, source).status, 0);
    // The article was edited after the export: the offsets of b.ann no longer point at its names.
    const target = temp(corpus(false));
    fs.writeFileSync(path.join(target, 'later', 'b.txt'), 'Breaking: ' + ARTICLE_B);
    const r = cli('import', '--format', 'brat', '--corpus', target, out);
    assert.strictEqual(r.status, 1);
    assert.match(r.stdout, /b\.ann: not imported:\n {2}line \d+: T\d+ \(\w+ \d+ \d+\) says "[^"]+", the text there is/);
    assert.match(r.stdout, /imported 1 of 2 files/);
    assert.ok(!fs.existsSync(path.join(target, '.article-lens', 'spans', 'later')), 'nothing written for b.txt');
    assert.ok(fs.existsSync(path.join(target, '.article-lens', 'spans', 'a.txt.json')));
  });

  it('adds the spans of another tool (doccano) beside the recogniser\'s, as decisions; --dry-run writes nothing', () => {
    const target = temp(corpus(false));
    const points = [...ARTICLE_B];
    const cp = (s: string) => [...ARTICLE_B.slice(0, ARTICLE_B.indexOf(s))].length;
    assert.strictEqual(points.length, ARTICLE_B.length);
    const line = JSON.stringify({ text: ARTICLE_B, label: [[cp('Austin would'), cp('Austin would') + 6, 'LOC'], [cp('letter'), cp('letter') + 6, 'MISC'], [0, 5, 'WEIRD']] });
    const file = path.join(target, 'doccano.jsonl');
    fs.writeFileSync(file, line + '\n');
    let r = cli('import', '--format', 'doccano', '--corpus', target, '--dry-run', file);
    assert.strictEqual(r.status, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /2 decisions in 1 article/);
    assert.match(r.stdout, /skipped: 1 label WEIRD is no type of Article Lens/);
    assert.ok(!fs.existsSync(path.join(target, '.article-lens')));
    r = cli('import', '--format', 'doccano', '--corpus', target, file);
    assert.strictEqual(r.status, 0, r.stderr + r.stdout);
    const json = JSON.parse(cli('analyze', '--format', 'json', target).stdout) as { documents: { path: string; mentions: { text: string; type: string; confirmed: boolean }[] }[] };
    const b = json.documents.find((d) => d.path.endsWith('b.txt'))!;
    const byText = new Map(b.mentions.map((m) => [m.text, m]));
    assert.deepStrictEqual({ type: byText.get('Austin')?.type, confirmed: byText.get('Austin')?.confirmed }, { type: 'location', confirmed: true });
    assert.strictEqual(byText.get('letter')?.type, 'misc');
    // Added, not replaced: the recogniser's other names stay.
    assert.strictEqual(byText.get('Austin Mercer')?.confirmed, false);
  });

  it('refuses a format it cannot read, a missing file and no format, with exit code 2', () => {
    const target = temp(corpus(false));
    for (const args of [['--format', 'csv', target], ['--format', 'brat', path.join(target, 'nope')], [target]]) {
      const r = cli('import', '--corpus', target, ...args);
      assert.strictEqual(r.status, 2, args.join(' '));
      assert.match(r.stderr, /article-lens: /);
    }
    assert.ok(!fs.existsSync(path.join(target, '.article-lens')));
  });
});

describe('protocol: Import Annotations into the running server', function () {
  this.timeout(60_000);
  let server: TestServer;
  let source: string;
  let exported: string;

  before(async () => {
    source = corpus(true);
    exported = fs.mkdtempSync(path.join(os.tmpdir(), 'al-import-lsp-'));
    assert.strictEqual(cli('export', '--format', 'brat', '--out', exported, source).status, 0);
    server = await startServer(corpus(false));
    await server.indexed;
  });

  after(async () => {
    const folder = server.folder;
    await server.stop();
    for (const f of [source, exported, folder]) fs.rmSync(f, { recursive: true, force: true });
  });

  it('imports a brat export as decisions, after which the server exports what the source corpus does; one undo takes it all back', async () => {
    const result = (await server.connection.sendRequest(IMPORT_REQUEST, { format: 'brat', path: exported } satisfies ImportParams)) as ImportResult;
    assert.strictEqual(result.error, null, result.lines.join('\n'));
    assert.deepStrictEqual(result.files.map((f) => [path.relative(exported, f.file), f.imported]), [['a.ann', true], [path.join('later', 'b.ann'), true]]);
    assert.ok(result.decided > 0 && result.rejected === 1, JSON.stringify(result));
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'al-import-lsp-out-'));
    try {
      const exportedAgain = (await server.connection.sendRequest(EXPORT_REQUEST, { format: 'jsonl', out })) as ExportResult;
      assert.strictEqual(exportedAgain.error, null);
      const expected = cli('export', '--format', 'jsonl', source).stdout.split('\n').map((l) => l.replace(/"path":"[^"]*"/, ''));
      const actual = fs.readFileSync(path.join(out, 'annotations.jsonl'), 'utf8').split('\n').map((l) => l.replace(/"path":"[^"]*"/, ''));
      assert.deepStrictEqual(actual, expected);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
    const undone = (await server.connection.sendRequest('workspace/executeCommand', { command: UNDO_COMMAND, arguments: [] })) as { ok: boolean; message: string };
    assert.ok(undone.ok, undone.message);
    assert.match(undone.message, /undone: imported \d+ decisions/);
    assert.ok(!fs.existsSync(path.join(server.folder, '.article-lens', 'spans', 'a.txt.json')));
  });

  it('answers a format it cannot read, a relative path or a missing file with an error and writes nothing', async () => {
    for (const params of [{ format: 'csv', path: exported }, { format: 'brat', path: 'relative' }, { format: 'brat', path: path.join(exported, 'missing') }, { format: 7, path: exported }]) {
      const result = (await server.connection.sendRequest(IMPORT_REQUEST, params)) as ImportResult;
      assert.ok(result.error, JSON.stringify(params));
    }
    const spans = path.join(server.folder, '.article-lens', 'spans');
    assert.deepStrictEqual(fs.existsSync(spans) ? [...tree(spans).keys()] : [], []);
  });
});
