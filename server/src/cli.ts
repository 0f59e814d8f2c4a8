#!/usr/bin/env node
// The command line front end: the same analysis as the language server, without an editor.
import * as fs from 'fs';
import * as path from 'path';
import { ArgReader } from './cliArgs';
import { CorpusIndex } from './core/corpus/index';
import { entityTable, type Format, FORMATS, formatNamed, onlyConfirmed } from './core/annotations/formats';
import { analysisReport, renderReportText } from './core/queries/report';
import { fileUri, loadFile } from './node/corpusLoader';
import { exportCorpusOf, writeExport } from './node/exportCorpus';
import { describePlan, planImport, writePlan } from './node/importAnnotations';
import { findArticles } from './node/files';
import type { DateFallback } from './node/indexCache';
import { loadRecognizers } from './node/recognizers';
import { applyWorkspaceStore, loadWorkspaceStore } from './node/workspace';
import { DATES_HELP, DATES_USAGE, runDates } from './cliDates';

const USAGE = `Usage: article-lens analyze PATH... [--format text|json] [--reference-date YYYY-MM-DD] [--date-fallback none|file-date] [--store DIR]
       article-lens export --format FORMAT [--out DIR] [--only-confirmed] [--iob1] PATH...
       article-lens import --format FORMAT [--corpus DIR] [--add|--replace] [--predictions] [--dry-run] FILE_OR_DIR...
${DATES_USAGE}

  analyze   entities, dates and cross-references of article files and folders
            (folders: every .txt and .article file, skipping node_modules and dot-folders),
            with the user's decisions of each folder's .article-lens/ store applied
  export    the final mentions (the recogniser's and the user's decisions) in FORMAT:
            brat | w3c | conll | jsonl | doccano | label-studio | csv; one stream to standard
            output, or to DIR/annotations.<ext> with --out; brat writes a .ann per article in DIR.
            --only-confirmed: the user's decisions alone; --iob1: CoNLL in IOB1 (default IOB2)
  import    spans made elsewhere (brat | jsonl | doccano | label-studio) into the store of the
            corpus folder (--corpus, default the current folder) as the user's decisions; each
            file is checked against its articles' text and imported whole or not at all.
            --add: beside the recogniser's mentions; --replace: the file lists every mention,
            the others are marked not an entity (the default for files that mark decisions,
            such as Article Lens exports); --predictions: import unconfirmed spans too;
            --dry-run: report, write nothing
${DATES_HELP}
  --date-fallback none|file-date
                for an article that states no date and was given none: leave its relative
                dates without a value (none, the default), or guess them from the file's date,
                marked "guessed": true in the JSON
  --store DIR   read the decisions from DIR (a .article-lens folder) instead; its article
                paths are relative to the folder that holds DIR
`;

interface Options {
  paths: string[];
  format: 'text' | 'json';
  referenceDate: string | null;
  dateFallback: DateFallback;
  store: string | null;
}

function parseArgs(args: string[]): Options | string {
  const opts: Options = { paths: [], format: 'text', referenceDate: null, dateFallback: 'none', store: null };
  const stop = ArgReader.read(args, (a, r) => {
    if (r.is('--format')) {
      const f = r.value('--format');
      if (f !== 'text' && f !== 'json') return `unknown format "${f}": use text or json`;
      opts.format = f;
    } else if (r.is('--reference-date')) opts.referenceDate = r.day('--reference-date');
    else if (r.is('--date-fallback')) {
      const f = r.value('--date-fallback');
      if (f !== 'none' && f !== 'file-date') return `--date-fallback must be none or file-date, not "${f}"`;
      opts.dateFallback = f === 'file-date' ? 'fileDate' : 'none';
    } else if (r.is('--store')) opts.store = r.folder('--store');
    else if (a === '-h' || a === '--help') return '';
    else if (a.startsWith('-')) return `unknown option ${a}`;
    else opts.paths.push(a);
    return undefined;
  });
  if (stop !== undefined) return stop;
  if (opts.paths.length === 0) return 'give at least one file or folder';
  return opts;
}

