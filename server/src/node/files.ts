// Finding and reading article files on disk, for the server and the command line.
// Reading never throws: a file that cannot be used comes back with a reason a person can read.
import * as fs from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';

export interface ArticleFilter {
  include: string[];
  exclude: string[];
}

export const DEFAULT_FILTER: ArticleFilter = {
  include: ['**/*.txt', '**/*.article'],
  exclude: ['**/node_modules/**', '**/.*/**'],
};

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export type ReadResult =
  | { ok: true; text: string; size: number; mtimeMs: number; warning?: string }
  | { ok: false; reason: string; size?: number; mtimeMs?: number };

export function createMatcher(filter: ArticleFilter): (relativePath: string) => boolean {
  const include = picomatch(filter.include, { dot: true });
  const exclude = filter.exclude.length > 0 ? picomatch(filter.exclude, { dot: true }) : () => false;
  return (rel) => {
    const p = path.sep === '/' ? rel : rel.split(path.sep).join('/');
    return include(p) && !exclude(p);
  };
}

/** Article files under `root` (or `root` itself when it is a file), sorted, following the filter. */
export function findArticles(root: string, filter: ArticleFilter = DEFAULT_FILTER): string[] {
  const matches = createMatcher(filter);
  const excludeDir = filter.exclude.length > 0 ? picomatch(filter.exclude, { dot: true }) : () => false;
  const out: string[] = [];
  let stat: fs.Stats;
  try {
    stat = fs.statSync(root);
  } catch {
    return out;
  }
  if (stat.isFile()) return [root];
  const walk = (dir: string, rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    // Joined by hand: `dir` is already normal (path.join costs more than the rest of the walk at 100,000 files).
    const prefix = dir === '.' ? '' : dir.endsWith(path.sep) ? dir : dir + path.sep;
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      const child = prefix + e.name;
      if (e.isDirectory()) {
        // Prune excluded folders early (node_modules, dot-folders) instead of walking them.
        if (excludeDir(childRel + '/x') || excludeDir(childRel)) continue;
        walk(child, childRel);
      } else if (e.isFile() && matches(childRel)) {
        out.push(child);
      }
    }
  };
  walk(path.normalize(root), '');
  return out.sort();
}

/** Reads an article as text: detects byte-order marks and binary files, falls back from UTF-8 to Windows-1252. */
export function readArticle(file: string, maxBytes = DEFAULT_MAX_BYTES): ReadResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    return { ok: false, reason: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  }
  if (!stat.isFile()) return { ok: false, reason: `${file} is not a file` };
  if (stat.size > maxBytes) {
    return { ok: false, reason: `${file} is ${(stat.size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(0)} MB limit (articleLens.maxFileSizeMB)`, size: stat.size, mtimeMs: stat.mtimeMs };
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { ok: false, reason: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, size: stat.size, mtimeMs: stat.mtimeMs };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, reason: `${file}: ${decoded.reason}`, size: stat.size, mtimeMs: stat.mtimeMs };
  return { ok: true, text: decoded.text, size: stat.size, mtimeMs: stat.mtimeMs, warning: decoded.warning && `${file}: ${decoded.warning}` };
}

export function decodeText(bytes: Uint8Array): { ok: true; text: string; warning?: string } | { ok: false; reason: string } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes.subarray(3)) };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return { ok: false, reason: 'looks like a binary file (it holds NUL bytes), skipped' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), warning: 'is not valid UTF-8; read as Windows-1252' };
  }
}

/** The file's modification day as `YYYY-MM-DD` (local time): the last fallback for an article's reference date. */
export function modificationDay(mtimeMs: number): string {
  const d = new Date(mtimeMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
