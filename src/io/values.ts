// Decoding one cell. Tolerant where the meaning is certain (UK date styles, £ and thousands
// separators, "80%"), strict where it is not: an impossible date or an ambiguous number is an error.
import { findAlias, normaliseName, type ValueAlias } from '../core/config.js';
import { dayFromYmd, isValidYmd, type Day } from '../core/dates.js';
import { exact, type Exact } from '../core/exact.js';
import { pounds, type Money } from '../core/money.js';

export type Decoded<T> = { ok: true; value: T } | { ok: false; expected: string };

const ok = <T>(value: T): Decoded<T> => ({ ok: true, value });
const fail = (expected: string): Decoded<never> => ({ ok: false, expected });

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

/** Excel's serial day numbers (1900 date system) that a date column may hold: 20000 is 1954-10-03, 80000 is 2119-01-10. */
export const EXCEL_SERIAL = /^(?:[2-7]\d{4}|80000)$/;
// Serial 25569 is 1970-01-01; Excel's serials run on from its fictitious 29 February 1900, so every
// serial from 61 on is this offset from the Unix day count.
const EXCEL_UNIX_OFFSET = 25569;

export const DATE_FORMATS = 'a date: YYYY-MM-DD, DD/MM/YYYY (or D/M/YYYY), DD/MM/YY, DD-MM-YYYY, DD.MM.YYYY, D MMM YYYY, D Month YYYY, DD-MMM-YYYY or DD-MMM-YY, optionally followed by a time HH:MM[:SS], or an Excel serial number';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const NAMED_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]{3,9})[ -](\d{2}|\d{4})$/;

/** Two-digit years: 00-69 are 20xx, 70-99 are 19xx. */
const fullYear = (digits: string): number => (digits.length === 2 ? Number(digits) + (Number(digits) < 70 ? 2000 : 1900) : Number(digits));

const digit = (text: string, i: number): number => {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
};

/**
 * The common cases, fast: exactly YYYY-MM-DD or DD/MM/YYYY at text[start, end), a real date, as a
 * day number; NaN for anything else (which decodeDate then reads or reports). No allocation.
 */
export function fastIsoDayAt(text: string, start: number, end: number): number {
  if (end - start !== 10) return Number.NaN;
  let y: number;
  let m: number;
  let d: number;
  if (text.charCodeAt(start + 4) === 45 && text.charCodeAt(start + 7) === 45) {
    y = digit(text, start) * 1000 + digit(text, start + 1) * 100 + digit(text, start + 2) * 10 + digit(text, start + 3);
    m = digit(text, start + 5) * 10 + digit(text, start + 6);
    d = digit(text, start + 8) * 10 + digit(text, start + 9);
  } else if (text.charCodeAt(start + 2) === 47 && text.charCodeAt(start + 5) === 47) {
    // DD/MM/YYYY, day first (UK).
    d = digit(text, start) * 10 + digit(text, start + 1);
    m = digit(text, start + 3) * 10 + digit(text, start + 4);
    y = digit(text, start + 6) * 1000 + digit(text, start + 7) * 100 + digit(text, start + 8) * 10 + digit(text, start + 9);
  } else return Number.NaN;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31 || !isValidYmd(y, m, d)) return Number.NaN;
  return dayFromYmd(y, m, d);
}

export function fastIsoDay(text: string): number {
  return fastIsoDayAt(text, 0, text.length);
}

