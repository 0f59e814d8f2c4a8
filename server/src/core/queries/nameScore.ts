// How close a typed query is to one spelling of an entity, for ranking the fuzzy search. fuse.js decides what
// matches; its scores are too coarse to rank (for "Blar", "Blair", "Barclays" and "Blackberry" all score 0.25).
import { nameKey, nameWords } from '../resolve/names';
import { editDistance } from '../resolve/similarity';

/** A query that is the start of a word ("Stolt") matches it, a shade below the whole word written out. */
const PREFIX_PENALTY = 0.5;

/**
 * 0 for the same name, growing with the edits per letter of the query: the Damerau-Levenshtein distance from the
 * query to the closest run of the spelling's words (as many words as the query has), or to the start of that run.
 */
export function nameScore(query: string, spelling: string): number {
  return nameScorer(query)(spelling);
}

/** nameScore of one query against many spellings, the query's words made once. */
export function nameScorer(query: string): (spelling: string) => number {
  const q = nameWords(nameKey(query)).join(' ');
  const queryWords = q.split(' ').length;
  return (spelling) => (q === '' ? 1 : score(q, queryWords, spelling));
}

function score(q: string, queryWords: number, spelling: string): number {
  const words = nameWords(nameKey(spelling));
  const n = Math.min(words.length, queryWords);
  let best = Infinity;
  for (let i = 0; i + n <= words.length; i++) {
    const run = words.slice(i, i + n).join(' ');
    best = Math.min(best, editDistance(q, run, q.length));
    // A prefix about as long as the query: the query may be a name still being typed.
    for (let k = Math.max(1, q.length - 1); k <= q.length + 1 && k < run.length; k++) best = Math.min(best, editDistance(q, run.slice(0, k), q.length) + PREFIX_PENALTY);
  }
  return Math.min(1, best / q.length);
}