interface LoadedCorpus {
  index: CorpusIndex;
  /** Articles in the order met, with their file path and their path relative to the argument that found them. */
  articles: { uri: string; file: string; relative: string }[];
  failures: number;
}

/** Reads and analyses the articles of every path, with the user's decisions of each folder's store applied. */
function loadCorpus(opts: Pick<Options, 'paths' | 'referenceDate' | 'store'> & { dateFallback?: DateFallback }): LoadedCorpus {
  const recognizers = loadRecognizers();
  const index = new CorpusIndex({ loadText: readText });
  // The folders given, each with its own store; `--store` names the store of the folder that holds it.
  const folders = opts.paths.filter(isDirectory).map((p) => path.resolve(p));
  if (opts.store) folders.unshift(path.dirname(opts.store));
  const store = loadWorkspaceStore(folders, opts.store ?? undefined);
  for (const p of [...store.problems, ...applyWorkspaceStore(index, store)]) process.stderr.write(`article-lens: ${p.file}:${p.line + 1}: ${p.message}\n`);
  const articles: LoadedCorpus['articles'] = [];
  let failures = 0;
  for (const root of opts.paths) {
    const base = isDirectory(root) ? root : path.dirname(root);
    const files = findArticles(root);
    if (files.length === 0) {
      process.stderr.write(`article-lens: ${root}: no articles found (no such file, or no .txt/.article files)\n`);
      failures++;
      continue;
    }
    for (const file of files) {
      if (index.has(fileUri(file))) continue;
      const outcome = loadFile(file, index, { recognizers, referenceDate: opts.referenceDate, dateFallback: opts.dateFallback ?? 'none', userDateFor: (f) => store.dates.get(path.resolve(f)) ?? null });
      if (!outcome.ok) {
        process.stderr.write(`article-lens: ${outcome.reason}\n`);
        failures++;
        continue;
      }
      if (outcome.warning) process.stderr.write(`article-lens: ${outcome.warning}\n`);
      // The analysis's own problems (a front matter date it cannot read), at their line, as the editor shows them.
      const doc = index.get(outcome.uri);
      for (const p of doc?.analysis.problems ?? []) process.stderr.write(`article-lens: ${file}:${doc!.lines.positionAt(p.span?.start ?? 0).line + 1}: ${p.message}\n`);
      articles.push({ uri: outcome.uri, file, relative: path.relative(base, file).split(path.sep).join('/') });
    }
  }
  return { index, articles, failures };
}

function analyze(opts: Options): number {
  const { index, articles, failures } = loadCorpus(opts);
  const uris = articles.map((a) => a.uri);
  const pathOf = new Map(articles.map((a) => [a.uri, a.file]));
  const report = analysisReport(index, uris, (u) => pathOf.get(u)!);
  process.stdout.write(opts.format === 'json' ? JSON.stringify(report) + '\n' : renderReportText(report));
  return failures > 0 && uris.length === 0 ? 1 : 0;
}

interface ExportOptions {
  paths: string[];
  format: Format;
  out: string | null;
  onlyConfirmed: boolean;
  scheme: 'IOB2' | 'IOB1';
  referenceDate: string | null;
  store: string | null;
}

