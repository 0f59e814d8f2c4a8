// Constructions of real news that the CoNLL training text teaches too little of, applied to the tagger's tags
// before they become spans: names of known kinds (facts.ts) typed and split, clubs in fixture lists, titles of
// works announced by a cue word, a quote or a channel in brackets (and their other mentions in the document),
// and lines of site furniture. Each rule writes whole spans, so the tags stay well formed.
import { FACT_LISTS, MISC, NOT_NAMES, ORG, SITE_FURNITURE, splitName, WEAK_WORK_CUES, WORK_CUE_OPENERS, WORK_CUES, type FactKind } from './facts';
import * as wordShape from './wordShape';

// Module-level consts: under the CommonJS interop of tsx every imported name is a getter.
const { CAPS, caseClassOf, DIGIT, isCapitalised, LOWER } = wordShape;

/** Words a title of a work or a multi-word name may hold between its capitalised words. */
const INNER_WORDS = new Set(['of', 'the', 'and', 'a', 'an', 'in', 'on', 'at', 'to', 'for', 'with', 'or', 'de', '&', "'s", "n't", "'m", "'re", "'ve", "'ll", "'d", '-', ':']);
/** The same inside a title written before a channel in brackets, where `with`, `from` would reach back into the sentence. */
const BACKWARD_INNER_WORDS = new Set(['of', 'the', 'and', 'a', 'an', 'in', 'on', 'at', 'to', 'for', '&', "'s"]);
const MAX_TITLE_TOKENS = 10;
/** Quoted words opening with one of these are a nickname or a name (`"Mr Yen"`), not a title. */
const PERSON_TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'sir', 'lord', 'lady', 'dame', 'king', 'queen', 'prince', 'princess', 'saint', 'st']);
/** Makers of a work, before `of` and its title (`creator of The Simpsons`); a person or place after them stays one. */
const MAKER_CUES = new Set(['creator', 'creators', 'co-creator', 'author', 'co-author', 'writer', 'co-writer', 'star', 'stars']);
/** Last words that make a capitalised run a title of a work. */
const WORK_HEADS = new Set(['Show', 'Diaries', 'Chronicles', 'Saga']);
/** Plural cue words, which announce a list of titles. */
const PLURAL_WORK_CUES = new Set(['films', 'movies', 'albums', 'songs', 'novels', 'sitcoms', 'programmes', 'shows', 'dramas', 'books', 'plays', 'musicals', 'hits', 'singles']);
/** What stands between a title, its comma and a cue word in an apposition (`The Aviator, the film by ...`). */
const APPOSITIVE_OPENERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its']);
const FIXTURE_WORDS = new Set(['v', 'v.', 'vs', 'vs.']);

interface Fact {
  words: string[];
  /** Whether each word must be written capitalised (its entry has a capital letter). */
  capital: boolean[];
  type: number;
  kind: FactKind;
  broadcaster: boolean;
}

export interface ConstructionInput {
  /** Token texts as the tagger saw them (normalised quotes and dashes, headline words truecased). */
  words: string[];
  /** Token texts as written (normalised quotes and dashes). */
  original: string[];
  /** How each token's word is usually written (casing bucket & 7, 0 unknown), from the model's casing table. */
  casing: ArrayLike<number>;
  tags: Uint8Array;
  sentences: readonly { first: number; end: number }[];
}

interface Span {
  first: number;
  end: number;
  type: number;
}

let factIndex: Map<string, Fact[]> | null = null;

/** Facts by their first lower-case word, longest first; built on first use. */
function facts(): Map<string, Fact[]> {
  if (factIndex) return factIndex;
  const index = new Map<string, Fact[]>();
  for (const list of FACT_LISTS) {
    for (const name of list.names.split('|')) {
      const raw = splitName(name);
      if (raw.length === 0) continue;
      const fact: Fact = { words: raw.map((w) => w.toLowerCase()), capital: raw.map((w) => w !== w.toLowerCase()), type: list.type, kind: list.kind, broadcaster: list.broadcaster === true };
      const bucket = index.get(fact.words[0]);
      if (bucket) bucket.push(fact);
      else index.set(fact.words[0], [fact]);
    }
  }
  for (const bucket of index.values()) bucket.sort((a, b) => b.words.length - a.words.length);
  factIndex = index;
  return index;
}

