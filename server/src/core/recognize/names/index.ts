// The trained name recogniser: tokenises raw text, tags it with the model, and turns tags into spans
// over the raw text. Pure: the caller supplies the model bytes.
import type { NameSpan } from '../../model';
import { tokenRanges } from '../../text/tokenize';
import type { NameRecognizer } from '../types';
import { applyConstructions } from './constructions';
import { normalizeWord, type Lexicon } from './lexicon';
import { NOT_NAMES } from './facts';
import { decodeModel } from './modelFile';
import { ENTITY_TYPE_OF, MAX_NAME_TOKENS, tagSpans, typeOfTag, type TagSpan } from './tags';
import { Tagger } from './tagger';
import type { TokenTable } from './features';
import * as wordShape from './wordShape';

export { decodeModel } from './modelFile';
export { normalizeWord } from './lexicon';
export { Tagger, type TaggerWeights } from './tagger';

// Module-level consts: under the CommonJS interop of tsx every imported name is a getter.
const { ALL_CAPS_LINE, CAPS, caseClassOf, DIGIT, INITIAL, LOWER, MIXED, OTHER, sentenceKind, SMALL_WORDS, TITLE, TITLE_CASE_LINE } = wordShape;

// Words that may open a person span in the tagger's output but are not part of the name.
const TITLES = new Set([
  'president', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'prof', 'prof.', 'sir', 'dame', 'lord', 'lady', 'general', 'gen', 'gen.',
  'minister', 'premier', 'chancellor', 'king', 'queen', 'prince', 'princess', 'pope', 'senator', 'sen.', 'governor', 'gov.', 'mayor',
  'judge', 'justice', 'colonel', 'col.', 'captain', 'capt.', 'lt.', 'sgt.', 'sergeant', 'commander', 'admiral', 'secretary', 'chairman',
  'spokesman', 'spokeswoman', 'ambassador', 'rev.', 'father', 'sheikh', 'ayatollah', 'coach', 'manager', 'deputy',
]);

// Letters after a person's name: honours, offices, professions (as written: `Mp` is no such thing).
const POST_NOMINALS = new Set(['QC', 'KC', 'MP', 'MEP', 'MSP', 'OBE', 'MBE', 'CBE', 'KBE', 'DBE']);

export function createNameRecognizer(model: Uint8Array): NameRecognizer {
  const decoded = decodeModel(model);
  if (!decoded.weights) throw new Error(decoded.problem ?? 'invalid name model');
  const tagger = new Tagger(decoded.weights);
  return {
    recognize(text: string): NameSpan[] {
      return recognizeInChunks(tagger, text);
    },
  };
}

/**
 * Texts longer than this are tagged a stretch at a time, cut at paragraph breaks: the tokens, their ids and the
 * tagger's lattice of one stretch are what the tagger holds at once, so a 10 MB article takes some tens of MB
 * above its own size, not hundreds. A stretch is far longer than any article, so what the tagger reads from the
 * rest of a document (case statistics for truecasing) is read over enough text; only a name written across a
 * cut could be lost, and cuts fall between paragraphs (or, in text without any, at a line end or a space).
 */
export const CHUNK_LENGTH = 256 * 1024;

export function recognizeInChunks(tagger: Tagger, text: string, chunk = CHUNK_LENGTH): NameSpan[] {
  if (text.length <= chunk) return recognizeNames(tagger, text);
  const out: NameSpan[] = [];
  for (let start = 0; start < text.length; ) {
    const end = chunkEnd(text, start, chunk);
    for (const span of recognizeNames(tagger, text.slice(start, end))) out.push({ ...span, start: span.start + start, end: span.end + start });
    start = end;
  }
  return out;
}

