import { describe, expect, it } from 'vitest';
import { exact } from '../../src/core/exact.js';
import { addMoney, formatPounds, multiplyMoney, pounds, roundToPence, subtractMoney, sumMoney, toPence } from '../../src/core/money.js';

describe('money', () => {
  it('stays exact through the operations and is rounded once, to the penny, half away from zero', () => {
    const unit = pounds('51269.4');
    const paybill = addMoney(multiplyMoney(unit, exact('0.8')), multiplyMoney(multiplyMoney(unit, exact('1.5')), exact('1.33')));
    expect(paybill.toString()).toBe('143297.973');
    expect(toPence(paybill)).toBe(14329797n);
    expect(roundToPence(pounds('0.005')).toString()).toBe('0.01');
    expect(formatPounds(subtractMoney(pounds(100), sumMoney([pounds('0.10'), pounds('0.20')])))).toBe('£99.70');
  });

  it('is not an FTE, a count or a rate: mixing them does not compile', () => {
    const cost = pounds(6000);
    const fte = exact('0.8');
    // @ts-expect-error an FTE is not money
    addMoney(cost, fte);
    // @ts-expect-error pounds times pounds is not money
    multiplyMoney(cost, cost);
    // @ts-expect-error an FTE is not money
    formatPounds(fte);
    // @ts-expect-error decimal arithmetic on money gives a plain decimal, not money
    const sum: ReturnType<typeof pounds> = cost.plus(fte);
    expect(sum.toString()).toBe('6000.8');
  });
});
