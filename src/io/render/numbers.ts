// How numbers are shown to people. Machine formats (JSON, CSV) carry full values; money is always
// rounded to the penny by core/money.ts. (Formatting is done by hand: Intl's first use costs ~25 ms
// of start-up, a tenth of the whole run.)
import type { Exact } from '../../core/exact.js';

/** Groups thousands with commas and keeps between `min` and `max` decimals. */
export function grouped(value: number, min: number, max: number): string {
  const negative = value < 0;
  const [whole, digits = ''] = Math.abs(value).toFixed(max).split('.') as [string, string?];
  let fraction = digits;
  while (fraction.length > min && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = fraction !== '' ? `${withCommas}.${fraction}` : withCommas;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

export function fte(value: Exact | number | null): string {
  if (value === null) return '—';
  return grouped(typeof value === 'number' ? value : value.toNumber(), 1, 2);
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