/** Where a stretch starting at `start` ends: after the last paragraph break within reach, else a line end, else a space. */
function chunkEnd(text: string, start: number, chunk: number): number {
  const limit = start + chunk;
  if (limit >= text.length) return text.length;
  const floor = start + (chunk >> 1);
  for (const cut of [/\n[ \t]*\n/g, /[\r\n]/g, /\s/g]) {
    const at = lastMatchEnd(text, floor, limit, cut);
    if (at > 0) return at;
  }
  return limit; // one unbroken blob: cut anywhere (it is no name)
}

function lastMatchEnd(text: string, from: number, to: number, pattern: RegExp): number {
  const window = text.slice(from, to);
  let end = -1;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(window); m; m = pattern.exec(window)) end = m.index + m[0].length;
  return end < 0 ? -1 : from + end;
}

/** A token longer than this (a pasted blob, base64, a run of letters) is not a word: never a name, never in the lexicon. */
export const MAX_WORD_LENGTH = 100;
/** What the tagger sees in place of such a token: punctuation-like, so it gets the short feature set. */
const NOT_A_WORD = '<blob>';
/**
 * A span whose type outscores the next best type by less than this (in the shipped model's units) is weak: on
 * CoNLL-2003 eng.testb (held out) such types are right 65 times in a hundred, those above it 96 (`npm run
 * eval:conll` prints the buckets; check them after retraining). It was chosen on eng.testa, which the shipped model
 * (FINAL=1) now trains on, with the model before it: 70 and 98.4 in a hundred there.
 */
export const WEAK_TYPE_MARGIN = 100;
/** Hyphenated names per sentence whose parts are typed by tagging the sentence again (see hyphenParts); later ones keep the whole word's type. */
const HYPHEN_RETAGS_PER_SENTENCE = 4;

