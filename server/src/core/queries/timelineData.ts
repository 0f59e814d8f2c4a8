// The timeline view's data: the corpus's dated mentions placed on a day axis, grouped by article or by entity and
// filtered by the entities named near them. Past a number of marks they are summed per day range, so the page draws
// a bounded number of shapes whatever the corpus's size; the groups shown are capped, most mentioned first.
import { articleAt, knownDateOf } from '../corpus/articleDates';
import type { CorpusIndex, IndexedDocument } from '../corpus/index';
import type { EntityType, Mention } from '../model';
import { type Location, locationOf } from './locations';
import { escapePlain } from './markdown';

export type TimelineGrouping = 'article' | 'entity';

export interface TimelineQuery {
  groupBy: TimelineGrouping;
  /** Keeps the mentions with an entity named nearby whose name or a spelling contains it (case-insensitive). */
  filter: string;
  /** Keeps the mentions with an entity of one of these types named nearby; empty: no constraint. */
  types: readonly EntityType[];
  maxGroups: number;
  /** Past this many marks in the groups shown, marks are summed per day range. */
  maxMarks: number;
}

export const DEFAULT_TIMELINE_QUERY: TimelineQuery = { groupBy: 'article', filter: '', types: [], maxGroups: 50, maxMarks: 3000 };

/** One dated mention. `from`/`to` are the days its value covers (inclusive): a day, an ISO week, a month, a year. */
export interface TimelinePoint {
  from: string;
  to: string;
  value: string;
  text: string;
  location: Location;
  /** Its value was counted from the file's date (a guess), not from a date the article or the user gave. */
  guessed: boolean;
  resolution: string;
  /** The article's title, for the mark's tooltip in the by-entity grouping. */
  article: string;
  /** Where the date of the mention's article came from (see TimelineGroup.referenceSource). */
  source: string | null;
}

/** Marks of one group that cover the same days, summed. */
export interface TimelineBin {
  from: string;
  to: string;
  count: number;
  guessed: number;
  /** The first of them in corpus order, where a click goes. */
  location: Location;
}

export interface TimelineGroup {
  /** The article's uri, or the entity's id. */
  id: string;
  label: string;
  /** For an entity. */
  type?: EntityType;
  /** For an article: its (first article's) date and where the date came from (`text`, `metadata`, `user`, `file date`). */
  referenceDate?: string | null;
  referenceSource?: string | null;
  mentions: number;
  points?: TimelinePoint[];
  bins?: TimelineBin[];
}

export interface UndatedArticle {
  uri: string;
  title: string;
  /** The date guessed from the file's date, when that is all the article has. */
  guessedDate: string | null;
  /** Its dated mentions (absolute dates such as `24 February 2022` need no article date). */
  mentions: number;
}

export interface TimelineData {
  query: TimelineQuery;
  aggregated: boolean;
  groups: TimelineGroup[];
  /** Groups past the cap, and their mentions. */
  hiddenGroups: number;
  hiddenMentions: number;
  /** Dated mentions that pass the filter, in all groups (a mention near two entities counts once). */
  totalMentions: number;
  /** In the by-entity grouping without a filter: dated mentions with no name nearby, so in no group. */
  ungrouped: number;
  /** Days covered by the groups shown, or null when nothing is shown. */
  extent: { from: string; to: string } | null;
  /** Articles without a known date (none, or only a guess from the file's date), in corpus order, capped. */
  undated: UndatedArticle[];
  undatedTotal: number;
}

const MAX_UNDATED = 500;
/** A name this close to a date (same line) is taken as what the date is about. */
const NEARBY = 200;
const DAY_MS = 86_400_000;

