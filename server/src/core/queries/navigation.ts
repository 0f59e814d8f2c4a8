// Definition, references and highlights: where else the thing under the cursor is mentioned.
import type { CorpusIndex, EntityInfo, MentionRef } from '../corpus/index';
import type { Span } from '../model';
import { nameKey } from '../resolve/names';
import { targetAt } from './at';
import { type Location, locationOf } from './locations';

/**
 * The defining mention of the entity under the cursor: its first full-name mention in the earliest article.
 * On a date, the first mention of that day (or time) in the corpus.
 */
export function definition(index: CorpusIndex, uri: string, offset: number): Location | undefined {
  const target = targetAt(index, uri, offset);
  if (!target) return undefined;
  if (!target.entity) {
    if (target.mention.value === null) return undefined;
    const [first] = index.mentionsOfValue(target.mention.value, target.mention.guessed === true);
    return first && locationOf(index, first);
  }
  const ref = definingMention(index, target.entity);
  return ref && locationOf(index, ref);
}

/** The first mention written out in full (the canonical spelling), else the longest spelling in the earliest article. */
export function definingMention(index: CorpusIndex, entity: EntityInfo): MentionRef | undefined {
  if (entity.definition !== undefined) return entity.definition ?? undefined;
  const canonical = nameKey(entity.name);
  let fallback: MentionRef | undefined;
  let found: MentionRef | undefined;
  // Walk the entity's articles in corpus order and stop at the first full-name mention. The earliest article is
  // usually enough: the others are sorted only when it has none.
  const uris = [...entity.documents.keys()];
  let earliest = uris[0];
  for (const u of uris) if (index.rankOf(u) < index.rankOf(earliest)) earliest = u;
  const rest = () => index.inCorpusOrder(uris.filter((u) => u !== earliest));
  for (const uri of iterateThen(uris.length > 0 ? [earliest] : [], rest)) {
    // Only the entity's own mentions are made final (a search lists a hundred entities, each in another article).
    for (const { mention } of index.mentionsIn(entity, uri)) {
      if (nameKey(mention.text) === canonical) {
        found = { uri, mention };
        break;
      }
      if (!fallback || (fallback.uri === uri && mention.text.length > fallback.mention.text.length)) fallback = { uri, mention };
    }
    if (found) break;
  }
  entity.definition = found ?? fallback ?? null;
  return entity.definition ?? undefined;
}

/** The items of `first`, then those `then` makes (made only if the walk gets that far). */
function* iterateThen<T>(first: readonly T[], then: () => readonly T[]): Generator<T> {
  yield* first;
  yield* then();
}

/** A stretch of the references of one thing, in corpus order: `total` in all, the next stretch from `next` (null: none). */
export interface ReferencePage {
  locations: Location[];
  total: number;
  next: number | null;
}

/**
 * The references (as `references` gives them) from the `from`th, at most `limit`: an entity with tens of thousands
 * of mentions answers its first screenful without walking the rest. Whole articles before `from` are skipped by
 * their mention counts, so a page costs the articles it covers, not those before it.
 */
export function referencesPage(index: CorpusIndex, uri: string, offset: number, includeDeclaration: boolean, from: number, limit: number): ReferencePage {
  const target = targetAt(index, uri, offset);
  if (!target) return { locations: [], total: 0, next: null };
  const { entity, mention } = target;
  let counts: ReadonlyMap<string, number>;
  let inDocument: (uri: string) => MentionRef[];
  if (entity) {
    counts = entity.documents;
    inDocument = (u) => index.mentionsIn(entity, u);
  } else if (mention.value !== null) {
    const value = mention.value;
    const guessed = mention.guessed === true;
    counts = index.documentsWithValue(value, guessed);
    inDocument = (u) => index.mentionsOfValue(value, guessed, [u]);
  } else {
    const only = from > 0 || limit <= 0 ? [] : [{ uri, mention }];
    return { locations: only.map((r) => locationOf(index, r)), total: 1, next: null };
  }
  const def = !includeDeclaration && entity ? definingMention(index, entity) : undefined;
  const isDef = (r: MentionRef) => def !== undefined && r.uri === def.uri && r.mention.start === def.mention.start;
  const uris = index.inCorpusOrder(counts.keys());
  const countOf = (u: string) => counts.get(u)! - (def?.uri === u ? 1 : 0);
  let total = 0;
  for (const u of uris) total += countOf(u);
  // Skip whole articles before `from`, then take articles until the page is full.
  let at = 0;
  let d = 0;
  while (d < uris.length && at + countOf(uris[d]) <= from) at += countOf(uris[d++]);
  const out: MentionRef[] = [];
  const skip = from - at;
  let taken = -skip;
  for (; d < uris.length && taken < limit; d++) {
    for (const r of inDocument(uris[d])) {
      if (isDef(r)) continue;
      if (taken >= 0 && taken < limit) out.push(r);
      taken++;
    }
  }
  const next = from + out.length < total && out.length > 0 ? from + out.length : null;
  return { locations: out.map((r) => locationOf(index, r)), total, next };
}

/** Every mention of the entity or date value under the cursor, across the corpus, in corpus order. */
export function references(index: CorpusIndex, uri: string, offset: number, includeDeclaration = true): Location[] {
  const target = targetAt(index, uri, offset);
  if (!target) return [];
  let refs: MentionRef[];
  if (target.entity) refs = index.mentionsOf(target.entity);
  else if (target.mention.value !== null) refs = index.mentionsOfValue(target.mention.value, target.mention.guessed === true);
  else refs = [{ uri, mention: target.mention }];
  if (!includeDeclaration && target.entity) {
    const def = definingMention(index, target.entity);
    refs = refs.filter((r) => !(def && r.uri === def.uri && r.mention.start === def.mention.start));
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
  const def = entity ? definingMention(index, entity) : undefined;
  const out: Highlight[] = [];
  for (const m of doc.mentions) {
    const same = entity ? m.entity === entity.id : mention.value !== null ? m.value === mention.value : m === mention;
    if (same) out.push({ start: m.start, end: m.end, kind: def && def.uri === uri && def.mention.start === m.start ? 'definition' : 'mention' });
  }
  return out;
}
