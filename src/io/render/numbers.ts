// How numbers are shown to people. Machine formats (JSON, CSV) carry full values; money is always
// rounded to the penny by core/money.ts. (Formatting is done by hand: Intl's first use costs ~25 ms
// of start-up, a tenth of the whole run.)
import { exact, Exact } from '../../core/exact.js';

/**
 * Groups thousands with commas and keeps between `min` and `max` decimals, rounding half up on the
 * decimal value (32.745 is 32.75, not the 32.74 a double's toFixed gives).
 */
export function grouped(value: Exact | number, min: number, max: number): string {
  const decimal = typeof value === 'number' ? exact(value) : value;
  const negative = decimal.isNegative();
  const [whole, digits = ''] = decimal.abs().toFixed(max, Exact.ROUND_HALF_UP).split('.') as [string, string?];
  let fraction = digits;
  while (fraction.length > min && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = fraction !== '' ? `${withCommas}.${fraction}` : withCommas;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/** FTE for people: always two decimals (177.30, 32.75), so a column lines up and reads alike. */
export function fte(value: Exact | number | null): string {
  if (value === null) return '—';
  return grouped(value, 2, 2);
}

export function share(value: number | null): string {
  return value === null ? '—' : `${grouped(value * 100, 1, 1)}%`;
}

export function caseload(value: number | null): string {
  return value === null ? '—' : grouped(value, 1, 1);
}

export function count(value: number | null): string {
  return value === null ? '—' : grouped(value, 0, 2);
}

export function rate(value: number): string {
  return `${+(value * 100).toFixed(4)}%`;
}

/** A number for JSON/CSV: exact values to a double. */
export function plain(value: Exact | number | null): number | null {
  if (value === null) return null;
  return typeof value === 'number' ? value : value.toNumber();
}
