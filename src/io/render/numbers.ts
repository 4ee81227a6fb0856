// How numbers are shown to people. Machine formats (JSON, CSV) carry full values; money is always
// rounded to the penny by core/money.ts.
import type { Exact } from '../../core/exact.js';

export function fte(value: Exact | number | null): string {
  if (value === null) return '—';
  const n = typeof value === 'number' ? value : value.toNumber();
  return n.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
}

export function share(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;
}

export function caseload(value: number | null): string {
  return value === null ? '—' : value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function count(value: number | null): string {
  return value === null ? '—' : value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

export function rate(value: number): string {
  return `${+(value * 100).toFixed(4)}%`;
}

/** A number for JSON/CSV: exact values to a double. */
export function plain(value: Exact | number | null): number | null {
  if (value === null) return null;
  return typeof value === 'number' ? value : value.toNumber();
}