/** `margins`, when given, gets each name's type margin (see WEAK_TYPE_MARGIN; eval/typeMargins.ts prints them). */
export function recognizeNames(tagger: Tagger, text: string, margins?: Map<NameSpan, number>): NameSpan[] {
  const { count, starts, ends, sentences } = tokenRanges(text);
  const lexicon = tagger.lexicon;
  lexicon.limit(200_000);
  const ids = new Int32Array(count);
  const notWord = lexicon.id(NOT_A_WORD);
  for (let i = 0; i < count; i++) ids[i] = ends[i] - starts[i] > MAX_WORD_LENGTH ? notWord : lexicon.idAt(text, starts[i], ends[i]);
  const written = ids.slice();
  const capsLines: { first: number; end: number }[] = [];
  const forced = truecase(lexicon, text, starts, ends, ids, sentences, capsLines);
  // Lines in capitals are tagged as written too (the model learned headlines and tables in capitals from CoNLL-2003),
  // and their names taken from that tagging; truecasing adds only the names it finds beside them (`KHERSON`, unknown
  // in capitals). Weakness is read from each tagging's own scores.
  const writtenMargin = new Map<number, number>();
  const writtenTags = capsLines.length > 0 ? tagger.tagIds(written, sentences).tags.slice() : null;
  if (writtenTags) {
    const found: TagSpan[] = [];
    for (const s of capsLines) tagSpans(writtenTags, s.first, s.end, found);
    for (const s of found) writtenMargin.set(s.first, tagger.typeMargin(s.first, s.end, s.type));
  }
  const { tags, table } = tagger.tagIds(ids, sentences);
  if (writtenTags) {
    const named = namedOutside(lexicon, ids, tags, sentences, capsLines);
    for (const s of capsLines) mergeCapsLine(lexicon, ids, named, tags, writtenTags, table, s.first, s.end);
  }
  const isForced = new Uint8Array(count);
  for (const f of forced) {
    force(tags, f.first, f.end, f.type);
    isForced[f.first] = 1;
  }
  for (let i = 0; i < count; i++) if (ids[i] === notWord) outside(tags, i);
  const words: string[] = new Array(count);
  for (let i = 0; i < count; i++) words[i] = lexicon.words[ids[i]];
  const casing = new Uint8Array(count);
  for (let i = 0; i < count; i++) casing[i] = lexicon.casing(ids[i]) & 7;
  const tagged = tags.slice();
  // The opening-name rule tags sentences again: the scores the margins read are the document's, so they are restored.
  if (findOpeningNames(tagger, words, casing, tags, sentences)) tagger.tagIds(ids, sentences);
  const lower: string[] = new Array(count);
  const classes = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    lower[i] = lexicon.words[lexicon.lowerId(ids[i])];
    classes[i] = lexicon.caseClass(ids[i]);
  }
  // The case classes as written, where truecasing changed a word (see ConstructionInput.writtenClasses).
  let writtenClasses = classes;
  for (let i = 0; i < count; i++) {
    if (ids[i] === written[i]) continue;
    if (writtenClasses === classes) writtenClasses = classes.slice();
    writtenClasses[i] = lexicon.caseClass(written[i]);
  }
  applyConstructions({ words, lower, classes, writtenClasses, original: (i) => normalizeWord(text.slice(starts[i], ends[i])), casing, tags, sentences });
  for (let i = 0; i < count; i++) if (ids[i] === notWord) outside(tags, i);
  const spans: TagSpan[] = [];
  for (const s of sentences) tagSpans(tags, s.first, s.end, spans);
  // Margins read the scores of this tagging: taken before a hyphenated word's sentence is tagged again.
  // A name a construction rule made (constructions.ts, findOpeningNames) is as sure as a forced one.
  const margin = spans.map((s) => (isForced[s.first] === 1 || !taggedSpan(tagged, s) ? Infinity : (writtenMargin.get(s.first) ?? tagger.typeMargin(s.first, s.end, s.type))));
  const out: NameSpan[] = [];
  let sentenceIndex = 0;
  let retags = 0;
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k];
    while (sentences[sentenceIndex].end <= span.first) {
      sentenceIndex++;
      retags = 0;
    }
    let { first, end } = span;
    // Titles and letters after a name (`Charles Harris QC`, `Ann Lee MP`) stay outside a person's name; trailing
    // possessives and punctuation stay outside any name.
    while (span.type === 0 && end - first > 1 && TITLES.has(words[first].toLowerCase())) first++;
    while (span.type === 0 && end - first > 2 && POST_NOMINALS.has(words[end - 1])) end--;
    // But a possessive the tagger read inside a name is part of it (`Lord 's`, `McDonald 's`: in CoNLL-2003 a name
    // takes its `'s` only where the `'s` is part of the name), and a bracket whose partner is inside the name stays
    // (`Proleter ( Z )`, `( Tom ) Seaver`).
    while (end - first > 1 && isTrailingJunk(words[end - 1]) && !(words[end - 1] === "'s" && end - first === 2 && caseClassOf(words[first]) === TITLE) && !closes(words, first, end - 1)) end--;
    while (end - first > 1 && isLeadingJunk(words[first]) && !opens(words, first + 1, end)) first++;
    // `Mladost ( L` before `)`: the bracket the name opened closes it.
    if (end < sentences[sentenceIndex].end && words[end] === ')' && unclosed(words, first, end)) end++;
    if (isTrailingJunk(words[first]) || isLeadingJunk(words[first])) continue;
    if (end - first > MAX_NAME_TOKENS) continue;
    if (end - first === 1 && isHyphenatedWithLowerPart(words[first])) {
      const sentence = sentences[sentenceIndex];
      const parts = retags++ < HYPHEN_RETAGS_PER_SENTENCE ? hyphenParts(tagger, words, sentence.first, sentence.end, first, starts[first], span.type) : capitalisedParts(words[first], starts[first], span.type);
      // A part's type is the tagger's reading of a sentence the text does not hold (the word split at its hyphens):
      // weak, so the name's other mentions decide it (`non-Nato` beside `Nato` the organization).
      for (const part of parts) out.push({ ...part, weak: true });
      continue;
    }
    const name: NameSpan = { start: starts[first], end: ends[end - 1], type: ENTITY_TYPE_OF[span.type] };
    if (margin[k] < WEAK_TYPE_MARGIN) name.weak = true;
    if (margins && end - first === span.end - span.first) margins.set(name, margin[k]);
    out.push(name);
  }
  return out;
}

