// Who counts, and as what: people in post at the as-of date, case-holding FTE, experience by the
// anniversary rule, team managers, agency staff, and the cases they hold.
import type { Role } from './config.js';
import { addYears, type Day } from './dates.js';
import { ZERO, type Exact } from './exact.js';
import type { Money } from './money.js';

export type Contract = 'permanent' | 'agency';
export type Group = 'experienced' | 'early_career' | 'team_manager';
export const GROUPS: readonly Group[] = ['experienced', 'early_career', 'team_manager'];

/** One decoded staff row. */
export interface StaffMember {
  staffId: string;
  /** Physical line in the file where the row starts: for messages. */
  line: number;
  role: Role;
  fte: Exact;
  qualifiedDate: Day | null;
  caseHolding: boolean;
  caseload: number | null;
  contract: Contract;
  team: string | null;
  annualSalary: Money | null;
  startDate: Day | null;
  leaveDate: Day | null;
}

export function defaultCaseHolding(role: Role): boolean {
  return role === 'social_worker' || role === 'senior_practitioner';
}

// Spec: in post when start_date is empty or <= as-of, and leave_date is empty or > as-of.
export function isInPost(person: Pick<StaffMember, 'startDate' | 'leaveDate'>, asOf: Day): boolean {
  return (person.startDate === null || person.startDate <= asOf) && (person.leaveDate === null || person.leaveDate > asOf);
}

/** The date a qualification becomes "experienced": the anniversary `years` whole years on. */
// Asked for every person in every team and year of a run; qualified dates repeat, so answers are
// kept: by number of years, then by date (one number made of both would collide).
const experiencedFromCache = new Map<number, Map<Day, Day>>();
let experiencedFromCached = 0;

export function experiencedFrom(qualifiedDate: Day, experienceYears: number): Day {
  let byDate = experiencedFromCache.get(experienceYears);
  let from = byDate?.get(qualifiedDate);
  if (from === undefined) {
    from = addYears(qualifiedDate, experienceYears);
    if (experiencedFromCached >= 100_000) {
      experiencedFromCache.clear();
      experiencedFromCached = 0;
      byDate = undefined;
    }
    if (byDate === undefined) experiencedFromCache.set(experienceYears, (byDate = new Map()));
    byDate.set(qualifiedDate, from);
    experiencedFromCached++;
  }
  return from;
}

export function isExperienced(qualifiedDate: Day | null, asOf: Day, experienceYears: number): boolean {
  return qualifiedDate !== null && experiencedFrom(qualifiedDate, experienceYears) <= asOf;
}

/** What a person is at a date, apart from experience: enough for the reader's warnings. */
export interface Standing {
  /** Spec: start_date empty or <= as-of, and leave_date empty or > as-of. */
  inPost: boolean;
  /** Holds cases: counted in the caseload, the mix and the plan rule (a team manager too, when they hold cases). */
  caseHolding: boolean;
  teamManager: boolean;
  agency: boolean;
  /** In post and case-holding or a team manager: the people a plan counts, costs and projects. */
  counted: boolean;
}

/** Who counts at a date, and as what: every count, cost, cohort and warning reads this one rule. */
export interface Classification extends Standing {
  /** In post, case-holding and qualified `experienceYears` whole years by the date (the anniversary rule). */
  experienced: boolean;
  /** The cost group of a counted person (team managers by role, case-holding or not); null for anyone not counted. */
  group: Group | null;
}

export function standingOf(person: StaffMember, asOf: Day): Standing {
  const inPost = isInPost(person, asOf);
  const teamManager = person.role === 'team_manager';
  return { inPost, caseHolding: person.caseHolding, teamManager, agency: person.contract === 'agency', counted: inPost && (person.caseHolding || teamManager) };
}

export function classify(person: StaffMember, asOf: Day, experienceYears: number): Classification {
  const { inPost, caseHolding, teamManager, agency, counted } = standingOf(person, asOf);
  // Experience is asked only of those it counts for: in post and case-holding.
  const experienced = inPost && caseHolding && isExperienced(person.qualifiedDate, asOf, experienceYears);
  const group: Group | null = !counted ? null : teamManager ? 'team_manager' : experienced ? 'experienced' : 'early_career';
  // Spelt out rather than spread: it is asked for every person in every pass, and a spread is slow.
  return { inPost, caseHolding, teamManager, agency, counted, experienced, group };
}

export interface WorkforceCounts {
  rows: number;
  inPost: number;
  excludedNotStarted: number;
  excludedLeft: number;
  caseHoldingPeople: number;
  caseHoldingFte: Exact;
  experiencedFte: Exact;
  earlyCareerFte: Exact;
  teamManagerFte: Exact;
  agencyFte: Exact;
  /** Sum of `caseload` over case-holding staff in post; null when no such person has one. */
  allocatedCases: number | null;
}

/** Sum of `caseload` over case-holding staff in post; null when no such person has one. */
export function allocatedCases(staff: readonly StaffMember[], asOf: Day): number | null {
  let allocated: number | null = null;
  for (const person of staff) {
    if (person.caseload === null) continue;
    const standing = standingOf(person, asOf);
    if (standing.inPost && standing.caseHolding) allocated = (allocated ?? 0) + person.caseload;
  }
  return allocated;
}

/** The workforce at a date, by the classification: the one snapshot the plan, teams and validate read. */
export function countWorkforce(staff: readonly StaffMember[], asOf: Day, experienceYears: number): WorkforceCounts {
  let inPost = 0;
  let excludedNotStarted = 0;
  let excludedLeft = 0;
  let caseHoldingPeople = 0;
  let caseHoldingFte = ZERO;
  let experiencedFte = ZERO;
  let teamManagerFte = ZERO;
  let agencyFte = ZERO;
  for (const person of staff) {
    const counts = classify(person, asOf, experienceYears);
    if (!counts.inPost) {
      if (person.startDate !== null && person.startDate > asOf) excludedNotStarted++;
      else excludedLeft++;
      continue;
    }
    inPost++;
    if (counts.teamManager) teamManagerFte = teamManagerFte.plus(person.fte);
    if (counts.caseHolding) {
      caseHoldingPeople++;
      caseHoldingFte = caseHoldingFte.plus(person.fte);
      if (counts.experienced) experiencedFte = experiencedFte.plus(person.fte);
    }
    if (counts.counted && counts.agency) agencyFte = agencyFte.plus(person.fte);
  }
  return {
    rows: staff.length,
    inPost,
    excludedNotStarted,
    excludedLeft,
    caseHoldingPeople,
    caseHoldingFte,
    experiencedFte,
    earlyCareerFte: caseHoldingFte.minus(experiencedFte),
    teamManagerFte,
    agencyFte,
    allocatedCases: allocatedCases(staff, asOf),
  };
}