/** The longest fact matching at token i (case-insensitive; capitalised words must be written capitalised). */
function factAt(words: string[], classes: Uint8Array, i: number, end: number): Fact | null {
  const bucket = facts().get(words[i].toLowerCase());
  if (!bucket) return null;
  for (const f of bucket) {
    if (i + f.words.length > end) continue;
    let ok = true;
    for (let k = 0; k < f.words.length && ok; k++) {
      const w = words[i + k];
      if (w.toLowerCase() !== f.words[k]) ok = false;
      else if (f.capital[k] && classes[i + k] === LOWER) ok = false;
    }
    if (ok) return f;
  }
  return null;
}

/** Sets tags [first, end) to one span of `type`, leaving the tags around it well formed. */
function force(tags: Uint8Array, first: number, end: number, type: number): void {
  // A span that ran into [first, end) from the left now ends before it; one running out of it starts after it.
  for (let i = first; i < end; i++) tags[i] = i === first ? 2 * type + 1 : 2 * type + 2;
  if (end < tags.length && tags[end] !== 0 && (tags[end] & 1) === 0) tags[end] -= 1;
}

function clear(tags: Uint8Array, first: number, end: number): void {
  for (let i = first; i < end; i++) tags[i] = 0;
  if (end < tags.length && tags[end] !== 0 && (tags[end] & 1) === 0) tags[end] -= 1;
}

function spansOf(tags: Uint8Array, first: number, end: number): Span[] {
  const out: Span[] = [];
  for (let i = first; i < end; i++) {
    const t = tags[i];
    if (t === 0) continue;
    if ((t & 1) === 1 || out.length === 0 || out[out.length - 1].end !== i) out.push({ first: i, end: i + 1, type: (t - 1) >> 1 });
    else out[out.length - 1].end = i + 1;
  }
  return out;
}

export function applyConstructions(input: ConstructionInput): void {
  const { words, tags, sentences } = input;
  const classes = Uint8Array.from(words, caseClassOf);
  applySurnames(words, classes, tags, sentences);
  const titles: string[][] = [];
  for (const s of sentences) {
    if (isFurniture(words, s.first, s.end)) {
      clear(tags, s.first, s.end);
      continue;
    }
    applyFacts(input, classes, s.first, s.end);
    applyFixtures(words, classes, tags, s.first, s.end);
    for (const t of applyWorks(input, classes, s.first, s.end)) titles.push(t);
  }
  if (titles.length) applyTitleMemory(words, classes, tags, sentences, titles);
  // What a rule cut off a longer span and holds no capitalised word or digit (`and` between two titles) is no name,
  // nor is a generic word alone (`PC`, `TV`, `Aids`).
  for (const s of sentences) {
    for (const o of spansOf(tags, s.first, s.end)) {
      if (!hasCapital(classes, o.first, o.end) || (o.end - o.first === 1 && NOT_NAMES.has(words[o.first].toLowerCase()))) clear(tags, o.first, o.end);
    }
  }
}

function hasCapital(classes: Uint8Array, first: number, end: number): boolean {
  for (let i = first; i < end; i++) if (isCapitalised(classes[i]) || classes[i] === DIGIT) return true;
  return false;
}

/**
 * A one-word name that is the last word of a person's full name in the same document is that person's surname
 * (`Zelenskyy` after `Volodymyr Zelenskyy`) where the tagger made it an organization or a misc name alone: news
 * names a person in full once, then by surname.
 */
function applySurnames(words: string[], classes: Uint8Array, tags: Uint8Array, sentences: readonly { first: number; end: number }[]): void {
  const surnames = new Set<string>();
  const single: Span[] = [];
  for (const s of sentences) {
    for (const o of spansOf(tags, s.first, s.end)) {
      if (o.type === 0 && o.end - o.first >= 2 && isCapitalised(classes[o.end - 1]) && !words.slice(o.first, o.end).some((w) => w.indexOf('-') >= 0)) surnames.add(words[o.end - 1].toLowerCase());
      // A place keeps its type: a person's name the tagger made of a headline (`Russian-Occupied Kherson`) must not
      // take the city with it; organizations and other names are what a lone surname is mistaken for.
      else if ((o.type === ORG || o.type === MISC) && o.end - o.first === 1) single.push(o);
    }
  }
  if (surnames.size === 0) return;
  for (const o of single) if (surnames.has(words[o.first].toLowerCase()) && classes[o.first] !== CAPS) force(tags, o.first, o.end, 0);
}

/** A line that is only a web page's furniture (`Advertisement`, `Skip to content`). */
function isFurniture(words: string[], first: number, end: number): boolean {
  let e = end;
  while (e > first && (words[e - 1] === '.' || words[e - 1] === ':')) e--;
  if (e - first === 0 || e - first > 4) return false;
  return SITE_FURNITURE.has(words.slice(first, e).join(' ').toLowerCase());
}

