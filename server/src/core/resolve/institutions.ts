// Institutions named by what they are (`Defense Ministry`, `Supreme Court`, `Foreign Office`) are as many entities as
// the countries and bodies that have them: the article says whose by the name before it (`Britain's Defense Ministry`,
// `the Russian Defense Ministry`). Such a mention takes a key and a spelling that include its owner, and a bare
// mention later in the same article is the one owned institution of that name the article has.
import type { Mention } from '../model';
import { nameKey, nameWords } from './names';

/** The words that name the kind of institution: one of them must be in the name. */
const HEADS = new Set(['ministry', 'ministries', 'army', 'navy', 'force', 'forces', 'parliament', 'government', 'cabinet', 'police',
  'embassy', 'court', 'bank', 'guard', 'council', 'service', 'services', 'office', 'department', 'staff', 'commission',
  'treasury', 'senate', 'congress', 'assembly', 'bureau', 'agency', 'committee', 'legislature', 'consulate']);

/** Words that name what an institution is: its kind (HEADS) and what it does. */
const INSTITUTION_WORDS = new Set([
  ...HEADS,
  'defense', 'defence', 'foreign', 'interior', 'home', 'health', 'finance', 'economy', 'economic', 'education', 'justice',
  'transport', 'energy', 'agriculture', 'environment', 'trade', 'culture', 'labour', 'labor', 'emergencies', 'emergency',
  'information', 'communications', 'internal', 'affairs', 'war', 'armed', 'air', 'naval', 'military', 'national',
  'central', 'supreme', 'constitutional', 'high', 'federal', 'state', 'general', 'border', 'coast', 'security',
  'intelligence', 'secret', 'electoral', 'public', 'prosecution', "prosecutor's", 'prosecutor', 'customs', 'statistics',
  'statistical', 'of', 'and', 'for', 'the',
]);

/** `Defense Ministry`: every word says what the institution is, none whose it is. */
export function isGenericInstitution(key: string): boolean {
  const words = nameWords(key);
  return words.length > 0 && words.every((w) => INSTITUTION_WORDS.has(w)) && words.some((w) => HEADS.has(w));
}

/** A possessive or nothing between an owner and the institution: `Britain's `, `Russia’s `, or one space after `Russian`. */
const POSSESSIVE_GAP = /^['’]s[ \t]+$/;
const PLAIN_GAP = /^[ \t]+$/;

/**
 * Gives owned institutions their owner's key and spelling; `mentions` are sorted and without overlaps. A place or
 * body with a possessive (`Britain's`), or a people's adjective right before it (`Russian`, a misc name), owns it.
 */
export function qualifyInstitutions(text: string, mentions: Mention[]): void {
  const owned = new Map<string, Set<Mention>>();
  let previous: Mention | null = null;
  for (const m of mentions) {
    if (m.key === null) {
      previous = null;
      continue;
    }
    if (m.type === 'organization' && previous && previous.key !== null && isGenericInstitution(m.key)) {
      const gap = text.slice(previous.end, m.start);
      const owner = (POSSESSIVE_GAP.test(gap) && (previous.type === 'location' || previous.type === 'organization')) || (PLAIN_GAP.test(gap) && previous.type === 'misc');
      if (owner) {
        const base = m.key;
        // The key is the spelling's own, so the entity's name pins it (a rename, a merge: annotations/actions.ts pin).
        m.form = text.slice(previous.start, m.end);
        m.key = nameKey(m.form);
        let set = owned.get(base);
        if (!set) owned.set(base, (set = new Set()));
        set.add(m);
      }
    }
    previous = m;
  }
  // A bare `the Defense Ministry` after `Britain's Defense Ministry` is Britain's, when the article owns one only.
  for (const m of mentions) {
    if (m.key === null || m.type !== 'organization' || m.form !== undefined) continue;
    const owners = owned.get(m.key);
    if (!owners) continue;
    const keys = new Set([...owners].map((o) => o.key));
    if (keys.size !== 1) continue;
    const first = [...owners].find((o) => o.start < m.start);
    if (!first) continue;
    m.key = first.key;
    m.form = first.form;
  }
}
