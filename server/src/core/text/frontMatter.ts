// Reads the YAML front matter at the head of an article file (`---` ... `---`): its span and the
// few flat keys Article Lens uses (date, title, source, author). Not a YAML parser: nested keys,
// lists and block scalars are skipped, and anything it cannot read becomes a problem, never a throw.
import type { Span } from '../model';

export interface FrontMatter {
  /** The whole block, from the opening `---` (after a BOM) to the end of the closing fence's line break. */
  span: Span | null;
  /** `YYYY-MM-DD`, from `date` or else `published`, as written (a timestamp's zone is not applied). */
  date: string | null;
  title: string | null;
  /** From `source` or else `url`. */
  source: string | null;
  author: string | null;
  /** What was there but could not be read, for a person to see. */
  problems: string[];
}

const OPENING = /---[ \t]*(?:\r\n|\r|\n)/y;
/** A closing fence: `---`, or `...` (YAML's end of document). */
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;
const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$/;

export function parseFrontMatter(text: string): FrontMatter {
  const none: FrontMatter = { span: null, date: null, title: null, source: null, author: null, problems: [] };
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  OPENING.lastIndex = start;
  const opening = OPENING.exec(text);
  if (!opening) return none;
  const values = new Map<string, string>();
  const problems: string[] = [];
  let end = -1;
  for (const line of linesFrom(text, OPENING.lastIndex)) {
    if (CLOSING.test(line.text)) {
      end = line.next;
      break;
    }
    readLine(line.text, values, problems);
  }
  if (end < 0) return { ...none, problems: ['The file starts with `---` but no closing `---` line follows, so it has no front matter.'] };
  const date = firstOf(values, 'date', 'published');
  const parsedDate = date === undefined ? null : parseDate(date);
  if (date !== undefined && parsedDate === null) problems.push(`The front matter date "${date}" is not a date Article Lens can read; write it as YYYY-MM-DD.`);
  return {
    span: { start, end },
    date: parsedDate,
    title: firstOf(values, 'title') ?? null,
    source: firstOf(values, 'source', 'url') ?? null,
    author: firstOf(values, 'author') ?? null,
    problems,
  };
}

interface Line {
  text: string;
  /** Offset just past the line's break (the end of the text on the last line). */
  next: number;
}

/** Lines from `from` on, one at a time; CRLF, CR and LF all end a line. */
function* linesFrom(text: string, from: number): Generator<Line> {
  const lineBreak = /\r\n|\r|\n/g;
  lineBreak.lastIndex = from;
  let lineStart = from;
  for (;;) {
    const m = lineBreak.exec(text);
    if (!m) {
      yield { text: text.slice(lineStart), next: text.length };
      return;
    }
    yield { text: text.slice(lineStart, m.index), next: m.index + m[0].length };
    lineStart = m.index + m[0].length;
  }
}

/** Reads one top-level `key: value` line; indented lines (nested keys, list items) and comments are skipped. */
function readLine(line: string, values: Map<string, string>, problems: string[]): void {
  if (/^\s/.test(line) || /^(?:#|-\s|$)/.test(line)) return;
  const m = KEY_LINE.exec(line.trimEnd());
  if (!m) return;
  const key = m[1].toLowerCase();
  if (!WANTED.has(key) || values.has(key)) return;
  const value = scalar(m[2] ?? '');
  if (value === undefined) {
    problems.push(`The front matter key "${m[1]}" has a value Article Lens cannot read; write it on one line.`);
    return;
  }
  if (value !== '') values.set(key, value);
}

const WANTED = new Set(['date', 'published', 'title', 'source', 'url', 'author']);

/** A one-line YAML scalar: quoted, plain, or a flow list of plain names (`[Ann Lee, Bo Wu]`, joined by commas). */
function scalar(raw: string): string | undefined {
  const text = raw.trim();
  if (text === '' || text === '~' || text === 'null') return '';
  if (/^[|>]/.test(text)) return undefined; // a block scalar spans the lines below
  if (text.startsWith('"')) {
    const m = /^"((?:[^"\\]|\\.)*)"\s*(?:#.*)?$/.exec(text);
    return m ? m[1].replace(/\\(.)/g, (_, c: string) => (c === 'n' ? ' ' : c === 't' ? ' ' : c)) : undefined;
  }
  if (text.startsWith("'")) {
    const m = /^'((?:[^']|'')*)'\s*(?:#.*)?$/.exec(text);
    return m ? m[1].replace(/''/g, "'") : undefined;
  }
  if (text.startsWith('[')) {
    const m = /^\[([^\]]*)\]\s*(?:#.*)?$/.exec(text);
    if (!m) return undefined;
    return m[1].split(',').map((item) => scalar(item) ?? '').filter((item) => item !== '').join(', ');
  }
  if (text.startsWith('{')) return undefined;
  return text.replace(/\s+#.*$/, '');
}

function firstOf(values: Map<string, string>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = values.get(key);
    if (value !== undefined) return value;
  }
  return undefined;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/**
 * `2024-03-04`, `2024-03-04T10:00:00Z`, `2024-03-04 10:00`, `2024/03/04`, `March 4, 2024`,
 * `4 March 2024`, with or without a leading weekday; null for anything else or a day that does not exist.
 */
export function parseDate(value: string): string | null {
  const text = value.trim();
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T\s])/.exec(text);
  if (iso) return day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const words = text.replace(/^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i, '');
  const monthFirst = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(words);
  if (monthFirst) return day(Number(monthFirst[3]), monthNumber(monthFirst[1]), Number(monthFirst[2]));
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(words);
  if (dayFirst) return day(Number(dayFirst[3]), monthNumber(dayFirst[2]), Number(dayFirst[1]));
  return null;
}

function monthNumber(word: string): number {
  const lower = word.toLowerCase();
  const month = MONTHS[lower.slice(0, 3)];
  // The whole word must be the month's name or its abbreviation: `Mar`, `Sept`, `March`, not `Marching`.
  const names = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  if (month === undefined || !(names[month - 1].startsWith(lower) && lower.length >= 3)) return 0;
  return month;
}

function day(year: number, month: number, dayOfMonth: number): string | null {
  if (month < 1 || month > 12 || dayOfMonth < 1) return null;
  if (dayOfMonth > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}
