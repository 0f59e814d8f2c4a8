// Reads a file of article dates, as a scraper writes one: CSV (`path,date[,title,source]`, a header row optional)
// or JSON lines (`{"path","date","title","source"}`). Every row is checked; a bad one comes back with its line
// and the reason, for a person to fix, and the caller imports the file whole or not at all.
import { parseDate } from '../text/frontMatter';
import { parseCsv } from './formats/csv';

export interface ArticleDateRow {
  /** 1-based line of the file the row starts on. */
  line: number;
  /** The article's path as written (relative to the corpus folder, `/` or `\` separators). */
  path: string;
  /** `YYYY-MM-DD`. */
  date: string;
  title?: string;
  source?: string;
}

export interface ArticleDateRows {
  rows: ArticleDateRow[];
  /** `line N: why`, in file order. */
  problems: string[];
}

export type DatesFormat = 'csv' | 'jsonl';

/** The format by the file's name: `.jsonl`, `.ndjson` and `.json` are JSON lines, anything else CSV. */
export function datesFormatOf(fileName: string): DatesFormat {
  return /\.(?:jsonl|ndjson|json)$/i.test(fileName) ? 'jsonl' : 'csv';
}

/** Column names a header may use for each field. */
const COLUMNS: Record<'path' | 'date' | 'title' | 'source', readonly string[]> = {
  path: ['path', 'file', 'article'],
  date: ['date', 'published', 'published_at', 'publish_date'],
  title: ['title', 'headline'],
  source: ['source', 'url', 'link'],
};

export function readArticleDateRows(text: string, format: DatesFormat): ArticleDateRows {
  const raw = format === 'jsonl' ? jsonLines(text) : csvLines(text);
  const out: ArticleDateRows = { rows: [], problems: [...raw.problems] };
  const seen = new Map<string, ArticleDateRow>();
  for (const r of raw.rows) {
    const why = (message: string) => out.problems.push(`line ${r.line}: ${message}`);
    const path = (r.path ?? '').trim();
    const written = (r.date ?? '').trim();
    if (path === '') {
      why('no article path');
      continue;
    }
    if (written === '') {
      why(`no date for ${path}`);
      continue;
    }
    const date = parseDate(written);
    if (!date) {
      why(`"${written}" is not a date Article Lens can read (write it as YYYY-MM-DD)`);
      continue;
    }
    const key = path.replace(/\\/g, '/').replace(/^\.\//, '');
    const earlier = seen.get(key);
    if (earlier) {
      if (earlier.date !== date) why(`${path} was given ${earlier.date} on line ${earlier.line} and ${date} here`);
      continue;
    }
    const row: ArticleDateRow = { line: r.line, path: key, date };
    const title = r.title?.trim();
    const source = r.source?.trim();
    if (title) row.title = title;
    if (source) row.source = source;
    seen.set(key, row);
    out.rows.push(row);
  }
  out.problems = sortedByLine(out.problems);
  return out;
}

/** Problems written `line N: ...`, in line order (a stable sort keeps a line's own in the order found). */
export function sortedByLine(problems: readonly string[]): string[] {
  const lineOf = (p: string) => Number(/^line (\d+)/.exec(p)?.[1] ?? 0);
  return [...problems].sort((a, b) => lineOf(a) - lineOf(b));
}

interface RawRow {
  line: number;
  path?: string;
  date?: string;
  title?: string;
  source?: string;
}

function csvLines(text: string): { rows: RawRow[]; problems: string[] } {
  const rows: RawRow[] = [];
  const problems: string[] = [];
  const lines = rowLines(text);
  const cells = parseCsv(text);
  let columns: Record<keyof typeof COLUMNS, number> = { path: 0, date: 1, title: 2, source: 3 };
  cells.forEach((row, i) => {
    const line = lines[i] ?? lines[lines.length - 1] ?? 1;
    if (row.every((c) => c.trim() === '')) return;
    if (i === 0) {
      const header = row.map((c) => c.trim().toLowerCase());
      const found = Object.fromEntries(Object.entries(COLUMNS).map(([field, names]) => [field, header.findIndex((h) => names.includes(h))])) as typeof columns;
      if (found.path >= 0 || found.date >= 0) {
        if (found.path < 0 || found.date < 0) problems.push(`line ${line}: the header needs a "path" and a "date" column`);
        columns = found;
        return;
      }
    }
    const at = (k: keyof typeof COLUMNS) => (columns[k] >= 0 ? row[columns[k]] : undefined);
    rows.push({ line, path: at('path'), date: at('date'), title: at('title'), source: at('source') });
  });
  if (problems.length > 0) return { rows: [], problems };
  return { rows, problems };
}

/** The 1-based line each CSV row starts on: a quoted field may hold line breaks. */
function rowLines(text: string): number[] {
  const starts: number[] = [1];
  let line = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      if (!quoted) starts.push(line);
    }
  }
  return starts;
}

function jsonLines(text: string): { rows: RawRow[]; problems: string[] } {
  const rows: RawRow[] = [];
  const problems: string[] = [];
  text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).forEach((source, i) => {
    const line = i + 1;
    if (source.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (e) {
      problems.push(`line ${line}: not valid JSON (${(e as Error).message})`);
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`line ${line}: expected a JSON object with "path" and "date"`);
      return;
    }
    const o = value as Record<string, unknown>;
    const field = (k: keyof typeof COLUMNS): string | undefined => {
      for (const name of COLUMNS[k]) if (typeof o[name] === 'string') return o[name] as string;
      return undefined;
    };
    rows.push({ line, path: field('path'), date: field('date'), title: field('title'), source: field('source') });
  });
  return { rows, problems };
}