function parseExportArgs(args: string[]): ExportOptions | string {
  let format: Format | undefined;
  const opts = { paths: [] as string[], out: null as string | null, onlyConfirmed: false, scheme: 'IOB2' as 'IOB2' | 'IOB1', referenceDate: null as string | null, store: null as string | null };
  const names = FORMATS.map((f) => f.name).join('|');
  const stop = ArgReader.read(args, (a, r) => {
    if (r.is('--format')) {
      const f = r.value('--format');
      format = formatNamed(f === 'labelstudio' ? 'label-studio' : f);
      if (!format) return `unknown export format "${f}": use ${names}`;
    } else if (r.is('--out')) opts.out = r.value('--out');
    else if (a === '--only-confirmed') opts.onlyConfirmed = true;
    else if (a === '--iob1') opts.scheme = 'IOB1';
    else if (r.is('--reference-date')) opts.referenceDate = r.day('--reference-date');
    else if (r.is('--store')) opts.store = r.folder('--store');
    else if (a === '-h' || a === '--help') return '';
    else if (a.startsWith('-')) return `unknown option ${a}`;
    else opts.paths.push(a);
    return undefined;
  });
  if (stop !== undefined) return stop;
  if (!format) return `give the export format: --format ${names}`;
  if (opts.paths.length === 0) return 'give at least one file or folder';
  if (format.output === 'per-article' && opts.out === null) return `${format.name} writes one file per article: give --out DIR`;
  if (opts.out !== null && fs.existsSync(opts.out) && !isDirectory(opts.out)) return `--out must name a folder, not the file "${opts.out}"`;
  return { ...opts, format };
}

/** `article-lens export`: the final mentions of the articles in one of the formats other tools read. */
function exportAnnotations(opts: ExportOptions): number {
  const { index, articles, failures } = loadCorpus(opts);
  if (articles.length === 0) return 1;
  const seen = new Set<string>();
  for (const a of articles) {
    if (seen.has(a.relative)) {
      process.stderr.write(`article-lens: two articles would be exported as ${a.relative}: export their folders one at a time\n`);
      return 2;
    }
    seen.add(a.relative);
  }
  let corpus = exportCorpusOf(index, articles.map((a) => ({ uri: a.uri, path: a.relative })));
  if (opts.onlyConfirmed) corpus = onlyConfirmed(corpus);
  const { format } = opts;
  const files: { path: string; content: string }[] = [];
  if (format.output === 'stream') {
    const content = [...format.write(corpus, { scheme: opts.scheme })].join('');
    if (opts.out === null) {
      process.stdout.write(content);
      return failures > 0 ? 1 : 0;
    }
    files.push({ path: `annotations${format.extension}`, content });
  } else {
    // Beside each article's text, as brat wants it: the text is copied unless the export goes beside the article.
    const table = entityTable(corpus.entities);
    const fileOf = new Map(articles.map((a) => [a.relative, a.file]));
    for (const doc of corpus.documents) {
      files.push({ path: format.outputPath(doc.path), content: format.write(doc, table) });
      if (path.resolve(opts.out!, doc.path) !== path.resolve(fileOf.get(doc.path)!)) files.push({ path: doc.path, content: doc.text });
    }
  }
  for (const extra of format.support?.() ?? []) files.push(extra);
  try {
    writeExport(opts.out!, files);
  } catch (e) {
    process.stderr.write(`article-lens: could not write ${opts.out}: ${(e as Error).message}; nothing was written\n`);
    return 1;
  }
  process.stderr.write(`article-lens: exported ${corpus.documents.length} articles, ${corpus.documents.reduce((n, d) => n + d.mentions.length, 0)} mentions, as ${format.name} in ${opts.out}\n`);
  return failures > 0 ? 1 : 0;
}

interface ImportOptions {
  inputs: string[];
  format: Format;
  corpus: string;
  store: string | null;
  mode?: 'add' | 'replace';
  predictions: boolean;
  dryRun: boolean;
}

