// The multi-year projection (issue 3): demand growth, turnover, progression, the plan rule each
// year, pay award, agency premium, and a do-nothing baseline. Year 0 is the as-of date.
import type { Config } from './config.js';
import { agencyFactor, marginalOnCostRate, unitAnnualCosts, type UnitCosts } from './costs.js';
import { addYears, ymdOf, type Day } from './dates.js';
import { exact, ONE, sumExact, ZERO, type Exact } from './exact.js';
import { targetFte, teamManagerHires, TOLERANCE, type HiringRule } from './hiring.js';
import { CASE_TYPES, type CaseCounts, type CaseType, type CaseWeights } from './case-types.js';
import { ruleWithCapacity, weightedCases } from './plan.js';
import { agencyCoverFte, givenHires, hiresWithinLimits, NO_LIMITS, type RecruitmentLimits } from './limits.js';
import { addMoney, multiplyMoney, pounds, roundToPence, subtractMoney, sumMoney, ZERO_POUNDS, type Money } from './money.js';
import { classify, experiencedFrom, type Group, type StaffMember } from './workforce.js';

/** FTE split by contract: agency FTE cost a permanent worker's unit cost * (1 + agency_premium). */
export interface Staffing {
  permanent: Exact;
  agency: Exact;
}

export interface Cohorts {
  experienced: Staffing;
  /** Early-career FTE by the projection year in which they become experienced. */
  earlyCareer: Map<number, Staffing>;
  teamManagers: Staffing;
  /**
   * Case-holding team managers: counted in the case-holding cohorts above (caseload, mix) and in
   * teamManagers (span of control), but paid, and leaving, once, as team managers. This is that
   * overlap, by experience, so paybill and leavers can take it out of the case-holding groups.
   */
  holdingManagers: { experienced: Staffing; earlyCareer: Map<number, Staffing> };
}

const NONE: Staffing = { permanent: ZERO, agency: ZERO };
const GROUP_LIST: readonly Group[] = ['experienced', 'early_career', 'team_manager'];
const total = (s: Staffing): Exact => s.permanent.plus(s.agency);
const plus = (a: Staffing, b: Staffing): Staffing => ({ permanent: a.permanent.plus(b.permanent), agency: a.agency.plus(b.agency) });
const scale = (s: Staffing, factor: Exact): Staffing => ({ permanent: s.permanent.times(factor), agency: s.agency.times(factor) });
const minus = (a: Staffing, b: Staffing): Staffing => ({ permanent: a.permanent.minus(b.permanent), agency: a.agency.minus(b.agency) });
const sumStaffing = (all: Iterable<Staffing>): Staffing => {
  let sum = NONE;
  for (const s of all) sum = plus(sum, s);
  return sum;
};

/** Moves the cohorts whose year has come (k <= year) into `experienced`. */
function progress(side: { experienced: Staffing; earlyCareer: Map<number, Staffing> }, year: number): void {
  for (const [k, s] of side.earlyCareer) {
    if (k <= year) {
      side.experienced = plus(side.experienced, s);
      side.earlyCareer.delete(k);
    }
  }
}

/** Paybill groups: each person once; case-holding team managers as team managers. */
function payGroups(cohorts: Cohorts): Record<Group, Staffing> {
  return {
    experienced: minus(cohorts.experienced, cohorts.holdingManagers.experienced),
    early_career: minus(earlyTotal(cohorts), sumStaffing(cohorts.holdingManagers.earlyCareer.values())),
    team_manager: cohorts.teamManagers,
  };
}

/** The first projection year k >= 0 in which a person is experienced: qualified + years <= as-of + k years. */
export function yearBecomingExperienced(qualifiedDate: Day, asOf: Day, experienceYears: number): number {
  const from = experiencedFrom(qualifiedDate, experienceYears);
  if (from <= asOf) return 0;
  // Start a year short of the difference in calendar years, then step: at most two steps.
  let k = Math.max(0, ymdOf(from).year - ymdOf(asOf).year - 1);
  while (addYears(asOf, k) < from) k++;
  return k;
}

