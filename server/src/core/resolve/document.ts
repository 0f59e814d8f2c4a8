// In-document alias resolution: a short form refers to the full name the article introduced.
// `Putin` after `Vladimir Putin` takes the key of `Vladimir Putin`; `Lindsay` after `Lindsay Davenport` (a first name
// the article uses alone) hers; `United` after `Manchester United` and `the Dome` after `the Millennium Dome` theirs.
import type { Mention } from '../model';
import { firstNameSex, honorificSex, type Sex } from './honorifics';
import { nameKey, nameWords } from './names';

/** `b` is `a` or its last words: `vladimir putin` ends with `putin`, `hanna smith` does not end with `anna smith`. */
function isWordSuffix(a: string, b: string): boolean {
  return a === b || a.endsWith(' ' + b);
}

/**
 * Rewrites `key` of person mentions whose single word is the surname of a fuller name in the same document. A single
 * word the recogniser was unsure of the type of (`Austin had urged Moscow`, taken for a place) is that person too
 * when the article names exactly one person with that surname (`Lloyd Austin`).
 */
export function resolveWithinDocument(mentions: Mention[], text: string): void {
  // The fullest person name ending in each surname; when two different people share a surname
  // (two Smiths), the short form stays ambiguous and keeps its own key, unless an honorific says which (below).
  const bySurname = new Map<string, string | null>();
  const allBySurname = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (m.type !== 'person' || m.key === null) continue;
    const words = nameWords(m.key);
    if (words.length < 2) continue;
    const surname = words[words.length - 1];
    let all = allBySurname.get(surname);
    if (!all) allBySurname.set(surname, (all = new Set()));
    all.add(m.key);
    const known = bySurname.get(surname);
    if (known === undefined) bySurname.set(surname, m.key);
    else if (known !== null && known !== m.key && !isWordSuffix(known, m.key) && !isWordSuffix(m.key, known)) bySurname.set(surname, null);
    else if (known !== null && m.key.length > known.length) bySurname.set(surname, m.key);
  }
  // The one person name beginning with each first name, where no one's surname is that word.
  const byFirstName = new Map<string, string | null>();
  for (const m of mentions) {
    if (m.type !== 'person' || m.key === null) continue;
    const words = nameWords(m.key);
    if (words.length < 2) continue;
    const known = byFirstName.get(words[0]);
    if (known === undefined) byFirstName.set(words[0], m.key);
    else if (known !== null && known !== m.key) byFirstName.set(words[0], isWordSuffix(m.key, known) ? m.key : isWordSuffix(known, m.key) ? known : null);
  }
  for (const m of mentions) {
    if (m.key === null || !(m.type === 'person' || (m.weak && m.type !== 'misc'))) continue;
    const words = nameWords(m.key);
    if (words.length !== 1) continue;
    const known = bySurname.get(words[0]);
    const bySurnameFull = known === null && m.type === 'person' ? bySex(allBySurname.get(words[0])!, honorificSex(text, m.start)) : known;
    const full = bySurnameFull ?? (m.type === 'person' && bySurnameFull === undefined ? byFirstName.get(words[0]) : undefined);
    if (!full) continue;
    m.key = full;
    if (m.type !== 'person') {
      m.type = 'person';
      delete m.weak;
    }
  }
  resolveShortenedNames(mentions);
}

/**
 * The one full name of `keys` (people sharing a surname) that an honorific's sex can mean: `Mrs Blair` is not
 * `Tony Blair` where `Cherie Blair` is named too, as lists of first names give Cherie to women only; `Mr Blair` is
 * the one whose first name is not a woman's (`Tony` is in both lists). Null when there is no honorific, or no single
 * name is left.
 */
function bySex(keys: ReadonlySet<string>, sex: Sex | null): string | null {
  if (!sex) return null;
  const given = [...keys].map((k) => ({ k, sex: firstNameSex(nameWords(k)[0]) }));
  const same = given.filter((g) => g.sex === sex);
  if (same.length > 0) return same.length === 1 ? same[0].k : null;
  const unknown = given.filter((g) => g.sex === null);
  return unknown.length === 1 ? unknown[0].k : null;
}

/**
 * Words that make a name another thing: `York` is not `New York`, `Labour` not `New Labour`, the `Liberal Democrats`
 * not the `Welsh Liberal Democrats`.
 */
const QUALIFIERS = new Set(['new', 'old', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'upper', 'lower', 'greater', 'central', 'little', 'great', 'young', 'royal']);
const PEOPLES_ADJECTIVE = /(?:ish|ese|ian|an|ch)$/;

