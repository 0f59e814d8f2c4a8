// Calendar arithmetic on plain year/month/day triples, in the proleptic Gregorian calendar.
// Everything goes through UTC so no local time zone or clock can leak into a result.

export interface Day {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

const MS_PER_DAY = 86_400_000;
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function toEpochDay(d: Day): number {
  return Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY;
}

function fromEpochDay(n: number): Day {
  const date = new Date(n * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(d: Day, n: number): Day {
  return fromEpochDay(toEpochDay(d) + n);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(d: Day): number {
  return (((toEpochDay(d) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function compareDays(a: Day, b: Day): number {
  return toEpochDay(a) - toEpochDay(b);
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatDay(d: Day): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

/** Parses `YYYY-MM-DD` (a longer ISO timestamp is cut to its date); undefined when it is not a real day. */
export function parseDay(iso: string | null | undefined): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDay(year, month, day) ? { year, month, day } : undefined;
}

/** ISO 8601 week: `2022-W46`. */
export function formatIsoWeek(d: Day): string {
  const thursday = addDays(d, 3 - ((weekdayOf(d) + 6) % 7));
  const firstThursday = addDays({ year: thursday.year, month: 1, day: 4 }, 3 - ((weekdayOf({ year: thursday.year, month: 1, day: 4 }) + 6) % 7));
  const week = 1 + Math.round((toEpochDay(thursday) - toEpochDay(firstThursday)) / 7);
  return `${pad(thursday.year, 4)}-W${pad(week)}`;
}

/** The latest day with this weekday on or before `ref`. */
export function weekdayOnOrBefore(ref: Day, weekday: number): Day {
  const back = (weekdayOf(ref) - weekday + 7) % 7;
  return addDays(ref, -back);
}

/**
 * The latest `month`/`day` on or before `ref`, optionally also falling on `weekday`
 * (looked for over the 28-year cycle in which every combination recurs).
 */
export function monthDayOnOrBefore(ref: Day, month: number, day: number, weekday?: number): Day | undefined {
  const firstYear = month < ref.month || (month === ref.month && day <= ref.day) ? ref.year : ref.year - 1;
  for (let year = firstYear; year > firstYear - 28; year--) {
    if (!isValidDay(year, month, day)) continue;
    const candidate = { year, month, day };
    if (weekday === undefined || weekdayOf(candidate) === weekday) return candidate;
  }
  return undefined;
}

/** The latest occurrence of `month` on or before the month of `ref`. */
export function monthOnOrBefore(ref: Day, month: number): { year: number; month: number } {
  return { year: month <= ref.month ? ref.year : ref.year - 1, month };
}

export function addMonths(year: number, month: number, n: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + n;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The earliest day with this weekday on or after `ref`. */
export function weekdayOnOrAfter(ref: Day, weekday: number): Day {
  return addDays(ref, (weekday - weekdayOf(ref) + 7) % 7);
}

/** The earliest `month`/`day` on or after `ref` (optionally falling on `weekday`). */
export function monthDayOnOrAfter(ref: Day, month: number, day: number, weekday?: number): Day | undefined {
  const firstYear = month > ref.month || (month === ref.month && day >= ref.day) ? ref.year : ref.year + 1;
  for (let year = firstYear; year < firstYear + 28; year++) {
    if (!isValidDay(year, month, day)) continue;
    const candidate = { year, month, day };
    if (weekday === undefined || weekdayOf(candidate) === weekday) return candidate;
  }
  return undefined;
}

/** The earliest occurrence of `month` on or after the month of `ref`. */
export function monthOnOrAfter(ref: Day, month: number): { year: number; month: number } {
  return { year: month >= ref.month ? ref.year : ref.year + 1, month };
}
