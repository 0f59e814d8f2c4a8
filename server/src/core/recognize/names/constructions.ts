// Constructions of real news that the CoNLL training text teaches too little of, applied to the tagger's tags
// before they become spans: names of known kinds (facts.ts) typed, products by their model, clubs in fixture lists,
// a lone surname as its person, names by their head or a noun before them (heads.ts), titles of works (works.ts) and
// lines of site furniture; last, what is no name is dropped (nonNames.ts). Each rule writes whole spans (edits.ts).
import { allCaps, clear, factAt, force, spansOf, type Fact, type Span } from './edits';
import { MISC, ORG, PARTY_ROLES, SITE_FURNITURE } from './facts';
import { applyHeadWords } from './heads';
import { dropNonNames, YEAR } from './nonNames';
import { applyTitleMemory } from './titleMemory';
import { applyWorks } from './works';
import * as wordShape from './wordShape';

// Module-level consts: under the CommonJS interop of tsx every imported name is a getter.
const { CAPS, DIGIT, INITIAL, isCapitalised, LOWER } = wordShape;

const FIXTURE_WORDS = new Set(['v', 'v.', 'vs', 'vs.']);

export interface ConstructionInput {
  /** Token texts as the tagger saw them (normalised quotes and dashes, headline words truecased). */
  words: string[];
  /** Their lower-case forms. */
  lower: string[];
  /** Their case classes (wordShape.ts). */
  classes: Uint8Array;
  /**
   * The case classes of the words as the text writes them: a title-case line's truecasing lowers the words it takes
   * for common ones (`BBC Three` to `BBC three`), and the names of the lists are matched as written.
   */
  writtenClasses: Uint8Array;
  /** Token text i as written (normalised quotes and dashes). */
  original: (i: number) => string;
  /** How each token's word is usually written (casing bucket & 7, 0 unknown), from the model's casing table. */
  casing: ArrayLike<number>;
  tags: Uint8Array;
  sentences: readonly { first: number; end: number }[];
}

export function applyConstructions(input: ConstructionInput): void {
  const { words, classes, tags, sentences } = input;
  applySurnames(words, classes, tags, sentences);
  splitCoordinated(input);
  const titles: string[][] = [];
  const shortForms = new Set<string>();
  for (const s of sentences) {
    if (isFurniture(words, s.first, s.end)) {
      clear(tags, s.first, s.end);
      continue;
    }
    applyFacts(input, classes, input.writtenClasses, s.first, s.end, shortForms);
    applyHeadWords(words, input.lower, classes, tags, s.first, s.end);
    applyFixtures(input.lower, classes, tags, s.first, s.end);
    for (const t of applyWorks(input, classes, s.first, s.end)) titles.push(t);
  }
  if (titles.length) applyTitleMemory(words, input.writtenClasses, input.casing, tags, sentences, titles);
  if (shortForms.size) applyShortForms(input.lower, input.writtenClasses, tags, sentences, shortForms);
  dropOpeningCommonWords(input);
  joinInitials(input);
  dropNonNames(input);
}

/**
 * An initial written without its full stop before a person's name (`S Easterby`, `G Easterby` in a team list) is
 * part of the name, as initials are (`George W Bush`): a one-letter capital word the tagger left out, right before a
 * person and after no other capitalised word. Not `A` or `I`, which are words.
 */
function joinInitials(input: ConstructionInput): void {
  const { words, classes, tags, sentences } = input;
  for (const s of sentences) {
    for (let i = s.first; i + 1 < s.end; i++) {
      const w = words[i];
      if (w.length !== 1 || classes[i] !== INITIAL || w === 'A' || w === 'I' || tags[i] !== 0 || tags[i + 1] !== 1) continue;
      if (i > s.first && isCapitalised(classes[i - 1])) continue;
      let end = i + 2;
      while (end < s.end && tags[end] === 2) end++;
      force(tags, i, end, 0);
    }
  }
}

/**
 * A one-word name opening a sentence, before a lower-case word, whose word the unlabelled text nearly always writes
 * in lower case (`Boots and coats were handed out`) and that the document never writes capitalised elsewhere, is
 * capitalised by its place alone: no name.
 */
