// The trained name recogniser: tokenises raw text, tags it with the model, and turns tags into spans
// over the raw text. Pure: the caller supplies the model bytes.
import type { NameSpan } from '../../model';
import { tokenize, type Token } from '../../text/tokenize';
import type { NameRecognizer } from '../types';
import { caseClassOf, LOWER } from './features';
import { decodeModel } from './modelFile';
import { ENTITY_TYPE_OF, tagSpans, typeOfTag, type TagSpan } from './tags';
import { Tagger } from './tagger';

export { decodeModel } from './modelFile';
export { normalizeWord } from './lexicon';
export { Tagger, type TaggerWeights } from './tagger';

// Words that may open a person span in the tagger's output but are not part of the name.
const TITLES = new Set([
  'president', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'prof', 'prof.', 'sir', 'dame', 'lord', 'lady', 'general', 'gen', 'gen.',
  'minister', 'premier', 'chancellor', 'king', 'queen', 'prince', 'princess', 'pope', 'senator', 'sen.', 'governor', 'gov.', 'mayor',
  'judge', 'justice', 'colonel', 'col.', 'captain', 'capt.', 'lt.', 'sgt.', 'sergeant', 'commander', 'admiral', 'secretary', 'chairman',
  'spokesman', 'spokeswoman', 'ambassador', 'rev.', 'father', 'sheikh', 'ayatollah', 'coach', 'manager', 'deputy',
]);

export function createNameRecognizer(model: Uint8Array): NameRecognizer {
  const decoded = decodeModel(model);
  if (!decoded.weights) throw new Error(decoded.problem ?? 'invalid name model');
  const tagger = new Tagger(decoded.weights);
  return {
    recognize(text: string): NameSpan[] {
      return recognizeNames(tagger, text);
    },
  };
}

export function recognizeNames(tagger: Tagger, text: string): NameSpan[] {
  const { tokens, sentences } = tokenize(text);
  const lexicon = tagger.lexicon;
  lexicon.limit(200_000);
  const ids = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) ids[i] = lexicon.id(tokens[i].text);
  const { tags } = tagger.tagIds(ids, sentences);
  const words: string[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) words[i] = lexicon.words[ids[i]];
  const spans: TagSpan[] = [];
  for (const s of sentences) tagSpans(tags, s.first, s.end, spans);
  const out: NameSpan[] = [];
  let sentenceIndex = 0;
  for (const span of spans) {
    while (sentences[sentenceIndex].end <= span.first) sentenceIndex++;
    let { first, end } = span;
    // Titles stay outside a person's name; trailing possessives and punctuation stay outside any name.
    while (span.type === 0 && end - first > 1 && TITLES.has(words[first].toLowerCase())) first++;
    while (end - first > 1 && isTrailingJunk(words[end - 1])) end--;
    while (end - first > 1 && isLeadingJunk(words[first])) first++;
    if (isTrailingJunk(words[first]) || isLeadingJunk(words[first])) continue;
    if (end - first === 1 && isHyphenatedWithLowerPart(words[first])) {
      const sentence = sentences[sentenceIndex];
      for (const part of hyphenParts(tagger, words, sentence.first, sentence.end, first, tokens[first], span.type)) out.push(part);
      continue;
    }
    out.push({ start: tokens[first].start, end: tokens[end - 1].end, type: ENTITY_TYPE_OF[span.type] });
  }
  return out;
}

function isTrailingJunk(w: string): boolean {
  return w === "'s" || w === "'" || w === '"' || w === ',' || w === '-' || w === '--' || w === '(' || w === ')';
}

function isLeadingJunk(w: string): boolean {
  return w === '"' || w === "'" || w === '(' || w === '-' || w === '--' || w === ',';
}

/** `pro-Kremlin`, `Moscow-installed`, `Russia-controlled`: a hyphenated word with an all-lower-case part. */
function isHyphenatedWithLowerPart(w: string): boolean {
  if (w.indexOf('-') < 0) return false;
  const parts = w.split('-');
  return parts.some((p) => p !== '' && caseClassOf(p) === LOWER) && parts.some((p) => p !== '' && caseClassOf(p) !== LOWER);
}

/**
 * A hyphenated word the tagger marked as a name gives a name for its capitalised part only, typed by
 * tagging the sentence again with the word split at its hyphens (`Moscow-installed` -> `Moscow`, location).
 * If the split sentence leaves the part untagged, the part keeps the type the whole word had.
 */
function hyphenParts(tagger: Tagger, words: string[], from: number, to: number, at: number, token: Token, type: number): NameSpan[] {
  const parts = words[at].split('-');
  const split: string[] = words.slice(from, at);
  const partIndex: number[] = [];
  parts.forEach((p, k) => {
    if (k > 0) split.push('-');
    partIndex.push(split.length);
    split.push(p);
  });
  for (let k = at + 1; k < to; k++) split.push(words[k]);
  const { tags } = tagger.tag({ words: split, sentences: [{ first: 0, end: split.length }] });
  const out: NameSpan[] = [];
  let offset = token.start;
  parts.forEach((p, k) => {
    if (p !== '' && caseClassOf(p) !== LOWER) {
      const t = typeOfTag(tags[partIndex[k]]);
      out.push({ start: offset, end: offset + p.length, type: ENTITY_TYPE_OF[t >= 0 ? t : type] });
    }
    offset += p.length + 1;
  });
  return out;
}
