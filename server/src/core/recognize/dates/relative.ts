// Relative expressions (`yesterday`, `last week`, `three days ago`), resolved by our own rules
// rather than by chrono-node's arithmetic, which dates forward and has no week or month values.
import type { Candidate, ShiftUnit } from './candidates';
import { NUMBER_WORDS } from './lexicon';
import { findOpeners, matchesAt, RELATIVE as OPENS_RELATIVE, sticky, type Openers } from './openers';

const RELATIVE = sticky(/\b(?:today|tonight|overnight|yesterday(?: (?:morning|afternoon|evening))?|tomorrow(?: (?:morning|afternoon|evening|night))?|(?:last|this|next) (?:night|morning|afternoon|evening|week|month|year|weekend)|weekend)\b/gi);

/** The relative word inside a longer chrono-node match: `5 a.m. today`, `yesterday at 9pm`, `10pm tonight`. */
export const RELATIVE_DAY_WORD = /\b(?:today|tonight|yesterday|tomorrow|(?:last|this|tomorrow) (?:night|morning|afternoon|evening))\b/i;

type Shift = { unit: ShiftUnit; amount: number };

/** Finds the relative words chrono-node is not needed for; `ago` phrases are left to chrono-node. */
export function findRelative(text: string, openers: Openers = findOpeners(text)): Candidate[] {
  const found: Candidate[] = [];
  for (const m of matchesAt(text, RELATIVE, openers, OPENS_RELATIVE)) {
    const start = m.index!;
    const end = start + m[0].length;
    const lower = m[0].toLowerCase();
    if (lower === 'overnight') {
      if (overnightIsWhen(text, start, end)) found.push({ start, end, text: m[0], shift: { unit: 'day', amount: -1 }, shiftAhead: { unit: 'day', amount: 0 } });
      continue;
    }
    const relative = relativeShift(lower);
    if (!relative || !datedWeekend(text, start, relative.shift)) continue;
    found.push({ start, end, text: m[0], shift: relative.shift });
  }
  return found;
}

/**
 * A bare `weekend` is the latest one only as `the weekend` (`over the weekend`, `at the weekend`);
 * `the festival weekend`, `a long weekend` and `weekend shifts` name some other or no weekend.
 */
export function datedWeekend(text: string, start: number, shift: Shift): boolean {
  return shift.unit !== 'weekend' || /\bthe\s+$/i.test(text.slice(Math.max(0, start - 5), start));
}

/**
 * `overnight` as an adverb of when (`fighting continued overnight,`), not as an adjective
 * (`an overnight curfew`), a figure of speech (`it will not happen overnight`), or beside a day
 * that says which night (`overnight into Wednesday`).
 */
function overnightIsWhen(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  if (/\b(?:an?|the|almost|virtually|practically|literally|nearly|seemingly|happens?|happened|happening|change[sd]?|vanish(?:ed|es)?|disappear(?:ed|s)?|success|overnight)\s+$/i.test(before)) return false;
  // `you do not become a bad team overnight`: a negation in the clause makes it the idiom.
  if (/\b(?:not|never|n't)\b[^,;.!?]*$/i.test(text.slice(Math.max(0, start - 50), start))) return false;
  const after = text.slice(end, end + 30);
  if (/^\s+(?:(?:on|into|to|from|between|of)\s+)?(?:[A-Z][a-z]+day\b|\d)/.test(after)) return false;
  if (/^[-‐]|^['’]s\b/.test(after)) return false; // `overnight-only`, `overnight's`
  // A lower-case word right after that is not a function word makes it an adjective: `overnight stays`.
  const next = /^\s+([a-z]+)/.exec(after);
  return !next || FOLLOWS_ADVERB.has(next[1]);
}

const FOLLOWS_ADVERB = new Set([
  'and', 'or', 'but', 'as', 'when', 'while', 'after', 'before', 'until', 'in', 'at', 'on', 'near', 'across', 'around',
  'from', 'with', 'without', 'to', 'amid', 'despite', 'because', 'the', 'a', 'an', 'he', 'she', 'they', 'we', 'it', 'police',
  'officials', 'so', 'following', 'along', 'outside', 'inside', 'over', 'off', 'by', 'local', 'into',
]);

/** Relative expressions resolved by our own rules rather than by chrono's arithmetic. */
export function relativeShift(lower: string): { shift: Shift; clock?: boolean } | undefined {
  const text = lower.replace(/^(?:early|late|mid|earlier|later)[\s-]+/, '');
  const weekend = /^(?:(this|last|next) )?weekend$/.exec(text);
  if (weekend) {
    const amount = weekend[1] === 'last' ? -1 : weekend[1] === 'next' ? 1 : 0;
    return { shift: weekend[1] ? { unit: 'week', amount } : { unit: 'weekend', amount: 0 } };
  }
  if (/^(?:today|tonight|this (?:morning|afternoon|evening))$/.test(text)) return { shift: { unit: 'day', amount: 0 } };
  if (/^(?:yesterday(?: (?:morning|afternoon|evening))?|last night)$/.test(text)) return { shift: { unit: 'day', amount: -1 } };
  if (/^tomorrow(?: (?:morning|afternoon|evening|night))?$/.test(text)) return { shift: { unit: 'day', amount: 1 } };
  const period = /^(this|last|next) (week|month|year)$/.exec(text);
  if (period) return { shift: { unit: period[2] as ShiftUnit, amount: period[1] === 'this' ? 0 : period[1] === 'last' ? -1 : 1 } };
  const ago = /^(\d+|[a-z]+) (day|week|month|year)s? ago$/.exec(text);
  if (ago) {
    const n = /^\d+$/.test(ago[1]) ? Number(ago[1]) : NUMBER_WORDS[ago[1]];
    if (n !== undefined) return { shift: { unit: ago[2] as ShiftUnit, amount: -n } };
  }
  return undefined;
}

/** The pattern matched at its opening words only, with their finder bit (for the tests of openers.ts). */
export const OPENED_PATTERNS: readonly [RegExp, number][] = [[RELATIVE, OPENS_RELATIVE]];