/**
 * An organization, place or other name that is the last words of exactly one longer name of its type in the article
 * (`United` of `Manchester United`, `Dome` of `Millennium Dome`, `Commons` of `House of Commons`) is that name. Two
 * longer names that fit (`North Korea` and `South Korea` for `Korea`) leave it alone, and so does a longer name that
 * adds a qualifier or a people's adjective (`New York` for `York`, `Welsh Liberal Democrats`).
 */
function resolveShortenedNames(mentions: Mention[]): void {
  // Each name is read once, however often the article mentions it.
  const names = new Map<string, { type: string; key: string }>();
  for (const m of mentions) if (m.key !== null && m.type !== 'person') names.set(`${m.type}\u0000${m.key}`, { type: m.type, key: m.key });
  const longer = new Map<string, Set<string>>();
  for (const { type, key } of names.values()) {
    const words = nameWords(key);
    for (let k = 1; k < words.length; k++) {
      if (words.slice(0, k).some((w) => QUALIFIERS.has(w) || PEOPLES_ADJECTIVE.test(w))) continue;
      const tail = `${type}\u0000${words.slice(k).join(' ')}`;
      let set = longer.get(tail);
      if (!set) longer.set(tail, (set = new Set()));
      set.add(key);
    }
  }
  if (longer.size === 0) return;
  const resolved = new Map<string, string>();
  for (const [name, { type, key }] of names) {
    const fits = longer.get(`${type}\u0000${nameWords(key).join(' ')}`);
    if (fits && fits.size === 1) resolved.set(name, [...fits][0]);
  }
  if (resolved.size === 0) return;
  for (const m of mentions) {
    if (m.key === null || m.type === 'person') continue;
    m.key = resolved.get(`${m.type}\u0000${m.key}`) ?? m.key;
  }
}

/** A headline this long at most runs into the first sentence of a file that writes both on one line. */
const HEADLINE_REACH = 160;

/**
 * Files that run the headline into the first sentence (`No TV debate, says Blair Tony Blair has said ...`) make one
 * name of the headline's last word and the sentence's first name. In the first sentence of a text, a person name of
 * three words or more whose first words are the surname of another person the article names in full, and whose
 * other words are a full name, is two names: `Blair` and `Tony Blair`, `Dent` and `Lleyton Hewitt`. Returns the
 * mentions, sorted.
 */
export function splitHeadlineSeams(text: string, mentions: Mention[]): Mention[] {
  const people = mentions.filter((m) => m.type === 'person' && m.key !== null);
  if (people.length < 2) return mentions;
  const firstStop = text.slice(0, HEADLINE_REACH * 2).search(/[.!?](?:\s|$)|\n/);
  const limit = firstStop < 0 ? HEADLINE_REACH * 2 : firstStop;
  const surnames = new Set<string>();
  for (const m of people) {
    const words = nameWords(m.key!);
    if (words.length >= 2) surnames.add(words[words.length - 1]);
  }
  if (surnames.size === 0) return mentions;
  let changed = false;
  const out: Mention[] = [];
  for (const m of mentions) {
    const parts = m.type === 'person' && m.start <= HEADLINE_REACH && m.end <= limit ? seam(m) : null;
    if (parts) {
      out.push(...parts);
      changed = true;
    } else out.push(m);
  }
  return changed ? out : mentions;

  function seam(m: Mention): Mention[] | null {
    const gaps = [...m.text.matchAll(/\s+/g)];
    if (gaps.length < 2) return null;
    for (const gap of gaps.slice(0, -1)) {
      const head = m.text.slice(0, gap.index);
      const rest = m.text.slice(gap.index! + gap[0].length);
      const headKey = nameKey(head);
      if (nameWords(headKey).length !== 1 || !surnames.has(headKey)) continue;
      // The rest must be a full name of its own, and the head its surname (`Blair Tony Blair`) or the surname of
      // another person the article names in full (`Dent Lleyton Hewitt`, with `Taylor Dent` further on).
      const restKey = nameKey(rest);
      const restWords = nameWords(restKey);
      if (restWords.length < 2) continue;
      const own = restWords[restWords.length - 1] === headKey;
      if (!own && !people.some((p) => p !== m && nameWords(p.key!).length >= 2 && p.key!.endsWith(' ' + headKey))) continue;
      const first: Mention = { ...m, end: m.start + head.length, text: head, key: headKey };
      const second: Mention = { ...m, start: m.start + gap.index! + gap[0].length, text: rest, key: restKey };
      return [first, second];
    }
    return null;
  }
}
