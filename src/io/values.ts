// Decoding one cell. Tolerant where the meaning is certain (UK date styles, £ and thousands
// separators, "80%"), strict where it is not: an impossible date or an ambiguous number is an error.
import { findAlias, normaliseName, type ValueAlias } from '../core/config.js';
import { exact, type Exact } from '../core/exact.js';
import { pounds, type Money } from '../core/money.js';
import { fail, ok, type Decoded } from './date-cells.js';

export { DATE_FORMATS, decodeDate, EXCEL_SERIAL, fastIsoDay, fastIsoDayAt, type Decoded } from './date-cells.js';

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
