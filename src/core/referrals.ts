// Referrals folded into what the model needs, one row at a time, so memory does not grow with the
// number of referrals: open cases at the as-of date (in all and by team) and the counts of cases
// opened in the two twelve-month windows that give the growth rate.
import { addMonths, type Day } from './dates.js';
import { noCases, type CaseCounts, type CaseType } from './case-types.js';

export type Outcome = 'case' | 'nfa';

export interface Referral {
  referralId: string;
  receivedDate: Day;
  outcome: Outcome;
  closedDate: Day | null;
  team: string | null;
  /** The case_type column (issue 15); null when the file has none or the cell is empty (counted as other). */
  caseType: CaseType | null;
}

export const NO_TEAM = '(no team)';

export interface ReferralSummary {
  rows: number;
  /** Rows with outcome `case` open at the as-of date. */
  openCases: number;
  openByTeam: Map<string, number>;
  /** Rows with outcome `nfa`. */
  noFurtherAction: number;
  /** Rows received after the as-of date (not yet referred at that date). */
  receivedAfterAsOf: number;
  /** Cases (outcome `case`) received in (as-of - 12 months, as-of]. */
  casesOpenedLast12Months: number;
  /** Cases received in (as-of - 24 months, as-of - 12 months]. */
  casesOpenedPrevious12Months: number;
  earliestReceived: Day | null;
  latestReceived: Day | null;
  /** Cases received in each twelve-month window back from the as-of date, latest first (up to ten): for --ranges' growth spread. */
  casesOpenedByYear: number[];
  /**
   * With a case_type column (issue 15): open cases by type, in all and by team, and cases opened by
   * type in the two twelve-month windows (growth per type); null without the column.
   */
  byType: {
    open: CaseCounts;
    openByTeam: Map<string, CaseCounts>;
    openedLast12Months: CaseCounts;
    openedPrevious12Months: CaseCounts;
    /** Open cases with an empty case_type, counted as other. */
    untypedOpen: number;
  } | null;
}

// Spec: an open case at the as-of date has outcome `case`, received_date <= as-of and
// closed_date empty or > as-of.
export function isOpenAt(outcome: Outcome, receivedDate: Day, closedDate: Day | null, asOf: Day): boolean {
  return outcome === 'case' && receivedDate <= asOf && (closedDate === null || closedDate > asOf);
}

const ownCopy = (text: string): string => text.split('').join('');

export function createReferralTally(asOf: Day, typed = false): { add(referral: Referral): void; summary(): ReferralSummary } {
  const yearAgo = addMonths(asOf, -12);
  const twoYearsAgo = addMonths(asOf, -24);
  const summary: ReferralSummary = {
    rows: 0,
    openCases: 0,
    openByTeam: new Map(),
    noFurtherAction: 0,
    receivedAfterAsOf: 0,
    casesOpenedLast12Months: 0,
    casesOpenedPrevious12Months: 0,
    earliestReceived: null,
    latestReceived: null,
    casesOpenedByYear: Array.from({ length: 10 }, () => 0),
    byType: typed ? { open: noCases(), openByTeam: new Map(), openedLast12Months: noCases(), openedPrevious12Months: noCases(), untypedOpen: 0 } : null,
  };
  const byType = summary.byType;
  const windowStarts = Array.from({ length: 10 }, (_, j) => addMonths(asOf, -12 * (j + 1)));
  return {
    add(referral) {
      summary.rows++;
      const received = referral.receivedDate;
      if (summary.earliestReceived === null || received < summary.earliestReceived) summary.earliestReceived = received;
      if (summary.latestReceived === null || received > summary.latestReceived) summary.latestReceived = received;
      if (received > asOf) summary.receivedAfterAsOf++;
      if (referral.outcome === 'nfa') {
        summary.noFurtherAction++;
        return;
      }
      if (received <= asOf) {
        const j = windowStarts.findIndex((start) => received > start);
        if (j >= 0) summary.casesOpenedByYear[j]!++;
      }
      const type = referral.caseType ?? 'other';
      if (received > yearAgo && received <= asOf) {
        summary.casesOpenedLast12Months++;
        if (byType !== null) byType.openedLast12Months[type]++;
      } else if (received > twoYearsAgo && received <= yearAgo) {
        summary.casesOpenedPrevious12Months++;
        if (byType !== null) byType.openedPrevious12Months[type]++;
      }
      if (isOpenAt(referral.outcome, received, referral.closedDate, asOf)) {
        summary.openCases++;
        const team = referral.team ?? NO_TEAM;
        if (byType !== null) {
          byType.open[type]++;
          if (referral.caseType === null) byType.untypedOpen++;
          let counts = byType.openByTeam.get(team);
          if (counts === undefined) byType.openByTeam.set(ownCopy(team), (counts = noCases()));
          counts[type]++;
        }
        const open = summary.openByTeam.get(team);
        // A new key is kept as a copy: a name read from a file may be a slice that keeps the whole
        // chunk of text it came from alive for as long as the map holds it.
        if (open === undefined) summary.openByTeam.set(ownCopy(team), 1);
        else summary.openByTeam.set(team, open + 1);
      }
    },
    summary: () => summary,
  };
}
