// The corpus's dated events in order: every date and time mention with a value, grouped by value,
// each with the entities named near it.
import type { CorpusIndex } from '../corpus/index';
import { type Location, locationOf } from './locations';

export interface TimelineMention {
  location: Location;
  title: string;
  /** The mention as written (`Wednesday`, `Feb. 24`). */
  text: string;
  /** Names of the entities mentioned within the same line, near the date. */
  entities: string[];
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
      list.push({ location: locationOf(index, { uri: doc.uri, mention: m }), title: doc.analysis.title, text: m.text, entities: [...names] });
      byValue.set(m.value, list);
    });
  }
  return [...byValue.keys()].sort().map((value) => ({ value, mentions: byValue.get(value)! }));
}
