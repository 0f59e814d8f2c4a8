// The user's decisions applied once to one document's recogniser output: spellings rejected or typed across the
// corpus (adding the occurrences the recogniser missed), then the decisions on single mentions. The result is
// what clustering reads; mentions a decision touched are marked confirmed, and re-keyed where the decision
// says which entity they belong to.
import { type EntityType, type Mention, type MentionType, type Span, isEntityType } from '../model';
import { nameKey } from '../resolve/names';
import type { SpanRecord } from './spans';

/** Corpus-wide decisions on spellings, by name key. */
export interface SpellingRules {
  rejected: ReadonlySet<string>;
  typed: ReadonlyMap<string, EntityType>;
  /** The typed spellings as written, searched for in the text to add what the recogniser missed. */
  lexicon: readonly { spelling: string; type: EntityType }[];
}

export const NO_RULES: SpellingRules = { rejected: new Set(), typed: new Map(), lexicon: [] };

/** A record placed on the current text (see anchor.ts). */
export interface PlacedRecord {
  record: SpanRecord;
  span: Span;
}

// Keys no spelling can produce (nameKey never yields a control character) mark a mention's entity as decided:
// a single mention typed by the user, or assigned to a registry entity.
const TYPED = '\u0001t:';
const ENTITY = '\u0001e:';

export function typedKey(type: EntityType, key: string): string {
  return `${TYPED}${type}:${key}`;
}

export function entityKey(id: string): string {
  return ENTITY + id;
}

export type KeyKind = { kind: 'name'; key: string } | { kind: 'typed'; type: EntityType; key: string } | { kind: 'entity'; id: string };

export function keyKind(key: string): KeyKind {
  if (key.startsWith(TYPED)) {
    const rest = key.slice(TYPED.length);
    const colon = rest.indexOf(':');
    return { kind: 'typed', type: rest.slice(0, colon) as EntityType, key: rest.slice(colon + 1) };
  }
  if (key.startsWith(ENTITY)) return { kind: 'entity', id: key.slice(ENTITY.length) };
  return { kind: 'name', key };
}

export function isDecidedKey(key: string): boolean {
  return key.charCodeAt(0) === 1;
}

/**
 * Applies the decisions. `raw` is sorted and non-overlapping, and so is the result. Unchanged mentions are the
 * same objects as in `raw`, and where no decision touches the document the result is `raw` itself: most articles of
 * an archive name none of the spellings decided, and keep no copy of the list. `text` is needed only to add the
 * occurrences of typed spellings.
 */
export function applyDecisions(text: string | null, raw: readonly Mention[], rules: SpellingRules, placed: readonly PlacedRecord[]): Mention[] {
  if (placed.length === 0 && rules.rejected.size === 0 && rules.typed.size === 0) return raw as Mention[];
  // Copied from the first mention a rule drops or retypes.
  let out: Mention[] | null = null;
  for (let i = 0; i < raw.length; i++) {
    const m = raw[i];
    if (m.key === null || !isEntityType(m.type)) {
      out?.push(m);
      continue;
    }
    const spelling = nameKey(m.text);
    const rejected = rules.rejected.has(spelling);
    const type = rejected ? undefined : rules.typed.get(spelling);
    if (!rejected && type === undefined) {
      out?.push(m);
      continue;
    }
    out ??= raw.slice(0, i);
    if (type !== undefined) out.push({ ...m, type, confirmed: true });
  }
  let result = out ?? (raw as Mention[]);
  if (text !== null && rules.lexicon.length > 0) result = withLexicon(text, result, rules);
  for (const { record, span } of placed) result = withRecord(text, result, record, span);
  return result;
}

