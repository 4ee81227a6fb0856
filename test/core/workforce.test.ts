import { describe, expect, it } from 'vitest';
import { dayFromYmd, formatIso } from '../../src/core/dates.js';
import { experiencedFrom } from '../../src/core/workforce.js';

describe('the anniversary on which a qualification becomes experience', () => {
  it('is answered for each number of years on its own, however large, whatever was asked before', () => {
    // A key of date * 256 + years made (date, 256) the same question as (date + 1, 0).
    const qualified = dayFromYmd(2020, 1, 1);
    const next = dayFromYmd(2020, 1, 2);
    expect(formatIso(experiencedFrom(next, 0))).toBe('2020-01-02');
    expect(formatIso(experiencedFrom(qualified, 256))).toBe('2276-01-01');
    expect(formatIso(experiencedFrom(qualified, 3))).toBe('2023-01-01');
    expect(formatIso(experiencedFrom(next, 0))).toBe('2020-01-02');
  });
});
