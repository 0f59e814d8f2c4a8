// JSON lines with character spans, one article a line, as spaCy and Prodigy read them:
//   {"text": "...", "spans": [{"start": 0, "end": 10, "label": "LOC", "confirmed": false}], "meta": {"path", "title", "referenceDate"}}
// `confirmed` says whether the user decided the span; spaCy and Prodigy ignore it, an import reads it back.
// Offsets are in Unicode code points, because spaCy and Prodigy index Python strings (`doc.char_span(start, end)`),
// which count code points; Article Lens's UTF-16 offsets are converted both ways. Labels are spaCy's conventional
// names (see LABELS). With `tokens`, each line also has Prodigy's `tokens` (from the Article Lens tokenizer, offsets
// in code points) and each span its `token_start` / `token_end` (inclusive, as Prodigy has them) when the span's
// ends fall on token boundaries.
import { tokenize } from '../../text/tokenize';
import { offsetMap, type OffsetMap } from './codePoints';
import type { TextOf } from './imported';
import { SPACY_LABELS, type LabelSet } from './labels';
import { importJsonLines, isObject, listOf } from './records';
import type { ExportCorpus, ExportDocument, ImportReport } from './types';

/** person PERSON, organization ORG, location LOC, misc MISC, date DATE, time TIME. */
export const LABELS: LabelSet = SPACY_LABELS;

export interface JsonlOptions {
  /** Add Prodigy's `tokens` and the spans' `token_start` / `token_end`. */
  tokens?: boolean;
}

interface JsonlSpan {
  start: number;
  end: number;
  label: string;
  /** Decided by the user (true), or the recogniser's (false). spaCy and Prodigy ignore the key. */
  confirmed: boolean;
  token_start?: number;
  token_end?: number;
}

export interface ArticleMeta {
  path: string;
  title: string;
  referenceDate: string | null;
}

export function metaOf(doc: ExportDocument): ArticleMeta {
  return { path: doc.path, title: doc.title, referenceDate: doc.referenceDate };
}

/** One line (with its newline) per document. */
export function* jsonlLines(corpus: ExportCorpus, options: JsonlOptions = {}): Generator<string> {
  for (const doc of corpus.documents) yield jsonlLine(doc, options) + '\n';
}

export function jsonlLine(doc: ExportDocument, options: JsonlOptions = {}): string {
  const map = offsetMap(doc.text);
  const spans: JsonlSpan[] = doc.mentions.map((m) => ({ start: map.toCodePoint(m.start), end: map.toCodePoint(m.end), label: LABELS[m.type], confirmed: m.confirmed }));
  if (!options.tokens) return JSON.stringify({ text: doc.text, spans, meta: metaOf(doc) });
  const tokens = prodigyTokens(doc.text, map);
  const byStart = new Map(tokens.map((t) => [t.start, t.id]));
  const byEnd = new Map(tokens.map((t) => [t.end, t.id]));
  for (const s of spans) {
    const first = byStart.get(s.start);
    const last = byEnd.get(s.end);
    if (first !== undefined && last !== undefined) {
      s.token_start = first;
      s.token_end = last;
    }
  }
  return JSON.stringify({ text: doc.text, tokens, spans, meta: metaOf(doc) });
}

function prodigyTokens(text: string, map: OffsetMap) {
  return tokenize(text).tokens.map((t, id) => ({
    text: t.text,
    start: map.toCodePoint(t.start),
    end: map.toCodePoint(t.end),
    id,
    ws: t.end < text.length && /\s/.test(text[t.end]),
  }));
}

/**
 * Reads JSON lines back, one report per line. With `textOf`, a line whose text is not the article's text as it is
 * now fails (its offsets were counted on another text). Prodigy's answers `reject` and `ignore` are skipped.
 */
export function importJsonl(file: string, content: string, textOf?: TextOf): ImportReport[] {
  return importJsonLines(file, content, textOf, (report, record) => {
    if (record.answer === 'reject' || record.answer === 'ignore') {
      report.skip(`record answered ${record.answer}`);
      return null;
    }
    const spans = listOf(report, record, 'spans');
    return spans && spans.map((s) => (isObject(s) ? { start: s.start, end: s.end, label: s.label, text: s.text, confirmed: typeof s.confirmed === 'boolean' ? s.confirmed : undefined } : { start: s, end: undefined, label: undefined }));
  });
}
