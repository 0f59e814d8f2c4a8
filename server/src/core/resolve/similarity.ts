// String evidence for alias resolution: consonant skeletons for transliteration variants,
// edit distance for typos, deletion neighbourhoods to find near spellings without comparing all pairs.

import { MAX_NAME_LENGTH } from './names';

/** Vowels and the letters transliterations swap for them: `Zelenskiy`, `Zelensky`, `Zelenskyy` share `zlnsk`. */
const SOFT = /[aeiouyjh]/g;

/** The word without vowels and soft letters, doubled letters collapsed; the first letter is kept. */
export function skeleton(word: string): string {
  if (word.length === 0) return '';
  // `w` and `v` render one sound (`Kowalenko`, `Kovalenko`).
  const rest = word.slice(1).replace(/w/g, 'v').replace(SOFT, '');
  // The last code unit is kept aside: indexing a string built by `+=` flattens it, quadratic on a long word.
  const out = [word[0]];
  let last = word[0];
  for (const c of rest) {
    if (c === last) continue;
    out.push(c);
    last = c[c.length - 1];
  }
  return out.join('');
}

/** Above this many cells the table is computed in a band of `limit` around its diagonal only. */
const FULL_TABLE_CELLS = MAX_NAME_LENGTH * MAX_NAME_LENGTH;

/**
 * Damerau-Levenshtein distance (optimal string alignment), stopping early above `limit`: the result is
 * exact up to `limit`; above it, it is some number greater than `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (limit < Infinity && (a.length + 1) * (b.length + 1) > FULL_TABLE_CELLS) return bandedEditDistance(a, b, limit);
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prev2 = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  let cur = new Array<number>(cols).fill(0);
  for (let i = 1; i < rows; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[cols - 1];
}

/**
 * Cells further than `limit` from the diagonal hold more than `limit`, so only the band is computed:
 * time (a.length * limit) instead of (a.length * b.length), which matters for long strings only.
 */
function bandedEditDistance(a: string, b: string, limit: number): number {
  const cols = b.length + 1;
  const over = limit + 1;
  // Cells never written in a row's band read as `over`: bands only move right, so a cell right of the band
  // is fresh, and the one left of it is reset for each row.
  let prev2 = new Array<number>(cols).fill(over);
  let prev = new Array<number>(cols).fill(over);
  let cur = new Array<number>(cols).fill(over);
  for (let j = 0; j <= Math.min(limit, cols - 1); j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(cols - 1, i + limit);
    cur[lo - 1] = lo === 1 ? Math.min(i, over) : over;
    let rowMin = cur[lo - 1];
    for (let j = lo; j <= hi; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      if (v > over) v = over;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return over;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[cols - 1];
}

/**
 * The string with each single character removed: two strings within one edit share one of these (or one is
 * the other). None for a string longer than a name can be: the neighbourhood grows with the square of the length.
 */
export function deletions(s: string): string[] {
  if (s.length > MAX_NAME_LENGTH) return [];
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) if (s[i] !== ' ') out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

const MINOR_WORDS = new Set(['of', 'the', 'and', 'for', 'de', 'la', 'du', 'des', 'on', 'in', 'at', '&']);

/** Initials of the content words of a multi-word name: `united nations` -> `un`; null for one word. */
export function initials(words: string[]): string | null {
  const content = words.filter((w) => !MINOR_WORDS.has(w));
  if (content.length < 2) return null;
  return content.map((w) => w[0]).join('');
}
