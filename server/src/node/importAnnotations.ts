// Importing annotations made elsewhere (or exported by Article Lens) into the user's store, the same way for the
// command line and the language server: read each input file with its format's reader, find the articles it is
// about, check every span against their text, and plan the store files to write. A file whose spans do not fit
// its articles (or names an article the workspace does not have) is reported and imports nothing: all or nothing
// per file. Nothing is written here; the caller writes the plan atomically, file by file, registry first.
import * as fs from 'fs';
import * as path from 'path';
import type { Format, ImportedSpan, ImportReport } from '../core/annotations/formats';
import { addCounts, type ImportChoices, type ImportCounts, importIntoArticle, NO_COUNTS } from '../core/annotations/importDecisions';
import type { Registry } from '../core/annotations/registry';
import type { ArticleRecords } from '../core/annotations/spans';
import { textHash } from '../core/annotations/anchor';
import type { CorpusIndex } from '../core/corpus/index';
import { REGISTRY_FILE, SPANS_DIR, STORE_DIR, readIfPresent, readRecordsFile, readRegistryFile, serializeRecordsFile, serializeRegistryFile, writeAtomic } from './store';

/** An article the import may write decisions for. */
export interface ImportArticle {
  uri: string;
  /** The workspace folder whose store keeps its decisions. */
  folder: string;
  /** Its path relative to that folder, `/` separators. */
  relative: string;
  /** Its text (read when needed: a server holds few texts in memory). */
  text(): string;
}

export interface ImportFileReport {
  /** The input file. */
  file: string;
  imported: boolean;
  /** How the file was taken: its spans beside the recogniser's, or as every mention of its articles. */
  mode: ImportChoices['mode'];
  articles: number;
  counts: ImportCounts;
  /** Why nothing was imported, first few, for a person to read. */
  problems: string[];
  skipped: { reason: string; count: number }[];
}

export interface StoreWrite {
  file: string;
  before: string | null;
  after: string | null;
}

export interface ImportPlan {
  files: ImportFileReport[];
  writes: StoreWrite[];
  counts: ImportCounts;
  /** Set when nothing at all can be imported (an unusable store file, no input file). */
  error?: string;
}

export interface PlanOptions {
  /** Overrides the mode each file implies (replace for files that mark decisions, else add). */
  mode?: ImportChoices['mode'];
  predictions?: ImportChoices['predictions'];
  /** The store folder of a workspace folder (default `<folder>/.article-lens`). */
  storeOf?: (folder: string) => string;
}

const PROBLEMS_SHOWN = 5;
/** An input folder deeper than this is not walked further (a symlink loop). */
const MAX_DEPTH = 32;