/** Answers the timeline view's request. Pure: reads the index, writes nothing. */
export function timelineData(index: CorpusIndex, query: TimelineQuery): TimelineData {
  const filter = query.filter.trim().toLowerCase();
  const types = new Set(query.types);
  const constrained = filter !== '' || types.size > 0;
  const passes = entityPredicate(index, filter, types);

  interface Raw {
    doc: IndexedDocument;
    mention: Mention;
    from: number;
    to: number;
  }
  const byGroup = new Map<string, Raw[]>();
  const undated: UndatedArticle[] = [];
  let undatedTotal = 0;
  let totalMentions = 0;
  let ungrouped = 0;
  const needNames = query.groupBy === 'entity' || constrained;
  for (const doc of index.documents()) {
    // Only the dated mentions, and the names' entities and offsets, are read: a question across the corpus makes
    // no whole document final (that would copy every mention of the corpus at each request).
    const dated = index.datedMentionsIn(doc.uri);
    const names = needNames && dated.length > 0 ? index.entityMentionsIn(doc.uri) : [];
    let datedHere = 0;
    for (const m of dated) {
      if (m.type !== 'date' && m.type !== 'time') continue;
      const days = dayRange(m.value!);
      if (!days) continue;
      datedHere++;
      let groups: string[];
      if (needNames) {
        const near = nearbyEntities(doc, names, m.start).filter(passes);
        if (constrained && near.length === 0) continue;
        if (query.groupBy === 'entity' && near.length === 0) {
          ungrouped++;
          totalMentions++;
          continue;
        }
        groups = query.groupBy === 'entity' ? near : [doc.uri];
      } else groups = [doc.uri];
      totalMentions++;
      const raw = { doc, mention: m, from: days.from, to: days.to };
      for (const g of groups) {
        const list = byGroup.get(g);
        if (list) list.push(raw);
        else byGroup.set(g, [raw]);
      }
    }
    // No known date: none at all, or only the file's date standing in for one (a guess).
    if (knownDateOf(doc.analysis) === null) {
      const guessedDate = referenceSourceOf(doc) === 'file date' ? doc.analysis.referenceDate : null;
      undatedTotal++;
      if (undated.length < MAX_UNDATED) undated.push({ uri: doc.uri, title: escapePlain(doc.analysis.title), guessedDate, mentions: datedHere });
    }
  }

  // Most mentioned first; ties in corpus order (articles) or by name (entities), so the answer is stable.
  const order = [...byGroup.keys()];
  const labelOf = (id: string) => (query.groupBy === 'entity' ? (index.entity(id)?.name ?? id) : (index.get(id)?.analysis.title ?? id));
  const rank = new Map(order.map((id, i) => [id, i]));
  order.sort((a, b) => byGroup.get(b)!.length - byGroup.get(a)!.length || (query.groupBy === 'entity' ? compareText(labelOf(a), labelOf(b)) : rank.get(a)! - rank.get(b)!));
  const shown = order.slice(0, Math.max(0, query.maxGroups));
  const hidden = order.slice(shown.length);
  const shownMarks = shown.reduce((n, id) => n + byGroup.get(id)!.length, 0);
  const aggregated = shownMarks > query.maxMarks;

  let min = Infinity;
  let max = -Infinity;
  const groups = shown.map((id): TimelineGroup => {
    const raws = byGroup.get(id)!;
    for (const r of raws) {
      if (r.from < min) min = r.from;
      if (r.to > max) max = r.to;
    }
    const group: TimelineGroup = { id, label: escapePlain(labelOf(id)), mentions: raws.length };
    if (query.groupBy === 'entity') group.type = index.entity(id)?.type;
    else {
      const doc = index.get(id)!;
      group.referenceDate = doc.analysis.referenceDate;
      group.referenceSource = referenceSourceOf(doc);
    }
    if (aggregated) group.bins = binsOf(index, raws);
    else {
      group.points = raws.map((r) => ({
        from: isoDay(r.from),
        to: isoDay(r.to),
        value: r.mention.value!,
        text: escapePlain(r.mention.text),
        location: locationOf(index, { uri: r.doc.uri, mention: r.mention }),
        guessed: isGuessed(r.mention),
        resolution: escapePlain(r.mention.resolution ?? '', 200),
        article: escapePlain(r.doc.analysis.title),
        source: articleAt(r.doc.analysis, r.mention.start)?.referenceSource ?? null,
      }));
    }
    return group;
  });

  return {
    query,
    aggregated,
    groups,
    hiddenGroups: hidden.length,
    hiddenMentions: hidden.reduce((n, id) => n + byGroup.get(id)!.length, 0),
    totalMentions,
    ungrouped,
    extent: groups.length > 0 ? { from: isoDay(min), to: isoDay(max) } : null,
    undated,
    undatedTotal,
  };
}