/** Case-holding staff and team managers in post at the as-of date, as cohorts. */
export function cohortsOf(staff: readonly StaffMember[], asOf: Day, experienceYears: number): Cohorts {
  const cohorts: Cohorts = { experienced: NONE, earlyCareer: new Map(), teamManagers: NONE, holdingManagers: { experienced: NONE, earlyCareer: new Map() } };
  for (const person of staff) {
    const counts = classify(person, asOf, experienceYears);
    if (!counts.counted) continue;
    const fte: Staffing = counts.agency ? { permanent: ZERO, agency: person.fte } : { permanent: person.fte, agency: ZERO };
    if (counts.teamManager) cohorts.teamManagers = plus(cohorts.teamManagers, fte);
    if (!counts.caseHolding || person.qualifiedDate === null) continue;
    const k = counts.experienced ? 0 : yearBecomingExperienced(person.qualifiedDate, asOf, experienceYears);
    if (k === 0) cohorts.experienced = plus(cohorts.experienced, fte);
    else cohorts.earlyCareer.set(k, plus(cohorts.earlyCareer.get(k) ?? NONE, fte));
    if (!counts.teamManager) continue;
    const overlap = cohorts.holdingManagers;
    if (k === 0) overlap.experienced = plus(overlap.experienced, fte);
    else overlap.earlyCareer.set(k, plus(overlap.earlyCareer.get(k) ?? NONE, fte));
  }
  return cohorts;
}

export interface ProjectionInput {
  asOf: Day;
  years: number;
  experienceYears: number;
  rule: HiringRule;
  /** The mix applies from this year on. */
  mixBy: number;
  config: Config;
  openCases: number;
  growth: Exact;
  /** The pooled rate: every group's when `turnoverByGroup` is not given. */
  turnover: Exact;
  /** Each group's rate (issue 12); early-career staff leave at the early-career rate until they progress. */
  turnoverByGroup?: Record<Group, Exact>;
  /** Most case-holding hires a year (issue 12); a year that cannot meet every constraint within them is short. */
  limits?: RecruitmentLimits;
  /** Cover the cases permanent staff cannot in a short year with agency FTE (experienced, at the agency premium). */
  agencyCover?: boolean;
  /** Retention measures (issue 12): from their year, the group's turnover is theirs, and they cost a payment per permanent FTE. */
  retention?: readonly RetentionMeasure[];
  payAward: Exact;
  convertAgency: boolean;
  cohorts: Cohorts;
  /**
   * Hires decided elsewhere (the optimiser, issue 13), one entry per year 0..years: replayed through
   * the same arithmetic instead of the plan rule's choice. Conversions (--convert-agency) still apply.
   */
  fixed?: readonly FixedYear[];
  /**
   * One drawn future (issue 16, --ranges): each year's open cases and each group's leaving rate,
   * instead of the growth and turnover above. The central projection has none.
   */
  paths?: { openCases?: readonly number[]; rates?: readonly Record<Group, Exact>[]; byType?: readonly CaseCounts[] };
  /**
   * Open cases by type at year 0, each type's growth and weight (issue 15): each type grows at its
   * own rate, so the mix, and the weighted cases with it, shift year by year.
   */
  caseMix?: { open: CaseCounts; growth: Record<CaseType, Exact>; weights: CaseWeights };
  /** --weighted (issue 15): the target, caps and hires apply to weighted cases. */
  weighted?: boolean;
}

/** Whether every type grows at the pooled rate: then open cases compound as one number, as before issue 15. */
export function uniformGrowth(input: Pick<ProjectionInput, 'caseMix' | 'growth'>): boolean {
  const mix = input.caseMix;
  return mix === undefined || CASE_TYPES.every((t) => mix.growth[t].eq(input.growth));
}

/** Year k's open cases by type: each type's year-0 count compounded at its own growth. */
export function casesByTypeIn(mix: NonNullable<ProjectionInput['caseMix']>, year: number): CaseCounts {
  const counts = {} as CaseCounts;
  for (const t of CASE_TYPES) counts[t] = mix.open[t] === 0 ? 0 : exact(mix.open[t]).times(ONE.plus(mix.growth[t]).pow(year)).toNumber();
  return counts;
}

/** One year's decisions, given: whole-person hires and agency cover FTE. */
export interface FixedYear {
  experienced: number;
  earlyCareer: number;
  teamManager: number;
  /** With --agency-cover: at most this much (a budget may leave a gap); null: the least that meets every constraint. */
  agencyCoverFte: number | null;
}

export interface RetentionMeasure {
  group: Group;
  /** £ a year per permanent FTE of the group in post after that year's hires, before on-costs. */
  annualPayment: Money;
  /** The group's turnover with the measure. */
  turnover: Exact;
  /** The first projection year it applies to. */
  fromYear: number;
}