function parseImportArgs(args: string[]): ImportOptions | string {
  let format: Format | undefined;
  const opts = { inputs: [] as string[], corpus: '.', store: null as string | null, mode: undefined as 'add' | 'replace' | undefined, predictions: false, dryRun: false };
  const names = FORMATS.filter((f) => f.read).map((f) => f.name).join('|');
  const stop = ArgReader.read(args, (a, r) => {
    if (r.is('--format')) {
      const f = r.value('--format');
      format = formatNamed(f === 'labelstudio' ? 'label-studio' : f);
      if (!format || !format.read) return `cannot import the format "${f}": use ${names}`;
    } else if (r.is('--corpus')) opts.corpus = r.folder('--corpus');
    else if (r.is('--store')) opts.store = r.folder('--store');
    else if (a === '--add' || a === '--replace') {
      if (opts.mode !== undefined && opts.mode !== a.slice(2)) return 'give --add or --replace, not both';
      opts.mode = a.slice(2) as 'add' | 'replace';
    } else if (a === '--predictions') opts.predictions = true;
    else if (a === '--dry-run') opts.dryRun = true;
    else if (a === '-h' || a === '--help') return '';
    else if (a.startsWith('-')) return `unknown option ${a}`;
    else opts.inputs.push(a);
    return undefined;
  });
  if (stop !== undefined) return stop;
  if (!format) return `give the format of the files: --format ${names}`;
  if (opts.inputs.length === 0) return 'give at least one file or folder to import';
  for (const input of opts.inputs) if (!fs.existsSync(input)) return `no such file or folder: ${input}`;
  return { ...opts, format };
}

/** `article-lens import`: spans made elsewhere into the corpus folder's store, as the user's decisions. */
function importAnnotations(opts: ImportOptions): number {
  // With --store, the decisions are those of the folder that holds it (its paths are relative to that folder).
  const folder = path.resolve(opts.store ? path.dirname(opts.store) : opts.corpus);
  const { index, articles } = loadCorpus({ paths: [folder], referenceDate: null, store: opts.store });
  if (articles.length === 0) return 1;
  const targets = articles.map((a) => ({ uri: a.uri, folder, relative: path.relative(folder, a.file).split(path.sep).join('/'), text: () => index.get(a.uri)!.text }));
  let failed = 0;
  for (const input of opts.inputs) {
    const plan = planImport(index, targets, opts.format, input, {
      mode: opts.mode,
      predictions: opts.predictions ? 'decide' : 'leave',
      storeOf: opts.store ? () => opts.store! : undefined,
    });
    if (plan.error) {
      process.stderr.write(`article-lens: ${plan.error}\n`);
      failed++;
      continue;
    }
    for (const line of describePlan(plan)) process.stdout.write(`${line}\n`);
    failed += plan.files.filter((f) => !f.imported).length;
    if (opts.dryRun) {
      process.stdout.write(`(dry run: nothing written; ${plan.writes.length} store file${plan.writes.length === 1 ? '' : 's'} would change)\n`);
      continue;
    }
    try {
      writePlan(plan.writes);
    } catch (e) {
      process.stderr.write(`article-lens: could not write the store: ${(e as Error).message}\n`);
      return 1;
    }
    // Later inputs import against the decisions written so far.
    if (opts.inputs.length > 1 && plan.writes.length > 0) {
      const store = loadWorkspaceStore([folder], opts.store ?? undefined);
      applyWorkspaceStore(index, store);
    }
  }
  return failed > 0 ? 1 : 0;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function readText(uri: string): string {
  try {
    return fs.readFileSync(new URL(uri), 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return '';
  }
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'export') {
    const opts = parseExportArgs(rest);
    if (typeof opts !== 'string') return exportAnnotations(opts);
    if (opts === '') {
      process.stdout.write(USAGE);
      return 0;
    }
    process.stderr.write(`article-lens: ${opts}\n\n${USAGE}`);
    return 2;
  }
  if (command === 'dates') return runDates(rest, USAGE);
  if (command === 'import') {
    const opts = parseImportArgs(rest);
    if (typeof opts !== 'string') return importAnnotations(opts);
    if (opts === '') {
      process.stdout.write(USAGE);
      return 0;
    }
    process.stderr.write(`article-lens: ${opts}\n\n${USAGE}`);
    return 2;
  }
  if (command !== 'analyze') {
    process.stderr.write(`article-lens: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  const opts = parseArgs(rest);
  if (typeof opts === 'string') {
    if (opts === '') {
      process.stdout.write(USAGE);
      return 0;
    }
    process.stderr.write(`article-lens: ${opts}\n\n${USAGE}`);
    return 2;
  }
  return analyze(opts);
}

process.exitCode = main(process.argv.slice(2));
