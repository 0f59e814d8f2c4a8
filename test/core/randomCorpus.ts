// A random corpus of our own names with random decisions, for the properties of the pipeline (incremental.test.ts,
// restore.test.ts): whatever path builds an index, it gives what a fresh index of the same corpus and decisions gives.
import { analyzeText, type Recognizers } from '../../server/src/core/analyze';
import { quoteOf, textHash } from '../../server/src/core/annotations/anchor';
import { spellingRules } from '../../server/src/core/annotations/apply';
import type { SpanDecision, SpanRecord } from '../../server/src/core/annotations/spans';
import type { RegistryEntity, SpellingDecision } from '../../server/src/core/annotations/registry';
import { CorpusIndex } from '../../server/src/core/corpus/index';
import type { DocumentAnalysis, EntityType, NameSpan } from '../../server/src/core/model';

// Spellings of our own choosing that exercise every merge rule: variants, typos, surnames, acronyms, shortened
// names, place kinds, and look-alikes that must stay apart.
export const NAMES: [string, EntityType][] = [
  ['Helena Marsh', 'person'],
  ['Marsh', 'person'],
  ['Helena Marhs', 'person'],
  ['Tomasz Kovalenko', 'person'],
  ['Tomasz Kowalenko', 'person'],
  ['Kovalenko', 'person'],
  ['Anna Brandt', 'person'],
  ['Anna Brant', 'person'],
  ['Brandt', 'person'],
  ['Kestrel Shipping', 'organization'],
  ['Kestrel', 'organization'],
  ['Kestrel Shipping', 'person'],
  ['United Nations', 'organization'],
  ['UN', 'organization'],
  ['U.N.', 'organization'],
  ['Velorian Harbour Authority', 'organization'],
  ['Harbour Authority', 'organization'],
  ['Port Aster', 'location'],
  ['Veloria', 'location'],
  ['Veloria', 'organization'],
  ['Velorian', 'misc'],
  ['Dnipro', 'location'],
  ['Dnipro River', 'location'],
  ['Dnipro', 'organization'],
  ['Austin', 'location'],
  ['Lloyd Austin', 'person'],
  ['Austin', 'person'],
];

export const DECISION_POOL: { entities?: RegistryEntity[]; spellings?: SpellingDecision[] }[] = [
  {},
  { spellings: [{ spelling: 'Kestrel', decision: 'reject' }] },
  { spellings: [{ spelling: 'Veloria', decision: 'type', type: 'location' }] },
  { entities: [{ id: 'marsh-family', name: 'Marsh', type: 'person', spellings: ['Marsh'] }] },
  { entities: [{ id: 'un', spellings: ['UN', 'U.N.'] }, { id: 'united-nations', spellings: ['United Nations'] }] },
  { entities: [{ id: 'helena-marsh', spellings: ['Helena Marsh', 'Helena Marhs'], note: 'n' }], spellings: [{ spelling: 'Dnipro', decision: 'type', type: 'location' }] },
];

export const RECORD_POOL: SpanDecision[] = [
  { decision: 'type', type: 'organization' },
  { decision: 'type', type: 'person' },
  { decision: 'type', type: 'location' },
  { decision: 'entity', entity: 'un' },
  { decision: 'entity', entity: 'helena-marsh' },
  { decision: 'reject' },
];

/** The user's record of a decision on one name of an article, as the editor writes it. */
export function recordOn(text: string, name: NameSpan, decision: SpanDecision, id: string): SpanRecord {
  const quote = quoteOf(text, name);
  return { id, start: name.start, end: name.end, ...decision, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, hash: textHash(text) } as SpanRecord;
}

/** A document: names joined by filler words; the recogniser replays the chosen names and types. */
export function makeDoc(next: () => number): { text: string; names: NameSpan[] } {
  let text = 'Report\n\n';
  const names: NameSpan[] = [];
  const count = 1 + Math.floor(next() * 6);
  for (let i = 0; i < count; i++) {
    const [name, type] = NAMES[Math.floor(next() * NAMES.length)];
    // About one name in four with a type the recogniser was unsure of: the sure ones decide an entity's type and senses.
    const span: NameSpan = { start: text.length, end: text.length + name.length, type };
    if (next() < 0.25) span.weak = true;
    names.push(span);
    text += `${name} spoke on the quay. `;
  }
  return { text, names };
}

export function recognizersFor(names: NameSpan[]): Recognizers {
  return { names: { recognize: () => names }, dates: { recognize: () => ({ referenceDate: null, mentions: [] }) } };
}

/** Everything a user can see of the entities: ids, names, types, and each document's final mentions. */
export function snapshot(index: CorpusIndex): string {
  const entities = index
    .entities()
    .map((e) => `${e.id}|${e.name}|${e.type}|${[...e.keys].sort().join(',')}|${e.mentionCount}`)
    .sort();
  const docs = [...index.all()]
    .sort((a, b) => (a.uri < b.uri ? -1 : 1))
    .map((d) => `${d.uri}: ${d.mentions.map((m) => `${m.start}-${m.end}:${m.type}:${m.entity}:${m.confirmed ? 1 : 0}`).join(' ')}`);
  return [...entities, ...docs].join('\n');
}

/** An index of the corpus built from nothing, its articles met in a random order. */
export function freshIndex(
  corpus: Map<string, { text: string; names: NameSpan[] }>,
  decisions: (typeof DECISION_POOL)[number],
  records: Map<string, SpanRecord[]>,
  next: () => number,
  analyse: (uri: string, doc: { text: string; names: NameSpan[] }) => DocumentAnalysis = (uri, doc) => analyzeText(recognizersFor(doc.names), uri, 1, doc.text),
): CorpusIndex {
  const fresh = new CorpusIndex();
  fresh.setDecisions(decisionsOf(decisions));
  for (const [uri, list] of records) fresh.setRecords(uri, list);
  for (const uri of [...corpus.keys()].sort(() => next() - 0.5)) {
    const doc = corpus.get(uri)!;
    fresh.set(analyse(uri, doc), { text: doc.text });
  }
  return fresh;
}

export function decisionsOf(choice: (typeof DECISION_POOL)[number]) {
  return { entities: choice.entities ?? [], rules: spellingRules(choice.spellings ?? []) };
}
