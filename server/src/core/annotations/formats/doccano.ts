// doccano's sequence-labelling JSON lines: {"text": "...", "label": [[start, end, "LABEL"]], "meta": {...}}.
// Offsets: doccano 1.x's annotator (v-annotator, in the browser) counts UTF-16 code units, as JavaScript does,
// unless the project counts grapheme clusters (doccano issues #2290, #2484); that is the default here, so spans sit
// where doccano shows them. `codePoints` writes Python string offsets instead, for scripts that read the file.
// Labels are CoNLL's (see LABELS); doccano projects name their labels freely, so reading is lenient.
import type { TextOf } from './imported';
import { CONLL_LABELS, type LabelSet } from './labels';
import { metaOf } from './jsonl';
import { offsetMap } from './codePoints';
import { importJsonLines, listOf, type Unit } from './records';
import type { ExportCorpus, ExportDocument, ImportReport } from './types';

/** person PER, organization ORG, location LOC, misc MISC, date DATE, time TIME. */
export const LABELS: LabelSet = CONLL_LABELS;

export interface DoccanoOptions {
  /** The unit of the offsets: `utf16` (doccano's own, the default) or `codePoints` (Python's). */
  offsets?: Unit;
}

export function* doccanoLines(corpus: ExportCorpus, options: DoccanoOptions = {}): Generator<string> {
  for (const doc of corpus.documents) yield doccanoLine(doc, options) + '\n';
}

export function doccanoLine(doc: ExportDocument, options: DoccanoOptions = {}): string {
  const map = options.offsets === 'codePoints' ? offsetMap(doc.text) : null;
  const label = doc.mentions.map((m) => (map ? [map.toCodePoint(m.start), map.toCodePoint(m.end), LABELS[m.type]] : [m.start, m.end, LABELS[m.type]]));
  return JSON.stringify({ text: doc.text, label, meta: metaOf(doc) });
}

/** One report per line; `label` (doccano's import) or `entities` (older exports) hold the spans. */
export function importDoccano(file: string, content: string, textOf?: TextOf, options: DoccanoOptions = {}): ImportReport[] {
  return importJsonLines(file, content, textOf, (report, record) => {
    const list = listOf(report, record, record.label === undefined && record.entities !== undefined ? 'entities' : 'label');
    return list && list.map((x) => (Array.isArray(x) ? { start: x[0], end: x[1], label: x[2] } : { start: undefined, end: undefined, label: undefined }));
  }, options.offsets ?? 'utf16');
}
