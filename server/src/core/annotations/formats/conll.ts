// CoNLL NER columns: one token a line (`word TAG`), a blank line between sentences, `-DOCSTART- -X- -X- O` before
// each document. Tokens and sentences are the Article Lens tokenizer's, the ones the name tagger is trained on.
// Tags are IOB2 (every name begins with B-) by default, or IOB1 as CoNLL-2003 has them (I- throughout, B- only for
// a name right after another of the same type). Only names are tagged: PER ORG LOC MISC; dates and times are O.
// A mention's boundary may fall inside a token: the token takes the mention's label when the mention covers the
// token's start, so a mention that covers no token start is lost.
// The scheme is stated in the first -DOCSTART- line (`-DOCSTART- -X- IOB2 O`): a comment line would break readers
// that take every line as `word ... tag` (train/conll.ts's readConll among them), and every reader skips the
// -DOCSTART- line whole. POS and chunk columns are left out: there are none to give; readers take the first and
// last columns. (spaCy's `convert` splits documents on `-DOCSTART- -X- O O`, not on CoNLL-2003's line.)
import { tokenize } from '../../text/tokenize';
import { isEntityType, type MentionType } from '../../model';
import { CONLL_LABELS } from './labels';
import type { ExportCorpus, ExportDocument } from './types';

export type Scheme = 'IOB2' | 'IOB1';

export interface ConllOptions {
  scheme?: Scheme;
}

export const DOCSTART = '-DOCSTART- -X- -X- O';

export function docstartLine(scheme: Scheme): string {
  return `-DOCSTART- -X- ${scheme} O`;
}

// Tokens that are white space to a reader's trim() but not to the tokenizer (an em space, a byte order mark): the
// tokenizer makes each a one-unit token of its own.
function isBlankToken(text: string): boolean {
  return text.length === 1 && text.charCodeAt(0) > 127 && /\s/.test(text);
}

const BEGIN = Object.fromEntries(Object.entries(CONLL_LABELS).map(([type, label]) => [type, `B-${label}`])) as Record<MentionType, string>;
const INSIDE = Object.fromEntries(Object.entries(CONLL_LABELS).map(([type, label]) => [type, `I-${label}`])) as Record<MentionType, string>;

/** The whole export, one chunk per document. */
export function* conllChunks(corpus: ExportCorpus, options: ConllOptions = {}): Generator<string> {
  const scheme = options.scheme ?? 'IOB2';
  let first = true;
  for (const doc of corpus.documents) {
    yield conllDocument(doc, scheme, first ? docstartLine(scheme) : DOCSTART);
    first = false;
  }
}

export function conllDocument(doc: ExportDocument, scheme: Scheme, docstart = DOCSTART): string {
  const { tokens, sentences } = tokenize(doc.text);
  const mentions = doc.mentions.filter((m) => isEntityType(m.type));
  const out: string[] = [docstart, ''];
  let k = 0; // the first mention that does not end before the current token
  for (const sentence of sentences) {
    let previous = -1; // the mention the previous token of this sentence belonged to, or -1
    let lines = 0;
    for (let t = sentence.first; t < sentence.end; t++) {
      const token = tokens[t];
      if (isBlankToken(token.text)) continue;
      while (k < mentions.length && mentions[k].end <= token.start) k++;
      let tag = 'O';
      if (k < mentions.length && mentions[k].start <= token.start) {
        const type = mentions[k].type;
        if (previous === k) tag = INSIDE[type];
        else if (scheme === 'IOB2') tag = BEGIN[type];
        else tag = previous !== -1 && mentions[previous].type === type ? BEGIN[type] : INSIDE[type];
        previous = k;
      } else {
        previous = -1;
      }
      out.push(token.text + ' ' + tag);
      lines++;
    }
    if (lines > 0) out.push('');
  }
  return out.join('\n') + '\n';
}
