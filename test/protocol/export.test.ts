// `article-lens export` on a folder of our own with a store: every format written, the user's decisions
// marked and alone with --only-confirmed, bad arguments refused with exit code 2 and nothing written.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXPORT_REQUEST, type ExportParams, type ExportResult } from '../../server/src/protocol';
import { EXAMPLES, ROOT, type TestServer, copyCorpus, startServer } from './lspClient';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'export', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ARTICLE_A = 'Harbour talks resume\n\nPORT ELLIS, March 4, 2024 - Mayor Ingrid Dalca met the Coastal Workers Union on Monday. Dalca said the 🚢 Kessel Bridge would reopen in April.\n';
const ARTICLE_B = 'Union warns of strike\n\nThe Coastal Workers Union said on Friday that Ingrid Dalca had not answered its letter about the 𝐊essel quays.\n';

describe('article-lens export', function () {
  this.timeout(60_000);
  let folder: string;

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'al-export-'));
    fs.writeFileSync(path.join(folder, 'a.txt'), ARTICLE_A);
    fs.mkdirSync(path.join(folder, 'later'));
    fs.writeFileSync(path.join(folder, 'later', 'b.txt'), ARTICLE_B);
    fs.mkdirSync(path.join(folder, '.article-lens'));
    const registry = { version: 2, entities: [{ id: 'ingrid-dalca', name: 'Ingrid Dalca', type: 'person', spellings: ['Ingrid Dalca', 'Dalca'], note: 'Mayor since 2022', ids: { wikidata: 'Q1' } }] };
    fs.writeFileSync(path.join(folder, '.article-lens', 'registry.json'), JSON.stringify(registry, null, 2) + '\n');
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('writes JSONL to standard output with the spans of every article at their offsets', () => {
    const r = run('--format', 'jsonl', folder);
    assert.strictEqual(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { text: string; spans: { start: number; end: number; label: string }[]; meta: Record<string, unknown> });
    assert.deepStrictEqual(lines.map((l) => l.text), [ARTICLE_A, ARTICLE_B]);
    // Code points, as Python (spaCy, Prodigy) indexes strings: the emoji before `Kessel Bridge` counts once.
    const covered = lines.flatMap((l) => l.spans.map((s) => [...l.text].slice(s.start, s.end).join('')));
    for (const name of ['Ingrid Dalca', 'Coastal Workers Union', 'Kessel Bridge']) assert.ok(covered.includes(name), `${name} in ${covered.join(', ')}`);
  });

  it('writes brat: a .ann beside a copy of each .txt, whose T lines quote the text at their code-point offsets', () => {
    const out = path.join(folder, '..', path.basename(folder) + '-brat');
    const r = run('--format', 'brat', '--out', out, folder);
    assert.strictEqual(r.status, 0, r.stderr);
    try {
      for (const [rel, text] of [['a', ARTICLE_A], ['later/b', ARTICLE_B]]) {
        assert.strictEqual(fs.readFileSync(path.join(out, `${rel}.txt`), 'utf8'), text);
        const points = [...text];
        const lines = fs.readFileSync(path.join(out, `${rel}.ann`), 'utf8').split('\n').filter((l) => l.startsWith('T'));
        assert.ok(lines.length > 0);
        for (const line of lines) {
          const [, kind, quoted] = line.split('\t');
          const [, ...offsets] = kind.split(' ');
          const fragments = offsets.join(' ').split(';').map((f) => f.split(' ').map(Number));
          assert.strictEqual(fragments.map(([s, e]) => points.slice(s, e).join('')).join(' '), quoted, line);
        }
      }
      assert.ok(fs.existsSync(path.join(out, 'annotation.conf')));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('writes each stream format to DIR/annotations.<ext>', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'al-export-out-'));
    try {
      for (const [format, file] of [['w3c', 'annotations.jsonld'], ['conll', 'annotations.conll'], ['doccano', 'annotations.jsonl'], ['labelstudio', 'annotations.json'], ['csv', 'annotations.csv']]) {
        const r = run('--format', format, '--out', out, folder);
        assert.strictEqual(r.status, 0, `${format}: ${r.stderr}`);
        assert.ok(fs.statSync(path.join(out, file)).size > 0, format);
      }
      const csv = fs.readFileSync(path.join(out, 'annotations.csv'), 'utf8');
      assert.match(csv, /Ingrid Dalca/);
      assert.match(csv, /Mayor since 2022/);
      const conll = fs.readFileSync(path.join(out, 'annotations.conll'), 'utf8');
      assert.match(conll, /-DOCSTART-/);
      assert.match(conll, /Ingrid\s.*B-PER/);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('exports the user\'s decisions alone with --only-confirmed', () => {
    const r = run('--format', 'jsonl', '--only-confirmed', folder);
    assert.strictEqual(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { text: string; spans: { start: number; end: number }[] });
    const covered = lines.flatMap((l) => l.spans.map((s) => [...l.text].slice(s.start, s.end).join('')));
    assert.ok(covered.length > 0);
    assert.ok(covered.every((t) => t === 'Ingrid Dalca' || t === 'Dalca'), covered.join(', '));
  });

  it('refuses a bad format, a per-article format without --out and an --out that is a file, with exit code 2, writing nothing', () => {
    const file = path.join(folder, 'a.txt');
    for (const args of [['--format', 'docx', folder], ['--format', 'brat', folder], ['--format', 'csv', '--out', file, folder], ['--format', 'csv']]) {
      const r = run(...args);
      assert.strictEqual(r.status, 2, args.join(' '));
      assert.match(r.stderr, /article-lens: /);
      assert.strictEqual(r.stdout, '');
    }
    assert.strictEqual(fs.readFileSync(file, 'utf8'), ARTICLE_A);
  });
});

describe('protocol: Export Annotations from the running server', function () {
  this.timeout(60_000);
  let server: TestServer;
  let out: string;

  before(async () => {
    server = await startServer(copyCorpus(EXAMPLES));
    await server.indexed;
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'al-export-lsp-'));
  });

  after(async () => {
    await server.stop();
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('writes the same JSONL as the command line on the same folder', async () => {
    const result = (await server.connection.sendRequest(EXPORT_REQUEST, { format: 'jsonl', out } satisfies ExportParams)) as ExportResult;
    assert.strictEqual(result.error, null);
    assert.strictEqual(result.articles, fs.readdirSync(server.folder).filter((f) => f.endsWith('.txt')).length);
    const cli = run('--format', 'jsonl', server.folder);
    assert.strictEqual(cli.status, 0, cli.stderr);
    assert.strictEqual(fs.readFileSync(path.join(out, 'annotations.jsonl'), 'utf8'), cli.stdout);
  });

  it('writes brat files beside copies of the articles', async () => {
    const result = (await server.connection.sendRequest(EXPORT_REQUEST, { format: 'brat', out } satisfies ExportParams)) as ExportResult;
    assert.strictEqual(result.error, null);
    for (const f of fs.readdirSync(server.folder).filter((n) => n.endsWith('.txt'))) {
      assert.ok(fs.existsSync(path.join(out, f.replace(/\.txt$/, '.ann'))), f);
      assert.strictEqual(fs.readFileSync(path.join(out, f), 'utf8'), fs.readFileSync(path.join(server.folder, f), 'utf8'));
    }
  });

  it('answers a bad format or a relative folder with an error and writes nothing', async () => {
    for (const params of [{ format: 'docx', out }, { format: 'csv', out: 'relative/folder' }, { format: 42, out }]) {
      const result = (await server.connection.sendRequest(EXPORT_REQUEST, params)) as ExportResult;
      assert.ok(result.error, JSON.stringify(params));
      assert.strictEqual(result.files, 0);
    }
    assert.ok(!fs.existsSync(path.join(server.folder, 'relative')));
  });
});
