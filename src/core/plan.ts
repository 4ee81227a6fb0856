// The plan for one moment: current workforce and demand in, hires and their cost out.
import type { Config } from './config.js';
import { unitAnnualCosts, type UnitCosts } from './costs.js';
import type { Day } from './dates.js';
import { exact, ZERO, type Exact } from './exact.js';
import { checkHires, solveHires, targetFte, teamManagerHires, type Constraint, type HiringRule } from './hiring.js';
import { givenHires, hasLimits, hiresWithinLimits, NO_LIMITS, type RecruitmentLimits } from './limits.js';
import { multiplyMoney, pounds, roundToPence, subtractMoney, sumMoney, type Money } from './money.js';
import type { Group, WorkforceCounts } from './workforce.js';
import { CASE_TYPES, UNIT_WEIGHTS, type CaseCounts, type CaseType, type CaseWeights } from './case-types.js';

export type DemandSource =
  | { kind: 'flag' }
  | { kind: 'published'; label: string; assumptions: string[]; /** --experienced-share not given: every case holder counted as experienced. */ experienceAssumed?: boolean }
  | { kind: 'referrals'; file: string; rows: number }
  /** Ofsted's Annex A lists 6-9 (issue 15): children open at the as-of date, each counted once. */
  | {
      kind: 'annex_a';
      files: string[];
      rows: number;
      /** Each list read, and the header taken for each field (reported: header names vary between councils). */
      lists: readonly { file: string; sheet: string | null; list: number; rows: number; headers: Record<string, string | null> }[];
      /** Open children with no allocated worker (the worker's name is never kept). */
      unallocated: number;
      /** Open children on more than one list, counted once. */
      onSeveralLists: number;
    }
  | { kind: 'staff'; file: string };

export interface Demand {
  openCases: number;
  /** Cases allocated to staff (sum of `caseload`), when the staff file has them. */
  allocatedCases: number | null;
  /** Open minus allocated, when both are known from different sources. */
  unallocatedCases: number | null;
  source: DemandSource;
  /** Open cases by type (issue 15), when the source has types: a case_type column, or Annex A. */
  byType: CaseCounts | null;
  /** The sum of each open case's weight (config `case_weights`); null without types. */
  weightedCases: number | null;
}

/** Weighted cases: the sum over types of open cases times the type's weight, in exact decimals. */
export function weightedCases(counts: Readonly<Record<CaseType, number>>, weights: CaseWeights): number {
  let sum: Exact = ZERO;
  for (const t of CASE_TYPES) if (counts[t] !== 0) sum = sum.plus(exact(weights[t]).times(counts[t]));
  return sum.toNumber();
}

/** The cases the target, the caps and the hires apply to: open cases, or weighted cases with --weighted. */
export function targetCases(demand: Pick<Demand, 'openCases' | 'weightedCases'>, weighted: boolean | undefined): number {
  return weighted === true && demand.weightedCases !== null ? demand.weightedCases : demand.openCases;
}

/** The rule with the config's early-career capacity (issue 15): absent when it is 1, so nothing changes. */
export function ruleWithCapacity(rule: HiringRule, config: Config): HiringRule {
  return config.early_career_capacity === 1 ? rule : { ...rule, earlyCareerCapacity: config.early_career_capacity };
}

/**
 * Spec: `--cases` if given; else open cases in the referrals file; else the staff caseload sum.
 * Null when none is available (the caller reports a usage error).
 */
