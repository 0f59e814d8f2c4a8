// Normal forms of names: the key under which spellings of one name meet.
// `Russia’s` and `Russia's` and `Russia` share a key; `U.S.` and `US` share a key.

/**
 * A name mention longer than this many characters is not a name (a pasted blob the tagger took for one);
 * keys and the string evidence built on them (skeletons, deletion neighbourhoods) stay small because of it.
 */
export const MAX_NAME_LENGTH = 200;

const CURLY = /[\u2018\u2019\u02bc\u2032]/g;
const POSSESSIVE = /(?:'s|s')$/i;
const DOTTED_ACRONYM = /^(?:[A-Za-z]\.){2,}$/;

/** The surface form without a possessive ending, with straight apostrophes and single spaces. */
export function cleanName(text: string): string {
  let s = text.normalize('NFKC').replace(CURLY, "'").replace(/\s+/g, ' ').trim();
  const stripped = s.replace(POSSESSIVE, (m) => (m.toLowerCase() === "s'" ? 's' : ''));
  if (stripped.length > 0) s = stripped;
  return s;
}

/**
 * Keys already made, by surface form: analysis asks for the key of every mention, and a corpus writes the same
 * names over and over (a key costs two Unicode normalisations and several regular expressions). Cleared when full,
 * so it stays small whatever the corpus.
 */
const KEYS = new Map<string, string>();
const MAX_KEYS = 20_000;

/** Key used to group spellings of one name: case-folded, accents and acronym dots removed. */
export function nameKey(text: string): string {
  let key = KEYS.get(text);
  if (key === undefined) {
    if (KEYS.size >= MAX_KEYS) KEYS.clear();
    key = makeKey(text);
    KEYS.set(text, key);
  }
  return key;
}

function makeKey(text: string): string {
  const words = cleanName(text)
    .split(' ')
    .map((w) => (DOTTED_ACRONYM.test(w) ? w.replace(/\./g, '') : w));
  return words
    .join(' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function nameWords(key: string): string[] {
  return key.split(/[\s-]+/).filter((w) => w.length > 0);
}
