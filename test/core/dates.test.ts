import { describe, expect, it } from 'vitest';
import { addMonths, addYears, dayFromYmd, formatIso } from '../../src/core/dates.js';
import { isExperienced } from '../../src/core/workforce.js';

const d = (iso: string) => {
  const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
  return dayFromYmd(y, m, day);
};

describe('the anniversary rule for experience', () => {
  it('counts someone as experienced on the third anniversary of qualifying, not the day before', () => {
    expect(isExperienced(d('2014-09-30'), d('2017-09-30'), 3)).toBe(true);
    expect(isExperienced(d('2014-10-01'), d('2017-09-30'), 3)).toBe(false);
    expect(isExperienced(d('2014-09-30'), d('2017-09-29'), 3)).toBe(false);
  });

  it('treats 29 February as 28 February in a year that has none', () => {
    expect(formatIso(addYears(d('2016-02-29'), 3))).toBe('2019-02-28');
    expect(isExperienced(d('2016-02-29'), d('2019-02-28'), 3)).toBe(true);
    expect(isExperienced(d('2016-02-29'), d('2019-02-27'), 3)).toBe(false);
    expect(formatIso(addYears(d('2016-02-29'), 4))).toBe('2020-02-29');
  });

  it('uses whole years from the --experience-years setting', () => {
    expect(isExperienced(d('2020-01-01'), d('2022-01-01'), 2)).toBe(true);
    expect(isExperienced(d('2020-01-01'), d('2022-01-01'), 3)).toBe(false);
    expect(isExperienced(d('2022-01-01'), d('2022-01-01'), 0)).toBe(true);
  });

  it('never counts someone without a qualified date as experienced', () => {
    expect(isExperienced(null, d('2022-01-01'), 3)).toBe(false);
  });
});

describe('month arithmetic', () => {
  it('clamps to the end of a shorter month', () => {
    expect(formatIso(addMonths(d('2026-03-31'), -1))).toBe('2026-02-28');
    expect(formatIso(addMonths(d('2026-09-30'), -12))).toBe('2025-09-30');
    expect(formatIso(addMonths(d('2026-01-15'), -24))).toBe('2024-01-15');
  });
});

describe('day numbers', () => {
  it('agree with the JavaScript calendar for every day from 1900 to 2100', () => {
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      const js = new Date(t);
      const day = dayFromYmd(js.getUTCFullYear(), js.getUTCMonth() + 1, js.getUTCDate());
      expect(day).toBe(t / 86_400_000);
      expect(formatIso(day)).toBe(js.toISOString().slice(0, 10));
    }
  });
});
