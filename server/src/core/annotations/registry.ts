// The user's entity registry: decisions that override the recogniser, kept in a human-readable,
// diff-friendly JSON file in the workspace. Parsing never throws; a malformed file is reported, not replaced.
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
}

export const EMPTY_REGISTRY: Registry = { version: 1, acceptedSpellings: [], articleDates: [] };

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function parseRegistry(text: string): Result<Registry | null> {
  const problems: Problem[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { value: null, problems: [{ severity: 'error', message: `not valid JSON (${(e as Error).message})` }] };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { value: null, problems: [{ severity: 'error', message: 'expected a JSON object' }] };
  const obj = raw as Record<string, unknown>;
  if (obj.version !== 1) return { value: null, problems: [{ severity: 'error', message: `unknown version ${JSON.stringify(obj.version)}; this Article Lens reads version 1` }] };
  const list = obj.acceptedSpellings ?? [];
  if (!Array.isArray(list)) return { value: null, problems: [{ severity: 'error', message: '"acceptedSpellings" must be a list' }] };
  const acceptedSpellings: AcceptedSpelling[] = [];
  list.forEach((item, i) => {
    const e = item as Record<string, unknown>;
    if (e && typeof e.spelling === 'string' && typeof e.of === 'string') acceptedSpellings.push({ spelling: e.spelling, of: e.of });
    else problems.push({ severity: 'warning', message: `acceptedSpellings[${i}] needs "spelling" and "of" strings; ignored` });
  });
  const dates = obj.articleDates ?? [];
  if (!Array.isArray(dates)) return { value: null, problems: [{ severity: 'error', message: '"articleDates" must be a list' }] };
  const articleDates: ArticleDate[] = [];
  dates.forEach((item, i) => {
    const e = item as Record<string, unknown>;
    if (e && typeof e.article === 'string' && typeof e.date === 'string' && DAY.test(e.date)) articleDates.push({ article: e.article, date: e.date });
    else problems.push({ severity: 'warning', message: `articleDates[${i}] needs "article" and a "date" as YYYY-MM-DD; ignored` });
  });
  return { value: { version: 1, acceptedSpellings, articleDates }, problems };
}

/** One entry per line, sorted, so a change is a one-line diff. */
export function serializeRegistry(registry: Registry): string {
  const spellings = [...registry.acceptedSpellings]
    .sort((a, b) => a.of.localeCompare(b.of) || a.spelling.localeCompare(b.spelling))
    .map((e) => JSON.stringify({ spelling: e.spelling, of: e.of }));
  const dates = [...registry.articleDates].sort((a, b) => a.article.localeCompare(b.article)).map((e) => JSON.stringify({ article: e.article, date: e.date }));
  const list = (lines: string[]) => (lines.length ? `\n    ${lines.join(',\n    ')}\n  ` : '');
  return `{\n  "version": 1,\n  "acceptedSpellings": [${list(spellings)}],\n  "articleDates": [${list(dates)}]\n}\n`;
}

/** Sets (or, with null, removes) the user's date for an article. */
export function withArticleDate(registry: Registry, article: string, date: string | null): Registry {
  const rest = registry.articleDates.filter((e) => e.article !== article);
  return { ...registry, articleDates: date === null ? rest : [...rest, { article, date }] };
}

export function withAcceptedSpelling(registry: Registry, spelling: string, of: string): Registry {
  if (registry.acceptedSpellings.some((e) => e.spelling === spelling && e.of === of)) return registry;
  return { ...registry, acceptedSpellings: [...registry.acceptedSpellings, { spelling, of }] };
}