export interface ProjectionYear {
  year: number;
  date: Day;
  openCases: number;
  /** Open cases by type (issue 15), with case types; null without. */
  openCasesByType: CaseCounts | null;
  /** The sum of each open case's weight; null without case types. */
  weightedCases: number | null;
  /** The cases the target, caps and hires apply to: open cases, or weighted cases with --weighted. */
  targetCases: number;
  caseHoldingFte: Exact;
  experiencedFte: Exact;
  earlyCareerFte: Exact;
  experiencedShare: number | null;
  averageCaseload: number | null;
  /** Weighted cases per case-holding FTE after hires; null without case types. */
  weightedCaseload: number | null;
  /** The target's cases per FTE counted against it (early-career FTE at the early-career capacity), after hires. */
  targetCaseload: number | null;
  /** Open cases over the case-holding FTE left after leavers and progression, before this year's hires. */
  averageCaseloadBeforeHires: number | null;
  teamManagerFte: Exact;
  agencyFte: Exact;
  leaversFte: Exact;
  hires: { experienced: number; earlyCareer: number; teamManager: number };
  /** No hires within the recruitment limits meet every constraint this year. */
  short: boolean;
  /** Open cases the permanent staff cannot hold within the target (and caps), before agency cover. */
  uncoveredCases: number;
  /** Experienced FTE short of the mix, permanent staff, before agency cover. */
  mixShortfallFte: number;
  /** Agency FTE covering the gap (with agency cover), released as permanent staff arrive. */
  agencyCoverFte: number;
  agencyCoverCost: Money;
  /** Retention payments this year: payment x (1 + on-costs) x the group's permanent FTE after hires, summed over the measures. */
  retentionCost: Money;
  /** What the plan spends this year: paybill + recruitment + agency cover + retention payments. */
  planCost: Money;
  /** Of those hires, how many replace agency staff (--convert-agency, year 1). */
  agencyConversions: number;
  /** Those conversions by group (in `hires` too). */
  conversions: { experienced: number; earlyCareer: number; teamManager: number };
  mixApplied: boolean;
  unitCosts: UnitCosts;
  paybill: Money;
  byGroup: Record<Group, GroupPaybill>;
  recruitmentCost: Money;
  baselineCost: Money;
  additionalCost: Money;
}

export interface ProjectionTotals {
  hires: { experienced: number; earlyCareer: number; teamManager: number; total: number };
  paybill: Money;
  recruitmentCost: Money;
  agencyCoverCost: Money;
  retentionCost: Money;
  /**
   * The first year from which the target and the mix are met by permanent staff every year to the
   * end of the horizon ("met in year 3"); null when the last year is not met.
   */
  targetMetYear: number | null;
  baselineCost: Money;
  additionalCost: Money;
}

export type ProjectionOutcome = { ok: true; years: ProjectionYear[]; totals: ProjectionTotals } | { ok: false; year: number; reason: string };

function earlyTotal(cohorts: Cohorts): Staffing {
  return sumStaffing(cohorts.earlyCareer.values());
}

export interface GroupPaybill {
  permanentFte: Exact;
  agencyFte: Exact;
  unitAnnualCost: Money;
  /** permanent FTE * unit cost + agency FTE * unit cost * (1 + agency_premium), rounded to the penny. */
  paybill: Money;
}

/** Paybill by group, each rounded once; the total is their sum, so the columns add up. */
function paybillByGroup(groups: Record<Group, Staffing>, units: UnitCosts, agency: Exact): Record<Group, GroupPaybill> {
  const one = (g: Group): GroupPaybill => ({
    permanentFte: groups[g].permanent,
    agencyFte: groups[g].agency,
    unitAnnualCost: units[g],
    paybill: roundToPence(addMoney(multiplyMoney(units[g], groups[g].permanent), multiplyMoney(multiplyMoney(units[g], groups[g].agency), agency))),
  });
  return { experienced: one('experienced'), early_career: one('early_career'), team_manager: one('team_manager') };
}

function paybillOf(groups: Record<Group, Staffing>, units: UnitCosts, agency: Exact): Money {
  return sumMoney(Object.values(paybillByGroup(groups, units, agency)).map((g) => g.paybill));
}