/**
 * Names of known kinds: a tagger span with exactly a fact's words (or inside it) gets the fact's type; a missed
 * fact is added, unless it is one word opening the sentence that is usually written in lower case (`Labour costs`).
 * A span that runs past a fact is left alone: the tagger saw a longer name (`Sky News Australia`, `Celtic Glasgow`).
 */
function applyFacts(input: ConstructionInput, classes: Uint8Array, first: number, end: number): void {
  const { words, tags, casing } = input;
  const matches: { first: number; end: number; fact: Fact }[] = [];
  for (let i = first; i < end; ) {
    const c = classes[i];
    const f = c === LOWER ? null : factAt(words, classes, i, end);
    if (!f) {
      i++;
      continue;
    }
    matches.push({ first: i, end: i + f.words.length, fact: f });
    i += f.words.length;
  }
  if (matches.length === 0) return;
  for (const m of matches) {
    if (m.fact.kind !== 'name') continue;
    const overlapping = spansOf(tags, first, end).filter((s) => s.first < m.end && m.first < s.end);
    if (overlapping.some((s) => s.first < m.first || s.end > m.end)) continue;
    if (overlapping.length === 0) {
      const single = m.end - m.first === 1;
      const usual = casing[m.first];
      if (single && m.first === first && usual >= 1 && usual <= 3) continue;
    }
    // A headline in capitals (`ENGLISH PREMIER LEAGUE RESULTS`): the tagger knows that style better than a list.
    if (!allCapsEntry(m.fact) && allCaps(classes, m.first, m.end) && m.fact.words.some((w) => w.length > 3)) continue;
    force(tags, m.first, m.end, m.fact.type);
  }
}

function allCaps(classes: Uint8Array, first: number, end: number): boolean {
  for (let i = first; i < end; i++) if (classes[i] !== CAPS && classes[i] !== DIGIT) return false;
  return true;
}

/** An entry written in capitals (`ITV`, `BBC One` is not). */
function allCapsEntry(f: Fact): boolean {
  return f.capital.every((c) => c) && f.words.every((w) => w.length <= 5);
}

/**
 * A fixture list (`Arsenal v Stoke Swindon/Notts Co v Middlesbrough`): each run of capitalised words between
 * `v` words that known clubs cover entirely, with `/` between alternatives, is those clubs.
 */
function applyFixtures(words: string[], classes: Uint8Array, tags: Uint8Array, first: number, end: number): void {
  let hasFixture = false;
  for (let i = first + 1; i + 1 < end; i++) if (FIXTURE_WORDS.has(words[i]) && classes[i] === LOWER && isCapitalised(classes[i - 1]) && isCapitalised(classes[i + 1])) hasFixture = true;
  if (!hasFixture) return;
  for (let i = first; i < end; ) {
    if (!isCapitalised(classes[i]) && classes[i] !== DIGIT) {
      i++;
      continue;
    }
    let j = i;
    while (j < end && (isCapitalised(classes[j]) || classes[j] === DIGIT || (words[j] === '/' && j > i))) j++;
    const nextToFixture = (i > first && FIXTURE_WORDS.has(words[i - 1])) || (j < end && FIXTURE_WORDS.has(words[j]));
    if (nextToFixture) {
      const clubs: { first: number; end: number }[] = [];
      let k = i;
      while (k < j) {
        if (words[k] === '/') {
          k++;
          continue;
        }
        const f = factAt(words, classes, k, j);
        if (!f || f.type !== ORG) break;
        clubs.push({ first: k, end: k + f.words.length });
        k += f.words.length;
      }
      if (k === j) {
        clear(tags, i, j);
        for (const c of clubs) force(tags, c.first, c.end, ORG);
      }
    }
    i = j;
  }
}

/**
 * Titles of works: a run of capitalised words after a cue word (`the film Million Dollar Baby`), inside quotes
 * (`"Hopes and Fears"`), or before a channel in brackets (`Shameless (Channel 4)`) is a title, MISC. Returns
 * the titles found, as lower-case words, for the rest of the document.
 */
