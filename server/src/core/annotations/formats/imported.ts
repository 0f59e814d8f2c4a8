// What every importer does the same way: collect mismatches (and import nothing when there are any), count what
// was skipped, and keep the spans inside the text, sorted and non-overlapping.
import type { ImportedSpan, ImportReport } from './types';

/** Mismatches listed in a report; the rest are counted in one last line. */
const MISMATCHES_SHOWN = 5;

export class ReportBuilder {
  private readonly spans: ImportedSpan[] = [];
  private readonly mismatches: string[] = [];
  private mismatchCount = 0;
  private readonly skipped = new Map<string, number>();

  /** The file read, or the article a record of a stream names. */
  constructor(public file: string) {}

  mismatch(message: string): void {
    if (this.mismatchCount++ < MISMATCHES_SHOWN) this.mismatches.push(message);
  }

  skip(reason: string, count = 1): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + count);
  }

  add(span: ImportedSpan): void {
    this.spans.push(span);
  }

  get hasMismatches(): boolean {
    return this.mismatchCount > 0;
  }

  /** The report; spans outside `textLength` are mismatches, overlapping ones are skipped (the earlier one stays). */
  finish(textLength: number): ImportReport {
    for (const s of this.spans) {
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start < s.end && s.end <= textLength)) {
        this.mismatch(`span ${s.start}-${s.end} (${s.label}) is not inside the text (length ${textLength})`);
      }
    }
    if (this.mismatchCount > MISMATCHES_SHOWN) this.mismatches.push(`... and ${this.mismatchCount - MISMATCHES_SHOWN} more`);
    const skipped = () => [...this.skipped].map(([reason, count]) => ({ reason, count }));
    if (this.mismatchCount > 0) return { file: this.file, spans: [], mismatches: this.mismatches, skipped: skipped() };
    const sorted = [...this.spans].sort((a, b) => a.start - b.start || b.end - a.end);
    const spans: ImportedSpan[] = [];
    for (const s of sorted) {
      if (spans.length > 0 && s.start < spans[spans.length - 1].end) this.skip('overlaps another span');
      else spans.push(s);
    }
    return { file: this.file, spans, mismatches: [], skipped: skipped() };
  }
}

/** A short, readable quote of `text` for a mismatch message. */
export function quote(text: string, max = 40): string {
  const s = text.length > max ? text.slice(0, max - 1) + '…' : text;
  return JSON.stringify(s);
}

/** The article's text as the caller has it (to check a stream's copy against), or undefined to trust the copy. */
export type TextOf = (path: string) => string | undefined;

/** Checks a stream record's copy of the text against the article's; returns the text to import against. */
export function checkText(report: ReportBuilder, path: string | undefined, copy: string, textOf: TextOf | undefined): string {
  const actual = path !== undefined && textOf ? textOf(path) : undefined;
  if (actual === undefined || actual === copy) return copy;
  let at = 0;
  while (at < actual.length && at < copy.length && actual.charCodeAt(at) === copy.charCodeAt(at)) at++;
  report.mismatch(`the text differs from the article's at offset ${at}: ${quote(copy.slice(at, at + 30))} in the file, ${quote(actual.slice(at, at + 30))} in the article`);
  return actual;
}
