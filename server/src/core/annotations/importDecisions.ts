// What an import changes in the user's store, for one article: the spans another tool (or an Article Lens export)
// read back from a file become the user's decisions on the article, as if the user had made each one in the
// editor. Pure, like actions.ts: the corpus as it is, the spans and the store's files in; the new files and counts
// out. Which spans are decisions, and whether the file lists every mention of the article, the caller says.
import type { CorpusIndex } from '../corpus/index';
import { type EntityType, type Span, isEntityType } from '../model';
import { pin, withPlacements, withRecord } from './actions';
import type { ImportedSpan } from './formats/types';
import { type Registry, type RegistryEntity, withEntity } from './registry';
import type { ArticleRecords } from './spans';

export interface ImportChoices {
  /**
   * `add`: the spans are decisions beside what the recogniser found; `replace`: the file lists every mention of the
   * article, so a mention of the recogniser's that no span of the file touches is marked not an entity.
   */
  mode: 'add' | 'replace';
  /** Spans the file marks as unconfirmed (another tool's predictions): left to the recogniser, or taken as decisions. */
  predictions: 'leave' | 'decide';
}

export interface ImportCounts {
  /** Spans written as decisions. */
  decided: number;
  /** The recogniser's mentions marked not an entity because the file does not list them (replace mode). */
  rejected: number;
  /** Unconfirmed spans the recogniser finds the same way: nothing to write. */
  predictionsAgree: number;
  /** Unconfirmed spans the recogniser does not find the same way: left to the recogniser, and counted. */
  predictionsDiffer: number;
  /** Registry entities created or given a name, note or external id by the file. */
  entities: number;
}

export const NO_COUNTS: ImportCounts = { decided: 0, rejected: 0, predictionsAgree: 0, predictionsDiffer: 0, entities: 0 };

export function addCounts(a: ImportCounts, b: ImportCounts): ImportCounts {
  return { decided: a.decided + b.decided, rejected: a.rejected + b.rejected, predictionsAgree: a.predictionsAgree + b.predictionsAgree, predictionsDiffer: a.predictionsDiffer + b.predictionsDiffer, entities: a.entities + b.entities };
}

export interface ImportedArticle {
  registry: Registry;
  records: ArticleRecords;
  counts: ImportCounts;
}

/**
 * The store's files after importing `spans` (sorted, non-overlapping, checked against `text`) into the article at
 * `uri`. Records already in the store stay, except where an imported decision lies on the same words.
 */
export function importIntoArticle(index: CorpusIndex, uri: string, text: string, spans: readonly ImportedSpan[], files: { registry: Registry; records: ArticleRecords }, choices: ImportChoices): ImportedArticle | { error: string } {
  const doc = index.get(uri);
  if (!doc) return { error: 'the article is not indexed' };
  if (doc.text !== text) return { error: 'the article changed while it was imported' };
  const counts = { ...NO_COUNTS };
  let registry = files.registry;
  let records = withPlacements(files.records, doc.placed, text);
  const current = new Map(doc.mentions.map((m) => [`${m.start}:${m.end}`, m]));
  const knownIds = new Set([...registry.entities.map((e) => e.id)]);

  for (const span of spans) {
    const here = current.get(`${span.start}:${span.end}`);
    const decided = span.confirmed !== false || choices.predictions === 'decide';
    if (!decided) {
      if (here && here.type === span.label && (span.entity === undefined || here.entity === span.entity)) counts.predictionsAgree++;
      else counts.predictionsDiffer++;
      continue;
    }
    const at: Span = { start: span.start, end: span.end };
    if (isEntityType(span.label) && span.entity !== undefined) {
      // The file names the mention's entity: the mention belongs to it (whatever the recogniser would cluster),
      // and the registry gains the entity when the corpus does not know it.
      if (!knownIds.has(span.entity) && !index.entity(span.entity)) {
        const created: RegistryEntity = { id: span.entity, name: span.entityName ?? text.slice(span.start, span.end).replace(/\s+/g, ' ').trim(), type: span.label as EntityType, spellings: [] };
        registry = withEntity(registry, created);
        knownIds.add(span.entity);
        counts.entities++;
      }
      records = withRecord(records, text, at, { decision: 'entity', entity: span.entity });
    } else {
      records = withRecord(records, text, at, { decision: 'type', type: span.label });
    }
    counts.decided++;
    if (!isEntityType(span.label) && span.value !== undefined && (span.value ?? null) !== (here && !isEntityType(here.type) ? here.value : undefined)) {
      records = withRecord(records, text, at, { decision: 'value', value: span.value ?? null });
    }
  }

  // What the file says of the entities (their name, note and external ids), from every span that names one.
  for (const [id, facts] of entityFacts(spans)) {
    const existing = registry.entities.find((e) => e.id === id);
    const info = index.entity(id);
    if (!existing && !info) continue;
    const entry: RegistryEntity = existing ? { ...existing, spellings: [...existing.spellings] } : pin(registry, info!);
    let changed = false;
    const name = existing?.name ?? info?.name;
    if (facts.name !== undefined && facts.name !== name) {
      entry.name = facts.name;
      changed = true;
    }
    if (facts.note !== undefined && facts.note !== (existing?.note ?? info?.registered?.note)) {
      entry.note = facts.note;
      changed = true;
    }
    for (const [base, ref] of Object.entries(facts.ids)) {
      if (entry.ids?.[base] === ref) continue;
      entry.ids = { ...(entry.ids ?? {}), [base]: ref };
      changed = true;
    }
    if (!changed) continue;
    registry = withEntity(registry, entry);
    counts.entities++;
  }

  if (choices.mode === 'replace') {
    // Spans are sorted and non-overlapping: one walk finds the mentions no span touches.
    let k = 0;
    for (const m of doc.mentions) {
      while (k < spans.length && spans[k].end <= m.start) k++;
      const touched = k < spans.length && spans[k].start < m.end;
      if (touched) continue;
      records = withRecord(records, text, { start: m.start, end: m.end }, { decision: 'reject' });
      counts.rejected++;
    }
  }
  return { registry, records, counts };
}

interface EntityFacts {
  name?: string;
  note?: string;
  ids: Record<string, string>;
}

/** Per entity id the spans name: the last name, note and ids given (the same on every mention of an export). */
function entityFacts(spans: readonly ImportedSpan[]): Map<string, EntityFacts> {
  const out = new Map<string, EntityFacts>();
  for (const s of spans) {
    if (s.entity === undefined || !isEntityType(s.label)) continue;
    let f = out.get(s.entity);
    if (!f) out.set(s.entity, (f = { ids: {} }));
    if (s.entityName !== undefined) f.name = s.entityName;
    if (s.note !== undefined) f.note = s.note;
    Object.assign(f.ids, s.externalIds ?? {});
  }
  return out;
}
