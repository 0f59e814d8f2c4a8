// Likely misspellings of known entities (`Vladmir Putin`, `Ukranian`): a rare spelling next to a far more
// common one, one typing slip apart. Accepted transliterations (`Zelenskiy` / `Zelensky`) are not slips.
import type { CorpusIndex, EntityInfo, IndexedDocument } from '../corpus/index';
import type { Span } from '../model';
import { cleanName } from '../resolve/names';

export interface SpellingHint {
  span: Span;
  /** The spelling as cleaned (`Vladmir Putin`). */
  spelling: string;
  /** The common spelling to use instead. */
  suggestion: string;
  entity: { id: string; name: string };
  /** How often each spelling occurs in the corpus. */
  counts: { spelling: number; suggestion: number };
}

const MAX_RARE = 2;
const POSSESSIVE = /(?:['\u2019]s|s['\u2019])$/i;
const DOMINANCE = 3;

/** A spelling the user listed for the entity (accepted) makes its mentions confirmed: those are never hinted. */
export function spellingHints(index: CorpusIndex, doc: IndexedDocument): SpellingHint[] {
  const out: SpellingHint[] = [];
  const verdicts = new Map<string, { suggestion: string; counts: SpellingHint['counts'] } | null>();
  for (const m of doc.mentions) {
    // A mention the user decided on, and a spelling the user listed for its entity, are not slips.
    if (m.entity === null || m.confirmed) continue;
    const entity = index.entity(m.entity);
    if (!entity) continue;
    const spelling = cleanName(m.text);
    const key = `${entity.id}\u0000${spelling}`;
    let verdict = verdicts.get(key);
    if (verdict === undefined) verdicts.set(key, (verdict = judge(entity, spelling)));
    if (!verdict) continue;
    // The hint covers the name as written (line breaks and all), without a possessive ending after it.
    const possessive = POSSESSIVE.exec(m.text)?.[0].length ?? 0;
    out.push({ span: { start: m.start, end: m.end - possessive }, spelling, suggestion: verdict.suggestion, entity: { id: entity.id, name: entity.name }, counts: verdict.counts });
  }
  return out;
}

function judge(entity: EntityInfo, spelling: string): { suggestion: string; counts: SpellingHint['counts'] } | null {
  const own = entity.spellings.find((s) => s.text === spelling);
  if (!own || own.count > MAX_RARE) return null;
  let best: { text: string; count: number } | null = null;
  for (const s of entity.spellings) {
    if (s.text === spelling || s.count < DOMINANCE * own.count || s.count < 3) continue;
    if (!isSlip(spelling, s.text)) continue;
    if (!best || s.count > best.count) best = s;
  }
  return best ? { suggestion: best.text, counts: { spelling: own.count, suggestion: best.count } } : null;
}

/**
 * One word differs, by one dropped, added or swapped letter, or one consonant typed for another; and the
 * two words are not transliterations of each other (endings -iy/-y/-yy, ei/ey, w/v, kh/h, vowel for vowel).
 */
export function isSlip(a: string, b: string): boolean {
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length !== wb.length) return false;
  const diff = wa.map((w, i) => [w, wb[i]] as const).filter(([x, y]) => x !== y);
  if (diff.length !== 1) return false;
  const [x, y] = diff[0];
  if (x.toLowerCase() === y.toLowerCase() || transliterated(x) === transliterated(y)) return false;
  return oneSlip(x.toLowerCase(), y.toLowerCase());
}

function transliterated(w: string): string {
  return w
    .toLowerCase()
    .replace(/(?:iy|yy|ii|yi|y|i)$/, 'y')
    .replace(/ey/g, 'ei')
    .replace(/w/g, 'v')
    .replace(/kh/g, 'h');
}

const VOWEL = /[aeiouy]/;

function oneSlip(x: string, y: string): boolean {
  if (Math.abs(x.length - y.length) > 1) return false;
  if (x.length === y.length) {
    const at: number[] = [];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) at.push(i);
    if (at.length === 2 && at[1] === at[0] + 1 && x[at[0]] === y[at[1]] && x[at[1]] === y[at[0]]) return true; // swapped
    // One letter for another: a slip between consonants; a vowel for a vowel is how transliterations differ.
    return at.length === 1 && !(VOWEL.test(x[at[0]]) && VOWEL.test(y[at[0]]));
  }
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}