function dropOpeningCommonWords(input: ConstructionInput): void {
  const { words, classes, casing, tags, sentences } = input;
  for (const s of sentences) {
    const i = s.first;
    if (tags[i] === 0 || s.end - i < 2 || tags[i + 1] === tags[i] + 1 || classes[i + 1] !== LOWER) continue;
    if (casing[i] < 1 || casing[i] > 3 || classes[i] === CAPS) continue;
    let elsewhere = false;
    for (const t of sentences) for (let j = t.first + 1; j < t.end && !elsewhere; j++) if (j !== i && words[j] === words[i]) elsewhere = true;
    if (!elsewhere) clear(tags, i, i + 1);
  }
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

/**
 * A span of two names joined by `and` or `&` (`between Port Aster and Dunhallow`) where the document names each part
 * alone elsewhere is the two names, each of the type it has there: a name that is the whole (`Ant & Dec`, `Marks and
 * Spencer`) is not also written by its parts.
 */
function splitCoordinated(input: ConstructionInput): void {
  const { lower, tags, sentences } = input;
  const alone = new Map<string, number>();
  const joined: { span: Span; at: number }[] = [];
  for (const s of sentences) {
    for (const o of spansOf(tags, s.first, s.end)) {
      let at = -1;
      for (let k = o.first + 1; k < o.end - 1; k++) if (lower[k] === 'and' || lower[k] === '&') at = at < 0 ? k : -2;
      if (at >= 0) joined.push({ span: o, at });
      else if (at === -1 && !alone.has(lower.slice(o.first, o.end).join(' '))) alone.set(lower.slice(o.first, o.end).join(' '), o.type);
    }
  }
  for (const { span, at } of joined) {
    const left = alone.get(lower.slice(span.first, at).join(' '));
    const right = alone.get(lower.slice(at + 1, span.end).join(' '));
    if (left === undefined || right === undefined) continue;
    clear(tags, span.first, span.end);
    force(tags, span.first, at, left);
    force(tags, at + 1, span.end, right);
  }
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
 * A span that runs past a fact is left alone: the tagger saw a longer name (`Sky News Australia`, `Celtic Glasgow`),
 * unless it is only facts one after the other.
 */
function applyFacts(input: ConstructionInput, classes: Uint8Array, written: Uint8Array, first: number, end: number, shortForms: Set<string>): void {
  const { tags, casing } = input;
  const matches: { first: number; end: number; fact: Fact }[] = [];
  for (let i = first; i < end; ) {
    const c = written[i];
    const f = c === LOWER ? null : factAt(input.lower, written, i, end);
    if (!f) {
      i++;
      continue;
    }
    matches.push({ first: i, end: i + f.words.length, fact: f });
    i += f.words.length;
  }
  if (matches.length === 0) return;
  // `FA Cup Premiership` (a headline running into its sentence): a span that is exactly two names of the lists or
  // more, one after the other, is those names.
  if (matches.length >= 2) {
    for (const o of spansOf(tags, first, end)) {
      const inside = matches.filter((m) => m.first >= o.first && m.end <= o.end);
      if (inside.length < 2 || inside[0].first !== o.first || inside[inside.length - 1].end !== o.end) continue;
      if (inside.some((m, k) => m.fact.kind !== 'name' || (k > 0 && inside[k - 1].end !== m.first))) continue;
      clear(tags, o.first, o.end);
    }
  }
  // `BBC Two to Channel 4` read as `BBC Two to Channel`: a span that cuts a name of the lists in two (it starts or
  // ends inside it) and holds another whole is those names, as the lists write them.
  for (const o of spansOf(tags, first, end)) {
    const cut = matches.some((m) => m.fact.kind === 'name' && m.end - m.first >= 2 && ((m.first < o.first && o.first < m.end && m.end < o.end) || (o.first < m.first && m.first < o.end && o.end < m.end)));
    if (cut && matches.some((m) => m.fact.kind === 'name' && m.first >= o.first && m.end <= o.end)) clear(tags, o.first, o.end);
  }
  for (const m of matches) {
    if (m.fact.kind !== 'name') continue;
    const overlapping = spansOf(tags, first, end).filter((s) => s.first < m.end && m.first < s.end);
    // `Tory MP`: a party's span that runs on only over a member's role is the party.
    const role = overlapping.length === 1 && overlapping[0].first === m.first && overlapping[0].end === m.end + 1 && m.fact.type === ORG && m.fact.party && PARTY_ROLES.has(input.lower[m.end]);
    // `PowerMac G4` read as one organization: the product and its model's code, typed below.
    const withCode = m.fact.models && overlapping.length === 1 && overlapping[0].first === m.first && overlapping[0].end === m.end + 1 && isModelCode(input.words[m.end], classes, m.first, m.end, end);
    // `The Tories say` (a headline run into its sentence): an article before a party is not part of its name (it is of
    // a newspaper's: `The Guardian`).
    const article = m.fact.party && overlapping.length === 1 && overlapping[0].first === m.first - 1 && overlapping[0].end === m.end && input.lower[m.first - 1] === 'the';
    if (role) clear(tags, m.end, m.end + 1);
    else if (article) clear(tags, m.first - 1, m.first);
    else if (!withCode && overlapping.some((s) => s.first < m.first || s.end > m.end)) continue;
    if (overlapping.length === 0) {
      const single = m.end - m.first === 1;
      const usual = casing[m.first];
      if (single && m.first === first && usual >= 1 && usual <= 3) continue;
    }
    // A headline in capitals (`ENGLISH PREMIER LEAGUE RESULTS`): the tagger knows that style better than a list.
    if (!allCapsEntry(m.fact) && allCaps(classes, m.first, m.end) && m.fact.words.some((w) => w.length > 3)) continue;
    // `Nintendo 64`, `PowerMac G4`: a maker or a product and a model's number or code is a product (not a year).
    if (m.fact.models && m.end < end && isModelCode(input.words[m.end], classes, m.first, m.end, end)) {
      clear(tags, m.first, m.end + 1);
      force(tags, m.first, m.end + 1, MISC);
      continue;
    }
    force(tags, m.first, m.end, m.fact.type);
    const last = m.fact.words.length - 1;
    if (m.fact.type === MISC && last > 0 && m.fact.capital[last]) shortForms.add(m.fact.words[last]);
  }
}

/**
 * A product or an event named in full (a misc name of the lists: `Nintendo DS`, `Windows XP`) is named by its last
 * word alone afterwards (`the DS`): a one-word name that is that word is the same misc name, whatever type the
 * tagger gave it; so is that word where the tagger left it out, if it is written in capitals after a lower-case
 * word (a model's letters, `the DS`, `the XP`: a word like `Cup` alone is often another cup).
 */
function applyShortForms(lower: string[], classes: Uint8Array, tags: Uint8Array, sentences: readonly { first: number; end: number }[], shortForms: ReadonlySet<string>): void {
  for (const s of sentences) {
    for (const o of spansOf(tags, s.first, s.end)) if (o.end - o.first === 1 && o.type !== MISC && shortForms.has(lower[o.first])) force(tags, o.first, o.end, MISC);
    for (let i = s.first + 1; i < s.end; i++) {
      if (tags[i] === 0 && classes[i] === CAPS && classes[i - 1] === LOWER && shortForms.has(lower[i]) && (i + 1 >= s.end || tags[i + 1] === 0 || (tags[i + 1] & 1) === 1)) force(tags, i, i + 1, MISC);
    }
  }
}

/**
 * Whether token `at`, after a maker or a product named at `first`, is a model's number or code (`64`, `G4`, `A380`):
 * not a year (`Sony 2004`), nor a score or a table's figure, which stands between other names or figures
 * (`Samsung 10 Hanwha 3`, `Motorola 2 seconds` in a result: a number alone is a model only where the next word is
 * not a name, a figure or a unit of a race).
 */
function isModelCode(word: string, classes: Uint8Array, first: number, at: number, end: number): boolean {
  const c = classes[at];
  if (c === INITIAL || c === CAPS) return MODEL_CODE.test(word);
  if (c !== DIGIT || YEAR.test(word) || word.length < 2 || word.length > 4 || !/^\d+$/.test(word)) return false;
  const next = at + 1 < end ? classes[at + 1] : LOWER;
  return !(first > 0 && classes[first - 1] === DIGIT) && next !== DIGIT && !isCapitalised(next);
}

const MODEL_CODE = /^[A-Z]{1,2}\d{1,4}$/;

/** An entry written in capitals (`ITV`, `BBC One` is not). */
function allCapsEntry(f: Fact): boolean {
  return f.capital.every((c) => c) && f.words.every((w) => w.length <= 5);
}

/**
 * A fixture list (`Arsenal v Stoke Swindon/Notts Co v Middlesbrough`): each run of capitalised words between
 * `v` words that known clubs cover entirely, with `/` between alternatives, is those clubs.
 */
function applyFixtures(lower: string[], classes: Uint8Array, tags: Uint8Array, first: number, end: number): void {
  let hasFixture = false;
  for (let i = first + 1; i + 1 < end; i++) if (FIXTURE_WORDS.has(lower[i]) && classes[i] === LOWER && isCapitalised(classes[i - 1]) && isCapitalised(classes[i + 1])) hasFixture = true;
  if (!hasFixture) return;
  for (let i = first; i < end; ) {
    if (!isCapitalised(classes[i]) && classes[i] !== DIGIT) {
      i++;
      continue;
    }
    let j = i;
    while (j < end && (isCapitalised(classes[j]) || classes[j] === DIGIT || (lower[j] === '/' && j > i))) j++;
    const nextToFixture = (i > first && FIXTURE_WORDS.has(lower[i - 1])) || (j < end && FIXTURE_WORDS.has(lower[j]));
    if (nextToFixture) {
      const clubs: { first: number; end: number }[] = [];
      let k = i;
      while (k < j) {
        if (lower[k] === '/') {
          k++;
          continue;
        }
        const f = factAt(lower, classes, k, j);
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
