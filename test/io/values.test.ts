import { describe, expect, it } from 'vitest';
import { formatIso } from '../../src/core/dates.js';
import { decodeAmount, decodeDate, decodeNumber, decodeWholeNumber, decodeYesNo, fastIsoDay } from '../../src/io/values.js';

const date = (text: string) => {
  const d = decodeDate(text);
  return d.ok ? formatIso(d.value) : `error: ${d.expected}`;
};

describe('dates', () => {
  it('reads ISO and UK day-first dates', () => {
    expect(date('2017-09-30')).toBe('2017-09-30');
    expect(date('30/09/2017')).toBe('2017-09-30');
    expect(date('1/2/2017')).toBe('2017-02-01');
    expect(date('01-02-2017')).toBe('2017-02-01');
    expect(date('01.02.2017')).toBe('2017-02-01');
    expect(date('2017-09-30 14:05')).toBe('2017-09-30');
    expect(date('2017-09-30 14:05:59')).toBe('2017-09-30');
    expect(date('3 Sep 2017')).toBe('2017-09-03');
    expect(date('30-Sep-2017')).toBe('2017-09-30');
    expect(date('30-Sep-17')).toBe('2017-09-30');
    expect(date('30-Sep-70')).toBe('1970-09-30');
    expect(date('30-Sep-69')).toBe('2069-09-30');
  });

  it('reads two-digit years day first, full month names and Excel serial numbers (issue 10)', () => {
    expect(date('30/09/17')).toBe('2017-09-30');
    expect(date('1/2/70')).toBe('1970-02-01');
    expect(date('30 September 2017')).toBe('2017-09-30');
    expect(date('1st March 2024')).toBe('2024-03-01');
    expect(date('29 February 2023')).toMatch(/^error: a real date/);
    expect(date('30 Septembre 2017')).toMatch(/^error: a real date/);
    // Excel's 1900 date system: 25569 is 1970-01-01, 45000 is 2023-03-15.
    expect(date('25569')).toBe('1970-01-01');
    expect(date('45000')).toBe('2023-03-15');
    expect(date('20000')).toBe('1954-10-03');
    expect(date('80001')).toMatch(/^error: a date/);
    expect(date('19999')).toMatch(/^error: a date/);
  });

  it('never reads a date with a letter in it, on the fast path either ("202X-01-01" is not 1020-01-01)', () => {
    expect(date('202X-01-01')).toMatch(/^error/);
    expect(date('2O20-01-01')).toMatch(/^error/);
    expect(date('01/0l/2020')).toMatch(/^error/);
    expect(fastIsoDay('202X-01-01')).toBeNaN();
    expect(fastIsoDay('3X/01/2020')).toBeNaN();
  });

  it('reads the date-times of UK Excel exports, checking the time', () => {
    expect(date('03/04/2026 14:30')).toBe('2026-04-03');
    expect(date('3/4/2026 09:05:59')).toBe('2026-04-03');
    expect(date('03/04/2026 25:00')).toMatch(/^error: a real date, day first/);
  });

  it('rejects impossible dates instead of rolling them over', () => {
    expect(date('31/02/2020')).toMatch(/^error: a real date/);
    expect(date('13/13/2020')).toMatch(/^error/);
    expect(date('2019-02-29')).toMatch(/^error/);
    expect(date('2020-02-29')).toBe('2020-02-29');
  });

  it('rejects other styles, naming the accepted ones', () => {
    expect(date('09/30/2017')).toMatch(/^error/);
    expect(date('2017/09/30')).toBe('error: a date: YYYY-MM-DD, DD/MM/YYYY (or D/M/YYYY), DD/MM/YY, DD-MM-YYYY, DD.MM.YYYY, D MMM YYYY, D Month YYYY, DD-MMM-YYYY or DD-MMM-YY, optionally followed by a time HH:MM[:SS], or an Excel serial number');
    expect(date('yesterday')).toMatch(/^error/);
  });
});

describe('numbers', () => {
  it('reads pounds with £ and thousands separators exactly', () => {
    for (const text of ['£36,500', '36,500.00', '36500', '£ 36500']) {
      const d = decodeAmount(text);
      expect(d.ok && d.value.toString()).toBe('36500');
    }
    expect(decodeAmount('1,5').ok).toBe(false);
    expect(decodeAmount('36.500,00').ok).toBe(false);
  });

  it('reads FTE as a number or a percentage', () => {
    const pct = decodeNumber('80%', { percent: true });
    expect(pct.ok && pct.value.toString()).toBe('0.8');
    expect(decodeNumber('80%').ok).toBe(false);
  });

  it('reads whole numbers only', () => {
    expect(decodeWholeNumber('12')).toEqual({ ok: true, value: 12 });
    expect(decodeWholeNumber('12.0')).toEqual({ ok: true, value: 12 });
    expect(decodeWholeNumber('12.5').ok).toBe(false);
    expect(decodeWholeNumber('-1').ok).toBe(false);
  });

  it('reads yes/no in every documented spelling', () => {
    for (const t of ['yes', 'Y', 'TRUE', '1']) expect(decodeYesNo(t)).toEqual({ ok: true, value: true });
    for (const t of ['no', 'n', 'False', '0']) expect(decodeYesNo(t)).toEqual({ ok: true, value: false });
    expect(decodeYesNo('maybe').ok).toBe(false);
  });
});