export function chooseDemand(options: {
  casesFlag: number | null;
  /** Published cases (--la): used unless --cases is given. */
  published?: { cases: number; label: string; assumptions: string[]; experienceAssumed?: boolean } | null;
  /** Annex A lists (--annex-a): used unless --cases is given; the referrals then give growth only. */
  annexA?: { source: Extract<DemandSource, { kind: 'annex_a' }>; openCases: number; byType: CaseCounts } | null;
  referrals: { file: string; rows: number; openCases: number; byType?: CaseCounts | null } | null;
  staffFile: string;
  allocatedCases: number | null;
  /** Points per case type (config `case_weights`). */
  weights?: CaseWeights;
}): Demand | null {
  const { casesFlag, referrals, allocatedCases, annexA } = options;
  const withAllocation = (openCases: number, source: DemandSource, byType: CaseCounts | null = null): Demand => ({
    openCases,
    allocatedCases,
    unallocatedCases: allocatedCases === null ? null : openCases - allocatedCases,
    source,
    byType,
    weightedCases: byType === null ? null : weightedCases(byType, options.weights ?? UNIT_WEIGHTS),
  });
  if (casesFlag !== null) return withAllocation(casesFlag, { kind: 'flag' });
  if (options.published) {
    const { cases, label, assumptions, experienceAssumed } = options.published;
    return withAllocation(cases, { kind: 'published', label, assumptions, ...(experienceAssumed ? { experienceAssumed } : {}) });
  }
  // Annex A counts the unallocated children itself (no worker on the list): not open minus the
  // staff file's caseloads, which count cases, not children.
  if (annexA) return { ...withAllocation(annexA.openCases, annexA.source, annexA.byType), unallocatedCases: annexA.source.unallocated };
  if (referrals !== null) return withAllocation(referrals.openCases, { kind: 'referrals', file: referrals.file, rows: referrals.rows }, referrals.byType ?? null);
  if (allocatedCases !== null) {
    return { openCases: allocatedCases, allocatedCases, unallocatedCases: null, source: { kind: 'staff', file: options.staffFile }, byType: null, weightedCases: null };
  }
  return null;
}

export interface PlanParameters {
  asOf: Day;
  experienceYears: number;
  rule: HiringRule;
  config: Config;
  /** Most case-holding hires this year (issue 12); none by default. */
  limits?: RecruitmentLimits;
  /** This year's hires decided over the whole horizon (the optimiser, issue 13) rather than by the rule. */
  fixed?: { experienced: number; earlyCareer: number; teamManager: number };
  /** --weighted (issue 15): the target, caps and hires apply to weighted cases. */
  weighted?: boolean;
}

export interface WorkforceSnapshot {
  caseHoldingFte: Exact;
  experiencedFte: Exact;
  earlyCareerFte: Exact;
  teamManagerFte: Exact;
  experiencedShare: number | null;
  averageCaseload: number | null;
  /** Weighted cases per case-holding FTE (issue 15); null without case types. */
  weightedCaseload: number | null;
  /**
   * The caseload the target is measured against: the target's cases (weighted with --weighted) per
   * FTE counted against it (early-career FTE at the early-career capacity). The average caseload
   * when neither applies.
   */
  targetCaseload: number | null;
}

export interface GroupCost {
  currentFte: Exact;
  hires: number;
  afterFte: Exact;
  unitAnnualCost: Money;
  annualCost: Money;
  oneOffCost: Money;
}

/**
 * The plan with one constraint dropped and everything else the same. A constraint **binds** when
 * this plan is cheaper a year than the plan with it (issue 10): the difference is its price.
 */
export interface PlanWithout {
  hires: { experienced: number; earlyCareer: number; teamManager: number };
  annualCost: Money;
  oneOffCost: Money;
  /** The plan's annual cost minus this one's: what the constraint costs a year (0 when it does not bind). */
  annualPrice: Money;
}

interface ConstraintStatus {
  metNow: boolean;
  binding: boolean;
  without: PlanWithout;
}

/** Each constraint of the rule, measured now and after hires: what --explain and the JSON report. */
export interface ConstraintReport {
  target: { minCaseHoldingFte: number } & ConstraintStatus;
  mix: { minExperiencedFteAfter: number } & ConstraintStatus | null;
  caps: { capacityNow: number; capacityAfter: number } & ConstraintStatus | null;
}