export function planImport(index: CorpusIndex, articles: readonly ImportArticle[], format: Format, input: string, options: PlanOptions = {}): ImportPlan {
  if (!format.read) return { files: [], writes: [], counts: NO_COUNTS, error: `${format.name} cannot be imported; import brat, jsonl, doccano or label-studio` };
  const inputs = inputFiles(input, format.extension);
  const inputRoot = path.resolve(input);
  if (inputs === null) return { files: [], writes: [], counts: NO_COUNTS, error: `no such file or folder: ${input}` };
  if (inputs.length === 0) return { files: [], writes: [], counts: NO_COUNTS, error: `no ${format.extension} file in ${input}` };
  const byRelative = new Map<string, ImportArticle[]>();
  for (const a of articles) {
    const key = withoutExtension(a.relative);
    const list = byRelative.get(key);
    if (list) list.push(a);
    else byRelative.set(key, [a]);
  }
  // Articles by the hash of their text, made on first need (a record that names no known path).
  let hashes: Map<string, ImportArticle> | null = null;
  const byText = (text: string): ImportArticle | undefined => {
    if (!hashes) {
      hashes = new Map();
      for (const a of articles) {
        const h = textHash(a.text());
        if (!hashes.has(h)) hashes.set(h, a);
      }
    }
    const found = hashes.get(textHash(text));
    return found && found.text() === text ? found : undefined;
  };
  const byPath = new Map(articles.map((a) => [a.relative, a]));
  const storeOf = options.storeOf ?? ((folder: string) => path.join(folder, STORE_DIR));

  // The store's files as read now, changed as the import goes, written at the end.
  const registries = new Map<string, { file: string; before: string | null; read: string; registry: Registry }>();
  const records = new Map<string, { file: string; before: string | null; read: string; records: ArticleRecords }>();
  const registryOf = (folder: string): Registry | string => {
    const known = registries.get(folder);
    if (known) return known.registry;
    const file = path.join(storeOf(folder), REGISTRY_FILE);
    const read = readRegistryFile(file);
    if (!read.registry) return `${file} cannot be used (${read.problems[0]?.message ?? 'unreadable'})`;
    registries.set(folder, { file, before: readIfPresent(file) ?? null, read: serializeRegistryFile(read.registry), registry: read.registry });
    return read.registry;
  };
  const recordsOf = (a: ImportArticle): ArticleRecords | string => {
    const known = records.get(a.uri);
    if (known) return known.records;
    const file = path.join(storeOf(a.folder), SPANS_DIR, ...a.relative.split('/')) + '.json';
    const read = readRecordsFile(file, a.relative);
    if (!read.records) return `${file} cannot be used (${read.problems[0]?.message ?? 'unreadable'})`;
    records.set(a.uri, { file, before: readIfPresent(file) ?? null, read: serializeRecordsFile(read.records), records: read.records });
    return read.records;
  };

  const reports: ImportFileReport[] = [];
  let total = { ...NO_COUNTS };
  for (const { file, relative } of inputs) {
    const report: ImportFileReport = { file, imported: false, mode: 'add', articles: 0, counts: { ...NO_COUNTS }, problems: [], skipped: [] };
    reports.push(report);
    const problem = (message: string) => report.problems.push(message);
    let content: string;
    try {
      content = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    } catch (e) {
      problem(`cannot read it: ${(e as Error).message}`);
      continue;
    }
    // Each report of the file with the article it is about.
    const found: { article: ImportArticle; read: ImportReport }[] = [];
    if (format.output === 'per-article') {
      const article = articleOfAnnotationFile(file, relative, byRelative, byText);
      if (!article) {
        problem(`no article of the workspace is ${withoutExtension(relative)}.txt (or has the text of the .txt beside it)`);
        continue;
      }
      found.push({ article, read: format.read(file, content, article.text()) });
    } else {
      const textOf = (p: string) => byPath.get(p)?.text();
      for (const read of format.read(file, content, textOf)) {
        const article = byPath.get(read.file) ?? (read.text !== undefined ? byText(read.text) : undefined);
        for (const m of read.mismatches) problem(read.file === file ? m : `${read.file}: ${m}`);
        if (article) found.push({ article, read });
        else if (read.mismatches.length === 0) problem(`${read.file}: no article of the workspace has this path or this text`);
      }
    }
    if (format.output === 'per-article') for (const { read } of found) for (const m of read.mismatches) problem(m);
    const skipped = new Map<string, number>();
    for (const { read } of found) for (const s of read.skipped) skipped.set(s.reason, (skipped.get(s.reason) ?? 0) + s.count);
    // Two records of one article in a file: the first is taken.
    const seen = new Set<string>();
    const taken = found.filter(({ article }) => {
      if (seen.has(article.uri)) {
        skipped.set('another record of the same article', (skipped.get('another record of the same article') ?? 0) + 1);
        return false;
      }
      seen.add(article.uri);
      return true;
    });
    report.skipped = [...skipped].map(([reason, count]) => ({ reason, count }));
    if (report.problems.length > 0) {
      trim(report.problems);
      continue;
    }
    // A file that marks which spans a person decided (an Article Lens export, Label Studio's annotations) lists
    // every mention of its articles: the others are predictions, and what it leaves out was rejected.
    const marks = taken.some(({ read }) => read.spans.some((s) => s.confirmed !== undefined)) || declaresConfirmed(file, inputRoot, format);
    report.mode = options.mode ?? (marks ? 'replace' : 'add');
    const choices: ImportChoices = { mode: report.mode, predictions: options.predictions ?? 'leave' };
    // Planned on copies: a failure in any article leaves the file's changes out entirely.
    const regDraft = new Map<string, Registry>();
    const recDraft = new Map<string, ArticleRecords>();
    let counts = { ...NO_COUNTS };
    for (const { article, read } of taken) {
      const registry = regDraft.get(article.folder) ?? registryOf(article.folder);
      const recs = recDraft.get(article.uri) ?? recordsOf(article);
      if (typeof registry === 'string' || typeof recs === 'string') {
        problem(typeof registry === 'string' ? registry : (recs as string));
        break;
      }
      const spans: ImportedSpan[] = marks ? read.spans.map((s) => (s.confirmed === undefined ? { ...s, confirmed: false } : s)) : read.spans;
      const done = importIntoArticle(index, article.uri, article.text(), spans, { registry, records: recs }, choices);
      if ('error' in done) {
        problem(`${article.relative}: ${done.error}`);
        break;
      }
      regDraft.set(article.folder, done.registry);
      recDraft.set(article.uri, done.records);
      counts = addCounts(counts, done.counts);
    }
    if (report.problems.length > 0) continue;
    for (const [folder, registry] of regDraft) registries.get(folder)!.registry = registry;
    for (const [uri, recs] of recDraft) records.get(uri)!.records = recs;
    report.imported = true;
    report.articles = taken.length;
    report.counts = counts;
    total = addCounts(total, counts);
  }

  // Only files the import changed are written (a file as the user formatted it is left alone otherwise).
  const writes: StoreWrite[] = [];
  for (const r of registries.values()) {
    const after = serializeRegistryFile(r.registry);
    if (after !== r.read) writes.push({ file: r.file, before: r.before, after });
  }
  for (const r of records.values()) {
    const after = serializeRecordsFile(r.records);
    if (after === r.read) continue;
    const kept = r.records.kept;
    const empty = r.records.records.length === 0 && (kept?.records.length ?? 0) === 0 && Object.keys(kept?.topLevel ?? {}).length === 0;
    writes.push({ file: r.file, before: r.before, after: empty ? null : after });
  }
  return { files: reports, writes, counts: total };
}

