// Calendar dates as whole days since 1970-01-01 (UTC), so comparisons are integer comparisons
// and no time zone can move a date.

/** A calendar date, as the number of days since 1970-01-01. */
export type Day = number & { readonly __day: unique symbol };

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

// Integer civil-calendar arithmetic (H. Hinnant's days_from_civil / civil_from_days): no Date
// objects, so decoding a million dates stays cheap.

/** The day for a year, month (1-12) and day of month; throws on an impossible date (a bug upstream). */
export function dayFromYmd(year: number, month: number, day: number): Day {
  if (!isValidYmd(year, month, day)) throw new RangeError(`not a date: ${year}-${month}-${day}`);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return (era * 146097 + doe - 719468) as Day;
}

export function ymdOf(day: Day): { year: number; month: number; day: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const dom = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: dom };
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
