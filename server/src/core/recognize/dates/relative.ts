// Relative expressions (`yesterday`, `last week`, `three days ago`), resolved by our own rules
// rather than by chrono-node's arithmetic, which dates forward and has no week or month values.
import type { Candidate, ShiftUnit } from './candidates';
import { NUMBER_WORDS } from './lexicon';

const RELATIVE = /\b(?:today|tonight|yesterday(?: (?:morning|afternoon|evening))?|tomorrow(?: (?:morning|afternoon|evening|night))?|(?:last|this|next) (?:night|morning|afternoon|evening|week|month|year|weekend)|weekend)\b/gi;

/** Finds the relative words chrono-node is not needed for; `ago` phrases are left to chrono-node. */
export function findRelative(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(RELATIVE)) {
    const relative = relativeShift(m[0].toLowerCase());
    if (relative) found.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], shift: relative.shift });
  }
  return found;
}

/** Relative expressions resolved by our own rules rather than by chrono's arithmetic. */
export function relativeShift(lower: string): { shift: { unit: ShiftUnit; amount: number }; clock?: boolean } | undefined {
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