/**
 * A name opening a sentence, written nowhere else in the document (`Zelensky visited Kherson on Friday.`), has none
 * of the evidence the tagger weighs most for capitalised words (the same word capitalised mid-sentence elsewhere),
 * and is often left out or mistyped. In a short text, a word that opens a sentence, is unknown to the casing table (rare in the unlabelled text,
 * so no common word) and is followed by a lower-case word is tagged again as if it stood after a comma; if that
 * gives a person's name starting at it, the name is kept. Plural and verb-like words (`Feedlots`, `Hooded`) are not
 * tried, nor lines that do not end like a sentence (rows of a table).
 */
function findOpeningNames(tagger: Tagger, words: string[], casing: Uint8Array, tags: Uint8Array, sentences: { first: number; end: number }[]): boolean {
  if (words.length > SHORT_TEXT_TOKENS) return false;
  let retags = 0;
  for (const s of sentences) {
    const i = s.first;
    const alone = tags[i] === 0 || ((tags[i] & 1) === 1 && tags[i + 1] !== tags[i] + 1); // no name, or a one-word one
    if (s.end - i < 3 || !alone || casing[i] !== 0 || caseClassOf(words[i]) !== TITLE || words[i].length < 3) continue;
    if (caseClassOf(words[i + 1]) !== LOWER || SMALL_WORDS.has(words[i].toLowerCase()) || !/^[^-]*[^s-]$/.test(words[i]) || /(ed|ing|ly)$/.test(words[i])) continue;
    if (!/^[.!?]$/.test(words[s.end - 1])) continue; // a sentence, not a row of a table
    if (retags++ >= OPENING_RETAGS) return true;
    const split = [',', ...words.slice(i, s.end)];
    const { tags: again } = tagger.tag({ words: split, sentences: [{ first: 0, end: split.length }] });
    if (again[1] !== 1) continue; // a person: what a short text opens with, and what the context says least about otherwise
    let end = 2;
    while (end < split.length && again[end] === again[1] + 1) end++;
    force(tags, i, i + end - 1, typeOfTag(again[1]));
  }
  return retags > 0;
}

/** Whether the tags hold exactly this span, edges and type. */
function taggedSpan(tags: Uint8Array, s: TagSpan): boolean {
  if (tags[s.first] !== 2 * s.type + 1) return false;
  for (let i = s.first + 1; i < s.end; i++) if (tags[i] !== 2 * s.type + 2) return false;
  return s.end >= tags.length || tags[s.end] !== 2 * s.type + 2;
}

/** Sentences per document whose opening word is tagged again (see findOpeningNames). */
const OPENING_RETAGS = 8;
/**
 * A text this short (a note, a caption, a short report) has no other mention of its names to learn them from; a
 * longer one usually writes an opening name again mid-sentence, where the tagger finds it.
 */
const SHORT_TEXT_TOKENS = 120;

// News agencies credited in brackets: `(Reuters)`, `(AP)`.
const AGENCIES = new Set(['reuters', 'ap', 'afp', 'bloomberg', 'dpa', 'xinhua', 'ansa', 'efe', 'upi', 'tass', 'interfax', 'pti', 'apa', 'bna', 'ians', 'kyodo', 'yonhap', 'anadolu', 'cnn', 'bbc']);
const ORGANIZATION = 1;
const LOCATION = 2;

interface Forced {
  first: number;
  end: number;
  type: number;
}

