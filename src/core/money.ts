// The one place for money. Amounts are exact decimals of pounds while the model computes; they are
// rounded once, to whole pence, half away from zero, when a result is shown or exported.
// Money is branded, as a Day is: an FTE, a count or a rate is not money, so using one where pounds
// are expected does not compile. Figures in pounds become money with `pounds`; arithmetic on money
// that gives money is the operations below, never the decimal's own methods (they give a plain decimal).
import { Exact, type Exact as ExactT } from './exact.js';

export type Money = ExactT & { readonly __money: unique symbol };

/** What money is multiplied by: an FTE, a number of hires, a rate or a factor, but not money. */
export type Factor = number | (ExactT & { readonly __money?: never });

/** A figure in pounds (a salary, a recruitment cost, an amount read from a file) as money. */
export function pounds(amount: number | string | ExactT): Money {
  return new Exact(amount) as Money;
}

export const ZERO_POUNDS: Money = pounds(0);

export function addMoney(a: Money, b: Money): Money {
  return a.plus(b) as Money;
}

export function subtractMoney(a: Money, b: Money): Money {
  return a.minus(b) as Money;
}

/** A unit cost times FTE or hires, or an amount times a rate: exact. */
export function multiplyMoney(amount: Money, factor: Factor): Money {
  return amount.times(factor) as Money;
}

export function sumMoney(amounts: Iterable<Money>): Money {
  let total = ZERO_POUNDS;
  for (const amount of amounts) total = addMoney(total, amount);
  return total;
}

/** Whole pence, rounded half away from zero: the one rounding rule for money. */
export function toPence(amount: Money): bigint {
  return BigInt(amount.times(100).toDecimalPlaces(0, Exact.ROUND_HALF_UP).toFixed(0));
}

/**
 * A reported figure, rounded to the penny. Each figure a user sees is rounded once, here; totals and
 * differences are then exact sums of those figures, so a column always adds up to its total.
 */
export function roundToPence(amount: Money): Money {
  return amount.toDecimalPlaces(2, Exact.ROUND_HALF_UP) as Money;
}

/** Pounds to 2 decimals as a plain number (JSON, CSV). */
export function toPounds(amount: Money): number {
  return Number(toPence(amount)) / 100;
}

/** "£1,234,567.80" (or "-£1,234.00"); with `pence: false`, whole pounds ("£1,234,568"). For people. */
export function formatPounds(amount: Money, options: { pence?: boolean } = {}): string {
  const withPence = options.pence !== false;
  const scaled = withPence ? toPence(amount) : BigInt(amount.toDecimalPlaces(0, Exact.ROUND_HALF_UP).toFixed(0));
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const whole = withPence ? abs / 100n : abs;
  const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = withPence ? `£${grouped}.${(abs % 100n).toString().padStart(2, '0')}` : `£${grouped}`;
  return negative ? `-${text}` : text;
}
