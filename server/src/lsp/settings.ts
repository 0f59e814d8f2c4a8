// The server's view of the `articleLens.*` settings, with defaults for clients that send none.
import { isCalendarDay } from '../core/calendarDay';
import { type ArticleFilter, DEFAULT_FILTER, DEFAULT_MAX_BYTES } from '../node/files';
import type { DateFallback } from '../node/indexCache';

export interface Settings {
  files: ArticleFilter;
  /** `YYYY-MM-DD` used when an article states no date of its own; null: none (see `dateFallback`). */
  referenceDate: string | null;
  /** `articleLens.dates.fallback`: with `none`, an undated article's relative dates keep no value; `fileDate` guesses from the file's date. */
  dateFallback: DateFallback;
  maxFileBytes: number;
}

export const DEFAULT_SETTINGS: Settings = { files: DEFAULT_FILTER, referenceDate: null, dateFallback: 'none', maxFileBytes: DEFAULT_MAX_BYTES };

/** Reads the `articleLens` section as a client sent it; wrong shapes fall back to defaults with a note. */
export function parseSettings(raw: unknown, problems: string[]): Settings {
  const section = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const files = (section.files && typeof section.files === 'object' ? section.files : {}) as Record<string, unknown>;
  const strings = (v: unknown, name: string, fallback: string[]) => {
    if (v === undefined) return fallback;
    if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return v as string[];
    problems.push(`articleLens.${name} must be a list of glob patterns; using the default`);
    return fallback;
  };
  let referenceDate: string | null = null;
  if (typeof section.referenceDate === 'string' && section.referenceDate.trim() !== '') {
    if (isCalendarDay(section.referenceDate.trim())) referenceDate = section.referenceDate.trim();
    else problems.push(`articleLens.referenceDate must be YYYY-MM-DD, not "${section.referenceDate}"; ignoring it`);
  }
  const dates = (section.dates && typeof section.dates === 'object' ? section.dates : {}) as Record<string, unknown>;
  let dateFallback: DateFallback = 'none';
  if (dates.fallback === 'fileDate') dateFallback = 'fileDate';
  else if (dates.fallback !== undefined && dates.fallback !== 'none') problems.push(`articleLens.dates.fallback must be "none" or "fileDate", not ${JSON.stringify(dates.fallback)}; using "none"`);
  let maxFileBytes = DEFAULT_MAX_BYTES;
  if (typeof section.maxFileSizeMB === 'number' && section.maxFileSizeMB > 0) maxFileBytes = section.maxFileSizeMB * 1024 * 1024;
  return {
    files: { include: strings(files.include, 'files.include', DEFAULT_FILTER.include), exclude: strings(files.exclude, 'files.exclude', DEFAULT_FILTER.exclude) },
    referenceDate,
    dateFallback,
    maxFileBytes,
  };
}
