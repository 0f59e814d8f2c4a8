// What each of the user's annotation actions changes in the store: a pure function from the corpus as it is,
// the place acted on and the store's current files to the new files. The edges convert positions, write the
// files atomically and hand them back to the index; nothing here reads or writes anything.
import type { CorpusIndex, EntityInfo } from '../corpus/index';
import { type EntityType, type MentionType, type Span, isEntityType } from '../model';
import { cleanName, nameKey } from '../resolve/names';
import { quoteOf, textHash } from './anchor';
import { type Registry, type RegistryEntity, WIKIDATA_ID, freshId, unknownFields, withEntity, withSpellingDecision, withoutEntity } from './registry';
import { type ArticleRecords, type SpanDecision, type SpanRecord, isDateValue, nextRecordId } from './spans';

export type Action =
  /** A name (or date) of this type: this mention only, or every occurrence of its spelling in the corpus. */
  | { kind: 'type'; scope: 'mention' | 'spelling'; type: MentionType }
  | { kind: 'reject'; scope: 'mention' | 'spelling' }
  /** The entity of the mention is one with the entity `into`. */
  | { kind: 'merge'; into: string }
  /** The mention's spelling is a right spelling of its entity (no misspelling hint). */
  | { kind: 'accept' }
  /** The mention, or every mention of its spelling, out of its entity into a new one. */
  | { kind: 'split'; scope: 'mention' | 'spelling' }
  | { kind: 'rename'; name: string }
  | { kind: 'note'; note: string | null }
  | { kind: 'externalId'; wikidata: string | null }
  /** The value of a date or time mention (null: no exact value). */
  | { kind: 'value'; value: string | null };

export const ACTION_KINDS = ['type', 'reject', 'merge', 'accept', 'split', 'rename', 'note', 'externalId', 'value'] as const;

export interface ActionSite {
  uri: string;
  /** The article's text as the user sees it (offsets are into it). */
  text: string;
  /** What was acted on: a mention's span, or a selection. */
  span: Span;
}

/** The store's files an action may change: the registry, and the acted-on article's records. */
export interface StoreFiles {
  registry: Registry;
  records: ArticleRecords;
}

export type Outcome = { ok: true; registry?: Registry; records?: ArticleRecords; summary: string } | { ok: false; message: string };

const MAX_NOTE = 10_000;
const MAX_NAME = 200;

/** Whether the words run across a blank line, with any line ends (a single CRLF is one line break, not two). */
export function crossesParagraph(words: string): boolean {
  return /\n[^\S\n]*\n/.test(words.replace(/\r\n?/g, '\n'));
}

