// What a run produces: the plan for now, the projection, each team's plan, each scenario of a
// comparison. Pure data, the results the use cases (app/) return and every renderer (io/render/)
// reads, so neither depends on the other.
import type { Exact } from './exact.js';
import type { Money } from './money.js';
import type { Plan } from './plan.js';
import type { ProjectionTotals, ProjectionYear } from './projection.js';
import type { Rate } from './rates.js';
import type { Group, WorkforceCounts } from './workforce.js';
import type { RecruitmentLimits } from './limits.js';
import type { Ranges } from './ranges.js';
import type { CaseCounts, CaseType } from './case-types.js';

export interface PlanRun {
  plan: Plan;
  workforce: WorkforceCounts;
}

export interface AgencyConversion {
  convertedFte: Exact;
  hires: number;
  /** Total cost over the horizon without conversion minus with it (positive = a saving). */
  saving: Money;
}

/** Retention measures against the same projection without them (issue 12: invest to save). */
export interface RetentionReport {
  cost: Money;
  saving: Money;
  net: Money;
  /** The first year the cumulative saving is at least the cumulative cost; null if not within the horizon. */
  paybackYear: number | null;
  byYear: { year: number; cost: Money; saving: Money; net: Money; cumulativeCost: Money; cumulativeSaving: Money }[];
}

export interface ProjectionRun extends PlanRun {
  retention: RetentionReport | null;
  /** With --ranges (issue 16): percentiles over many drawn futures, and where their spread came from. */
  ranges?: (Ranges & { sources: { growth: string; turnover: string; leavers: string; wide: string | null } }) | null;
  years: ProjectionYear[];
  totals: ProjectionTotals;
  /** `turnover` is the pooled rate; `turnoverByGroup` each group's rate in use (issue 12). */
  rates: { growth: Rate; turnover: Rate; turnoverByGroup: Record<Group, Rate>; payAward: Rate; agencyShare: Rate; /** Each case type's growth, when the open cases have types (issue 15). */ growthByType: Record<CaseType, Rate> | null };
  /** Recruitment limits, agency cover and the retention measures used (config and flags; issue 12). */
  market: {
    limits: RecruitmentLimits;
    agencyCover: boolean;
    retention: readonly { group: Group; annualPayment: number; turnover: number; fromYear: number }[];
  };
  /** The mix asked for (applied from year `mixBy`). */
  mix: number | null;
  mixBy: number;
  agencyConversion: AgencyConversion | null;
}

export type ScenarioRun = { kind: 'plan'; run: PlanRun } | { kind: 'projection'; run: ProjectionRun };

export interface TeamRun {
  team: string;
  /** Null when no hires can satisfy this team's plan; `reason` says why. */
  outcome: ScenarioRun | null;
  reason: string | null;
  caseHoldingFte: Exact;
  /** Of the case-holding FTE, the experienced: counted from the staff, planned or not. */
  experiencedFte: Exact;
  teamManagerFte: Exact;
  openCases: number;
  /** Open cases by type (issue 15), when the open cases have types. */
  openByType: CaseCounts | null;
  /** Open children with no allocated worker (Annex A); null from the referrals. */
  unallocated: number | null;
}

export interface TeamsRun {
  teams: TeamRun[];
  total: {
    caseHoldingFte: Exact;
    experiencedFte: Exact;
    teamManagerFte: Exact;
    openCases: number;
    hires: { experienced: number; earlyCareer: number; teamManager: number; total: number };
    annualCost: Money;
    oneOffCost: Money;
    additionalCost: Money | null;
  };
  /** The same question for the whole service, pooled: not the sum of the teams (null if unreachable). */
  wholeService: ScenarioRun | null;
  warnings: string[];
}

export interface Scenario {
  target: number;
  mix: number | null;
  /** Most case-holding hires a year in this scenario (issue 12); null is no limit. */
  maxHires: number | null;
  /** Null when no hires can satisfy this scenario; `reason` says why. */
  result: {
    hires: { experienced: number; earlyCareer: number; teamManager: number };
    annualCost: Money;
    oneOffCost: Money;
    /** Over the projection horizon; null without --years. */
    additionalCost: Money | null;
    /** The first year from which permanent staff meet the target and mix (year 0 for a plan that is not short); null when never. */
    targetMetYear: number | null;
    /** With --ranges: the 10th, 50th and 90th percentile of the additional cost over the horizon. */
    additionalCostRange?: { p10: number; p50: number; p90: number } | null;
    /** With compare --optimise: the optimised plan's status and what it saves against the rule (null: the rule cannot reach it). */
    optimised: { status: 'optimal' | 'time_limit'; ruleAdditionalCost: Money | null; saving: Money | null; savingCash: Money | null } | null;
  } | null;
  reason: string | null;
}

