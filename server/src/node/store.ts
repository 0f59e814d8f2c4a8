// The user's store on disk, one per workspace folder: `.article-lens/registry.json` and one stand-off file per
// annotated article under `.article-lens/spans/`. Read with problems that point at the line at fault; written
// atomically (temporary file, fsync, rename); a file that could not be read is never overwritten.
import * as fs from 'fs';
import * as path from 'path';
import { EMPTY_REGISTRY, type Registry, parseRegistry, serializeRegistry } from '../core/annotations/registry';
import { type ArticleRecords, parseArticleRecords, serializeArticleRecords } from '../core/annotations/spans';
import type { Severity } from '../core/model';

export const STORE_DIR = '.article-lens';
export const REGISTRY_FILE = 'registry.json';
export const SPANS_DIR = 'spans';

/** A problem in one file of the store, with the 0-based line at fault. */
export interface StoreProblem {
  file: string;
  line: number;
  message: string;
  severity: Severity;
}

export interface FolderStore {
  folder: string;
  /** The registry as read; null when the file is malformed (then nothing may write it). */
  registry: Registry | null;
  /** Stand-off records by article path relative to the folder (`/` separators); malformed files are absent. */
  records: Map<string, ArticleRecords>;
  /** Files that could not be used and must not be overwritten. */
  unwritable: Set<string>;
  problems: StoreProblem[];
}

export function registryPath(folder: string): string {
  return path.join(folder, STORE_DIR, REGISTRY_FILE);
}

/** Where an article's records live: `.article-lens/spans/<article path>.json`. */
export function recordsPath(folder: string, article: string): string {
  return path.join(folder, STORE_DIR, SPANS_DIR, ...article.split('/')) + '.json';
}

/** The article a records file belongs to, or null for a file outside the spans folder. */
export function articleOfRecordsFile(folder: string, file: string): string | null {
  const rel = path.relative(path.join(folder, STORE_DIR, SPANS_DIR), file);
  if (rel.startsWith('..') || path.isAbsolute(rel) || !rel.endsWith('.json')) return null;
  return rel.slice(0, -'.json'.length).split(path.sep).join('/');
}

/** Reads a folder's store; `storeDir` names another store folder than `<folder>/.article-lens`. */
export function loadFolderStore(folder: string, storeDir?: string): FolderStore {
  const dir = storeDir ?? path.join(folder, STORE_DIR);
  const store: FolderStore = { folder, registry: EMPTY_REGISTRY, records: new Map(), unwritable: new Set(), problems: [] };
  const registryFile = path.join(dir, REGISTRY_FILE);
  const registry = readRegistryFile(registryFile);
  store.problems.push(...registry.problems);
  store.registry = registry.registry;
  if (!registry.registry) store.unwritable.add(registryFile);
  for (const file of listJson(path.join(dir, SPANS_DIR))) {
    const article = path.relative(path.join(dir, SPANS_DIR), file).slice(0, -'.json'.length).split(path.sep).join('/');
    const read = readRecordsFile(file, article);
    store.problems.push(...read.problems);
    if (read.records) store.records.set(article, read.records);
    else store.unwritable.add(file);
  }
  return store;
}

export function readRegistryFile(file: string): { registry: Registry | null; problems: StoreProblem[] } {
  const text = readIfPresent(file);
  if (text === undefined) return { registry: EMPTY_REGISTRY, problems: [] };
  if (text === null) return { registry: null, problems: [{ file, line: 0, severity: 'error', message: `cannot read ${file}` }] };
  const parsed = parseRegistry(text);
  return { registry: parsed.value, problems: parsed.problems.map((p) => ({ file, line: p.line ?? 0, severity: p.severity, message: describe(parsed.value === null, p.message) })) };
}

export function readRecordsFile(file: string, article: string): { records: ArticleRecords | null; problems: StoreProblem[] } {
  const text = readIfPresent(file);
  if (text === undefined) return { records: { version: 1, article, records: [] }, problems: [] };
  if (text === null) return { records: null, problems: [{ file, line: 0, severity: 'error', message: `cannot read ${file}` }] };
  const parsed = parseArticleRecords(text, article);
  return { records: parsed.value, problems: parsed.problems.map((p) => ({ file, line: p.line ?? 0, severity: p.severity, message: describe(parsed.value === null, p.message) })) };
}

function describe(fatal: boolean, message: string): string {
  return fatal ? `${message}. Article Lens will not use or overwrite this file until it is fixed.` : message;
}

/** The file's text; undefined when it does not exist; null when it exists but cannot be read. */
export function readIfPresent(file: string): string | null | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR' ? undefined : null;
  }
}

function listJson(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number) => {
    if (depth > 32) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p, depth + 1);
      else if (e.isFile() && e.name.endsWith('.json')) out.push(p);
    }
  };
  walk(dir, 0);
  return out;
}

export const serializeRegistryFile = serializeRegistry;
export const serializeRecordsFile = serializeArticleRecords;

/**
 * Writes a file atomically: a temporary file beside it, flushed to disk, then renamed over it, so a crash leaves
 * the old file or the new one, never half of one. `null` removes the file.
 */
export function writeAtomic(file: string, content: string | null): void {
  if (content === null) {
    fs.rmSync(file, { force: true });
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}
