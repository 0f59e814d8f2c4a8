// Stand-off records of one article (`.article-lens/spans/<article>.json`): the user's decisions on single
// mentions, each with its offsets, the quoted text with context and a hash of the text it was placed on, so it
// re-attaches after the article is edited. One record per line; unknown fields and entries are kept as written.
import { MENTION_TYPES, type MentionType, type Problem, type Result, isEntityType } from '../model';
import { isEntityId } from './registry';
import { lineOfEntry, parseJsonObject } from './jsonLines';

export type SpanDecision =
  /** A mention of this type here: retypes the recogniser's mention, or adds one where it found none. */
  | { decision: 'type'; type: MentionType }
  /** Not an entity (nor a date) here. */
  | { decision: 'reject' }
  /** This mention belongs to that registry entity (merged into it, or split out into it). */
  | { decision: 'entity'; entity: string }
  /** The value of a date or time mention, or null for "no exact value". */
  | { decision: 'value'; value: string | null };

export type SpanRecord = SpanDecision & {
  id: string;
  start: number;
  end: number;
  /** The quoted text and up to 32 characters of context either side, as it was when the record was placed. */
  exact: string;
  prefix: string;
  suffix: string;
  /** Hash of the whole article text the offsets were placed on. */
  hash: string;
  [unknown: string]: unknown;
};

export interface ArticleRecords {
  version: 1;
  /** The article's path relative to the workspace folder, with `/` separators. */
  article: string;
  records: SpanRecord[];
  kept?: { topLevel: Record<string, unknown>; records: unknown[] };
}

const KNOWN = new Set(['version', 'article', 'records']);
const DATE_VALUE = /^\d{4}(?:-(?:\d{2}(?:-\d{2}(?:T\d{2}:\d{2})?)?|W\d{2}))?$/;

export function isDateValue(v: unknown): v is string {
  return typeof v === 'string' && DATE_VALUE.test(v);
}

export function parseArticleRecords(text: string, article: string): Result<ArticleRecords | null> {
  const parsed = parseJsonObject(text);
  if ('problem' in parsed) return { value: null, problems: [parsed.problem] };
  const { source, object: obj } = parsed;
  if (obj.version !== 1) return { value: null, problems: [{ severity: 'error', message: `unknown version ${JSON.stringify(obj.version)}; this Article Lens reads version 1`, line: lineOfEntry(source, 'version') }] };
  if (!Array.isArray(obj.records)) return { value: null, problems: [{ severity: 'error', message: '"records" must be a list', line: lineOfEntry(source, 'records') }] };
  const problems: Problem[] = [];
  const kept: NonNullable<ArticleRecords['kept']> = { topLevel: {}, records: [] };
  for (const [k, v] of Object.entries(obj)) if (!KNOWN.has(k)) kept.topLevel[k] = v;
  const records: SpanRecord[] = [];
  const ids = new Set<string>();
  obj.records.forEach((item, i) => {
    const why = recordProblem(item as Record<string, unknown>, ids);
    if (why) {
      kept.records.push(item);
      problems.push({ severity: 'warning', message: `records[${i}] ${why}; not used (kept in the file)`, line: lineOfEntry(source, 'records', i) });
      return;
    }
    ids.add((item as SpanRecord).id);
    records.push(item as SpanRecord);
  });
  return { value: { version: 1, article, records, kept }, problems };
}

function recordProblem(r: Record<string, unknown> | null, ids: Set<string>): string | null {
  if (!r || typeof r !== 'object' || Array.isArray(r)) return 'is not an object';
  if (typeof r.id !== 'string' || r.id === '') return 'needs an "id"';
  if (ids.has(r.id)) return `repeats the id "${r.id}"`;
  if (!Number.isInteger(r.start) || !Number.isInteger(r.end) || (r.start as number) < 0 || (r.end as number) <= (r.start as number)) return 'needs integer "start" < "end"';
  if (typeof r.exact !== 'string' || r.exact.length !== (r.end as number) - (r.start as number)) return 'needs the quoted "exact" text, as long as the span';
  if (typeof r.prefix !== 'string' || typeof r.suffix !== 'string' || typeof r.hash !== 'string') return 'needs "prefix", "suffix" and "hash" strings';
  switch (r.decision) {
    case 'type':
      return MENTION_TYPES.includes(r.type as MentionType) ? null : '"type" must be person, organization, location, misc, date or time';
    case 'reject':
      return null;
    case 'entity':
      return isEntityId(r.entity) ? null : 'needs the "entity" id it belongs to';
    case 'value':
      return r.value === null || isDateValue(r.value) ? null : '"value" must be an ISO date (2024-03-04, 2024-03, 2024, 2024-W10, 2024-03-04T05:00) or null';
    default:
      return '"decision" must be type, reject, entity or value';
  }
}

/** One record per line, in text order; known fields first. */
export function serializeArticleRecords(file: ArticleRecords): string {
  const kept = file.kept ?? { topLevel: {}, records: [] };
  const lines = [...file.records]
    .sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1))
    .map(({ id, start, end, decision, type, entity, value, exact, prefix, suffix, hash, ...rest }) =>
      JSON.stringify({ id, start, end, decision, type, entity, value, exact, prefix, suffix, hash, ...rest }),
    );
  const all = [...lines, ...kept.records.map((r) => JSON.stringify(r))];
  const others = Object.entries(kept.topLevel).map(([k, v]) => `,\n  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n  "version": 1,\n  "article": ${JSON.stringify(file.article)},\n  "records": [${all.length ? `\n    ${all.join(',\n    ')}\n  ` : ''}]${others.join('')}\n}\n`;
}

/** An id not yet used in the file: `r1`, `r2`, ... */
export function nextRecordId(file: ArticleRecords): string {
  let max = 0;
  for (const r of file.records) {
    const m = /^r(\d+)$/.exec(r.id);
    if (m) max = Math.max(max, +m[1]);
  }
  return `r${max + 1}`;
}

/** A record decides on names (not dates) when it types as a name, rejects, or assigns an entity. */
export function isNameDecision(r: SpanRecord): boolean {
  return r.decision === 'entity' || r.decision === 'reject' || (r.decision === 'type' && isEntityType(r.type));
}