function applyWorks(input: ConstructionInput, classes: Uint8Array, first: number, end: number): string[][] {
  const { words, tags } = input;
  const found: string[][] = [];
  const mark = (a: number, b: number) => {
    force(tags, a, b, MISC);
    found.push(words.slice(a, b).map((w) => w.toLowerCase()));
  };
  // `The Aviator, the film by ...`: a capitalised run before `, the <cue>` that the tagger did not find as a person.
  const appositiveTitle = (cue: number) => {
    if (cue - 3 < first || !APPOSITIVE_OPENERS.has(words[cue - 1].toLowerCase()) || words[cue - 2] !== ',') return;
    const stop = cue - 2;
    let start = stop;
    while (start > first && (isCapitalised(classes[start - 1]) || classes[start - 1] === DIGIT || (BACKWARD_INNER_WORDS.has(words[start - 1].toLowerCase()) && start - 2 >= first && isCapitalised(classes[start - 2])))) start--;
    if (start < stop && classes[start] === LOWER && BACKWARD_INNER_WORDS.has(words[start].toLowerCase())) start++;
    if (start === stop || stop - start > MAX_TITLE_TOKENS || isFactRun(words, classes, start, stop)) return;
    if (spansOf(tags, first, end).some((o) => o.first < stop && start < o.end && (o.type === 0 || o.first < start || o.end > stop))) return;
    mark(start, stop);
  };
  for (let i = first; i < end; i++) {
    const w = words[i];
    const lw = w.toLowerCase();
    // `creator of The Simpsons`, `author of The Glass Tide`.
    if (classes[i] === LOWER && MAKER_CUES.has(lw) && i + 2 < end && words[i + 1] === 'of' && input.original[i] === w) {
      const stop = titleRunEnd(words, classes, i + 2, end);
      const spans = spansOf(tags, i + 2, stop);
      const known = spans.some((o) => o.type !== MISC && o.first === i + 2 && o.end === stop && o.type !== 1) || isFactRun(words, classes, i + 2, stop);
      if (stop > i + 2 && isCapitalised(classes[i + 2]) && !known) mark(i + 2, stop);
      continue;
    }
    // A cue word, then the title (or a list of them: `films such as Ray, Closer and Sideways`).
    if (classes[i] === LOWER && WORK_CUES.has(lw) && i + 1 < end) {
      if (input.original[i] !== w) continue; // a headline word the truecasing lowered: no cue
      if (WEAK_WORK_CUES.has(lw) && !(i > first && WORK_CUE_OPENERS.has(words[i - 1].toLowerCase()))) continue;
      let start = i + 1;
      let list = PLURAL_WORK_CUES.has(lw);
      const next = words[start].toLowerCase();
      if (next === 'such' && start + 1 < end && words[start + 1].toLowerCase() === 'as') (start += 2), (list = true);
      else if (next === 'including' || next === 'like') (start += 1), (list = true);
      if (start < end && words[start] === '"') start++;
      const stop = titleRunEnd(words, classes, start, end, list);
      if (!(stop > start && isCapitalised(classes[start]) && !isFactRun(words, classes, start, stop))) {
        appositiveTitle(i);
        continue;
      }
      mark(start, stop);
      let at = stop;
      while (list && at < end) {
        let k = at;
        if (words[k] === '"') k++;
        if (k < end && (words[k] === ',' || words[k].toLowerCase() === 'and' || words[k] === '&')) k++;
        if (k < end && words[k].toLowerCase() === 'and') k++;
        if (k < end && words[k] === '"') k++;
        if (k === at) break;
        const e = titleRunEnd(words, classes, k, end, true);
        if (!(e > k && isCapitalised(classes[k])) || isFactRun(words, classes, k, e)) break;
        mark(k, e);
        at = e;
      }
      i = at - 1;
      continue;
    }
    // A quoted title: every word capitalised or small, two words at least.
    if (w === '"' && i + 2 < end) {
      let close = i + 1;
      while (close < end && words[close] !== '"' && close - i <= MAX_TITLE_TOKENS + 1) close++;
      if (close >= end || words[close] !== '"' || close - i - 1 < 2) continue;
      const inside = spansOf(tags, i + 1, close);
      const titled = PERSON_TITLES.has(words[i + 1].toLowerCase());
      const named = titled || inside.length === 1 && inside[0].first === i + 1 && inside[0].end === close && (inside[0].type === 0 || inside[0].type === 2);
      if (!named && titleRunEnd(words, classes, i + 1, close) === close && isCapitalised(classes[close - 1])) mark(i + 1, close);
      i = close;
      continue;
    }
    // A channel in brackets after a title.
    if (w === '(' && i > first) {
      if (!channelsInBrackets(words, classes, i + 1, end)) continue;
      let start = i;
      while (start > first && (isCapitalised(classes[start - 1]) || classes[start - 1] === DIGIT || (BACKWARD_INNER_WORDS.has(words[start - 1].toLowerCase()) && start - 2 >= first && isCapitalised(classes[start - 2])))) start--;
      if (start > first && classes[start] === LOWER && BACKWARD_INNER_WORDS.has(words[start].toLowerCase())) start++;
      // A line opening with a person and a channel (`Ann Lee (BBC News)`) is a byline, not a programme.
      const person = start === first && spansOf(tags, start, i).some((o) => o.type === 0 && o.first === start && o.end === i);
      if (start < i && i - start <= MAX_TITLE_TOKENS && !person && !allCaps(classes, start, i) && !isFactRun(words, classes, start, i)) mark(start, i);
      continue;
    }
    // A title named by its last word (`The Catherine Tate Show`, `The Alan Clark Diaries`).
    if (WORK_HEADS.has(w) && i > first) {
      let start = i;
      while (start > first && (isCapitalised(classes[start - 1]) || classes[start - 1] === DIGIT || (BACKWARD_INNER_WORDS.has(words[start - 1].toLowerCase()) && start - 2 >= first && isCapitalised(classes[start - 2])))) start--;
      if (start < i && classes[start] === LOWER && BACKWARD_INNER_WORDS.has(words[start].toLowerCase())) start++;
      if (start < i && i + 1 - start <= MAX_TITLE_TOKENS && !isFactRun(words, classes, start, i + 1)) mark(start, i + 1);
    }
  }
  return found;
}