export interface Plan {
  parameters: PlanParameters;
  /** What was counted from the staff file: rows, people in post, those left out. */
  workforce: WorkforceCounts;
  constraints: ConstraintReport;
  demand: Demand;
  /**
   * `allocatedCaseload`: cases held (the caseload column) per case-holding FTE, the Department for
   * Education's measure; null unless allocated cases are known. The target applies to the average
   * caseload, which counts every open case, allocated or not.
   */
  current: WorkforceSnapshot & { agencyFte: Exact; paybill: Money; allocatedCaseload: number | null };
  hires: { experienced: number; earlyCareer: number; teamManager: number; total: number };
  teamManagersRequired: number;
  binding: Constraint[];
  /** Within recruitment limits that leave the constraints unmet: what permanent staff cannot cover. */
  shortage: { short: boolean; uncoveredCases: number; mixShortfallFte: number };
  after: WorkforceSnapshot;
  unitCosts: UnitCosts;
  byGroup: Record<Group, GroupCost>;
  cost: { annual: Money; oneOff: Money };
}

export type PlanOutcome = { ok: true; plan: Plan } | { ok: false; reason: string };

export function snapshot(
  openCases: number,
  caseHoldingFte: Exact,
  experiencedFte: Exact,
  teamManagerFte: Exact,
  measures: { weightedCases: number | null; targetCases: number; rule: HiringRule } | null = null,
): WorkforceSnapshot {
  const c = caseHoldingFte.toNumber();
  const averageCaseload = c > 0 ? exact(openCases).div(caseHoldingFte).toNumber() : null;
  const counted = measures === null ? c : targetFte(measures.rule, c, experiencedFte.toNumber());
  return {
    caseHoldingFte,
    experiencedFte,
    earlyCareerFte: caseHoldingFte.minus(experiencedFte),
    teamManagerFte,
    experiencedShare: c > 0 ? experiencedFte.div(caseHoldingFte).toNumber() : null,
    averageCaseload,
    weightedCaseload: measures === null || measures.weightedCases === null || c <= 0 ? null : exact(measures.weightedCases).div(caseHoldingFte).toNumber(),
    targetCaseload:
      measures === null || (measures.targetCases === openCases && counted === c) ? averageCaseload : counted > 0 ? measures.targetCases / counted : null,
  };
}

