import { describe, expect, it } from 'vitest';
import { formatIso } from '../../src/core/dates.js';
import { todayUtc } from '../../src/cli/today.js';

describe('the default as-of date', () => {
  it('is the calendar date in UTC, whatever the time zone of the clock', () => {
    expect(formatIso(todayUtc(new Date('2026-09-30T23:30:00-05:00')))).toBe('2026-10-01');
    expect(formatIso(todayUtc(new Date('2026-10-01T00:30:00+02:00')))).toBe('2026-09-30');
    expect(formatIso(todayUtc(new Date('2024-02-29T12:00:00Z')))).toBe('2024-02-29');
  });
});