/**
 * Real articles write headlines in title case or capitals, and datelines in capitals, which the
 * training text rarely does in the same way. Such words are given to the tagger as running text would
 * write them: words usually written in lower case (by the model's casing table) in lower case, other
 * words in capitals in title case (`RUSSIAN TROOPS PULL BACK FROM KHERSON` -> `Russian troops pull back
 * from Kherson`). Ids are replaced in place; the token offsets stay. Returns the spans a convention fixes:
 * a dateline in capitals at the start of a line is a place, an agency credit in brackets an organization.
 */
function truecase(lexicon: Lexicon, text: string, starts: Int32Array, ends: Int32Array, ids: Int32Array, sentences: { first: number; end: number }[], capsLines: { first: number; end: number }[]): Forced[] {
  const forced: Forced[] = [];
  const classes = new Uint8Array(ids.length);
  for (let i = 0; i < ids.length; i++) classes[i] = lexicon.caseClass(ids[i]);
  for (const s of sentences) {
    let capitalised = false;
    for (let i = s.first; i < s.end; i++) if (classes[i] === CAPS || classes[i] === TITLE) capitalised = true;
    if (!capitalised) continue;
    const kind = sentenceKind(classes, (i) => lexicon.isSmall(ids[i]), s.first, s.end);
    if (kind === ALL_CAPS_LINE) capsLines.push(s);
    if (kind === ALL_CAPS_LINE || ((kind === TITLE_CASE_LINE || isTitleCaseHeadline(lexicon, ids, classes, s.first, s.end)) && !isTableRow(lexicon, ids, classes, s.first, s.end))) {
      for (let i = s.first; i < s.end; i++) {
        const c = lexicon.caseClass(ids[i]);
        if (!(c === TITLE || (c === CAPS && kind === ALL_CAPS_LINE))) continue;
        const w = lexicon.words[ids[i]];
        const lw = w.toLowerCase();
        const usually = lexicon.casing(ids[i]) & 7;
        const lower = SMALL_WORDS.has(lw) || usually === 1 || usually === 2 || (usually === 0 && isLowerCompound(lexicon, lw));
        if (lower && i > s.first) ids[i] = lexicon.id(lw);
        else if (c === CAPS && (w.length > 3 || usually >= 4 || lower)) ids[i] = lexicon.id(titleCase(w));
      }
      continue;
    }
    // A dateline: words in capitals opening a line, then a comma or a bracket (`KYIV, Aug 3 (Reuters) -`).
    if (atLineStart(text, starts[s.first])) {
      let j = s.first;
      while (j < s.end && (lexicon.caseClass(ids[j]) === CAPS || lexicon.caseClass(ids[j]) === INITIAL) && j - s.first < 4) j++;
      if (j > s.first && j < s.end && (isChar(text, starts, ends, j, COMMA) || isChar(text, starts, ends, j, OPEN)) && ends[j - 1] - starts[s.first] >= 2) {
        for (let i = s.first; i < j; i++) ids[i] = lexicon.id(titleCase(lexicon.words[ids[i]]));
        forced.push({ first: s.first, end: j, type: LOCATION });
      }
    }
    for (let i = s.first + 1; i + 1 < s.end; i++) {
      if (isChar(text, starts, ends, i - 1, OPEN) && isChar(text, starts, ends, i + 1, CLOSE) && AGENCIES.has(lexicon.words[ids[i]].toLowerCase())) forced.push({ first: i, end: i + 1, type: ORGANIZATION });
    }
  }
  return forced;
}

/**
 * The names of a line in capitals: those of its tagging as written, and those of the truecased tagging that overlap
 * none of them and that are known as names of their type, from a list of the model's (`KHERSON`, a place of the place
 * names) or from the document's other lines (`KESSEL` where a sentence names `Kessel` as a place): truecased, a
 * headline's capitals read as names far too often (`EASTERN CONFERENCE`, `PLAYOFF HUNT`, `WORSENS`).
 * Writes tags [first, end).
 */
