// In-document alias resolution: a short form refers to the full name the article introduced.
// `Putin` after `Vladimir Putin` takes the key of `Vladimir Putin`.
import type { Mention } from '../model';
import { nameWords } from './names';

/** `b` is `a` or its last words: `vladimir putin` ends with `putin`, `hanna smith` does not end with `anna smith`. */
function isWordSuffix(a: string, b: string): boolean {
  return a === b || a.endsWith(' ' + b);
}

/**
 * Rewrites `key` of person mentions whose single word is the surname of a fuller name in the same document. A single
 * word the recogniser was unsure of the type of (`Austin had urged Moscow`, taken for a place) is that person too
 * when the article names exactly one person with that surname (`Lloyd Austin`).
 */
export function resolveWithinDocument(mentions: Mention[]): void {
  // The fullest person name ending in each surname; when two different people share a surname
  // (two Smiths), the short form stays ambiguous and keeps its own key.
  const bySurname = new Map<string, string | null>();
  for (const m of mentions) {
    if (m.type !== 'person' || m.key === null) continue;
    const words = nameWords(m.key);
    if (words.length < 2) continue;
    const surname = words[words.length - 1];
    const known = bySurname.get(surname);
    if (known === undefined) bySurname.set(surname, m.key);
    else if (known !== null && known !== m.key && !isWordSuffix(known, m.key) && !isWordSuffix(m.key, known)) bySurname.set(surname, null);
    else if (known !== null && m.key.length > known.length) bySurname.set(surname, m.key);
  }
  for (const m of mentions) {
    if (m.key === null || !(m.type === 'person' || (m.weak && m.type !== 'misc'))) continue;
    const words = nameWords(m.key);
    if (words.length !== 1) continue;
    const full = bySurname.get(words[0]);
    if (!full) continue;
    m.key = full;
    if (m.type !== 'person') {
      m.type = 'person';
      delete m.weak;
    }
  }
}