export function applyAction(index: CorpusIndex, site: ActionSite, action: Action, files: StoreFiles): Outcome {
  const doc = index.get(site.uri);
  if (!doc) return { ok: false, message: 'this article is not indexed yet' };
  const span = clampSpan(site.span, site.text.length);
  const surface = site.text.slice(span.start, span.end);
  if (span.end <= span.start || surface.trim() === '') return { ok: false, message: 'select the words to annotate' };
  if (crossesParagraph(surface)) return { ok: false, message: 'a mention cannot run across paragraphs' };
  const mention = doc.mentions.find((m) => m.start === span.start && m.end === span.end) ?? doc.mentions.find((m) => m.start < span.end && span.start < m.end);
  const entity = mention?.entity ? index.entity(mention.entity) : undefined;
  const spelling = cleanName(surface);
  const quoted = `“${spelling}”`;

  switch (action.kind) {
    case 'type': {
      if (action.scope === 'mention') return record(files, site, span, { decision: 'type', type: action.type }, `${quoted} marked as ${article(action.type)} here`);
      if (!isEntityType(action.type)) return { ok: false, message: 'dates are marked one mention at a time' };
      if (nameKey(spelling) === '') return { ok: false, message: `${quoted} has no letters to match` };
      return { ok: true, registry: withSpellingDecision(files.registry, spelling, { decision: 'type', type: action.type }), summary: `every ${quoted} marked as ${article(action.type)}` };
    }
    case 'reject':
      if (action.scope === 'mention') return record(files, site, span, { decision: 'reject' }, `${quoted} is not an entity here`);
      if (nameKey(spelling) === '') return { ok: false, message: `${quoted} has no letters to match` };
      return { ok: true, registry: withSpellingDecision(files.registry, spelling, { decision: 'reject' }), summary: `${quoted} is not an entity anywhere` };
    case 'merge': {
      if (!entity || !mention) return { ok: false, message: 'merge acts on a name the corpus knows' };
      const into = index.entity(action.into);
      if (!into) return { ok: false, message: `no entity "${action.into}" in the corpus` };
      if (into.id === entity.id) return { ok: false, message: `${quoted} is already part of ${into.name}` };
      let registry = files.registry;
      const target = pin(registry, into);
      const spellings = new Set([...target.spellings, ...spellingsOf(entity)]);
      const source = entity.registered;
      const merged: RegistryEntity = { ...target, spellings: [...spellings] };
      if (!merged.type) merged.type = into.type;
      if (source) {
        if (source.note && source.note !== merged.note) merged.note = merged.note ? `${merged.note}\n${source.note}` : source.note;
        if (source.ids) merged.ids = { ...source.ids, ...(merged.ids ?? {}) };
        // The fields this version does not know go along too: where both say something, the target's stands.
        for (const [k, v] of Object.entries(unknownFields(source))) if (!(k in merged)) merged[k] = v;
        registry = withoutEntity(registry, source.id);
      }
      return { ok: true, registry: withEntity(registry, merged), summary: `${entity.name} merged into ${into.name}` };
    }
    case 'accept': {
      if (!entity) return { ok: false, message: 'accept acts on a name the corpus knows' };
      const pinned = pin(files.registry, entity);
      if (!pinned.spellings.includes(spelling)) pinned.spellings.push(spelling);
      return { ok: true, registry: withEntity(files.registry, pinned), summary: `${quoted} accepted as a spelling of ${entity.name}` };
    }
    case 'split': {
      if (!entity || !mention) return { ok: false, message: 'split acts on a name the corpus knows' };
      const taken = new Set([...files.registry.entities.map((e) => e.id), ...index.entities().map((e) => e.id)]);
      const id = freshId(spelling, taken);
      const created: RegistryEntity = { id, name: spelling, type: mention.type as EntityType, spellings: action.scope === 'spelling' ? [spelling] : [] };
      if (action.scope === 'mention') {
        const withNew = withEntity(files.registry, created);
        const out = record({ ...files, registry: withNew }, site, { start: mention.start, end: mention.end }, { decision: 'entity', entity: id }, `this ${quoted} split out of ${entity.name} into a new entity`);
        return out.ok ? { ...out, registry: withNew } : out;
      }
      // Every mention of the spelling leaves the entity: the entity keeps its other spellings, the new one takes this.
      const key = nameKey(spelling);
      const rest = spellingsOf(entity).filter((s) => nameKey(s) !== key);
      if (rest.length === 0) return { ok: false, message: `${quoted} is the only spelling of ${entity.name}` };
      const kept = pin(files.registry, entity);
      const name = kept.name && nameKey(kept.name) === key ? undefined : kept.name;
      const old: RegistryEntity = { ...kept, spellings: [...new Set([...kept.spellings.filter((s) => nameKey(s) !== key), ...rest])] };
      if (name === undefined) delete old.name;
      return { ok: true, registry: withEntity(withEntity(files.registry, old), created), summary: `${quoted} split out of ${entity.name} into a new entity` };
    }
    case 'rename': {
      if (!entity) return { ok: false, message: 'rename acts on a name the corpus knows' };
      const name = action.name.replace(/\s+/g, ' ').trim();
      if (name === '' || name.length > MAX_NAME) return { ok: false, message: `a name of 1 to ${MAX_NAME} characters` };
      return { ok: true, registry: withEntity(files.registry, { ...pin(files.registry, entity), name }), summary: `${entity.name} renamed ${name}` };
    }
    case 'note': {
      if (!entity) return { ok: false, message: 'notes are kept on a name the corpus knows' };
      const note = action.note?.trim() ?? '';
      if (note.length > MAX_NOTE) return { ok: false, message: `a note of at most ${MAX_NOTE} characters` };
      const pinned = { ...pin(files.registry, entity) };
      if (note === '') delete pinned.note;
      else pinned.note = note;
      return { ok: true, registry: withEntity(files.registry, pinned), summary: note === '' ? `note on ${entity.name} removed` : `note on ${entity.name} saved` };
    }
    case 'externalId': {
      if (!entity) return { ok: false, message: 'external ids are kept on a name the corpus knows' };
      const value = action.wikidata?.trim().toUpperCase() ?? '';
      if (value !== '' && !WIKIDATA_ID.test(value)) return { ok: false, message: `"${action.wikidata}" is not a Wikidata id (Q followed by digits, such as Q3775)` };
      const pinned = { ...pin(files.registry, entity) };
      const ids = { ...(pinned.ids ?? {}) };
      if (value === '') delete ids.wikidata;
      else ids.wikidata = value;
      if (Object.keys(ids).length > 0) pinned.ids = ids;
      else delete pinned.ids;
      return { ok: true, registry: withEntity(files.registry, pinned), summary: value === '' ? `Wikidata id of ${entity.name} removed` : `${entity.name} is Wikidata ${value}` };
    }
    case 'value': {
      if (action.value !== null && !isDateValue(action.value)) return { ok: false, message: `"${action.value}" is not a date value (2024-03-04, 2024-03, 2024, 2024-W10 or 2024-03-04T05:00)` };
      const target = mention && !isEntityType(mention.type) ? { start: mention.start, end: mention.end } : span;
      return record(files, site, target, { decision: 'value', value: action.value }, `${quoted} is ${action.value ?? 'a date with no exact value'}`);
    }
  }
}