/** A date in any of the documented styles; day first always (UK). */
export function decodeDate(text: string): Decoded<Day> {
  const fast = fastIsoDay(text);
  if (fast === fast) return ok(fast as Day);
  let match = ISO.exec(text);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const time = match[4] === undefined || (Number(match[4]) < 24 && Number(match[5]) < 60 && Number(match[6] ?? 0) < 60);
    return isValidYmd(y, m, d) && time ? ok(dayFromYmd(y, m, d)) : fail(`a real date (${text} does not exist)`);
  }
  match = DAY_FIRST.exec(text);
  if (match) {
    const [d, m, y] = [Number(match[1]), Number(match[3]), fullYear(match[4]!)];
    // Excel's UK exports add a time: 03/04/2026 14:30. The time is read only to be checked.
    const time = match[5] === undefined || (Number(match[5]) < 24 && Number(match[6]) < 60 && Number(match[7] ?? 0) < 60);
    return isValidYmd(y, m, d) && time ? ok(dayFromYmd(y, m, d)) : fail(`a real date, day first (${text} does not exist)`);
  }
  match = NAMED_MONTH.exec(text);
  if (match) {
    const month = MONTHS[match[2]!.toLowerCase()];
    const d = Number(match[1]);
    const y = fullYear(match[3]!);
    if (month !== undefined && isValidYmd(y, month, d)) return ok(dayFromYmd(y, month, d));
    return fail(`a real date (${text} does not exist)`);
  }
  if (EXCEL_SERIAL.test(text)) return ok((Number(text) - EXCEL_UNIX_OFFSET) as Day);
  return fail(DATE_FORMATS);
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/** "£36,500", "36,500.00", "36500": exact pounds. Commas only as thousands separators. */
export function decodeAmount(text: string): Decoded<Money> {
  const body = text.replace(/^£\s*/, '').replace(/^(-)£\s*/, '$1').trim();
  if (PLAIN_NUMBER.test(body)) return ok(pounds(body));
  if (GROUPED_NUMBER.test(body)) return ok(pounds(body.replace(/,/g, '')));
  return fail('a number such as 36500, 36,500.00 or £36,500');
}

/** A number, or a percentage ("80%" = 0.8) when `percent` is allowed. */
export function decodeNumber(text: string, options: { percent?: boolean } = {}): Decoded<Exact> {
  const trimmed = text.trim();
  if (options.percent && trimmed.endsWith('%')) {
    const body = trimmed.slice(0, -1).trim();
    return PLAIN_NUMBER.test(body) ? ok(exact(body).div(100)) : fail('a number or a percentage such as 0.8 or 80%');
  }
  return PLAIN_NUMBER.test(trimmed) ? ok(exact(trimmed)) : fail(options.percent ? 'a number or a percentage such as 0.8 or 80%' : 'a number');
}

export function decodeWholeNumber(text: string): Decoded<number> {
  const trimmed = text.trim().replace(/\.0*$/, '');
  if (!/^\+?\d+$/.test(trimmed)) return fail('a whole number >= 0');
  return Number(trimmed) <= Number.MAX_SAFE_INTEGER ? ok(Number(trimmed)) : fail('a whole number >= 0 no larger than 9,007,199,254,740,991 (this one is too large to count exactly)');
}

const TRUE = new Set(['yes', 'y', 'true', '1']);
const FALSE = new Set(['no', 'n', 'false', '0']);

export function decodeYesNo(text: string): Decoded<boolean> {
  const lower = text.trim().toLowerCase();
  if (TRUE.has(lower)) return ok(true);
  if (FALSE.has(lower)) return ok(false);
  return fail('yes or no (also y/n, true/false, 1/0)');
}

/**
 * A cell that names one of a fixed set of values (a role, an outcome, a contract): the config's
 * aliases first, in the order written (the first match wins), then the values themselves matched
 * ignoring case, spaces and hyphens. Each alias that matches is recorded in `used`.
 */
export function aliasedValue<T extends string>(
  values: readonly T[],
  aliases: readonly ValueAlias<T>[],
  used: Set<string>,
  expected: string,
): (text: string) => Decoded<T> {
  return (text) => {
    const alias = findAlias(aliases, text);
    if (alias !== undefined) {
      used.add(alias.key);
      return ok(alias.value);
    }
    const normal = normaliseName(text);
    return (values as readonly string[]).includes(normal) ? ok(normal as T) : fail(expected);
  };
}

/** `decode` with its results kept for up to 10,000 distinct texts (cells repeat down a column). */
export function memo<T>(decode: (text: string) => Decoded<T>): (text: string) => Decoded<T> {
  const seen = new Map<string, Decoded<T>>();
  return (text) => {
    let result = seen.get(text);
    if (result === undefined) {
      result = decode(text);
      if (seen.size < 10_000) seen.set(text, result);
    }
    return result;
  };
}
