// Flag values: parsed strictly, with a usage error (exit 2) that says what was expected.
import { InvalidArgumentError } from 'commander';
import type { Day } from '../core/dates.js';
import { decodeDate, EXCEL_SERIAL } from '../io/date-cells.js';
import { CASE_TYPES, type CaseType } from '../core/case-types.js';

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

function number(text: string, expected: string): number {
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) throw new InvalidArgumentError(`expected ${expected}, got "${text}"`);
  return Number(trimmed);
}

export function positiveNumber(text: string): number {
  const n = number(text, 'a number above 0');
  if (!(n > 0)) throw new InvalidArgumentError(`expected a number above 0, got "${text}"`);
  return n;
}

export function nonNegativeNumber(text: string): number {
  const n = number(text, 'a number >= 0');
  if (n < 0) throw new InvalidArgumentError(`expected a number >= 0, got "${text}"`);
  return n;
}

export function wholeNumber(text: string): number {
  const n = number(text, 'a whole number >= 0');
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number >= 0, got "${text}"`);
  return n;
}

/** The largest target or cap on a caseload: far beyond any real caseload, and still computed exactly. */
export const MAX_CASELOAD = 1e9;

/** The most years after qualifying that --experience-years accepts: a working life. */
export const MAX_EXPERIENCE_YEARS = 60;

const withCommas = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * `parse`, then refuse a value above `max` with a message that says it is too large (rather than
 * planning with it, or running for ever): `what` names the value, such as "a target caseload".
 */
export function atMost(parse: (text: string) => number, max: number, what: string, why = ''): (text: string) => number {
  return (text) => {
    const n = parse(text);
    if (n > max) throw new InvalidArgumentError(`"${text.trim()}" is too large: ${what} is at most ${withCommas(max)}${why}`);
    return n;
  };
}

/** A target or a cap: cases per FTE, above 0 and at most MAX_CASELOAD. */
export const caseload = atMost(positiveNumber, MAX_CASELOAD, 'a caseload (cases per FTE)');

/** --early-career-cap: as `caseload`, but 0 (no cases for early-career staff) is allowed. */
export const caseCap = atMost(nonNegativeNumber, MAX_CASELOAD, 'a caseload (cases per FTE)');

/** --cases: a whole number of open cases no larger than a number can hold exactly. */
export const caseCount = atMost(wholeNumber, Number.MAX_SAFE_INTEGER, 'a number of open cases', ', the largest whole number counted exactly');

/** --experience-years: whole years after qualifying, 0 to MAX_EXPERIENCE_YEARS. */
export const experienceYears = atMost(wholeNumber, MAX_EXPERIENCE_YEARS, 'a number of years after qualifying');

/** A rate or share as a fraction: "0.5" or "50%". */
export function fraction(text: string, options: { min?: number; max?: number } = {}): number {
  const trimmed = text.trim();
  const percent = trimmed.endsWith('%');
  const body = percent ? trimmed.slice(0, -1).trim() : trimmed;
  const value = number(body, 'a fraction such as 0.5 or a percentage such as 50%') / (percent ? 100 : 1);
  const min = options.min ?? 0;
  const max = options.max ?? 1;
  if (value < min || value > max) {
    const hint = !percent && value > 1 && value <= 100 ? ` (did you mean ${trimmed}%?)` : '';
    throw new InvalidArgumentError(`expected a value from ${min * 100}% to ${max * 100}% (as ${min} to ${max} or with %), got "${text}"${hint}`);
  }
  return value;
}

/** `--as-of`: any date style the files take (2026-09-30, 30/09/2026, 30 September 2026), day first. */
export function asOfDate(text: string): Day {
  const trimmed = text.trim();
  // A bare number is not a date on the command line (in a file it may be an Excel serial).
  const decoded = EXCEL_SERIAL.test(trimmed) ? null : decodeDate(trimmed);
  if (decoded === null || !decoded.ok) {
    throw new InvalidArgumentError(`expected ${decoded === null || decoded.expected.startsWith('a date:') ? 'a date such as 2026-09-30 or 30/09/2026' : decoded.expected}, got "${text}"`);
  }
  return decoded.value;
}

/** A repeatable option: each use adds a value. */
export function collect(text: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), text];
}

export function oneOf<T extends string>(allowed: readonly T[]): (text: string) => T {
  return (text) => {
    const lower = text.trim().toLowerCase();
    if ((allowed as readonly string[]).includes(lower)) return lower as T;
    throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}, got "${text}"`);
  };
}