/** The registry entry for an entity, or a new one that pins it by its canonical spelling, with its current id. */
export function pin(registry: Registry, entity: EntityInfo): RegistryEntity {
  const existing = registry.entities.find((e) => e.id === entity.id) ?? entity.registered;
  if (existing) return { ...existing, spellings: [...existing.spellings] };
  const plain = entity.keys.some((k) => k === nameKey(entity.name));
  // An entity of one type of a name that is also another's (senses) keeps that type, so the decision holds only it.
  return { id: entity.id, spellings: plain ? [entity.name] : [], ...(entity.typeSlice ? { type: entity.type } : {}) };
}

function spellingsOf(entity: EntityInfo): string[] {
  return entity.spellings.map((s) => s.text);
}

/** Adds a record at `span`; older records on words it overlaps give way (the newest decision on them holds). */
function record(files: StoreFiles, site: ActionSite, span: Span, decision: SpanDecision, summary: string): Outcome {
  return { ok: true, records: withRecord(files.records, site.text, span, decision), summary };
}

/** The records with one more decision at `span` of `text`; older records on the words it overlaps give way. */
export function withRecord(records: ArticleRecords, text: string, span: Span, decision: SpanDecision): ArticleRecords {
  const hash = textHash(text);
  const id = nextRecordId(records);
  const quote = quoteOf(text, span);
  const overlaps = (r: SpanRecord) => r.start < span.end && span.start < r.end && r.hash === hash;
  // A value and a type on the same date are two facts, not rivals; everything else on the same words gives way.
  const keeps = (r: SpanRecord) => !overlaps(r) || (decision.decision === 'value' && r.decision === 'type') || (decision.decision === 'type' && r.decision === 'value');
  const added = { id, start: span.start, end: span.end, ...decision, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, hash } as SpanRecord;
  return { ...records, records: [...records.records.filter(keeps), added] };
}

function clampSpan(span: Span, length: number): Span {
  const start = Math.max(0, Math.min(length, Math.floor(span.start)));
  const end = Math.max(start, Math.min(length, Math.floor(span.end)));
  return { start, end };
}

function article(type: MentionType): string {
  return type === 'organization' ? 'an organization' : type === 'location' ? 'a location' : type === 'misc' ? 'another name (misc)' : `a ${type}`;
}

/** Records placed on the current text written back with their current offsets, so the file follows the text. */
export function withPlacements(records: ArticleRecords, placed: readonly { record: SpanRecord; span: Span }[], text: string): ArticleRecords {
  const hash = textHash(text);
  const where = new Map(placed.map((p) => [p.record.id, p.span]));
  return {
    ...records,
    records: records.records.map((r) => {
      const span = where.get(r.id);
      if (!span || (span.start === r.start && span.end === r.end && r.hash === hash)) return r;
      const quote = quoteOf(text, span);
      return { ...r, start: span.start, end: span.end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, hash };
    }),
  };
}
