// What the finders hand to resolution: a span plus the calendar fields its text states,
// before any reference date is applied.

/** `weekend` is the latest weekend on or before the reference date (`over the weekend`). */
export type ShiftUnit = 'day' | 'week' | 'weekend' | 'month' | 'year';

export interface Candidate {
  start: number;
  end: number;
  text: string;
  year?: number;
  month?: number;
  day?: number;
  /** 0 = Sunday ... 6 = Saturday */
  weekday?: number;
  hour?: number;
  minute?: number;
  /** A position relative to the reference date: `yesterday` is {day, -1}, `last week` {week, -1}. */
  shift?: { unit: ShiftUnit; amount: number };
  /** The shift instead when the sentence looks forward: `overnight` is last night, or tonight. */
  shiftAhead?: { unit: ShiftUnit; amount: number };
  /** `next Monday` (1) is the first Monday after the reference day, `last Monday` (-1) the last before it. */
  weekdayStep?: 1 | -1;
  /** `Monday next week` (1), `Friday last week` (-1): that weekday in the (Monday-to-Sunday) week after or before the reference's. */
  weekShift?: 1 | -1;
  /** `June last year`: the year is the reference year plus this. */
  yearShift?: number;
  /** A date at week granularity stated in full: `2022-W46`. */
  isoWeek?: string;
  /** The expression speaks of a time the text does not pin down: `recent weeks`, `late summer`. */
  vague?: boolean;
  /** A clock time (`5 a.m.`, `midday`): the mention is a `time`. */
  clock?: boolean;
  /** A season (`this winter`, `in the autumn`): no calendar value, but resolution says which one. */
  season?: SeasonName;
  /** `this`/`next`/`last` before a season; a stated year is in `year`. */
  seasonRelation?: 'this' | 'next' | 'last';
  /** `that day`, `the same night` (here `day`, `night`): refers back to a time named earlier; no value of its own. */
  anaphor?: string;
}

export type SeasonName = 'spring' | 'summer' | 'autumn' | 'winter';

/** Keeps the longest of overlapping candidates; the result is sorted and non-overlapping. */
export function removeOverlaps(candidates: Candidate[]): Candidate[] {
  const byLength = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  // Characters covered by a kept candidate. Checking a candidate costs its length, and every finder's own
  // matches are disjoint, so the whole pass is linear in the text (comparing with every kept one was quadratic).
  let extent = 0;
  for (const c of candidates) if (c.end > extent) extent = c.end;
  const covered = new Uint8Array(extent);
  const kept: Candidate[] = [];
  for (const c of byLength) {
    let free = c.end > c.start || !kept.some((k) => k.start < c.end && c.start < k.end);
    for (let k = c.start; k < c.end && free; k++) if (covered[k] === 1) free = false;
    if (!free) continue;
    covered.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const MODIFIER = /\b(?:early|late|mid|earlier|later)(?:\s+|-)$/i;

/** Keeps a leading `late`, `early`, `mid-` in the span: `late July`, `mid-2004`, `early Thursday`. */
export function withModifier(text: string, c: Candidate): Candidate {
  if (/^(?:early|late|mid|earlier|later)\b/i.test(c.text)) return c;
  const m = MODIFIER.exec(text.slice(Math.max(0, c.start - 9), c.start));
  if (!m) return c;
  const start = c.start - m[0].length;
  return { ...c, start, text: text.slice(start, c.end) };
}