export function project(input: ProjectionInput): ProjectionOutcome {
  const { config, experienceYears } = input;
  const capacityRule = ruleWithCapacity(input.rule, config);
  const uniform = uniformGrowth(input);
  const baseUnits = unitAnnualCosts(config);
  const agency = agencyFactor(config);
  const recruitment = pounds(config.recruitment_cost);
  const baseRates = groupRates(input);
  const measures = input.retention ?? [];
  const turnoverIn = (year: number) => turnoverInYear(input, year);
  // A retention payment is pay on top of a salary over the NI threshold: the marginal on-costs.
  const onCost = ONE.plus(marginalOnCostRate(config));
  // The baseline keeps the year-0 workforce (before hires) at the same FTE per group.
  const baselineGroups = payGroups(input.cohorts);
  // The baseline does nothing: no retention measures, the groups' own rates.
  const baselineLeavers = leaversOf(baselineGroups, baseRates);

  let state: Cohorts = {
    experienced: input.cohorts.experienced,
    earlyCareer: new Map(input.cohorts.earlyCareer),
    teamManagers: input.cohorts.teamManagers,
    holdingManagers: { experienced: input.cohorts.holdingManagers.experienced, earlyCareer: new Map(input.cohorts.holdingManagers.earlyCareer) },
  };
  const rows: ProjectionYear[] = [];

  for (let year = 0; year <= input.years; year++) {
    let leaversFte = ZERO;
    let conversions = { experienced: 0, earlyCareer: 0, teamManager: 0 };
    if (year > 0) {
      // Leavers: each group's rate of every cohort, so proportionally from each. Each person once:
      // case-holding team managers leave as team managers (the overlap moves at the manager rate).
      const rates = input.paths?.rates?.[year] ?? turnoverIn(year);
      const stay = { experienced: ONE.minus(rates.experienced), early_career: ONE.minus(rates.early_career), team_manager: ONE.minus(rates.team_manager) };
      leaversFte = leaversOf(payGroups(state), rates);
      const overlap = state.holdingManagers;
      const leave = (side: Staffing, held: Staffing, rate: Exact) => plus(scale(side, rate), scale(held, stay.team_manager.minus(rate)));
      state = {
        experienced: leave(state.experienced, overlap.experienced, stay.experienced),
        earlyCareer: new Map([...state.earlyCareer].map(([k, s]) => [k, leave(s, overlap.earlyCareer.get(k) ?? NONE, stay.early_career)])),
        teamManagers: scale(state.teamManagers, stay.team_manager),
        holdingManagers: {
          experienced: scale(overlap.experienced, stay.team_manager),
          earlyCareer: new Map([...overlap.earlyCareer].map(([k, s]) => [k, scale(s, stay.team_manager)])),
        },
      };
    }
    // Progression: cohorts whose year has come are experienced.
    progress(state, year);
    progress(state.holdingManagers, year);
    if (input.convertAgency && year === 1) {
      const converted = convertAgency(state, year + experienceYears);
      state = converted.state;
      conversions = converted.hires;
    }

    const mix = input.caseMix;
    const byType = mix === undefined ? null : (input.paths?.byType?.[year] ?? casesByTypeIn(mix, year));
    const openCases =
      input.paths?.openCases?.[year] ??
      (uniform || byType === null ? exact(input.openCases).times(ONE.plus(input.growth).pow(year)).toNumber() : CASE_TYPES.reduce((sum, t) => sum + byType[t], 0));
    const weighted = mix === undefined || byType === null ? null : weightedCases(byType, mix.weights);
    const load = input.weighted === true && weighted !== null ? weighted : openCases;
    const caseHolding = total(state.experienced).plus(total(earlyTotal(state)));
    const mixApplied = input.rule.mix !== null && year >= input.mixBy;
    const rule: HiringRule = mixApplied ? capacityRule : { ...capacityRule, mix: null };
    const units = unitCostsFor(baseUnits, input.payAward, year);
    const hiringState = { openCases: load, caseHoldingFte: caseHolding.toNumber(), experiencedFte: total(state.experienced).toNumber() };
    const given = input.fixed?.[year];
    const outcome = given === undefined ? hiresWithinLimits(hiringState, rule, units, input.limits ?? NO_LIMITS) : givenHires(hiringState, rule, given.experienced, given.earlyCareer);
    if (!outcome.feasible) return { ok: false, year, reason: outcome.reason };
    const x = outcome.experienced;
    const y = outcome.earlyCareer;
    const least = input.agencyCover === true ? agencyCoverFte(hiringState, rule, x, y) : 0;
    const coverFte = given === undefined || given.agencyCoverFte === null ? least : Math.min(least, given.agencyCoverFte);
    // Agency cover is experienced FTE at that year's unit cost and the agency premium; not a hire.
    const agencyCoverCost = coverFte === 0 ? ZERO_POUNDS : roundToPence(multiplyMoney(multiplyMoney(units.experienced, exact(coverFte)), agency));
    state.experienced = plus(state.experienced, { permanent: exact(x), agency: ZERO });
    const becomes = year + experienceYears;
    if (becomes <= year) state.experienced = plus(state.experienced, { permanent: exact(y), agency: ZERO });
    else state.earlyCareer.set(becomes, plus(state.earlyCareer.get(becomes) ?? NONE, { permanent: exact(y), agency: ZERO }));
    const caseHoldingAfter = caseHolding.plus(x + y);
    const managers = given === undefined ? teamManagerHires(caseHoldingAfter.toNumber(), total(state.teamManagers).toNumber(), config.span_of_control) : { hires: given.teamManager };
    state.teamManagers = plus(state.teamManagers, { permanent: exact(managers.hires), agency: ZERO });

    const groups = payGroups(state);
    const retentionCost = roundToPence(
      sumMoney(measures.filter((m) => m.fromYear <= year).map((m) => multiplyMoney(multiplyMoney(m.annualPayment, onCost), groups[m.group].permanent))),
    );
    const hires = {
      experienced: x + conversions.experienced,
      earlyCareer: y + conversions.earlyCareer,
      teamManager: managers.hires + conversions.teamManager,
    };
    const byGroup = paybillByGroup(groups, units, agency);
    const paybill = sumMoney(Object.values(byGroup).map((g) => g.paybill));
    const recruitmentCost = multiplyMoney(recruitment, hires.experienced + hires.earlyCareer + hires.teamManager);
    const planCost = sumMoney([paybill, recruitmentCost, agencyCoverCost, retentionCost]);
    // Baseline: same FTE per group, same pay award, leavers replaced like for like.
    const baselineCost = roundToPence(addMoney(paybillOf(baselineGroups, units, agency), year > 0 ? multiplyMoney(recruitment, baselineLeavers) : ZERO_POUNDS));
    // Case-holding FTE by experience, case-holding team managers included (as for the plan rule).
    const experiencedFte = total(state.experienced);
    // Share and caseload in floating point, null below TOLERANCE FTE, as the projection has always
    // shown them. The plan's snapshot (plan.ts) divides exactly and is null only at 0 FTE, so year 0
    // and the plan can differ in the last digit of a double; kept so that no figure changes (issue 11).
    const c = caseHoldingAfter.toNumber();
    rows.push({
      year,
      date: addYears(input.asOf, year),
      openCases,
      openCasesByType: byType,
      weightedCases: weighted,
      targetCases: load,
      caseHoldingFte: caseHoldingAfter,
      experiencedFte,
      earlyCareerFte: total(earlyTotal(state)),
      experiencedShare: c > TOLERANCE ? experiencedFte.div(caseHoldingAfter).toNumber() : null,
      averageCaseload: c > TOLERANCE ? openCases / c : null,
      weightedCaseload: weighted !== null && c > TOLERANCE ? weighted / c : null,
      targetCaseload: (() => {
        const counted = targetFte(rule, c, experiencedFte.toNumber());
        if (load === openCases && counted === c) return c > TOLERANCE ? openCases / c : null;
        return counted > TOLERANCE ? load / counted : null;
      })(),
      averageCaseloadBeforeHires: caseHolding.toNumber() > TOLERANCE ? openCases / caseHolding.toNumber() : null,
      teamManagerFte: total(groups.team_manager),
      agencyFte: sumExact(Object.values(groups).map((s) => s.agency)),
      leaversFte,
      hires,
      short: outcome.short,
      uncoveredCases: outcome.uncoveredCases,
      mixShortfallFte: outcome.mixShortfallFte,
      agencyCoverFte: coverFte,
      agencyCoverCost,
      agencyConversions: conversions.experienced + conversions.earlyCareer + conversions.teamManager,
      conversions,
      mixApplied,
      unitCosts: units,
      paybill,
      byGroup,
      recruitmentCost,
      baselineCost,
      retentionCost,
      planCost,
      additionalCost: subtractMoney(planCost, baselineCost),
    });
  }
  return { ok: true, years: rows, totals: totalsOf(rows) };
}

