// Turns a candidate into a DateMention: its ISO value under news-past defaults (a bare weekday
// or day-and-month is the latest one on or before the article's date) and a readable account.
import type { DateMention } from '../../model';
import type { Candidate } from './candidates';
import {
  addDays, addMonths, compareDays, formatDay, formatIsoWeek, formatMonth, isValidDay, monthDayOnOrAfter, monthDayOnOrBefore,
  monthOnOrAfter, monthOnOrBefore, pad, weekdayOf, weekdayOnOrAfter, weekdayOnOrBefore, type Day,
} from './calendar';
import type { ArticleReference } from './reference';

type Value = { kind: 'day'; day: Day } | { kind: 'other'; iso: string };

export interface Setting {
  /** The sentence looks forward (`will meet on Friday`): undated days are the next ones, not the last. */
  forward: boolean;
  /** For a bare clock time, the day an earlier expression in its sentence named. */
  anchor?: Day;
}

export function resolveCandidate(c: Candidate, ref: ArticleReference, setting: Setting = { forward: false }): DateMention {
  const type = c.clock ? 'time' : 'date';
  const quoted = JSON.stringify(c.text);
  if (c.vague) return { start: c.start, end: c.end, type, value: null, resolution: `${quoted} does not name a particular time` };
  const stated = statedValue(c);
  if (stated) return { start: c.start, end: c.end, type, value: withClock(stated, c), resolution: `${quoted} is stated in full` };
  if (!ref.day) {
    return { start: c.start, end: c.end, type, value: null, resolution: `${quoted}: the article gives no date to count from` };
  }
  const value = relativeValue(c, ref.day, setting);
  const how = setting.anchor && c.clock && c.month === undefined && c.weekday === undefined && !c.shift
    ? ', on the day named before it'
    : setting.forward ? ', read as upcoming' : '';
  const dated = `${quoted} in an article dated ${formatDay(ref.day)}${ref.source === 'fallback' ? ' (from the fallback date)' : ref.source === 'user' ? ' (the date you set)' : ''}${how}`;
  return { start: c.start, end: c.end, type, value: value ? withClock(value, c) : null, resolution: dated };
}

/** The value of an expression that needs no reference date. */
function statedValue(c: Candidate): Value | undefined {
  if (c.isoWeek) return { kind: 'other', iso: c.isoWeek };
  if (c.shift) return undefined;
  if (c.year !== undefined && c.month !== undefined && c.day !== undefined) {
    return isValidDay(c.year, c.month, c.day) ? { kind: 'day', day: { year: c.year, month: c.month, day: c.day } } : undefined;
  }
  if (c.year !== undefined && c.month !== undefined) return { kind: 'other', iso: formatMonth(c.year, c.month) };
  if (c.year !== undefined && c.weekday === undefined && c.day === undefined) return { kind: 'other', iso: pad(c.year, 4) };
  return undefined;
}

function relativeValue(c: Candidate, ref: Day, { forward, anchor }: Setting): Value | undefined {
  if (c.shift) {
    const { unit, amount } = c.shift;
    switch (unit) {
      case 'day': return { kind: 'day', day: addDays(ref, amount) };
      case 'weekend': return { kind: 'other', iso: formatIsoWeek(weekdayOnOrBefore(ref, 6)) };
      case 'week': return { kind: 'other', iso: formatIsoWeek(addDays(ref, 7 * amount)) };
      case 'month': {
        const m = addMonths(ref.year, ref.month, amount);
        return { kind: 'other', iso: formatMonth(m.year, m.month) };
      }
      case 'year': return { kind: 'other', iso: pad(ref.year + amount, 4) };
    }
  }
  if (c.yearShift !== undefined && c.month !== undefined) {
    const year = ref.year + c.yearShift;
    if (c.day === undefined) return { kind: 'other', iso: formatMonth(year, c.month) };
    return isValidDay(year, c.month, c.day) ? { kind: 'day', day: { year, month: c.month, day: c.day } } : undefined;
  }
  if (c.month !== undefined && c.day !== undefined) {
    const past = monthDayOnOrBefore(ref, c.month, c.day);
    const next = monthDayOnOrAfter(ref, c.month, c.day);
    // A weekday given with the date picks between the last and the next occurrence (`Saturday 12 March`).
    if (c.weekday !== undefined) {
      if (past && weekdayOf(past) === c.weekday) return { kind: 'day', day: past };
      if (next && weekdayOf(next) === c.weekday) return { kind: 'day', day: next };
    }
    if (!forward) return past ? { kind: 'day', day: past } : undefined;
    // Looking forward from a sentence does not make a date future (`had been set for Sept. 28`):
    // take whichever occurrence is nearer the article's date.
    const day = !past ? next : !next ? past : compareDays(ref, past) < compareDays(next, ref) ? past : next;
    return day ? { kind: 'day', day } : undefined;
  }
  if (c.weekday !== undefined) return { kind: 'day', day: (forward ? weekdayOnOrAfter : weekdayOnOrBefore)(ref, c.weekday) };
  if (c.month !== undefined) {
    const past = monthOnOrBefore(ref, c.month);
    const next = monthOnOrAfter(ref, c.month);
    const monthsBack = (ref.year - past.year) * 12 + ref.month - past.month;
    const monthsAhead = (next.year - ref.year) * 12 + next.month - ref.month;
    const m = forward && monthsAhead <= monthsBack ? next : past;
    return { kind: 'other', iso: formatMonth(m.year, m.month) };
  }
  if (c.clock) return { kind: 'day', day: anchor ?? ref }; // a bare clock time is on the day last named, else the article's
  return undefined;
}

function withClock(value: Value, c: Candidate): string | null {
  if (!c.clock) return value.kind === 'day' ? formatDay(value.day) : value.iso;
  if (value.kind !== 'day') return null;
  return `${formatDay(value.day)}T${pad(c.hour ?? 0)}:${pad(c.minute ?? 0)}`;
}
