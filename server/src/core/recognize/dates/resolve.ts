// Turns a candidate into a DateMention: its ISO value under news-past defaults (a bare weekday
// or day-and-month is the latest one on or before the article's date) and a readable account.
import type { DateMention } from '../../model';
import type { Candidate } from './candidates';
import {
  addDays, addMonths, compareDays, formatDay, formatIsoWeek, formatMonth, isValidDay, monthDayOnOrAfter, monthDayOnOrBefore,
  monthOnOrAfter, monthOnOrBefore, pad, WEEKDAY_NAMES, weekdayOf, weekdayOnOrAfter, weekdayOnOrBefore, type Day,
} from './calendar';
import type { ArticleReference } from './reference';

type Value = { kind: 'day'; day: Day } | { kind: 'other'; iso: string };

export interface Setting {
  /** The sentence looks forward (`will meet on Friday`): undated days are the next ones, not the last. */
  forward: boolean;
  /** For a bare clock time, the day an expression beside it named: before it in its sentence, or right after it. */
  anchor?: { day: Day; named: 'before' | 'after' };
  /** For a bare clock time, the expression right after it that points back: `2:15 p.m. that day`. */
  anaphor?: string;
}

export function resolveCandidate(c: Candidate, ref: ArticleReference, setting: Setting = { forward: false }): DateMention {
  const type = c.clock ? 'time' : 'date';
  const quoted = JSON.stringify(c.text);
  if (c.vague) return unvalued(c, type, `${quoted} does not name a particular time`);
  if (c.anaphor) return unvalued(c, type, `${quoted} refers back to ${withArticle(c.anaphor)} named earlier, so it has no value of its own`);
  const bareClock = c.clock && c.month === undefined && c.weekday === undefined && c.day === undefined && !c.shift;
  if (bareClock && setting.anaphor) return unvalued(c, type, `${quoted} is on ${JSON.stringify(setting.anaphor)}, a day named earlier`);
  if (c.season) return unvalued(c, type, seasonResolution(c, ref, setting.forward));
  const stated = statedValue(c);
  if (stated) return { start: c.start, end: c.end, type, value: withClock(stated, c), resolution: `${quoted} is stated in full` };
  if (!ref.day) return { ...unvalued(c, type, `${quoted}: the article gives no date to count from`), needsDate: true };
  const value = relativeValue(c, ref.day, setting);
  const how = setting.anchor && bareClock ? `, on the day named ${setting.anchor.named === 'before' ? 'before it' : 'with it'}`
    : c.weekShift ? `, the ${WEEKDAY_NAMES[c.weekday!]} of the week ${c.weekShift > 0 ? 'after' : 'before'}`
    : c.weekdayStep ? `, the ${WEEKDAY_NAMES[c.weekday!]} ${c.weekdayStep > 0 ? 'after' : 'before'} it`
    : setting.forward ? ', read as upcoming' : '';
  const valued = value ? withClock(value, c) : null;
  return { start: c.start, end: c.end, type, value: valued, resolution: `${articleDated(quoted, ref)}${how}`, ...(valued !== null && ref.source === 'file' ? { guessed: true } : {}) };
}

// Helpers here are module functions, not closures made per call: under tsx (the benchmarks, the tests) every named
// closure is renamed by a property definition each time it is made, which costs more than the rule it serves.
function unvalued(c: Candidate, type: DateMention['type'], resolution: string): DateMention {
  return { start: c.start, end: c.end, type, value: null, resolution };
}

function articleDated(quoted: string, ref: ArticleReference): string {
  const from = ref.source === 'fallback' ? ' (from the fallback date)' : ref.source === 'user' ? ' (the date you set)' : ref.source === 'metadata' ? ' (from its front matter)' : ref.source === 'file' ? " (the file's date: a guess)" : '';
  return `${quoted} in an article dated ${formatDay(ref.day!)}${from}`;
}

