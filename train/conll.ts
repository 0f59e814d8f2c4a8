// Reads CoNLL-2003 files (word POS chunk NER, IOB1) into documents with BIO tag ids.
import { readFileSync } from 'node:fs';
import type { TaggerDocument } from '../server/src/core/recognize/names/features';
import { TYPE_NAMES, beginTag } from '../server/src/core/recognize/names/tags';

export interface GoldDocument extends TaggerDocument {
  tags: Uint8Array;
}

export function readConll(path: string): GoldDocument[] {
  const docs: GoldDocument[] = [];
  let words: string[] = [];
  let tags: number[] = [];
  let sentences: { first: number; end: number }[] = [];
  let sentenceFirst = 0;
  const endSentence = () => {
    if (words.length > sentenceFirst) sentences.push({ first: sentenceFirst, end: words.length });
    sentenceFirst = words.length;
  };
  const endDocument = () => {
    endSentence();
    if (words.length > 0) docs.push({ words, sentences, tags: Uint8Array.from(tags) });
    words = [];
    tags = [];
    sentences = [];
    sentenceFirst = 0;
  };
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '') {
      endSentence();
      continue;
    }
    const cols = line.split(' ');
    if (cols[0] === '-DOCSTART-') {
      endDocument();
      continue;
    }
    const ner = cols[cols.length - 1];
    let tag = 0;
    if (ner !== 'O') {
      const type = TYPE_NAMES.indexOf(ner.slice(2) as (typeof TYPE_NAMES)[number]);
      if (type < 0) throw new Error(`unknown tag ${ner} in ${path}`);
      const previous = words.length > sentenceFirst ? tags[tags.length - 1] : 0;
      const continues = ner.startsWith('I-') && previous !== 0 && (previous - 1) >> 1 === type;
      tag = continues ? beginTag(type) + 1 : beginTag(type);
    }
    words.push(cols[0]);
    tags.push(tag);
  }
  endDocument();
  return docs;
}
