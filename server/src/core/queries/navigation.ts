// Definition, references and highlights: where else the thing under the cursor is mentioned.
import type { CorpusIndex, EntityInfo, MentionRef } from '../corpus/index';
import type { Span } from '../model';
import { nameKey } from '../resolve/names';
import { targetAt } from './at';
import { type Location, locationOf } from './locations';

/** The defining mention of the entity under the cursor: its first full-name mention in the earliest article. */
export function definition(index: CorpusIndex, uri: string, offset: number): Location | undefined {
  const target = targetAt(index, uri, offset);
  if (!target?.entity) return undefined;
  const ref = definingMention(index, target.entity);
  return ref && locationOf(index, ref);
}

export function definingMention(index: CorpusIndex, entity: EntityInfo): MentionRef | undefined {
  const mentions = index.mentionsOf(entity);
  if (mentions.length === 0) return undefined;
  // The first mention written out in full: the canonical spelling, else the longest spelling used in the earliest article.
  const canonical = nameKey(entity.name);
  const full = mentions.find((r) => nameKey(r.mention.text) === canonical);
  if (full) return full;
  const firstUri = mentions[0].uri;
  let best = mentions[0];
  for (const r of mentions) if (r.uri === firstUri && r.mention.text.length > best.mention.text.length) best = r;
  return best;
}

/** Every mention of the entity or date value under the cursor, across the corpus, in corpus order. */
export function references(index: CorpusIndex, uri: string, offset: number, includeDeclaration = true): Location[] {
  const target = targetAt(index, uri, offset);
  if (!target) return [];
  let refs: MentionRef[];
  if (target.entity) refs = index.mentionsOf(target.entity);
  else if (target.mention.value !== null) refs = index.mentionsOfValue(target.mention.value);
  else refs = [{ uri, mention: target.mention }];
  if (!includeDeclaration && target.entity) {
    const def = definingMention(index, target.entity);
    refs = refs.filter((r) => r !== def);
  }
  return refs.map((r) => locationOf(index, r));
}

export interface Highlight extends Span {
  /** The defining mention is marked as a write, the rest as reads. */
  kind: 'definition' | 'mention';
}

/** Mentions in the current article of the entity or date value under the cursor. */
export function highlights(index: CorpusIndex, uri: string, offset: number): Highlight[] {
  const target = targetAt(index, uri, offset);
  if (!target) return [];
  const { doc, mention, entity } = target;
  const keys = entity ? new Set(entity.keys) : null;
  const def = entity ? definingMention(index, entity) : undefined;
  const out: Highlight[] = [];
  for (const m of doc.analysis.mentions) {
    const same = keys ? m.key !== null && keys.has(m.key) : mention.value !== null ? m.value === mention.value : m === mention;
    if (same) out.push({ start: m.start, end: m.end, kind: def && def.uri === uri && def.mention === m ? 'definition' : 'mention' });
  }
  return out;
}
