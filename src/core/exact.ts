// Exact decimal arithmetic for money and FTE. Every input figure (salaries, FTE, rates) is a finite
// decimal, and the model only adds and multiplies them, so results are exact; rounding happens once,
// at output (see money.ts).
import { Decimal } from 'decimal.js';

export const Exact = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
export type Exact = InstanceType<typeof Exact>;

export const ZERO = new Exact(0);
export const ONE = new Exact(1);

export function exact(value: number | string | Exact): Exact {
  return new Exact(value);
}

export function sumExact(values: Iterable<Exact>): Exact {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** An FTE or share for display and comparison: exact values become the nearest double. */
export function toNumber(value: Exact): number {
  return value.toNumber();
}
