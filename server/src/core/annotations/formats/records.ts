// Reading the formats whose records carry their own copy of the text (JSON lines, doccano, Label Studio): each
// record becomes one report, its copy is checked against the article's text, and its code point spans are
// converted and checked against the copy.
import type { MentionType } from '../../model';
import { offsetMap } from './codePoints';
import { ReportBuilder, checkText, quote, type TextOf } from './imported';
import { typeOfLabel } from './labels';
import type { ImportReport } from './types';

/** A span as a record has it, before any check. */
export interface RawSpan {
  start: unknown;
  end: unknown;
  label: unknown;
  /** The covered text, when the format repeats it. */
  text?: unknown;
  confirmed?: boolean;
}

export type Unit = 'codePoints' | 'utf16';

export interface RecordSource {
  /** The article's path the record names, if any. */
  path: string | undefined;
  /** The record's copy of the article text. */
  text: string;
  /** Its spans, or null when the record is left out as a whole (after a mismatch or skip was noted). */
  spans: RawSpan[] | null;
}

export function importRecord(name: string, textOf: TextOf | undefined, read: (report: ReportBuilder) => RecordSource | null, unit: Unit = 'codePoints'): ImportReport {
  const report = new ReportBuilder(name);
  const source = read(report);
  if (!source) return report.finish(0);
  if (source.path !== undefined) report.file = source.path;
  const text = checkText(report, source.path, source.text, textOf);
  if (source.spans) addSpans(report, source.spans, source.text, unit);
  return { ...report.finish(text.length), text: source.text };
}

/** One report per non-blank line; a line that is not a JSON object with a "text" string is a mismatch of its own. */
export function importJsonLines(file: string, content: string, textOf: TextOf | undefined, read: (report: ReportBuilder, record: Record<string, unknown>) => RawSpan[] | null, unit?: Unit): ImportReport[] {
  const reports: ImportReport[] = [];
  content.split(/\r?\n/).forEach((line, n) => {
    if (line.trim() === '') return;
    reports.push(
      importRecord(`${file}:${n + 1}`, textOf, (report) => {
        const record = parseObject(report, line, `line ${n + 1}`);
        if (!record) return null;
        return { path: pathOf(record, record.meta), text: record.text as string, spans: read(report, record) };
      }, unit),
    );
  });
  return reports;
}

function parseObject(report: ReportBuilder, line: string, where: string): Record<string, unknown> | null {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (e) {
    report.mismatch(`${where} is not valid JSON (${(e as Error).message})`);
    return null;
  }
  if (!isObject(record) || typeof record.text !== 'string') {
    report.mismatch(`${where} is not an object with a "text" string`);
    return null;
  }
  return record;
}

export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** `meta.path`, else a top-level `path` (doccano flattens metadata). */
export function pathOf(record: Record<string, unknown>, meta: unknown): string | undefined {
  const path = isObject(meta) && typeof meta.path === 'string' ? meta.path : record.path;
  return typeof path === 'string' ? path : undefined;
}

/** The list under `key`: missing is empty, anything else but a list is a mismatch (and null). */
export function listOf(report: ReportBuilder, record: Record<string, unknown>, key: string): unknown[] | null {
  const list = record[key];
  if (list === undefined) return [];
  if (Array.isArray(list)) return list;
  report.mismatch(`"${key}" is not a list`);
  return null;
}

/** Converts spans counted in `unit` on `text` into the report, checking each. */
function addSpans(report: ReportBuilder, spans: RawSpan[], text: string, unit: Unit): void {
  const map = offsetMap(text);
  const toUtf16 = unit === 'utf16' ? (x: number) => x : map.toUtf16;
  for (const s of spans) {
    if (!isOffset(s.start) || !isOffset(s.end) || typeof s.label !== 'string') {
      report.mismatch(`span ${JSON.stringify([s.start, s.end, s.label])} needs offsets (integers from 0) and a label`);
      continue;
    }
    // `| 0` keeps them small integers: a heap number (JSON's `12.0`) stored in `start` would turn that field of
    // every `{ start, end, ... }` object in the process (tokens, mentions) to doubles, and everything slower.
    const start = toUtf16(s.start | 0);
    const end = toUtf16(s.end | 0);
    if (typeof s.text === 'string' && s.text !== text.slice(start, end)) {
      report.mismatch(`span ${s.start}-${s.end} says ${quote(s.text)}, the text there is ${quote(text.slice(start, end))}`);
      continue;
    }
    const label: MentionType | null = typeOfLabel(s.label);
    if (label === null) report.skip(`label ${s.label} is no type of Article Lens`);
    else report.add(s.confirmed === undefined ? { start, end, label } : { start, end, label, confirmed: s.confirmed });
  }
}

function isOffset(x: unknown): x is number {
  return Number.isInteger(x) && (x as number) >= 0 && (x as number) < 2 ** 30;
}