function mergeCapsLine(lexicon: Lexicon, ids: Int32Array, named: ReadonlySet<number>, tags: Uint8Array, written: Uint8Array, table: TokenTable, first: number, end: number): void {
  const truecased: TagSpan[] = [];
  tagSpans(tags, first, end, truecased);
  const taken = new Uint8Array(end - first);
  for (let i = first; i < end; i++) {
    tags[i] = written[i];
    if (written[i] !== 0) taken[i - first] = 1;
  }
  for (const s of truecased) {
    let free = true;
    let known = false;
    for (let i = s.first; i < s.end; i++) {
      if (taken[i - first]) free = false;
      const at = i * 4 + s.type;
      if (table.gazetteer[at] !== 0 || table.places[at] !== 0 || table.facts[at] !== 0 || named.has(lexicon.lowerId(ids[i]) * 4 + s.type)) known = true;
    }
    if (free && known) force(tags, s.first, s.end, s.type);
  }
}

/** The words of the names tagged outside the lines in capitals, as lower-case id * 4 + type. */
function namedOutside(lexicon: Lexicon, ids: Int32Array, tags: Uint8Array, sentences: { first: number; end: number }[], capsLines: { first: number; end: number }[]): Set<number> {
  const out = new Set<number>();
  let c = 0;
  for (const s of sentences) {
    while (c < capsLines.length && capsLines[c].end <= s.first) c++;
    if (c < capsLines.length && capsLines[c].first === s.first) continue;
    for (let i = s.first; i < s.end; i++) if (tags[i] !== 0) out.add(lexicon.lowerId(ids[i]) * 4 + typeOfTag(tags[i]));
  }
  return out;
}

/** Every word but small function words capitalised, at least three of them (`Xi and Biden Meet on Sidelines of G20 Summit`). */
function isTitleCaseHeadline(lexicon: Lexicon, ids: Int32Array, classes: Uint8Array, first: number, end: number): boolean {
  let capitalised = 0;
  for (let i = first; i < end; i++) {
    const c = classes[i];
    if (c === TITLE || c === CAPS || c === INITIAL) capitalised++;
    else if ((c === LOWER || c === MIXED) && !lexicon.isSmall(ids[i])) return false;
  }
  return capitalised >= 3;
}

/**
 * A row of a table or a team list, not a headline, though every word in it is capitalised (`Chris Witty ( US )
 * 41.75`, `7 - Neil Back ( England ) ,`, `Defenders - Rudi Vata , Saimir Malko`, `-- New York Commodities Desk`): its
 * words are names as written, and lowering those that are also common words (`Witty`, `Back`, `Price`) loses them.
 * Such a line opens with a figure or a dash, lists names with commas after a dash, or holds a figure for every four
 * capitalised words or fewer, beside brackets or other marks of a table (or a second figure). A list of credits in
 * brackets with a figure here and there (`Doc Martin (Buffalo Productions, ITV1) ... Shrek 2`) is still title case.
 */
function isTableRow(lexicon: Lexicon, ids: Int32Array, classes: Uint8Array, first: number, end: number): boolean {
  let figures = 0;
  let words = 0;
  let marks = 0;
  let commas = 0;
  let dash = false;
  for (let i = first; i < end; i++) {
    const c = classes[i];
    if (c === DIGIT) figures++;
    else if (c === TITLE || c === CAPS || c === INITIAL) words++;
    else if (c === OTHER) {
      const w = lexicon.words[ids[i]];
      if (w === '-' || w === '--') dash = dash || i > first;
      else if (w === ',') commas++;
      if (ROW_MARKS.has(w)) marks++;
    }
  }
  const opening = lexicon.words[ids[first]];
  if (classes[first] === DIGIT || opening === '-' || opening === '--') return true;
  return (dash && commas > 0) || (figures > 0 && figures * 4 >= words && (marks > 0 || figures >= 2));
}
const ROW_MARKS = new Set(['(', ')', ',', ';', ':', '/', '=', '$', '.']);

