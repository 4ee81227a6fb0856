// Calendar dates as whole days since 1970-01-01 (UTC), so comparisons are integer comparisons
// and no time zone can move a date.

/** A calendar date, as the number of days since 1970-01-01. */
export type Day = number & { readonly __day: unique symbol };

const MS_PER_DAY = 86_400_000;

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The day for a year, month (1-12) and day of month; throws on an impossible date (a bug upstream). */
export function dayFromYmd(year: number, month: number, day: number): Day {
  if (!isValidYmd(year, month, day)) throw new RangeError(`not a date: ${year}-${month}-${day}`);
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(0, 0, 0, 0);
  return Math.round(utc.getTime() / MS_PER_DAY) as Day;
}

export function ymdOf(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function formatIso(day: Day): string {
  const { year, month, day: dom } = ymdOf(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dom).padStart(2, '0')}`;
}

/**
 * The same month and day `years` later (or earlier). 29 February becomes 28 February in a year
 * that has none: the anniversary rule of the spec.
 */
export function addYears(day: Day, years: number): Day {
  const { year, month, day: dom } = ymdOf(day);
  const target = year + years;
  return dayFromYmd(target, month, Math.min(dom, daysInMonth(target, month)));
}

/** The same day of the month `months` later (or earlier), clamped to the month's last day. */
export function addMonths(day: Day, months: number): Day {
  const { year, month, day: dom } = ymdOf(day);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return dayFromYmd(targetYear, targetMonth, Math.min(dom, daysInMonth(targetYear, targetMonth)));
}

export function todayUtc(now: Date = new Date()): Day {
  return dayFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
