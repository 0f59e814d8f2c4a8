// What is under the cursor: the one lookup every position-based feature shares.
import type { CorpusIndex, EntityInfo, IndexedDocument } from '../corpus/index';
import type { FinalMention } from '../model';

export interface Target {
  doc: IndexedDocument;
  mention: FinalMention;
  /** Set for names. */
  entity?: EntityInfo;
}

/** The mention whose span contains `offset` (a cursor just after a name still counts), or undefined. */
export function mentionAt(doc: IndexedDocument, offset: number): FinalMention | undefined {
  const mentions = doc.mentions;
  let lo = 0;
  let hi = mentions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = mentions[mid];
    if (offset < m.start) hi = mid - 1;
    else if (offset > m.end) lo = mid + 1;
    else if (offset === m.end && mid + 1 < mentions.length && mentions[mid + 1].start === offset) lo = mid + 1;
    else return m;
  }
  return undefined;
}

export function targetAt(index: CorpusIndex, uri: string, offset: number): Target | undefined {
  const doc = index.get(uri);
  if (!doc) return undefined;
  const mention = mentionAt(doc, offset);
  if (!mention) return undefined;
  return { doc, mention, entity: mention.entity === null ? undefined : index.entity(mention.entity) };
}

/** Mentions overlapping [start, end), in order. */
export function mentionsIn(doc: IndexedDocument, start: number, end: number, mentions: readonly FinalMention[] = doc.mentions): FinalMention[] {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: FinalMention[] = [];
  for (let i = lo; i < mentions.length && mentions[i].start < end; i++) out.push(mentions[i]);
  return out;
}
