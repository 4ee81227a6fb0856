// The growth and turnover rates a projection uses: from a flag, derived from the input files the
// way the spec says, or a default of 0, always with a note of where the value came from. The notes
// here name files and counts, never a command-line option: what the user can give instead is said
// by the caller (app/projection.ts).
import { addMonths, formatIso, type Day } from './dates.js';
import { exact, ONE, ZERO, type Exact } from './exact.js';
import type { ReferralSummary } from './referrals.js';
import { CASE_TYPES, type CaseType } from './case-types.js';
import { standingOf, type StaffMember } from './workforce.js';

export interface Rate {
  value: Exact;
  /** "flag", "derived", "published" (the council's published figures, --la) or "default". */
  source: 'flag' | 'derived' | 'published' | 'default';
  /** Where exactly, in words: the flag, the file and counts, or why the default. */
  note: string;
}

/**
 * Spec: cases opened (outcome `case`) in the 12 months to the as-of date divided by those in the 12
 * months before, minus 1. The referrals must cover both windows: the earliest received_date within
 * the first month of the earlier window or before it, the latest within the last month to the as-of
 * date, and at least one case in the earlier window.
 */
export function deriveGrowth(summary: ReferralSummary, file: string, asOf: Day): Rate {
  const earliestNeeded = addMonths(asOf, -23);
  const latestNeeded = addMonths(asOf, -1);
  const { casesOpenedLast12Months: last, casesOpenedPrevious12Months: previous, earliestReceived, latestReceived } = summary;
  if (earliestReceived === null || earliestReceived > earliestNeeded || latestReceived === null || latestReceived < latestNeeded || previous === 0) {
    return {
      value: ZERO,
      source: 'default',
      note: `${file} does not cover both 12-month windows before ${formatIso(asOf)} (received ${earliestReceived === null ? 'nothing' : `${formatIso(earliestReceived)} to ${formatIso(latestReceived!)}`}; needs ${formatIso(earliestNeeded)} or earlier to ${formatIso(latestNeeded)} or later): demand held flat`,
    };
  }
  return {
    value: exact(last).div(previous).minus(1),
    source: 'derived',
    note: `derived from ${file}: ${last} cases opened in the 12 months to ${formatIso(asOf)} against ${previous} in the 12 months before`,
  };
}

/** A derived turnover rate; `capped` when more left in the year than are in post, so 100% was taken. */
export interface DerivedTurnover extends Rate {
  capped: boolean;
}

/**
 * Spec (DfE method): FTE of case-holding staff with a leave_date in the 12 months to the as-of date,
 * divided by case-holding FTE in post at the as-of date.
 */
export function deriveTurnover(staff: readonly StaffMember[], file: string, hasLeaveDates: boolean, asOf: Day): DerivedTurnover {
  if (!hasLeaveDates) return { value: ZERO, source: 'default', note: `${file} has no leave_date column: no leavers assumed`, capped: false };
  const yearAgo = addMonths(asOf, -12);
  let leavers = ZERO;
  let inPost = ZERO;
  for (const person of staff) {
    const standing = standingOf(person, asOf);
    if (!standing.caseHolding) continue;
    if (person.leaveDate !== null && person.leaveDate > yearAgo && person.leaveDate <= asOf) leavers = leavers.plus(person.fte);
    if (standing.inPost) inPost = inPost.plus(person.fte);
  }
  if (inPost.isZero()) return { value: ZERO, source: 'default', note: `no case-holding staff in post in ${file}: no leavers assumed`, capped: false };
  if (leavers.gt(inPost)) {
    // More left in the year than are in post now: a rate over 100% would leave negative staff.
    return {
      value: ONE,
      source: 'derived',
      note: `derived from ${file}: ${leavers.toString()} case-holding FTE left in the 12 months to ${formatIso(asOf)}, more than the ${inPost.toString()} FTE in post, so capped at 100%`,
      capped: true,
    };
  }
  return {
    value: leavers.div(inPost),
    source: 'derived',
    note: `derived from ${file}: ${leavers.toString()} case-holding FTE left in the 12 months to ${formatIso(asOf)}, against ${inPost.toString()} FTE in post`,
    capped: false,
  };
}

/** A spread (standard deviation, a fraction a year) and where it came from; null value: cannot be derived. */
export interface DerivedSpread {
  value: number | null;
  note: string;
}

/**
 * A spread of observed turnover less the chance variation a group of `people` shows on its own (the
 * binomial draw adds that back): sqrt(max(0, sd^2 - mean(1 - mean) / people)).
 */
export function lessChance(sd: number, mean: number, people: number): number {
  return people <= 0 ? sd : Math.sqrt(Math.max(0, sd ** 2 - (mean * (1 - mean)) / people));
}

/** The sample standard deviation of a list (n - 1 in the denominator). */
export function sampleSd(values: readonly number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
}

