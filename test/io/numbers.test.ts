import { describe, expect, it } from 'vitest';
import { exact } from '../../src/core/exact.js';
import { fte, grouped } from '../../src/io/render/numbers.js';
import { caseplan } from '../cli/run.js';

describe('numbers for people', () => {
  it('rounds half up on the decimal value, not on the nearest double', () => {
    expect(grouped(32.745, 2, 2)).toBe('32.75');
    expect(grouped(exact('32.745'), 2, 2)).toBe('32.75');
    expect(grouped(1.005, 2, 2)).toBe('1.01');
    expect(grouped(-0.004, 0, 2)).toBe('0');
    expect(grouped(1234567.5, 0, 0)).toBe('1,234,568');
  });

  it('shows FTE with two decimals always', () => {
    expect([fte(177.3), fte(exact(24)), fte(exact('0.125')), fte(null)]).toEqual(['177.30', '24.00', '0.13', '—']);
  });
});

describe('projection tables add up', () => {
  const pence = (text: string) => Math.round(Number(text.replace(/[*£,]/g, '')) * 100);
  const rows = (markdown: string, heading: string) => {
    const after = markdown.slice(markdown.indexOf(heading));
    const lines = after.split('\n').filter((l) => l.startsWith('|')).slice(2);
    const end = lines.findIndex((l) => l.startsWith('| **Total**'));
    return { body: lines.slice(0, end).map((l) => l.split('|').slice(1, -1).map((c) => c.trim())), total: lines[end]!.split('|').slice(1, -1).map((c) => c.trim()) };
  };
  const run = caseplan(['plan', '--target', '19', '--mix', '50%', '--mix-by', '3', '--years', '5', '--growth', '4%', '--turnover', '15%', '--pay-award', '3%', '--as-of', '2026-09-30', '--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv', '--format', 'markdown']);

  it('each money column of the year-by-year table sums to its total, and each row is paybill + recruitment - baseline', () => {
    const { body, total } = rows(run.stdout, '| Year | Date |');
    expect(body).toHaveLength(6);
    for (const column of [9, 10, 11, 12]) {
      expect(body.reduce((s, r) => s + pence(r[column]!), 0)).toBe(pence(total[column]!));
    }
    for (const r of body) expect(pence(r[9]!) + pence(r[10]!) - pence(r[11]!)).toBe(pence(r[12]!));
  });

  it('each group column of the paybill table sums to its total, and the groups to the paybill', () => {
    const { body, total } = rows(run.stdout, '| Year | Experienced |');
    for (const column of [1, 2, 3, 5]) expect(body.reduce((s, r) => s + pence(r[column]!), 0)).toBe(pence(total[column]!));
    for (const r of body) expect(pence(r[1]!) + pence(r[2]!) + pence(r[3]!)).toBe(pence(r[5]!));
  });
});
