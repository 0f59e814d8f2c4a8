// The analysis report of `article-lens analyze`: the stable JSON format other tools read,
// and a readable text rendering of the same facts.
import type { CorpusIndex } from '../corpus/index';
import { type ArticleDateSource, ENTITY_TYPES, type MentionType } from '../model';
import { groupLabel } from './symbols';

export interface ReportMention {
  start: number;
  end: number;
  text: string;
  type: MentionType;
  /** Entity id for names; null for dates and times. */
  entity: string | null;
  value: string | null;
  /** A decision of the user's made or confirmed this mention. */
  confirmed: boolean;
  /** Present (true) only on a date whose value was counted from the file's date (`--date-fallback file-date`). */
  guessed?: true;
}

/** One article of a file (a file may hold several): where it is, its headline, and its date with where that came from. */
export interface ReportArticle {
  start: number;
  end: number;
  title: string;
  referenceDate: string | null;
  referenceSource: ArticleDateSource;
}

export interface ReportDocument {
  path: string;
  /** The first article's date (as `articles[0].referenceDate`). */
  referenceDate: string | null;
  articles: ReportArticle[];
  mentions: ReportMention[];
}

export interface ReportEntity {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  mentions: number;
  documents: number;
  /** The user decided on this entity (it is in the registry). */
  confirmed: boolean;
}

export interface AnalysisReport {
  documents: ReportDocument[];
  entities: ReportEntity[];
}

/** Documents in the order given; entities by mention count, then name. `pathOf` turns a uri into the path to print. */
export function analysisReport(index: CorpusIndex, uris: string[], pathOf: (uri: string) => string): AnalysisReport {
  const documents: ReportDocument[] = [];
  for (const uri of uris) {
    const doc = index.get(uri);
    if (!doc) continue;
    documents.push({
      path: pathOf(uri),
      referenceDate: doc.analysis.referenceDate,
      articles: doc.analysis.articles.map((a, i) => ({ start: a.start, end: a.end, title: i === 0 ? index.titleOf(doc) : a.title, referenceDate: a.referenceDate, referenceSource: a.referenceSource })),
      mentions: doc.mentions.map((m) => ({
        start: m.start, end: m.end, text: m.text, type: m.type, entity: m.entity, value: m.value, confirmed: m.confirmed, ...(m.guessed && m.value !== null ? { guessed: true as const } : {}),
      })),
    });
  }
  const entities = index
    .entities()
    .sort((a, b) => b.mentionCount - a.mentionCount || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : 1))
    .map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: e.spellings.map((s) => s.text).filter((t) => t !== e.name),
      mentions: e.mentionCount,
      documents: e.documents.size,
      confirmed: e.registered !== undefined,
    }));
  return { documents, entities };
}

export function renderReportText(report: AnalysisReport): string {
  const out: string[] = [];
  const paths = new Map<string, string>();
  const entityDocs = new Map<string, Set<string>>();
  let dates = 0;
  for (const d of report.documents) {
    for (const m of d.mentions) {
      if (m.entity === null) {
        dates++;
        continue;
      }
      let set = entityDocs.get(m.entity);
      if (!set) entityDocs.set(m.entity, (set = new Set()));
      set.add(d.path);
    }
    paths.set(d.path, shortName(d.path));
  }
  out.push(`Article Lens: ${report.documents.length} article${report.documents.length === 1 ? '' : 's'}, ${report.entities.length} entities, ${dates} date and time mentions`);
  for (const type of ENTITY_TYPES) {
    const list = report.entities.filter((e) => e.type === type);
    if (list.length === 0) continue;
    out.push('', `${groupLabel(type)} (${list.length})`);
    for (const e of list) {
      const aliases = e.aliases.length > 0 ? ` [also: ${e.aliases.join(', ')}]` : '';
      const where = [...(entityDocs.get(e.id) ?? [])].map((p) => paths.get(p)!).join(', ');
      out.push(`  ${e.name}${aliases}: ${e.mentions} mention${e.mentions === 1 ? '' : 's'} in ${e.documents} article${e.documents === 1 ? '' : 's'} (${where})`);
    }
  }
  const withDates = report.documents.filter((d) => d.mentions.some((m) => m.entity === null));
  if (withDates.length > 0) {
    out.push('', 'Dates and times');
    for (const d of withDates) {
      const list = d.mentions.filter((m) => m.entity === null).map((m) => (m.value ? `${m.text} = ${m.value}${m.guessed ? ' (guessed)' : ''}` : m.text));
      const dated = d.articles.map((a) => (a.referenceDate === null ? 'no date' : a.referenceSource === 'file date' ? `dated ${a.referenceDate}, a guess from the file's date` : `dated ${a.referenceDate}`));
      out.push(`  ${paths.get(d.path)} (${dated.join('; ') || 'no date'}): ${list.join('; ')}`);
    }
  }
  return out.join('\n') + '\n';
}

function shortName(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return p.slice(i + 1);
}