/**
 * Whether the words from `at` are known organizations in brackets, one of them a channel, joined by `,` or `/`
 * (`(Channel 4)`, `(Granada, ITV1)`, `(Twentieth Century Fox, BBC Two/Sky One)`).
 */
function channelsInBrackets(words: string[], classes: Uint8Array, at: number, end: number): boolean {
  let channel = false;
  for (let k = at; k < end; ) {
    const f = factAt(words, classes, k, end);
    if (!f || f.type !== ORG) return false;
    if (f.broadcaster) channel = true;
    k += f.words.length;
    if (words[k] === ')') return channel;
    if (words[k] !== ',' && words[k] !== '/') return false;
    k++;
  }
  return false;
}

/**
 * Where a title starting at `start` ends: capitalised words and digits, with small words between them; in a list
 * (`inList`), `and` and `&` end a title too (`Life Begins and Von Trapped`).
 */
function titleRunEnd(words: string[], classes: Uint8Array, start: number, end: number, inList = false): number {
  if (start >= end || !(isCapitalised(classes[start]) || classes[start] === DIGIT)) return start;
  let last = start + 1;
  for (let j = start + 1; j < end && j - start < MAX_TITLE_TOKENS; j++) {
    const c = classes[j];
    if (isCapitalised(c) || c === DIGIT) last = j + 1;
    else if (inList && (words[j].toLowerCase() === 'and' || words[j] === '&')) break;
    else if (!(INNER_WORDS.has(words[j].toLowerCase()) || words[j] === '...')) break;
  }
  return last;
}

/** A run that is exactly one known name of another kind (`the show ITV1`): not a title. */
function isFactRun(words: string[], classes: Uint8Array, start: number, stop: number): boolean {
  const f = factAt(words, classes, start, stop);
  return f !== null && start + f.words.length === stop && f.type !== MISC;
}

/** Other mentions of a title found in the document, where the tagger saw no longer name around them. */
function applyTitleMemory(words: string[], classes: Uint8Array, tags: Uint8Array, sentences: readonly { first: number; end: number }[], titles: string[][]): void {
  const byFirst = new Map<string, string[][]>();
  const add = (t: string[]) => {
    const bucket = byFirst.get(t[0]) ?? [];
    if (!bucket.some((o) => o.join(' ') === t.join(' '))) bucket.push(t);
    bucket.sort((a, b) => b.length - a.length);
    byFirst.set(t[0], bucket);
  };
  for (const t of titles) {
    add(t);
    if (t.length >= 2 && t[0] === 'the') add(t.slice(1));
  }
  for (const s of sentences) {
    for (let i = s.first; i < s.end; i++) {
      if (!isCapitalised(classes[i]) && classes[i] !== DIGIT) continue;
      const bucket = byFirst.get(words[i].toLowerCase());
      if (!bucket) continue;
      const t = bucket.find((t) => i + t.length <= s.end && t.every((w, k) => words[i + k].toLowerCase() === w) && isCapitalised(classes[i + t.length - 1]));
      if (!t) continue;
      const end = i + t.length;
      // A one-word title opening a sentence may be an ordinary word.
      if (t.length === 1 && i === s.first) continue;
      const spans = spansOf(tags, s.first, s.end).filter((o) => o.first < end && i < o.end);
      if (!spans.some((o) => o.first < i || o.end > end)) force(tags, i, end, MISC);
      i = end - 1;
    }
  }
}
