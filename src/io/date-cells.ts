// Reading a date cell (and --as-of): every UK style, day first. Apart from the rest of the cell
// decoding so that `--help`, which parses --as-of's definition, loads no decimal arithmetic.
import { dayFromYmd, isValidYmd, type Day } from '../core/dates.js';

export type Decoded<T> = { ok: true; value: T } | { ok: false; expected: string };

export const ok = <T>(value: T): Decoded<T> => ({ ok: true, value });
export const fail = (expected: string): Decoded<never> => ({ ok: false, expected });

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
  // A non-digit anywhere makes the year, month or day negative (|-100000| outweighs 9999), so it is
  // never read as a date: "202X-01-01" is not 1020-01-01.
  return c >= 0 && c <= 9 ? c : -100_000;
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

