// The corpus's dated events in order: every date and time mention with a value, grouped by value,
// each with the entities named near it; values guessed from a file's date are marked, and undated articles listed apart.
import { type CorpusIndex, isDated } from '../corpus/index';
import { type Location, locationOf } from './locations';

export interface TimelineMention {
  location: Location;
  title: string;
  /** The mention as written (`Wednesday`, `Feb. 24`). */
  text: string;
  /** Names of the entities mentioned within the same line, near the date. */
  entities: string[];
  /** The value was counted from the file's date of an article that states none: a guess. */
  guessed: boolean;
}

/** An article whose date is not known: none at all, or only a guess from its file's date. */
export interface UndatedArticle {
  /** Its headline. */
  location: Location;
  title: string;
  /** The file's date its values were guessed from, when the settings allow guessing. */
  guessedDate: string | null;
}

export interface TimelineEntry {
  value: string;
  mentions: TimelineMention[];
}

const NEARBY = 200;
const MAX_ENTITIES = 4;

/** Values sort as ISO strings do: `2022` before `2022-02` before `2022-02-24` before `2022-02-24T05:00`. */
export function timeline(index: CorpusIndex): TimelineEntry[] {
  const byValue = new Map<string, TimelineMention[]>();
  for (const doc of index.documents()) {
    const mentions = doc.mentions;
    mentions.forEach((m, i) => {
      if (m.value === null || (m.type !== 'date' && m.type !== 'time')) return;
      const line = doc.lines.lineOf(m.start);
      const names = new Set<string>();
      for (let j = Math.max(0, i - 12); j < Math.min(mentions.length, i + 13) && names.size < MAX_ENTITIES; j++) {
        const n = mentions[j];
        if (n.entity === null || Math.abs(n.start - m.start) > NEARBY || doc.lines.lineOf(n.start) !== line) continue;
        const e = index.entity(n.entity);
        if (e) names.add(e.name);
      }
      const list = byValue.get(m.value) ?? [];
      list.push({ location: locationOf(index, { uri: doc.uri, mention: m }), title: index.titleOf(doc), text: m.text, entities: [...names], guessed: m.guessed === true });
      byValue.set(m.value, list);
    });
  }
  return [...byValue.keys()].sort().map((value) => ({ value, mentions: byValue.get(value)! }));
}

/** The articles of the corpus with no known date, in corpus order (each article of a file on its own). */
export function undatedArticles(index: CorpusIndex): UndatedArticle[] {
  const out: UndatedArticle[] = [];
  for (const doc of index.documents()) {
    for (const [i, a] of doc.analysis.articles.entries()) {
      if (isDated(a)) continue;
      out.push({ location: { uri: doc.uri, span: a.headline, position: doc.lines.positionAt(a.headline.start) }, title: i === 0 ? index.titleOf(doc) : a.title, guessedDate: a.referenceSource === 'file date' ? a.referenceDate : null });
    }
  }
  return out;
}