/** Adds the occurrences of typed spellings that no mention covers; a shorter name inside one gives way. */
function withLexicon(text: string, mentions: Mention[], rules: SpellingRules): Mention[] {
  const added: Mention[] = [];
  for (const { spelling, type } of rules.lexicon) {
    for (let at = text.indexOf(spelling); at !== -1; at = text.indexOf(spelling, at + 1)) {
      const end = at + spelling.length;
      if (!onWordBoundaries(text, at, end)) continue;
      added.push({ start: at, end, text: spelling, type, value: null, key: nameKey(spelling), confirmed: true });
    }
  }
  if (added.length === 0) return mentions;
  let out = mentions;
  for (const a of added.sort((x, y) => x.start - y.start || y.end - x.end)) {
    const overlapping = out.filter((m) => m.start < a.end && a.start < m.end);
    // A name the recogniser found inside the spelling (`Aviator` of `The Aviator`) gives way; anything else wins.
    if (overlapping.some((m) => !(m.key !== null && m.start >= a.start && m.end <= a.end) || m.confirmed)) continue;
    out = insert(out.filter((m) => !overlapping.includes(m)), a);
  }
  return out;
}

function withRecord(text: string | null, mentions: Mention[], record: SpanRecord, span: Span): Mention[] {
  const overlapping = mentions.filter((m) => m.start < span.end && span.start < m.end);
  const rest = mentions.filter((m) => !overlapping.includes(m));
  const surface = text !== null ? text.slice(span.start, span.end) : record.exact;
  const same = overlapping.find((m) => m.start === span.start && m.end === span.end);
  switch (record.decision) {
    case 'reject':
      return rest;
    case 'type': {
      const type: MentionType = record.type;
      if (!isEntityType(type)) {
        const date = same && !isEntityType(same.type) ? same : undefined;
        // Only the type is decided: the value stays the recogniser's, and so does whether it is a guess or needs a date.
        const flags = { ...(date?.guessed ? { guessed: true } : {}), ...(date?.needsDate ? { needsDate: true } : {}) };
        return insert(rest, { start: span.start, end: span.end, text: surface, type, value: date?.value ?? null, key: null, resolution: date?.resolution ?? `marked as a ${type} by you`, confirmed: true, ...flags });
      }
      const key = nameKey(surface);
      if (key === '') return mentions;
      return insert(rest, { start: span.start, end: span.end, text: surface, type, value: null, key: typedKey(type, key), confirmed: true });
    }
    case 'entity': {
      const name = overlapping.find((m) => m.key !== null && isEntityType(m.type));
      const type = (name?.type as EntityType | undefined) ?? 'misc';
      return insert(rest, { start: span.start, end: span.end, text: surface, type, value: null, key: entityKey(record.entity), confirmed: true });
    }
    case 'value': {
      const date = same && !isEntityType(same.type) ? same : overlapping.find((m) => !isEntityType(m.type));
      const type = date && !isEntityType(date.type) ? date.type : 'date';
      const resolution = record.value === null ? 'no exact value, as you decided' : 'the value you set';
      return insert(rest, { start: span.start, end: span.end, text: surface, type, value: record.value, key: null, resolution, confirmed: true });
    }
  }
}

/** Inserts keeping start order (the list has no mention overlapping `m`). */
function insert(mentions: Mention[], m: Mention): Mention[] {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < m.start) lo = mid + 1;
    else hi = mid;
  }
  return [...mentions.slice(0, lo), m, ...mentions.slice(lo)];
}

const WORD = /[\p{L}\p{N}]/u;

function onWordBoundaries(text: string, start: number, end: number): boolean {
  return !(start > 0 && WORD.test(text[start - 1]) && WORD.test(text[start])) && !(end < text.length && WORD.test(text[end]) && WORD.test(text[end - 1]));
}

/** Spelling rules from the registry's decisions. */
export function spellingRules(decisions: readonly { spelling: string; decision: 'reject' | 'type'; type?: EntityType }[]): SpellingRules {
  const rejected = new Set<string>();
  const typed = new Map<string, EntityType>();
  const lexicon: { spelling: string; type: EntityType }[] = [];
  for (const d of decisions) {
    const key = nameKey(d.spelling);
    if (key === '') continue;
    if (d.decision === 'reject') rejected.add(key);
    else if (d.type) {
      typed.set(key, d.type);
      lexicon.push({ spelling: d.spelling.trim(), type: d.type });
    }
  }
  return { rejected, typed, lexicon };
}
