// The default as-of date. The clock is read here, at the edge, and the day is passed in: the core
// never reads it. It is the calendar date in UTC, so the machine's time zone cannot move it.
import { dayFromYmd, type Day } from '../core/dates.js';

export function todayUtc(now: Date = new Date()): Day {
  return dayFromYmd(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}
