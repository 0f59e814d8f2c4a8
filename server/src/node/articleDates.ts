// Setting the user's date of many articles at once (a scraper's file of dates, several files picked in the
// Explorer): one registry write per workspace folder, planned in full before anything is written, so a bad row
// or an unreadable registry leaves every store as it was. The same plan serves the server and the command line.
import * as fs from 'fs';
import * as path from 'path';
import { type ArticleDateRow, type DatesFormat, datesFormatOf, readArticleDateRows, sortedByLine } from '../core/annotations/articleDateRows';
import { type Registry, serializeRegistry } from '../core/annotations/registry';
import { readIfPresent, readRegistryFile, REGISTRY_FILE, STORE_DIR, writeAtomic } from './store';

export interface DatedFile {
  /** Absolute path of the article. */
  file: string;
  /** `YYYY-MM-DD`, or null to clear the user's date. */
  date: string | null;
  title?: string;
  source?: string;
}

export interface StoreFolder {
  folder: string;
  /** The store folder, when not `<folder>/.article-lens` (the command line's `--store`). */
  storeDir?: string;
}

export interface DatesPlan {
  /** Null when the plan may be written; else why nothing may be. */
  error: string | null;
  writes: { file: string; before: string | null; after: string | null }[];
  /** Articles whose entry changed, and those already so. */
  changed: number;
  unchanged: number;
}

function inside(folder: string, file: string): string | null {
  const rel = path.relative(folder, file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? null : rel.split(path.sep).join('/');
}

/** Plans the registry writes that give each file its date (and title and source, kept beside it in the entry). */
export function planArticleDates(folders: readonly StoreFolder[], files: readonly DatedFile[]): DatesPlan {
  const byFolder = new Map<StoreFolder, { article: string; entry: DatedFile }[]>();
  for (const entry of files) {
    const folder = folders.find((f) => inside(f.folder, entry.file) !== null);
    if (!folder) return { error: `${entry.file} is not inside a workspace folder; nothing was written`, writes: [], changed: 0, unchanged: 0 };
    const list = byFolder.get(folder) ?? [];
    list.push({ article: inside(folder.folder, entry.file)!, entry });
    byFolder.set(folder, list);
  }
  const plan: DatesPlan = { error: null, writes: [], changed: 0, unchanged: 0 };
  for (const [folder, entries] of byFolder) {
    const file = path.join(folder.storeDir ?? path.join(folder.folder, STORE_DIR), REGISTRY_FILE);
    const read = readRegistryFile(file);
    if (!read.registry) return { error: `${file} cannot be used (${read.problems[0]?.message ?? 'unreadable'}); nothing was written`, writes: [], changed: 0, unchanged: 0 };
    let registry: Registry = read.registry;
    for (const { article, entry } of entries) {
      const next = withDatedArticle(registry, article, entry);
      if (next === registry) plan.unchanged++;
      else plan.changed++;
      registry = next;
    }
    const before = readIfPresent(file) ?? null;
    const after = serializeRegistry(registry);
    if (after !== before && registry !== read.registry) plan.writes.push({ file, before, after });
  }
  return plan;
}

/** The registry with the article's entry set (its other fields kept), or the same registry when nothing changes. */
function withDatedArticle(registry: Registry, article: string, entry: DatedFile): Registry {
  const existing = registry.articleDates.find((e) => e.article === article);
  const rest = registry.articleDates.filter((e) => e !== existing);
  if (entry.date === null) return existing ? { ...registry, articleDates: rest } : registry;
  const next = { ...(existing ?? {}), article, date: entry.date, ...(entry.title ? { title: entry.title } : {}), ...(entry.source ? { source: entry.source } : {}) };
  if (existing && JSON.stringify(existing) === JSON.stringify({ ...existing, ...next })) return registry;
  return { ...registry, articleDates: [...rest, next] };
}

export interface DatesImport {
  /** Null when the file may be imported; else why nothing was (the bad rows are in `problems`). */
  error: string | null;
  problems: string[];
  rows: ArticleDateRow[];
  plan: DatesPlan | null;
}

/**
 * Reads a file of dates and plans its import. A row's path is relative to the first folder that holds an
 * article there (`isArticle`), or an absolute path inside a folder. Any bad row refuses the whole file.
 */
export function planDatesImport(text: string, format: DatesFormat, folders: readonly StoreFolder[], isArticle: (file: string) => boolean): DatesImport {
  const read = readArticleDateRows(text, format);
  const problems = [...read.problems];
  const files: DatedFile[] = [];
  for (const row of read.rows) {
    const candidates = path.isAbsolute(row.path) ? [path.normalize(row.path)] : folders.map((f) => path.join(f.folder, ...row.path.split('/')));
    const file = candidates.find((c) => folders.some((f) => inside(f.folder, c) !== null) && isArticle(c));
    if (!file) {
      problems.push(`line ${row.line}: ${row.path} is not an article of ${folders.length === 1 ? folders[0].folder : 'the workspace'}`);
      continue;
    }
    files.push({ file, date: row.date, title: row.title, source: row.source });
  }
  problems.splice(0, problems.length, ...sortedByLine(problems));
  if (problems.length > 0) return { error: `${problems.length} bad row${problems.length === 1 ? '' : 's'}; nothing was imported`, problems, rows: read.rows, plan: null };
  if (files.length === 0) return { error: 'the file holds no rows of dates', problems, rows: read.rows, plan: null };
  const plan = planArticleDates(folders, files);
  return { error: plan.error, problems, rows: read.rows, plan };
}

/** Reads the file of dates (its format by its name) and plans its import; a file that cannot be read is the error. */
export function planDatesImportFile(input: string, folders: readonly StoreFolder[], isArticle: (file: string) => boolean): DatesImport {
  let text: string;
  try {
    text = fs.readFileSync(input, 'utf8');
  } catch (e) {
    return { error: `cannot read ${input}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, problems: [], rows: [], plan: null };
  }
  return planDatesImport(text, datesFormatOf(input), folders, isArticle);
}

/** A person's report of an import, one line each: the bad rows, or what was (or would be) set. */
export function describeDatesImport(input: string, result: DatesImport, dryRun: boolean): string[] {
  const lines = result.problems.map((p) => `${input}: ${p}`);
  if (result.error) return [...lines, `${input}: ${result.error}`];
  const plan = result.plan!;
  const verb = dryRun ? 'would set' : 'set';
  return [...lines, `${input}: ${verb} the date of ${plan.changed} article${plan.changed === 1 ? '' : 's'} (${plan.unchanged} already so), in ${plan.writes.length} store file${plan.writes.length === 1 ? '' : 's'}`];
}

/** Writes a plan's files, each atomically; on a failure the ones written are put back. */
export function writeDatesPlan(plan: DatesPlan): void {
  const done: DatesPlan['writes'] = [];
  try {
    for (const w of plan.writes) {
      writeAtomic(w.file, w.after);
      done.push(w);
    }
  } catch (e) {
    for (const w of done) writeAtomic(w.file, w.before);
    throw e;
  }
}