function binsOf(index: CorpusIndex, raws: { doc: IndexedDocument; mention: Mention; from: number; to: number }[]): TimelineBin[] {
  const bins = new Map<string, { from: number; to: number; count: number; guessed: number; first: (typeof raws)[number] }>();
  for (const r of raws) {
    const key = `${r.from}:${r.to}`;
    const bin = bins.get(key);
    if (bin) {
      bin.count++;
      if (isGuessed(r.mention)) bin.guessed++;
    } else bins.set(key, { from: r.from, to: r.to, count: 1, guessed: isGuessed(r.mention) ? 1 : 0, first: r });
  }
  return [...bins.values()]
    .sort((a, b) => a.from - b.from || a.to - b.to)
    .map((b) => ({ from: isoDay(b.from), to: isoDay(b.to), count: b.count, guessed: b.guessed, location: locationOf(index, { uri: b.first.doc.uri, mention: b.first.mention }) }));
}

/** Ids of the entities named on the same line within NEARBY characters of offset `at` (`names` in text order). */
function nearbyEntities(doc: IndexedDocument, names: readonly { entity: string; start: number }[], at: number): string[] {
  const ids: string[] = [];
  // The first name at or after `at - NEARBY`, by binary search: articles can hold thousands of names.
  let lo = 0;
  let hi = names.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (names[mid].start < at - NEARBY) lo = mid + 1;
    else hi = mid;
  }
  let line = -1;
  for (let j = lo; j < names.length && names[j].start <= at + NEARBY; j++) {
    const n = names[j];
    if (ids.includes(n.entity)) continue;
    if (line === -1) line = doc.lines.lineOf(at);
    if (doc.lines.lineOf(n.start) === line) ids.push(n.entity);
  }
  return ids;
}

function entityPredicate(index: CorpusIndex, filter: string, types: ReadonlySet<EntityType>): (id: string) => boolean {
  const known = new Map<string, boolean>();
  return (id) => {
    let ok = known.get(id);
    if (ok === undefined) {
      const e = index.entity(id);
      ok = e !== undefined && (types.size === 0 || types.has(e.type)) && (filter === '' || e.name.toLowerCase().includes(filter) || e.spellings.some((s) => s.text.toLowerCase().includes(filter)));
      known.set(id, ok);
    }
    return ok;
  };
}

function isGuessed(m: Mention): boolean {
  return m.guessed === true;
}

/** Where the date of the document's (first) article came from: `text`, `metadata`, `user`, `file date`, or null. */
function referenceSourceOf(doc: IndexedDocument): string | null {
  return doc.analysis.articles[0]?.referenceSource ?? null;
}

/** The days (as day numbers since 1970-01-01) an ISO value covers; undefined for a value the axis cannot place. */
export function dayRange(value: string): { from: number; to: number } | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T|$)/.exec(value);
  if (m) {
    const d = dayNumber(+m[1], +m[2], +m[3]);
    return { from: d, to: d };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    // ISO week 1 holds January 4th; weeks start on Monday.
    const jan4 = dayNumber(+m[1], 1, 4);
    const monday = jan4 - ((weekday(jan4) + 6) % 7) + 7 * (+m[2] - 1);
    return { from: monday, to: monday + 6 };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return { from: dayNumber(+m[1], +m[2], 1), to: dayNumber(+m[1], +m[2] + 1, 1) - 1 };
  m = /^(\d{4})$/.exec(value);
  if (m) return { from: dayNumber(+m[1], 1, 1), to: dayNumber(+m[1] + 1, 1, 1) - 1 };
  return undefined;
}

function dayNumber(year: number, month: number, day: number): number {
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  return Math.round(t.getTime() / DAY_MS);
}

function weekday(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

export function isoDay(day: number): string {
  const t = new Date(day * DAY_MS);
  const y = t.getUTCFullYear();
  return `${String(y).padStart(4, '0')}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
