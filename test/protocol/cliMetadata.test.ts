// The command line and article metadata: `article-lens dates import` (checked whole, written atomically, a
// dry run writes nothing) and `analyze` reading front matter (its date wins over the text's, its problems on
// stderr) and Markdown files named on the command line. Our own small corpus in a temporary folder.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from './lspClient';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Report {
  documents: { path: string; referenceDate: string | null; mentions: { text: string; type: string; value: string | null }[] }[];
}

function corpus(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-cli-metadata-'));
  fs.mkdirSync(path.join(folder, 'later'));
  // The text states March 1; the front matter's date wins over it.
  fs.writeFileSync(path.join(folder, 'a.txt'), '---\ndate: 2024-03-11\ntitle: Harbour talks\n---\nHarbour talks\n\nPORT ASTER, March 1, 2024 - The port shut on Sunday.\n');
  fs.writeFileSync(path.join(folder, 'later', 'b.txt'), 'Ferry news\n\nCrews met on Monday.\n');
  fs.writeFileSync(path.join(folder, 'c.md'), '---\npublished: 2024-03-08\n---\n# Crews meet in [Marrow Bay](https://example.org/2020-01-02)\n\nThey met on **Tuesday**.\n');
  fs.writeFileSync(path.join(folder, 'bad.txt'), '---\ndate: soon\n---\nStorm\n\nThe port shut.\n');
  return folder;
}

describe('command line: article metadata', () => {
  let folder: string;
  beforeEach(() => {
    folder = corpus();
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));
  const registry = () => path.join(folder, '.article-lens', 'registry.json');

  it('analyze takes the front matter date over the text and reports one it cannot read', () => {
    const r = run(folder, 'analyze', 'a.txt', 'bad.txt', 'c.md', '--format', 'json');
    assert.strictEqual(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as Report;
    assert.deepStrictEqual(
      report.documents.map((d) => [d.path, d.referenceDate]),
      [['a.txt', '2024-03-11'], ['bad.txt', report.documents[1].referenceDate], ['c.md', '2024-03-08']],
    );
    assert.strictEqual(r.stderr, 'article-lens: bad.txt:1: The front matter date "soon" is not a date Article Lens can read; write it as YYYY-MM-DD.\n');
    assert.deepStrictEqual(report.documents[0].mentions.map((m) => `${m.text}|${m.value}`), ['PORT ASTER|null', 'March 1, 2024|2024-03-01', 'Sunday|2024-03-10']);
    // A Markdown file named on the command line is read as Markdown: no link address, no marks.
    assert.deepStrictEqual(report.documents[2].mentions.map((m) => `${m.text}|${m.type}|${m.value}`), ['Marrow Bay|location|null', 'Tuesday|date|2024-03-05']);
  });

  it('dates import writes the store once, keeping what was there, and analyze then uses the dates', () => {
    fs.mkdirSync(path.join(folder, '.article-lens'));
    fs.writeFileSync(registry(), '{"version":2,"entities":[],"spellings":[],"articleDates":[{"article":"a.txt","date":"2024-01-01","note":"from the archive"}],"mine":1}\n');
    fs.writeFileSync(path.join(folder, 'dates.csv'), 'path,date,title\r\na.txt,2024-03-12,Harbour talks\r\nlater/b.txt,4 March 2024,Port shuts for a day\r\n');
    const dry = run(folder, 'dates', 'import', 'dates.csv', '--dry-run');
    assert.deepStrictEqual([dry.code, dry.stdout], [0, 'dates.csv: would set the date of 2 articles (0 already so), in 1 store file\n(dry run: nothing written)\n']);
    assert.ok(fs.readFileSync(registry(), 'utf8').includes('2024-01-01'), 'a dry run writes nothing');
    const r = run(folder, 'dates', 'import', 'dates.csv');
    assert.deepStrictEqual([r.code, r.stdout, r.stderr], [0, 'dates.csv: set the date of 2 articles (0 already so), in 1 store file\n', '']);
    const written = JSON.parse(fs.readFileSync(registry(), 'utf8'));
    assert.deepStrictEqual(written.articleDates, [
      { article: 'a.txt', date: '2024-03-12', note: 'from the archive', title: 'Harbour talks' },
      { article: 'later/b.txt', date: '2024-03-04', title: 'Port shuts for a day' },
    ]);
    assert.strictEqual(written.mine, 1, 'unknown fields are kept');
    const report = JSON.parse(run(folder, 'analyze', '.', '--format', 'json').stdout) as Report;
    assert.deepStrictEqual(
      report.documents.filter((d) => d.path !== 'bad.txt').map((d) => [d.path, d.referenceDate]),
      [['a.txt', '2024-03-12'], ['later/b.txt', '2024-03-04']],
    );
    // The imported title is the article's title in the report too.
    const titles = report.documents.filter((d) => d.path === 'later/b.txt').map((d) => (d as unknown as { articles: { title: string }[] }).articles[0].title);
    assert.deepStrictEqual(titles, ['Port shuts for a day']);
  });

  it('dates import refuses a file with a bad row, naming its line, and writes nothing', () => {
    fs.writeFileSync(path.join(folder, 'dates.jsonl'), '{"path":"a.txt","date":"2024-03-12"}\n{"path":"nowhere.txt","date":"2024-03-12"}\n{"path":"later/b.txt","date":"the 4th"}\n');
    const r = run(folder, 'dates', 'import', 'dates.jsonl');
    assert.strictEqual(r.code, 1);
    assert.strictEqual(
      r.stderr,
      [
        `article-lens: dates.jsonl: line 2: nowhere.txt is not an article of ${fs.realpathSync(folder)}`,
        'article-lens: dates.jsonl: line 3: "the 4th" is not a date Article Lens can read (write it as YYYY-MM-DD)',
        'article-lens: dates.jsonl: 2 bad rows; nothing was imported',
        '',
      ].join('\n'),
    );
    assert.strictEqual(fs.existsSync(registry()), false);
  });

  it('dates import writes into --store, with paths relative to the folder that holds it', () => {
    const store = path.join(folder, 'elsewhere');
    fs.mkdirSync(store);
    fs.writeFileSync(path.join(folder, 'dates.csv'), 'a.txt,2024-03-13\n');
    const r = run(folder, 'dates', 'import', 'dates.csv', '--store', store);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(path.join(store, 'registry.json'), 'utf8')).articleDates, [{ article: 'a.txt', date: '2024-03-13' }]);
    assert.strictEqual(fs.existsSync(registry()), false);
  });

  it('dates needs a subcommand and one file', () => {
    assert.strictEqual(run(folder, 'dates').code, 2);
    assert.strictEqual(run(folder, 'dates', 'import').code, 2);
    assert.strictEqual(run(folder, 'dates', 'import', 'missing.csv').code, 2);
  });
});
