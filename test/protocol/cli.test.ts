// The command line's JSON report, validated field by field against the documented format, on both corpora.
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXAMPLES, ROOT, SEEDS } from './lspClient';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const TYPES = ['person', 'organization', 'location', 'misc', 'date', 'time'];

function analyzeJson(...args: string[]): unknown {
  return JSON.parse(execFileSync(process.execPath, [CLI, 'analyze', ...args, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}

/** Checks every field of the report against the format in the README; returns the entity ids used by mentions. */
function validateReport(report: unknown, folder: string): void {
  assert.ok(report && typeof report === 'object');
  const r = report as Record<string, unknown>;
  assert.deepStrictEqual(Object.keys(r).sort(), ['documents', 'entities']);
  assert.ok(Array.isArray(r.documents) && Array.isArray(r.entities));
  const entityIds = new Set<string>();
  for (const e of r.entities as Record<string, unknown>[]) {
    assert.deepStrictEqual(Object.keys(e).sort(), ['aliases', 'confirmed', 'documents', 'id', 'mentions', 'name', 'type']);
    assert.strictEqual(typeof e.confirmed, 'boolean');
    assert.ok(typeof e.id === 'string' && e.id.length > 0 && !entityIds.has(e.id), `unique id ${e.id}`);
    entityIds.add(e.id as string);
    assert.ok(typeof e.name === 'string' && e.name.length > 0);
    assert.ok(['person', 'organization', 'location', 'misc'].includes(e.type as string));
    assert.ok(Array.isArray(e.aliases) && e.aliases.every((a) => typeof a === 'string' && a !== e.name));
    assert.ok(Number.isInteger(e.mentions) && (e.mentions as number) >= 1);
    assert.ok(Number.isInteger(e.documents) && (e.documents as number) >= 1 && (e.documents as number) <= (e.mentions as number));
  }
  const used = new Map<string, { mentions: number; docs: Set<string> }>();
  for (const d of r.documents as Record<string, unknown>[]) {
    assert.deepStrictEqual(Object.keys(d).sort(), ['articles', 'mentions', 'path', 'referenceDate']);
    assert.ok(typeof d.path === 'string');
    const text = fs.readFileSync(d.path as string, 'utf8');
    assert.ok(path.resolve(d.path as string).startsWith(path.resolve(folder)));
    assert.ok(d.referenceDate === null || /^\d{4}-\d{2}-\d{2}$/.test(d.referenceDate as string));
    const articles = d.articles as Record<string, unknown>[];
    assert.ok(Array.isArray(articles) && articles.length >= 1, 'at least one article per file');
    assert.strictEqual(d.referenceDate, articles[0].referenceDate, 'the file’s date is its first article’s');
    let articleEnd = 0;
    for (const a of articles) {
      assert.deepStrictEqual(Object.keys(a).sort(), ['end', 'referenceDate', 'referenceSource', 'start', 'title']);
      assert.ok(Number.isInteger(a.start) && Number.isInteger(a.end) && (a.start as number) === articleEnd && (a.end as number) >= (a.start as number), 'articles tile the file');
      articleEnd = a.end as number;
      assert.strictEqual(typeof a.title, 'string');
      assert.ok(a.referenceDate === null || /^\d{4}-\d{2}-\d{2}$/.test(a.referenceDate as string));
      assert.ok(['text', 'metadata', 'user', 'file date', null].includes(a.referenceSource as string | null), `referenceSource ${a.referenceSource}`);
      assert.strictEqual(a.referenceDate === null, a.referenceSource === null, 'a date has a source, and only a date has one');
    }
    assert.strictEqual(articleEnd, text.replace(/^\uFEFF/, '').length);
    let last = -1;
    for (const m of d.mentions as Record<string, unknown>[]) {
      const keys = ['confirmed', 'end', 'entity', 'start', 'text', 'type', 'value', ...('guessed' in m ? ['guessed'] : [])].sort();
      assert.deepStrictEqual(Object.keys(m).sort(), keys);
      if ('guessed' in m) assert.ok(m.guessed === true && m.value !== null, 'guessed only on a value, and only true');
      assert.strictEqual(typeof m.confirmed, 'boolean');
      const start = m.start as number;
      const end = m.end as number;
      assert.ok(Number.isInteger(start) && Number.isInteger(end) && start < end && start >= last, 'sorted, non-overlapping offsets');
      last = end;
      assert.strictEqual(text.slice(start, end), m.text, 'offsets are UTF-16 indices into the file text');
      assert.ok(TYPES.includes(m.type as string));
      if (m.type === 'date' || m.type === 'time') {
        assert.strictEqual(m.entity, null);
        assert.ok(m.value === null || typeof m.value === 'string');
      } else {
        assert.ok(entityIds.has(m.entity as string), `mention entity ${m.entity} is in the table`);
        assert.strictEqual(m.value, null);
        const u = used.get(m.entity as string) ?? { mentions: 0, docs: new Set() };
        u.mentions++;
        u.docs.add(d.path as string);
        used.set(m.entity as string, u);
      }
    }
  }
  for (const e of r.entities as Record<string, unknown>[]) {
    assert.strictEqual(used.get(e.id as string)?.mentions, e.mentions, `${e.id}: mention count matches the mentions`);
    assert.strictEqual(used.get(e.id as string)?.docs.size, e.documents, `${e.id}: document count matches`);
  }
}

describe('command line: analyze', () => {
  it('reports the sample corpus in the documented JSON format', () => {
    const report = analyzeJson(EXAMPLES) as { documents: unknown[]; entities: { documents: number }[] };
    validateReport(report, EXAMPLES);
    assert.ok(report.documents.length >= 8);
    assert.ok(report.entities.some((e) => e.documents >= 3), 'entities shared across articles');
  });

  (fs.existsSync(SEEDS) ? it : it.skip)('reports the seed corpus in the documented JSON format', () => {
    validateReport(analyzeJson(SEEDS), SEEDS);
  });

  it('prints a readable text report by default', () => {
    const out = execFileSync(process.execPath, [CLI, 'analyze', EXAMPLES], { encoding: 'utf8' });
    assert.match(out, /^Article Lens: \d+ articles, \d+ entities/);
    assert.match(out, /\nPeople \(\d+\)\n/);
  });

  it('gives clear messages for bad input and keeps going', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-cli-'));
    try {
      fs.writeFileSync(path.join(dir, 'good.txt'), 'Helena Marsh visited Port Aster on Monday.\n');
      fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
      fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('Jos\xe9 Mar\xeda visited M\xe1laga.\n', 'latin1'));
      const run = spawnSync(process.execPath, [CLI, 'analyze', dir, '--format', 'json'], { encoding: 'utf8' });
      assert.strictEqual(run.status, 0);
      assert.match(run.stderr, /binary\.txt: looks like a binary file/);
      assert.match(run.stderr, /latin1\.txt: is not valid UTF-8; read as Windows-1252/);
      const report = JSON.parse(run.stdout) as { documents: { path: string; mentions: { text: string }[] }[] };
      assert.deepStrictEqual(report.documents.map((d) => path.basename(d.path)), ['good.txt', 'latin1.txt']);
      assert.ok(report.documents[1].mentions.some((m) => m.text.includes('é') || m.text.includes('á')), 'accents decoded');
      const missing = spawnSync(process.execPath, [CLI, 'analyze', path.join(dir, 'nope')], { encoding: 'utf8' });
      assert.strictEqual(missing.status, 1);
      assert.match(missing.stderr, /nope: no articles found/);
      const badFlag = spawnSync(process.execPath, [CLI, 'analyze', dir, '--format', 'xml'], { encoding: 'utf8' });
      assert.strictEqual(badFlag.status, 2);
      assert.match(badFlag.stderr, /unknown format "xml"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('command line: article dates', () => {
  // Two articles pasted into one file (blank lines, then a headline block that repeats its headline): the first
  // dated by its dateline, the second stating no date.
  const TWO = [
    'Harbour pilots end their dispute',
    '',
    'PORT ASTER, May 6, 2024 - Harbour pilots ended their dispute on Friday after talks with the port.',
    '',
    '',
    '',
    'Ferry crews ask for a new rota',
    '',
    'Ferry crews ask for a new rota',
    '',
    'Ferry crews asked for a new rota on Tuesday, their union said.',
    '',
  ].join('\n');
  /** Noon on Monday 30 November 2026, local time: when the file was "downloaded". */
  const FILE_TIME = new Date(2026, 10, 30, 12, 0, 0);

  interface Doc {
    referenceDate: string | null;
    articles: { start: number; end: number; title: string; referenceDate: string | null; referenceSource: string | null }[];
    mentions: { text: string; value: string | null; guessed?: true }[];
  }

  function withFile(run: (dir: string, file: string) => void): void {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-cli-dates-'));
    try {
      const file = path.join(dir, 'two.txt');
      fs.writeFileSync(file, TWO);
      fs.utimesSync(file, FILE_TIME, FILE_TIME);
      run(dir, file);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  const dates = (d: Doc) => Object.fromEntries(d.mentions.filter((m) => m.value !== null || /day$/.test(m.text)).map((m) => [m.text, `${m.value}${m.guessed ? ' guessed' : ''}`]));

  it('reports each article of a file with its own span, title, date and where the date came from', () => {
    withFile((dir, file) => {
      const report = analyzeJson(file) as { documents: Doc[] };
      validateReport(report, dir);
      const [doc] = report.documents;
      const second = TWO.indexOf('Ferry crews ask for a new rota');
      assert.deepStrictEqual(doc.articles, [
        { start: 0, end: second, title: 'Harbour pilots end their dispute', referenceDate: '2024-05-06', referenceSource: 'text' },
        { start: second, end: TWO.length, title: 'Ferry crews ask for a new rota', referenceDate: null, referenceSource: null },
      ]);
      assert.strictEqual(doc.referenceDate, '2024-05-06');
      // By default the undated article's weekday has no value: nothing is guessed from the file's date.
      assert.deepStrictEqual(dates(doc), { 'May 6, 2024': '2024-05-06', Friday: '2024-05-03', Tuesday: 'null' });
    });
  });

  it('--date-fallback file-date guesses from the file date, says so per article and marks the guessed values', () => {
    withFile((dir, file) => {
      const report = analyzeJson(file, '--date-fallback', 'file-date') as { documents: Doc[] };
      validateReport(report, dir);
      const [doc] = report.documents;
      assert.deepStrictEqual(doc.articles.map((a) => [a.referenceDate, a.referenceSource]), [['2024-05-06', 'text'], ['2026-11-30', 'file date']]);
      assert.deepStrictEqual(dates(doc), { 'May 6, 2024': '2024-05-06', Friday: '2024-05-03', Tuesday: '2026-11-24 guessed' });
      const bad = spawnSync(process.execPath, [CLI, 'analyze', file, '--date-fallback', 'mtime'], { encoding: 'utf8' });
      assert.strictEqual(bad.status, 2);
      assert.match(bad.stderr, /--date-fallback must be none or file-date, not "mtime"/);
    });
  });

  it('a front matter date is "metadata", and its title the first article\'s', () => {
    withFile((dir) => {
      const file = path.join(dir, 'clipped.txt');
      fs.writeFileSync(file, ['---', 'date: 2024-04-02', 'title: Dock talks resume', '---', 'Dockworkers met port owners on Tuesday.', ''].join('\n'));
      const doc = (analyzeJson(file, '--date-fallback', 'file-date') as { documents: Doc[] }).documents[0];
      assert.deepStrictEqual(doc.articles.map((a) => [a.title, a.referenceDate, a.referenceSource]), [['Dock talks resume', '2024-04-02', 'metadata']]);
      assert.deepStrictEqual(dates(doc), { Tuesday: '2024-04-02' }, 'nothing guessed');
    });
  });

  it('a date the user gave is "user": --reference-date for the undated article, the store for the whole file', () => {
    withFile((dir, file) => {
      const given = (analyzeJson(file, '--reference-date', '2024-05-08', '--date-fallback', 'file-date') as { documents: Doc[] }).documents[0];
      assert.deepStrictEqual(given.articles.map((a) => [a.referenceDate, a.referenceSource]), [['2024-05-06', 'text'], ['2024-05-08', 'user']]);
      assert.deepStrictEqual(dates(given), { 'May 6, 2024': '2024-05-06', Friday: '2024-05-03', Tuesday: '2024-05-07' }, 'nothing guessed');
      fs.mkdirSync(path.join(dir, '.article-lens'));
      fs.writeFileSync(path.join(dir, '.article-lens', 'registry.json'), JSON.stringify({ version: 2, entities: [], spellings: [], articleDates: [{ article: 'two.txt', date: '2024-05-10' }] }));
      const stored = (analyzeJson(dir) as { documents: Doc[] }).documents[0];
      assert.deepStrictEqual(stored.articles.map((a) => [a.referenceDate, a.referenceSource]), [['2024-05-10', 'user'], ['2024-05-10', 'user']]);
      assert.strictEqual(dates(stored).Tuesday, '2024-05-07');
    });
  });
});