export function makePlan(parameters: PlanParameters, workforce: WorkforceCounts, demand: Demand, currentPaybill: Money): PlanOutcome {
  const { config } = parameters;
  const rule = ruleWithCapacity(parameters.rule, config);
  const load = targetCases(demand, parameters.weighted);
  const measures = { weightedCases: demand.weightedCases, targetCases: load, rule };
  const unitCosts = unitAnnualCosts(config);
  const state = {
    openCases: load,
    caseHoldingFte: workforce.caseHoldingFte.toNumber(),
    experiencedFte: workforce.experiencedFte.toNumber(),
  };
  const solve = (dropped: Constraint | null) => solveHires(state, rule, unitCosts, dropped);
  const recruitment = pounds(config.recruitment_cost);
  // Within the recruitment limits; each constraint's price (the plan without it) is without them.
  const given = parameters.fixed;
  const outcome = given === undefined ? hiresWithinLimits(state, rule, unitCosts, parameters.limits ?? NO_LIMITS) : givenHires(state, rule, given.experienced, given.earlyCareer);
  if (!outcome.feasible) return { ok: false, reason: outcome.reason };

  // Hires with their team managers and costs: for the plan, and for the plan without each constraint.
  const costed = (x: number, y: number) => {
    const needed = teamManagerHires(workforce.caseHoldingFte.plus(x + y).toNumber(), workforce.teamManagerFte.toNumber(), config.span_of_control);
    const managers = given !== undefined && x === given.experienced && y === given.earlyCareer ? { required: needed.required, hires: given.teamManager } : needed;
    const annual = [roundToPence(multiplyMoney(unitCosts.experienced, x)), roundToPence(multiplyMoney(unitCosts.early_career, y)), roundToPence(multiplyMoney(unitCosts.team_manager, managers.hires))];
    return {
      hires: { experienced: x, earlyCareer: y, teamManager: managers.hires },
      managers,
      annualCost: sumMoney(annual),
      oneOffCost: multiplyMoney(recruitment, x + y + managers.hires),
    };
  };
  const x = outcome.experienced;
  const y = outcome.earlyCareer;
  const chosen = costed(x, y);
  // A constraint's price is what it adds to the plan without recruitment limits: when limits bind, the
  // limited plan is not the rule's plan, so it is weighed against the rule's own answer.
  const free = parameters.limits !== undefined && hasLimits(parameters.limits) ? solve(null) : null;
  const reference = free !== null && free.feasible ? costed(free.experienced, free.earlyCareer) : chosen;
  const statusOf = (constraint: Constraint, metNow: boolean): ConstraintStatus => {
    const relaxed = solve(constraint);
    // Dropping a constraint only widens the choice, so the relaxed plan always exists.
    const other = relaxed.feasible ? costed(relaxed.experienced, relaxed.earlyCareer) : chosen;
    const annualPrice = subtractMoney(reference.annualCost, other.annualCost);
    return {
      metNow,
      binding: annualPrice.gt(0),
      without: { hires: other.hires, annualCost: other.annualCost, oneOffCost: other.oneOffCost, annualPrice },
    };
  };
  const afterCaseHolding = workforce.caseHoldingFte.plus(x + y);
  const managers = chosen.managers;
  const hires = { experienced: x, earlyCareer: y, teamManager: managers.hires, total: x + y + managers.hires };

  const groupCost = (group: Group, currentFte: Exact, hired: number): GroupCost => ({
    currentFte,
    hires: hired,
    afterFte: currentFte.plus(hired),
    unitAnnualCost: unitCosts[group],
    annualCost: roundToPence(multiplyMoney(unitCosts[group], hired)),
    oneOffCost: multiplyMoney(recruitment, hired),
  });
  const byGroup: Record<Group, GroupCost> = {
    experienced: groupCost('experienced', workforce.experiencedFte, x),
    early_career: groupCost('early_career', workforce.earlyCareerFte, y),
    team_manager: groupCost('team_manager', workforce.teamManagerFte, managers.hires),
  };
  const groups = Object.values(byGroup);

  const C = workforce.caseHoldingFte.toNumber();
  const E = workforce.experiencedFte.toNumber();
  const D = load;
  const now = checkHires({ openCases: D, caseHoldingFte: C, experiencedFte: E }, rule, 0, 0);
  const capacity = (experienced: number, total: number) =>
    rule.caps === null ? 0 : rule.caps.earlyCareer * (total - experienced) + rule.caps.experienced * experienced;
  const constraints: ConstraintReport = {
    target: { minCaseHoldingFte: D / rule.target, ...statusOf('target', now.target) },
    mix: rule.mix === null ? null : { minExperiencedFteAfter: rule.mix * (C + x + y), ...statusOf('mix', now.mix) },
    caps: rule.caps === null ? null : { capacityNow: capacity(E, C), capacityAfter: capacity(E + x, C + x + y), ...statusOf('caps', now.caps) },
  };
  const binding = (['target', 'mix', 'caps'] as const).filter((name) => constraints[name]?.binding === true);

  return {
    ok: true,
    plan: {
      parameters,
      workforce,
      constraints,
      demand,
      current: {
        ...snapshot(demand.openCases, workforce.caseHoldingFte, workforce.experiencedFte, workforce.teamManagerFte, measures),
        agencyFte: workforce.agencyFte,
        paybill: currentPaybill,
        allocatedCaseload:
          demand.allocatedCases === null || workforce.caseHoldingFte.isZero()
            ? null
            : exact(demand.allocatedCases).div(workforce.caseHoldingFte).toNumber(),
      },
      hires,
      teamManagersRequired: managers.required,
      binding,
      shortage: { short: outcome.short, uncoveredCases: outcome.uncoveredCases, mixShortfallFte: outcome.mixShortfallFte },
      after: snapshot(
        demand.openCases,
        afterCaseHolding,
        workforce.experiencedFte.plus(x),
        workforce.teamManagerFte.plus(managers.hires),
        measures,
      ),
      unitCosts,
      byGroup,
      cost: {
        annual: sumMoney(groups.map((g) => g.annualCost)),
        oneOff: sumMoney(groups.map((g) => g.oneOffCost)),
      },
    },
  };
}