/** Every scenario, and the projection rates they share (null without --years): the additional cost depends on them. */
export interface Comparison {
  scenarios: Scenario[];
  /** Every scenario optimised over the horizon (compare --optimise). */
  optimised: boolean;
  /** Planned from published figures (--la): which, and what was assumed. */
  published?: { label: string; assumptions: string[] } | null;
  rates: { growth: Rate; turnover: Rate; turnoverByGroup: Record<Group, Rate>; payAward: Rate; growthByType?: Record<CaseType, Rate> | null } | null;
  /** Every target applies to weighted cases (--weighted, issue 15). */
  weighted?: boolean;
}

/** One plan's hires in a year, by group (agency conversions included, as in the projection). */
export interface YearHires {
  experienced: number;
  earlyCareer: number;
  teamManager: number;
}

/** What the optimiser found against the year-by-year rule on the same inputs (issue 13). */
export interface OptimisationReport {
  /** `optimal`: HiGHS proved it within the tolerance; `time_limit`: the best plan found when --time-limit ran out. */
  status: 'optimal' | 'time_limit';
  /** The relative gap HiGHS reported for the cost (0 when proven to the penny); null when it stopped before proving any bound. */
  gap: number | null;
  /** The discounted total plan cost as the solver weighed it, to the penny. */
  objective: Money;
  solveMs: number;
  /** Each solve: the objectives in order (uncovered cases, mix shortfall, cost, ties). */
  stages: { name: string; status: string; ms: number }[];
  /** The time limit stopped an earlier stage ("uncovered cases", "mix shortfall") before the cost was weighed. */
  stoppedIn: string | null;
  timeLimitSeconds: number;
  tolerance: { relative: number; absolute: number };
  discountRate: Exact;
  /** Most additional cost in any one year; null without --budget. */
  budget: Money | null;
  /** The target, caps or mix could not all be met every year: uncovered cases and mix shortfall were minimised first. */
  gaps: boolean;
  /** The plan rule's hires ranked as well as the solver's, replayed to the penny, and were kept. */
  ruleKept: boolean;
  /** `rule` is null when the year-by-year rule cannot reach the plan (ruleUnreachable says why). */
  byYear: { year: number; discountFactor: Exact; rule: { hires: YearHires; cost: Money; presentValue: Money } | null; optimised: { hires: YearHires; cost: Money; presentValue: Money } }[];
  rule: PlanTotal | null;
  /** Why the year-by-year rule cannot reach the plan the optimiser found; null when it can. */
  ruleUnreachable: string | null;
  optimised: PlanTotal;
  /** Rule minus optimised: cash and present value; null without a rule's plan. */
  saving: { cash: Money; presentValue: Money } | null;
  /** The years in which the two plans hire differently. */
  differences: { year: number; rule: YearHires; optimised: YearHires }[];
}

export interface PlanTotal {
  /** Plan cost (paybill + recruitment + agency cover + retention) over years 0..N, in cash. */
  cash: Money;
  presentValue: Money;
  additionalCost: Money;
  targetMetYear: number | null;
  /** Open cases permanent staff could not hold within the target, summed over the years (case-years), and the mix shortfall FTE likewise. */
  uncoveredCases: number;
  mixShortfallFte: number;
}

export interface OptimisationRun extends ProjectionRun {
  optimisation: OptimisationReport;
  /** The year-by-year rule's projection on the same inputs; null when the rule cannot reach it. */
  rule: ProjectionRun | null;
}

/** One area's plan from the published figures (issue 14: `plan --by la`). */
export interface AreaPlan {
  type: 'council' | 'region' | 'england' | 'england_pooled';
  code: string;
  name: string;
  region: string | null;
  caseHoldersFte: number | null;
  cases: number | null;
  caseload: number | null;
  hires: { experienced: number; earlyCareer: number; teamManager: number } | null;
  annualCost: Money | null;
  oneOffCost: Money | null;
  /** Over the projection horizon, with --years. */
  additionalCost: Money | null;
  /** Why a council was not planned (figures not published, or no hires can reach the plan). */
  reason: string | null;
  /** For a region or England: how many councils' plans are summed. */
  councils: number | null;
}

export interface NationalRun {
  year: number;
  councils: AreaPlan[];
  regions: AreaPlan[];
  england: AreaPlan;
  pooled: AreaPlan;
}

