/**
 * Dates as the engine uses them: ISO strings (YYYY-MM-DD) and plain calendar arithmetic in UTC,
 * plus the Dutch month names and date phrases real letters use ("30 oktober 2020", "2 november 2022").
 */

export const DUTCH_MONTHS: readonly string[] = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni',
  'juli', 'augustus', 'september', 'oktober', 'november', 'december',
];

const MONTH_ALIASES: ReadonlyMap<string, number> = new Map<string, number>([
  ...DUTCH_MONTHS.map((m, i) => [m, i + 1] as [string, number]),
  ['jan', 1], ['feb', 2], ['febr', 2], ['mrt', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8],
  ['sep', 9], ['sept', 9], ['okt', 10], ['nov', 11], ['dec', 12],
]);

/** Month number (1-12) of a Dutch month name or abbreviation, case-insensitive; undefined otherwise. */
export function monthNumber(name: string): number | undefined {
  return MONTH_ALIASES.get(name.toLowerCase().replace(/\.$/, ''));
}

/** A regular-expression alternation of the Dutch month names (full names first). */
export const MONTH_PATTERN = DUTCH_MONTHS.join('|');

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** ISO date string of a year, month (1-12) and day. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for a valid ISO calendar date YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function parseIsoDate(value: string): CalendarDate | undefined {
  if (!isIsoDate(value)) return undefined;
  return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)), day: Number(value.slice(8, 10)) };
}

export function lastDayOfMonth(year: number, month: number): string {
  return isoDate(year, month, daysInMonth(year, month));
}

/** Days since 1970-01-01 of an ISO date. */
export function epochDay(iso: string): number {
  const d = parseIsoDate(iso);
  if (!d) throw new Error(`not an ISO date: ${iso}`);
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}

/** The ISO date `days` after (or before, when negative) a date. */
export function addDays(iso: string, days: number): string {
  const t = new Date((epochDay(iso) + days) * 86_400_000);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/**
 * Parses a written Dutch date: "30 oktober 2020", "2 november 2022", "1 jan. 2026", "30-10-2020",
 * "2020-10-30". Returns the ISO date or undefined.
 */
export function parseDutchDate(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (m) return valid(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = monthNumber(m[2]!);
    if (month) return valid(Number(m[3]), month, Number(m[1]));
  }
  return undefined;
}

function valid(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return isoDate(year, month, day);
}

/** A stretch of days, both ends inclusive (ISO dates). */
export interface DateInterval {
  readonly start: string;
  readonly end: string;
}

/** The whole calendar month. */
export function monthInterval(year: number, month: number): DateInterval {
  return { start: isoDate(year, month, 1), end: lastDayOfMonth(year, month) };
}

/** The whole calendar year. */
export function yearInterval(year: number): DateInterval {
  return { start: isoDate(year, 1, 1), end: isoDate(year, 12, 31) };
}

/** Quarter 1-4 of a year: Q3 2022 is 2022-07-01 to 2022-09-30. */
export function quarterInterval(year: number, quarter: number): DateInterval {
  const firstMonth = (quarter - 1) * 3 + 1;
  return { start: isoDate(year, firstMonth, 1), end: lastDayOfMonth(year, firstMonth + 2) };
}

/**
 * The first date with this month and day on or after `from` (ISO): the reading of a day and month
 * written without a year ("voor 1 februari", "op 8 december a.s."), the document's own day included.
 * Undefined when the day does not exist in that month. February 29 moves on to the next leap year.
 */
export function nextMonthDayFrom(month: number, day: number, from: string): string | undefined {
  const first = parseIsoDate(from);
  if (!first || month < 1 || month > 12 || day < 1 || day > 29 + (month === 2 ? 0 : 2)) return undefined;
  for (let year = first.year; year <= first.year + 8; year++) {
    if (day > daysInMonth(year, month)) continue;
    const candidate = isoDate(year, month, day);
    if (candidate >= from) return candidate;
  }
  return undefined;
}

/**
 * The last date with this month and day on or before `from` (ISO): a day and month without a year in
 * a sentence that tells of the past ("Toen was de verwachting dat er voor 1 maart een uitsluitsel zou
 * komen"). Undefined when the day does not exist in that month.
 */
export function previousMonthDayFrom(month: number, day: number, from: string): string | undefined {
  const first = parseIsoDate(from);
  if (!first || month < 1 || month > 12 || day < 1 || day > 29 + (month === 2 ? 0 : 2)) return undefined;
  for (let year = first.year; year >= first.year - 8; year--) {
    if (day > daysInMonth(year, month)) continue;
    const candidate = isoDate(year, month, day);
    if (candidate <= from) return candidate;
  }
  return undefined;
}

/** The ISO date `months` calendar months after a date, on the same day or the month's last day ("31 januari" + 1 → 28/29 februari). */
export function addMonths(iso: string, months: number): string {
  const d = parseIsoDate(iso);
  if (!d) throw new Error(`not an ISO date: ${iso}`);
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return isoDate(year, month, Math.min(d.day, daysInMonth(year, month)));
}

/** The ISO date `days` working days (Monday to Friday; holidays not known) after a date. */
export function addWorkingDays(iso: string, days: number): string {
  let day = epochDay(iso);
  for (let left = days; left > 0; ) {
    day++;
    // 1970-01-01 was a Thursday: (day + 4) % 7 is 0 on Sundays, 6 on Saturdays.
    const weekday = (day + 4) % 7;
    if (weekday !== 0 && weekday !== 6) left--;
  }
  const t = new Date(day * 86_400_000);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The n-th (1-based) given weekday (0 Sunday … 6 Saturday) of a month: Prinsjesdag is the third Tuesday of September. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const day = 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
  return isoDate(year, month, day);
}