/** `run-off`: a hyphenated word whose parts are all usually written in lower case. */
function isLowerCompound(lexicon: Lexicon, lw: string): boolean {
  if (lw.indexOf('-') < 0) return false;
  for (const part of lw.split('-')) {
    if (part === '') return false;
    const usually = lexicon.casing(lexicon.id(part)) & 7;
    if (!(SMALL_WORDS.has(part) || usually === 1 || usually === 2)) return false;
  }
  return true;
}

/** `KHERSON` -> `Kherson`; each part of a hyphenated word (`AL-AIN` -> `Al-Ain`, one name, not `Al` and a lower-case part). */
function titleCase(w: string): string {
  if (w.indexOf('-') < 0) return w[0] + w.slice(1).toLowerCase();
  return w.split('-').map((p) => (p === '' ? p : p[0] + p.slice(1).toLowerCase())).join('-');
}

/** Whether token k is the one character `code`. */
function isChar(text: string, starts: Int32Array, ends: Int32Array, k: number, code: number): boolean {
  return ends[k] - starts[k] === 1 && text.charCodeAt(starts[k]) === code;
}
const COMMA = 44;
const OPEN = 40;
const CLOSE = 41;

function atLineStart(text: string, at: number): boolean {
  for (let k = at - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Sets tag i to outside, leaving the tags after it well formed. */
function outside(tags: Uint8Array, i: number): void {
  tags[i] = 0;
  if (i + 1 < tags.length && tags[i + 1] !== 0 && (tags[i + 1] & 1) === 0) tags[i + 1] -= 1;
}

/** Sets tags [first, end) to one span of `type`, leaving the tags around it well formed. */
function force(tags: Uint8Array, first: number, end: number, type: number): void {
  for (let i = first; i < end; i++) tags[i] = i === first ? 2 * type + 1 : 2 * type + 2;
  if (end < tags.length && tags[end] !== 0 && (tags[end] & 1) === 0) tags[end] -= 1;
}

/** Whether a `)` at `at` closes a `(` inside [first, at). */
function closes(words: string[], first: number, at: number): boolean {
  if (words[at] !== ')') return false;
  for (let k = at - 1; k >= first; k--) {
    if (words[k] === ')') return false;
    if (words[k] === '(') return true;
  }
  return false;
}

/** Whether [first, end) holds a `(` that no `)` after it closes. */
function unclosed(words: string[], first: number, end: number): boolean {
  let open = false;
  for (let k = first; k < end; k++) {
    if (words[k] === '(') open = true;
    else if (words[k] === ')') open = false;
  }
  return open;
}

/** Whether a `(` at first - 1 is closed by a `)` inside [first, end). */
function opens(words: string[], first: number, end: number): boolean {
  if (words[first - 1] !== '(') return false;
  for (let k = first; k < end; k++) {
    if (words[k] === '(') return false;
    if (words[k] === ')') return true;
  }
  return false;
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
function hyphenParts(tagger: Tagger, words: string[], from: number, to: number, at: number, start: number, type: number): NameSpan[] {
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
  return capitalisedParts(words[at], start, type, (k) => typeOfTag(tags[partIndex[k]]));
}

/** The capitalised parts of a hyphenated word starting at `start`, each of the type `typeOf` gives it (else `type`); a generic word (`anti-Aids`, `TV-viewing`) is none. */
function capitalisedParts(word: string, start: number, type: number, typeOf: (part: number) => number = () => -1): NameSpan[] {
  const out: NameSpan[] = [];
  let offset = start;
  word.split('-').forEach((p, k) => {
    if (p !== '' && caseClassOf(p) !== LOWER && !NOT_NAMES.has(p.toLowerCase())) {
      const t = typeOf(k);
      out.push({ start: offset, end: offset + p.length, type: ENTITY_TYPE_OF[t >= 0 ? t : type] });
    }
    offset += p.length + 1;
  });
  return out;
}