/** Each group's own turnover, before any retention measure. */
function groupRates(input: Pick<ProjectionInput, 'turnover' | 'turnoverByGroup'>): Record<Group, Exact> {
  return input.turnoverByGroup ?? { experienced: input.turnover, early_career: input.turnover, team_manager: input.turnover };
}

/** A year's turnover by group: the groups' own, with any retention measure in force from its year. */
export function turnoverInYear(input: Pick<ProjectionInput, 'turnover' | 'turnoverByGroup' | 'retention'>, year: number): Record<Group, Exact> {
  const rates = { ...groupRates(input) };
  for (const m of input.retention ?? []) if (m.fromYear <= year) rates[m.group] = m.turnover;
  return rates;
}

export function unitCostsFor(base: UnitCosts, payAward: Exact, year: number): UnitCosts {
  const growth = ONE.plus(payAward).pow(year);
  return { experienced: multiplyMoney(base.experienced, growth), early_career: multiplyMoney(base.early_career, growth), team_manager: multiplyMoney(base.team_manager, growth) };
}

/**
 * --convert-agency: in year 1 the agency FTE of each group are replaced, FTE for FTE, by permanent
 * staff of the same group; each group's replacements count as ceil(agency FTE) whole-person hires.
 * Early-career replacements are newly qualified, so they become experienced `experienceYears` on.
 */