/** Writes a plan's files, registries first (records may name an entity a registry gains). */
export function writePlan(writes: readonly StoreWrite[]): void {
  for (const w of writes) writeAtomic(w.file, w.after);
}

/** A person's summary of a plan, one line per file and a total. */
export function describePlan(plan: ImportPlan): string[] {
  const lines: string[] = [];
  for (const f of plan.files) {
    if (!f.imported) {
      lines.push(`${f.file}: not imported:`);
      for (const p of f.problems) lines.push(`  ${p}`);
    } else lines.push(`${f.file}: ${describeCounts(f.counts, f.articles)}${f.mode === 'replace' ? ' (the file lists every mention of its articles)' : ''}`);
    if (f.skipped.length > 0) lines.push(`  skipped: ${f.skipped.map((s) => `${s.count} ${s.reason}`).join('; ')}`);
  }
  const imported = plan.files.filter((f) => f.imported).length;
  lines.push(`imported ${imported} of ${plan.files.length} file${plan.files.length === 1 ? '' : 's'}: ${describeCounts(plan.counts)}`);
  return lines;
}

function describeCounts(c: ImportCounts, articles?: number): string {
  const parts = [`${c.decided} decision${c.decided === 1 ? '' : 's'}`];
  if (articles !== undefined) parts[0] += ` in ${articles} article${articles === 1 ? '' : 's'}`;
  if (c.rejected > 0) parts.push(`${c.rejected} recognised mention${c.rejected === 1 ? '' : 's'} not in the file marked not an entity`);
  if (c.entities > 0) parts.push(`${c.entities} entit${c.entities === 1 ? 'y' : 'ies'} named, noted or created`);
  if (c.predictionsAgree > 0) parts.push(`${c.predictionsAgree} unconfirmed span${c.predictionsAgree === 1 ? '' : 's'} the recogniser finds too`);
  if (c.predictionsDiffer > 0) parts.push(`${c.predictionsDiffer} unconfirmed span${c.predictionsDiffer === 1 ? '' : 's'} the recogniser does not find, left out (--predictions to import them)`);
  return parts.join(', ');
}

function trim(problems: string[]): void {
  if (problems.length > PROBLEMS_SHOWN) problems.splice(PROBLEMS_SHOWN, problems.length - PROBLEMS_SHOWN, `... and ${problems.length - PROBLEMS_SHOWN} more`);
}

/** The input's files of the format (a folder is walked, skipping dot-folders and node_modules); null if absent. */
function inputFiles(input: string, extension: string): { file: string; relative: string }[] | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input);
  } catch {
    return null;
  }
  if (!stat.isDirectory()) return [{ file: path.resolve(input), relative: path.basename(input) }];
  const root = path.resolve(input);
  const out: { file: string; relative: string }[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > MAX_DEPTH) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && e.name !== 'node_modules') walk(p, depth + 1);
      } else if (e.isFile() && e.name.endsWith(extension)) out.push({ file: p, relative: path.relative(root, p).split(path.sep).join('/') });
    }
  };
  walk(root, 0);
  return out;
}

function withoutExtension(p: string): string {
  return p.replace(/\.[^./]*$/, '');
}

/** The article a `.ann` is about: the one at its path, else the one with the text of the `.txt` beside it. */
function articleOfAnnotationFile(file: string, relative: string, byRelative: ReadonlyMap<string, ImportArticle[]>, byText: (text: string) => ImportArticle | undefined): ImportArticle | undefined {
  const beside = readIfPresent(file.replace(/\.[^./\\]*$/, '.txt'));
  const text = typeof beside === 'string' ? beside.replace(/^\uFEFF/, '') : undefined;
  const candidates = byRelative.get(withoutExtension(relative)) ?? [];
  if (candidates.length === 1) return candidates[0];
  if (text !== undefined) return candidates.find((a) => a.text() === text) ?? byText(text);
  return candidates[0];
}

/**
 * A brat folder whose `annotation.conf` declares the `Confirmed` attribute marks the user's decisions (as exports
 * do). brat reads the nearest `annotation.conf` up the folders; the search stops at the folder imported.
 */
function declaresConfirmed(file: string, root: string, format: Format): boolean {
  if (format.name !== 'brat') return false;
  for (let dir = path.dirname(file), k = 0; k < MAX_DEPTH; k++) {
    const conf = readIfPresent(path.join(dir, 'annotation.conf'));
    if (typeof conf === 'string') return /^\[attributes\][^[]*^Confirmed\b/m.test(conf);
    const up = path.dirname(dir);
    if (dir === root || up === dir || path.relative(root, up).startsWith('..')) break;
    dir = up;
  }
  return false;
}