export function delimiter(text: string): string {
  const named: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', '\\t': '\t' };
  const value = named[text.toLowerCase()] ?? text;
  if (![',', ';', '\t', '|'].includes(value)) throw new InvalidArgumentError(`expected comma, semicolon, tab or |, got "${text}"`);
  return value;
}

export function yearCount(text: string): number {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(n) || n < 1 || n > 30) throw new InvalidArgumentError(`expected a whole number of years from 1 to 30, got "${text}"`);
  return n;
}

/**
 * A comma-separated list, each item parsed by `item`: "15,17,19" or "40%,50%". An empty item ("19,,15",
 * "19,") and a value given twice ("19,19", "50%,0.5") are refused: each would be a scenario planned
 * twice or a typo, never what was meant.
 */
export function listOf<T>(item: (text: string) => T): (text: string) => T[] {
  return (text) => {
    const parts = text.split(',').map((p) => p.trim());
    if (parts.every((p) => p === '')) throw new InvalidArgumentError(`expected a comma-separated list such as 15,17,19, got "${text}"`);
    const empty = parts.indexOf('');
    if (empty >= 0) throw new InvalidArgumentError(`item ${empty + 1} is empty: separate the values with single commas, such as 15,17,19`);
    const seen = new Map<T, string>();
    return parts.map((part) => {
      const parsed = item(part);
      const first = seen.get(parsed);
      if (first !== undefined) {
        throw new InvalidArgumentError(first === part ? `${part} is listed twice: give each value once` : `${first} and ${part} are the same value: give each value once`);
      }
      seen.set(parsed, part);
      return parsed;
    });
  };
}

/** A turnover rate (0.15 or 15%), or `derived`: the group's own rate from the staff file's leavers. */
export function rateOrDerived(text: string): number | 'derived' {
  if (text.trim().toLowerCase() === 'derived') return 'derived';
  try {
    return fraction(text);
  } catch {
    throw new InvalidArgumentError(`expected a rate such as 0.15 or 15%, or derived (the group's own rate from the staff file), got "${text}"`);
  }
}

const RETENTION_GROUPS: Record<string, 'experienced' | 'early_career' | 'team_manager'> = {
  experienced: 'experienced',
  early_career: 'early_career',
  'early-career': 'early_career',
  team_manager: 'team_manager',
  'team-manager': 'team_manager',
};

/** `--retention experienced:3000:12%[:1]`: group, £ a year per FTE, the group's turnover with it, from which year (default 1). Repeatable. */
export function retention(
  text: string,
  previous: { group: 'experienced' | 'early_career' | 'team_manager'; annualPayment: number; turnover: number; fromYear: number }[] | undefined,
) {
  const parts = text.split(':').map((p) => p.trim());
  const group = RETENTION_GROUPS[parts[0]?.toLowerCase() ?? ''];
  if (parts.length < 3 || parts.length > 4 || group === undefined) {
    throw new InvalidArgumentError(`expected GROUP:PAYMENT:TURNOVER[:FROM_YEAR] such as experienced:3000:12% (groups: experienced, early_career, team_manager), got "${text}"`);
  }
  const annualPayment = atMost(nonNegativeNumber, 1e7, 'a payment (£ a year per FTE)')(parts[1]!.replace(/^£/, '').replace(/,/g, ''));
  const turnover = fraction(parts[2]!);
  const fromYear = parts[3] === undefined ? 1 : wholeNumber(parts[3]);
  return [...(previous ?? []), { group, annualPayment, turnover, fromYear }];
}