function convertAgency(state: Cohorts, becomesExperienced: number): { state: Cohorts; hires: { experienced: number; earlyCareer: number; teamManager: number } } {
  const whole = (fte: Exact) => Math.max(0, Math.ceil(fte.toNumber() - TOLERANCE));
  const convert = (side: { experienced: Staffing; earlyCareer: Map<number, Staffing> }) => {
    const early = sumStaffing(side.earlyCareer.values());
    const earlyCareer = new Map([...side.earlyCareer].map(([k, s]) => [k, { permanent: s.permanent, agency: ZERO }]));
    if (!early.agency.isZero()) {
      const into = Math.max(becomesExperienced, 1);
      earlyCareer.set(into, plus(earlyCareer.get(into) ?? NONE, { permanent: early.agency, agency: ZERO }));
    }
    return { experienced: { permanent: total(side.experienced), agency: ZERO }, earlyCareer };
  };
  // Hires are counted per paybill group, so a case-holding team manager is replaced once.
  const groups = payGroups(state);
  return {
    state: { ...convert(state), teamManagers: { permanent: total(state.teamManagers), agency: ZERO }, holdingManagers: convert(state.holdingManagers) },
    hires: { experienced: whole(groups.experienced.agency), earlyCareer: whole(groups.early_career.agency), teamManager: whole(groups.team_manager.agency) },
  };
}

/**
 * FTE leaving: each group's rate of its FTE. With one rate for all, the pooled rate times the whole,
 * as before issue 12, so those figures do not move by a rounding.
 */
function leaversOf(groups: Record<Group, Staffing>, rates: Record<Group, Exact>): Exact {
  const pooled = rates.experienced.eq(rates.early_career) && rates.experienced.eq(rates.team_manager);
  return pooled ? sumExact(Object.values(groups).map(total)).times(rates.experienced) : sumExact(GROUP_LIST.map((g) => total(groups[g]).times(rates[g])));
}

function metFrom(rows: readonly ProjectionYear[]): number | null {
  let from: number | null = null;
  for (const r of rows) {
    const met = r.uncoveredCases === 0 && r.mixShortfallFte === 0;
    if (!met) from = null;
    else if (from === null) from = r.year;
  }
  return from;
}

function totalsOf(rows: readonly ProjectionYear[]): ProjectionTotals {
  const hires = { experienced: 0, earlyCareer: 0, teamManager: 0, total: 0 };
  for (const r of rows) {
    hires.experienced += r.hires.experienced;
    hires.earlyCareer += r.hires.earlyCareer;
    hires.teamManager += r.hires.teamManager;
  }
  hires.total = hires.experienced + hires.earlyCareer + hires.teamManager;
  return {
    hires,
    paybill: sumMoney(rows.map((r) => r.paybill)),
    recruitmentCost: sumMoney(rows.map((r) => r.recruitmentCost)),
    agencyCoverCost: sumMoney(rows.map((r) => r.agencyCoverCost)),
    retentionCost: sumMoney(rows.map((r) => r.retentionCost)),
    targetMetYear: metFrom(rows),
    baselineCost: sumMoney(rows.map((r) => r.baselineCost)),
    additionalCost: sumMoney(rows.map((r) => r.additionalCost)),
  };
}