/**
 * Issue 16: the spread of turnover from the staff file's own leavers, year by year, when their leave
 * dates span three or more years: each year's rate is the case-holding FTE leaving in the 12 months
 * to the anniversary of the as-of date over the FTE in post on that anniversary; the spread is their
 * sample standard deviation.
 */
export function deriveTurnoverSpread(staff: readonly StaffMember[], file: string, hasLeaveDates: boolean, asOf: Day): DerivedSpread {
  if (!hasLeaveDates) return { value: null, note: `${file} has no leave_date column` };
  // Only the years the file covers whole: its earliest leave date no later than a month into the year.
  const dates = staff.flatMap((p) => (p.leaveDate === null ? [] : [p.leaveDate]));
  const earliest = dates.length === 0 ? null : dates.reduce((a, b) => (a < b ? a : b));
  const rates: number[] = [];
  const sizes: number[] = [];
  for (let j = 0; j < 10; j++) {
    const end = addMonths(asOf, -12 * j);
    const start = addMonths(end, -12);
    if (earliest === null || earliest > addMonths(start, 1)) break;
    let leavers = 0;
    let inPost = 0;
    for (const person of staff) {
      if (!person.caseHolding) continue;
      const fte = person.fte.toNumber();
      if (person.leaveDate !== null && person.leaveDate > start && person.leaveDate <= end) leavers += fte;
      if (standingOf(person, end).inPost) inPost += fte;
    }
    if (inPost === 0) break;
    rates.push(leavers / inPost);
    sizes.push(inPost);
  }
  if (rates.length < 3) return { value: null, note: `${file}'s leave dates cover ${rates.length} whole year${rates.length === 1 ? '' : 's'}, fewer than the three a spread needs` };
  const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
  const people = sizes.reduce((a, b) => a + b, 0) / sizes.length;
  const observed = sampleSd(rates);
  return {
    value: lessChance(observed, mean, people),
    note: `derived from ${file}: the spread of ${rates.length} years' turnover (${rates.map((r) => `${+(r * 100).toFixed(1)}%`).join(', ')}, latest first), ${+(observed * 100).toFixed(2)} points, less the chance variation of about ${Math.round(people)} people, which the binomial draw of leavers adds back`,
  };
}

/**
 * Issue 16: the spread of growth from the referrals' cases year by year, when they cover four or more
 * whole twelve-month windows back from the as-of date (three or more yearly changes): the sample
 * standard deviation of the changes.
 */
export function deriveGrowthSpread(summary: ReferralSummary, file: string, asOf: Day): DerivedSpread {
  // Windows the file covers whole: its earliest referral no later than the window's start (+ a month).
  const whole = summary.casesOpenedByYear.filter((_, j) => summary.earliestReceived !== null && summary.earliestReceived <= addMonths(asOf, -12 * (j + 1) + 1));
  const changes = whole.slice(0, -1).flatMap((count, j) => (whole[j + 1]! > 0 ? [count / whole[j + 1]! - 1] : []));
  if (changes.length < 3) return { value: null, note: `${file} covers ${whole.length} whole year${whole.length === 1 ? '' : 's'} of cases, fewer than the four a spread of yearly changes needs` };
  return { value: sampleSd(changes), note: `derived from ${file}: the spread of ${changes.length} yearly changes in cases received (${changes.map((c) => `${c >= 0 ? '+' : ''}${+(c * 100).toFixed(1)}%`).join(', ')}, latest first)` };
}

/**
 * A type's own growth rate needs this many of its cases opened in the earlier window: from 4 cases to 0
 * would be -100% a year, from 1 to 9 +800%, wiping out or multiplying a type on a handful of cases.
 */
export const MIN_CASES_FOR_TYPE_GROWTH = 20;

/**
 * Growth per case type (issue 15): the spec's rate on each type's cases opened in the two windows.
 * A type with fewer than MIN_CASES_FOR_TYPE_GROWTH cases opened in the earlier window takes the
 * pooled rate (said in its note).
 */
export function deriveGrowthByType(summary: ReferralSummary, file: string, asOf: Day, pooled: Rate): Record<CaseType, Rate> | null {
  const byType = summary.byType;
  if (byType === null) return null;
  const rates = {} as Record<CaseType, Rate>;
  for (const t of CASE_TYPES) {
    const last = byType.openedLast12Months[t];
    const previous = byType.openedPrevious12Months[t];
    if (pooled.source !== 'derived' || previous < MIN_CASES_FOR_TYPE_GROWTH) {
      rates[t] = {
        ...pooled,
        note: pooled.source !== 'derived' ? pooled.note : `${pooled.note}; only ${previous} ${t} case${previous === 1 ? '' : 's'} opened in the earlier 12 months (fewer than ${MIN_CASES_FOR_TYPE_GROWTH}), too few for a rate of its own, so the pooled rate`,
      };
      continue;
    }
    rates[t] = {
      value: exact(last).div(previous).minus(1),
      source: 'derived',
      note: `derived from ${file}: ${last} ${t} cases opened in the 12 months to ${formatIso(asOf)} against ${previous} in the 12 months before`,
    };
  }
  return rates;
}
