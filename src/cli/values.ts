// Flag values: parsed strictly, with a usage error (exit 2) that says what was expected.
import { InvalidArgumentError } from 'commander';
import { dayFromYmd, isValidYmd, type Day } from '../core/dates.js';

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

export function isoDate(text: string): Day {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) throw new InvalidArgumentError(`expected a date as YYYY-MM-DD, got "${text}"`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isValidYmd(y, m, d)) throw new InvalidArgumentError(`expected a real date (${text} does not exist), got "${text}"`);
  return dayFromYmd(y, m, d);
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

/** A comma-separated list, each item parsed by `item`: "15,17,19" or "40%,50%". */
export function listOf<T>(item: (text: string) => T): (text: string) => T[] {
  return (text) => {
    const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
    if (parts.length === 0) throw new InvalidArgumentError(`expected a comma-separated list, got "${text}"`);
    return parts.map(item);
  };
}