/** A recruitment limit, or `none` for no limit (a scenario of `compare --max-hires 20,40,none`). */
export function limitOrNone(text: string): number | null {
  return text.trim().toLowerCase() === 'none' ? null : wholeNumber(text);
}

/** An amount of pounds: 2000000, £2,000,000, 2m, 2.5m or 500k; >= 0 and at most £1e12. */
export function amount(text: string): number {
  const match = /^£?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*([kKmM]?)$/.exec(text.trim());
  if (match === null) throw new InvalidArgumentError(`expected an amount of pounds such as 2000000, £2,000,000, 2m or 500k, got "${text}"`);
  const scale = { '': 1, k: 1e3, m: 1e6 }[match[2]!.toLowerCase() as '' | 'k' | 'm'];
  // Scaled on the decimal digits, so 2.3m is 2300000 exactly, not 2299999.9999999995.
  const [whole, fraction = ''] = match[1]!.replace(/,/g, '').split('.') as [string, string?];
  const digits = Math.log10(scale);
  const value = Number(`${whole}${fraction.padEnd(digits, '0').slice(0, digits)}.${fraction.slice(digits) || '0'}`);
  if (value > 1e12) throw new InvalidArgumentError(`expected an amount up to £1,000,000,000,000, got "${text}"`);
  return value;
}

/** A spread in percentage points: "2", "2%" or "2pp" is 0.02; 0 to 100. */
export function percentagePoints(text: string): number {
  const match = /^([0-9]*\.?[0-9]+)\s*(%|pp)?$/.exec(text.trim());
  if (match === null) throw new InvalidArgumentError(`expected percentage points such as 2 or 2%, got "${text}"`);
  const n = Number(match[1]);
  if (n > 100) throw new InvalidArgumentError(`expected at most 100 percentage points, got "${text}"`);
  return n / 100;
}

/** Seconds for the solver: above 0, at most a day. */
export const seconds = atMost(positiveNumber, 86_400, 'a number of seconds');

/**
 * --growth: one rate for every case (4% or 0.04), or a rate per case type (issue 15):
 * cp:6%,cin:2% (types not listed are derived from the referrals per type).
 */
export function growth(text: string): number | Partial<Record<CaseType, number>> {
  const bounds = { min: -0.9, max: 10 };
  // A bare number above 1 is a growth of over 100% a year: "3" is far more likely meant as 3%.
  const rate = (part: string) => {
    const bare = part.trim();
    // A bare 1 or more is a growth of 100% a year or more: "3" is far more likely meant as 3%.
    if (!bare.endsWith('%') && NUMBER.test(bare) && Math.abs(Number(bare)) >= 1) {
      const percent = +(Number(bare) * 100).toFixed(4);
      throw new InvalidArgumentError(`"${bare}" would be ${percent}% a year: write ${bare}% for ${bare}% a year (or ${percent}% if you mean it)`);
    }
    return fraction(part, bounds);
  };
  if (!text.includes(':')) return rate(text);
  const byType: Partial<Record<CaseType, number>> = {};
  for (const part of text.split(',')) {
    const at = part.indexOf(':');
    const type = part.slice(0, at).trim().toLowerCase().replace(/[\s-]+/g, '_') as CaseType;
    if (at < 0 || !CASE_TYPES.includes(type)) {
      throw new InvalidArgumentError(`expected TYPE:RATE pairs such as cp:6%,cin:2%, the types ${CASE_TYPES.join(', ')}; got "${part.trim()}"`);
    }
    if (byType[type] !== undefined) throw new InvalidArgumentError(`${type} is given twice in "${text}"`);
    byType[type] = rate(part.slice(at + 1));
  }
  return byType;
}