function withArticle(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

/**
 * Seasons get no value (ISO 8601 has none, and a three-month span is not one of our values), but the
 * resolution says which season is meant, chosen like a bare month: the last one unless the sentence
 * looks forward. Seasons are the northern hemisphere's meteorological ones (winter from December).
 */
function seasonResolution(c: Candidate, ref: ArticleReference, forward: boolean): string {
  const quoted = JSON.stringify(c.text);
  const name = c.season!;
  // `winter 2022` could be either winter that touches 2022; say only what the text says.
  if (c.year !== undefined) return `${quoted} is the ${name} of ${pad(c.year, 4)}; a season has no date value`;
  if (!ref.day) return `${quoted}: a season, and the article gives no date to count from`;
  const year = seasonYear(name, ref.day, c.seasonRelation ?? (forward ? 'ahead' : 'past'));
  return `${articleDated(quoted, ref)}: ${seasonLabel(name, year)}; a season has no date value`;
}

const SEASON_START: Record<string, number> = { spring: 3, summer: 6, autumn: 9, winter: 12 };

/** The year in which the meant season starts. */
function seasonYear(name: string, ref: Day, relation: 'this' | 'next' | 'last' | 'ahead' | 'past'): number {
  const month = ref.year * 12 + ref.month - 1;
  const startOf = (year: number): number => year * 12 + SEASON_START[name] - 1;
  // The season that started most recently on or before the reference month.
  const latest = startOf(ref.year) <= month ? ref.year : ref.year - 1;
  const current = month <= startOf(latest) + 2;
  switch (relation) {
    case 'last': return current ? latest - 1 : latest;
    case 'next': return latest + 1;
    case 'past': return latest;
    case 'ahead': return current ? latest : latest + 1;
    case 'this': {
      if (current) return latest;
      const sinceEnd = month - (startOf(latest) + 2);
      const untilStart = startOf(latest + 1) - month;
      return untilStart <= sinceEnd ? latest + 1 : latest;
    }
  }
}

function seasonLabel(name: string, year: number): string {
  return name === 'winter' ? `the winter of ${pad(year, 4)}-${pad((year + 1) % 100)}` : `the ${name} of ${pad(year, 4)}`;
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
    const { unit, amount } = forward && c.shiftAhead ? c.shiftAhead : c.shift;
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
  if (c.weekday !== undefined && c.weekShift) {
    const monday = addDays(ref, -((weekdayOf(ref) + 6) % 7));
    return { kind: 'day', day: addDays(monday, 7 * c.weekShift + ((c.weekday + 6) % 7)) };
  }
  if (c.weekday !== undefined && c.weekdayStep) return { kind: 'day', day: c.weekdayStep > 0 ? weekdayOnOrAfter(addDays(ref, 1), c.weekday) : weekdayOnOrBefore(addDays(ref, -1), c.weekday) };
  if (c.weekday !== undefined) return { kind: 'day', day: (forward ? weekdayOnOrAfter : weekdayOnOrBefore)(ref, c.weekday) };
  if (c.month !== undefined) {
    const past = monthOnOrBefore(ref, c.month);
    const next = monthOnOrAfter(ref, c.month);
    const monthsBack = (ref.year - past.year) * 12 + ref.month - past.month;
    const monthsAhead = (next.year - ref.year) * 12 + next.month - ref.month;
    const m = forward && monthsAhead <= monthsBack ? next : past;
    return { kind: 'other', iso: formatMonth(m.year, m.month) };
  }
  if (c.clock) return { kind: 'day', day: anchor?.day ?? ref }; // a bare clock time is on the day named beside it, else the article's
  return undefined;
}

function withClock(value: Value, c: Candidate): string | null {
  if (!c.clock) return value.kind === 'day' ? formatDay(value.day) : value.iso;
  if (value.kind !== 'day') return null;
  return `${formatDay(value.day)}T${pad(c.hour ?? 0)}:${pad(c.minute ?? 0)}`;
}
