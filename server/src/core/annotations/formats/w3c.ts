// W3C Web Annotation (https://www.w3.org/TR/annotation-model/), JSON-LD: one AnnotationCollection whose first
// (and only) AnnotationPage holds one Annotation per mention. Each targets the article (its path, or the URI the
// caller gives) with two equivalent selectors: a TextQuoteSelector (exact text with some context) and a
// TextPositionSelector, whose offsets the model counts in Unicode code points (not UTF-16 units). Bodies:
//   { type: TextualBody, purpose: tagging, value: person }            the mention's type
//   { type: TextualBody, purpose: identifying, value: <entity id> }   its Article Lens entity
//   { type: SpecificResource, purpose: identifying, source: <url> }   the entity's external ids, as URLs
//   { type: TextualBody, purpose: describing, value: 2024-03-04 }     a date's ISO value
//   { type: TextualBody, purpose: assessing, value: confirmed }       the user decided this mention
import { offsetMap } from './codePoints';
import type { EntityTable } from './corpus';
import { entityTable } from './corpus';
import type { ExportCorpus, ExportDocument, ExportMention } from './types';

export const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface W3cOptions {
  /** The IRI of the collection; annotation ids are made from it. Default `urn:article-lens:export`. */
  id?: string;
  /** The target source of a document: its path unless given (a file URI, say). */
  sourceOf?: (doc: ExportDocument) => string;
}

/** Context kept around the exact text in a TextQuoteSelector, in UTF-16 units (never splitting a pair). */
const QUOTE_CONTEXT = 32;

const URL_OF: Record<string, (id: string) => string> = {
  wikidata: (id) => `http://www.wikidata.org/entity/${encodeURIComponent(id)}`,
  geonames: (id) => `https://sws.geonames.org/${encodeURIComponent(id)}/`,
  viaf: (id) => `http://viaf.org/viaf/${encodeURIComponent(id)}`,
  orcid: (id) => `https://orcid.org/${encodeURIComponent(id)}`,
};

/** The collection as JSON text, one chunk per document after the opening one; one annotation a line. */
export function* w3cChunks(corpus: ExportCorpus, options: W3cOptions = {}): Generator<string> {
  const id = options.id ?? 'urn:article-lens:export';
  const sourceOf = options.sourceOf ?? ((doc: ExportDocument) => doc.path);
  const entities = entityTable(corpus.entities);
  const total = corpus.documents.reduce((n, d) => n + d.mentions.length, 0);
  const head = { '@context': CONTEXT, id, type: 'AnnotationCollection', label: 'Article Lens mentions', total };
  const headText = JSON.stringify(head);
  yield `${headText.slice(0, -1)},"first":{"id":${JSON.stringify(`${id}/page/1`)},"type":"AnnotationPage","startIndex":0,"items":[`;
  let n = 0;
  for (const doc of corpus.documents) {
    if (doc.mentions.length === 0) continue;
    const map = offsetMap(doc.text);
    const source = sourceOf(doc);
    const items = doc.mentions.map((m) => JSON.stringify(annotation(`${id}/annotation/${++n}`, doc.text, m, source, map.toCodePoint, entities)));
    yield (n > doc.mentions.length ? ',\n' : '\n') + items.join(',\n');
  }
  yield '\n]}}\n';
}

function annotation(id: string, text: string, m: ExportMention, source: string, toCodePoint: (x: number) => number, entities: EntityTable) {
  const body: Record<string, string>[] = [{ type: 'TextualBody', purpose: 'tagging', value: m.type }];
  if (m.entity !== null) {
    body.push({ type: 'TextualBody', purpose: 'identifying', value: m.entity });
    for (const [base, ref] of Object.entries(entities.get(m.entity)?.externalIds ?? {})) {
      const url = URL_OF[base.toLowerCase()];
      if (url) body.push({ type: 'SpecificResource', purpose: 'identifying', source: url(ref) });
    }
  }
  if (m.value !== null) body.push({ type: 'TextualBody', purpose: 'describing', value: m.value });
  if (m.confirmed) body.push({ type: 'TextualBody', purpose: 'assessing', value: 'confirmed' });
  const prefixStart = snap(text, Math.max(0, m.start - QUOTE_CONTEXT));
  const suffixEnd = snap(text, Math.min(text.length, m.end + QUOTE_CONTEXT));
  return {
    id,
    type: 'Annotation',
    motivation: 'tagging',
    body,
    target: {
      source,
      selector: [
        { type: 'TextQuoteSelector', exact: text.slice(m.start, m.end), prefix: text.slice(prefixStart, m.start), suffix: text.slice(m.end, suffixEnd) },
        { type: 'TextPositionSelector', start: toCodePoint(m.start), end: toCodePoint(m.end) },
      ],
    },
  };
}

/** Moves an offset off the middle of a surrogate pair (forward). */
function snap(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return at > 0 && c >= 0xdc00 && c <= 0xdfff ? at + 1 : at;
}
