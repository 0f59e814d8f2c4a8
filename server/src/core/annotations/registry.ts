// The user's entity registry: decisions that override the recogniser, kept in a human-readable,
// diff-friendly JSON file in the workspace. Parsing never throws; a malformed file is reported, not replaced.
// What this version does not understand (other keys, extra fields, entries it cannot use) is kept as written,
// so saving a decision never drops anything the user or a newer Article Lens put there.
import { isCalendarDay } from '../calendarDay';
import type { Problem, Result } from '../model';

export interface AcceptedSpelling {
  /** The spelling as written in the articles. */
  spelling: string;
  /** The canonical name of the entity it belongs to, when accepted. */
  of: string;
}

/** The user's date for an article file, overriding what the text states. */
export interface ArticleDate {
  /** Path of the article relative to the workspace folder, with `/` separators. */
  article: string;
  /** `YYYY-MM-DD`. */
  date: string;
}

export interface Registry {
  version: 1;
  acceptedSpellings: AcceptedSpelling[];
  articleDates: ArticleDate[];
  /** Everything else in the file, kept as written: other top-level keys, and unusable entries of each list. */
  kept?: { topLevel: Record<string, unknown>; acceptedSpellings: unknown[]; articleDates: unknown[] };
}

export const EMPTY_REGISTRY: Registry = { version: 1, acceptedSpellings: [], articleDates: [] };

const KNOWN = new Set(['version', 'acceptedSpellings', 'articleDates']);

export function parseRegistry(text: string): Result<Registry | null> {
  const problems: Problem[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { value: null, problems: [{ severity: 'error', message: `not valid JSON (${(e as Error).message})` }] };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { value: null, problems: [{ severity: 'error', message: 'expected a JSON object' }] };
  const obj = raw as Record<string, unknown>;
  if (obj.version !== 1) return { value: null, problems: [{ severity: 'error', message: `unknown version ${JSON.stringify(obj.version)}; this Article Lens reads version 1` }] };
  const spellings = obj.acceptedSpellings ?? [];
  const dates = obj.articleDates ?? [];
  if (!Array.isArray(spellings)) return { value: null, problems: [{ severity: 'error', message: '"acceptedSpellings" must be a list' }] };
  if (!Array.isArray(dates)) return { value: null, problems: [{ severity: 'error', message: '"articleDates" must be a list' }] };
  const kept: NonNullable<Registry['kept']> = { topLevel: {}, acceptedSpellings: [], articleDates: [] };
  for (const [k, v] of Object.entries(obj)) if (!KNOWN.has(k)) kept.topLevel[k] = v;

  const acceptedSpellings: AcceptedSpelling[] = [];
  spellings.forEach((item, i) => {
    const e = item as Record<string, unknown>;
    if (e && typeof e.spelling === 'string' && typeof e.of === 'string') acceptedSpellings.push({ ...e, spelling: e.spelling, of: e.of });
    else {
      kept.acceptedSpellings.push(item);
      problems.push({ severity: 'warning', message: `acceptedSpellings[${i}] needs "spelling" and "of" strings; not used (kept in the file)` });
    }
  });
  const articleDates: ArticleDate[] = [];
  dates.forEach((item, i) => {
    const e = item as Record<string, unknown>;
    if (e && typeof e.article === 'string' && isCalendarDay(e.date)) articleDates.push({ ...e, article: e.article, date: e.date });
    else {
      kept.articleDates.push(item);
      problems.push({ severity: 'warning', message: `articleDates[${i}] needs "article" and a "date" that is a day as YYYY-MM-DD; not used (kept in the file)` });
    }
  });
  return { value: { version: 1, acceptedSpellings, articleDates, kept }, problems };
}

/** One entry per line, sorted, so a change is a one-line diff. */
export function serializeRegistry(registry: Registry): string {
  const kept = registry.kept ?? { topLevel: {}, acceptedSpellings: [], articleDates: [] };
  const spellings = [...registry.acceptedSpellings]
    .sort((a, b) => compare(a.of, b.of) || compare(a.spelling, b.spelling))
    .map(({ spelling, of, ...rest }) => JSON.stringify({ spelling, of, ...rest }));
  const dates = [...registry.articleDates].sort((a, b) => compare(a.article, b.article)).map(({ article, date, ...rest }) => JSON.stringify({ article, date, ...rest }));
  const list = (lines: string[]) => (lines.length ? `\n    ${lines.join(',\n    ')}\n  ` : '');
  const others = Object.entries(kept.topLevel).map(([k, v]) => `,\n  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return (
    `{\n  "version": 1,\n  "acceptedSpellings": [${list([...spellings, ...kept.acceptedSpellings.map((e) => JSON.stringify(e))])}],\n` +
    `  "articleDates": [${list([...dates, ...kept.articleDates.map((e) => JSON.stringify(e))])}]${others.join('')}\n}\n`
  );
}

export function withAcceptedSpelling(registry: Registry, spelling: string, of: string): Registry {
  if (registry.acceptedSpellings.some((e) => e.spelling === spelling && e.of === of)) return registry;
  return { ...registry, acceptedSpellings: [...registry.acceptedSpellings, { spelling, of }] };
}

/** Code-point order: the file's line order must not depend on the machine's locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sets (or, with null, removes) the user's date for an article. */
export function withArticleDate(registry: Registry, article: string, date: string | null): Registry {
  const rest = registry.articleDates.filter((e) => e.article !== article);
  return { ...registry, articleDates: date === null ? rest : [...rest, { article, date }] };
}
