// The `plan --years N` use case: the year-0 plan, then the projection with its rates and sources.
import type { AgencyConversion, ProjectionRun, RetentionReport } from '../core/results.js';
import { addYears, formatIso } from '../core/dates.js';
import { exact, ZERO, type Exact } from '../core/exact.js';
import { cohortsOf, project, type FixedYear, type ProjectionInput, type ProjectionTotals, type ProjectionYear, type RetentionMeasure } from '../core/projection.js';
import { deriveGrowth, deriveGrowthByType, deriveGrowthSpread, deriveTurnover, deriveTurnoverSpread, type Rate } from '../core/rates.js';
import { addMoney, pounds, subtractMoney, sumMoney, ZERO_POUNDS } from '../core/money.js';
import { UnreachablePlan } from '../errors.js';
import { NO_LIMITS } from '../core/limits.js';
import { deriveTurnoverByGroup } from '../core/turnover.js';
import { simulate } from '../core/ranges.js';
import type { Group } from '../core/workforce.js';
import type { Inputs } from './inputs.js';
import { CASE_TYPES, type CaseCounts, type CaseType } from '../core/case-types.js';
import { UsageError } from '../errors.js';
import { runPlan, type PlanOptions } from './plan.js';

export interface ProjectionOptions extends PlanOptions {
  years: number;
  growth: number | null;
  /** --growth cp:6%,cin:2% (issue 15): a type's own growth; the others derived from the referrals per type. */
  growthByType?: Partial<Record<CaseType, number>>;
  turnover: number | null;
  payAward: number | null;
  mixBy: number;
  convertAgency: boolean;
  /** Each group's turnover where given (issue 12): a rate, or `derived` for the group's own rate from the staff file. */
  turnoverByGroup?: Partial<Record<Group, number | 'derived'>>;
  /** Cover what permanent staff cannot in a short year with agency FTE. */
  agencyCover?: boolean;
  /** Retention measures: --retention group:payment:rate[:from_year] and the config's `retention`. */
  retention?: readonly { group: Group; annualPayment: number; turnover: number; fromYear: number }[];
  /** Rates already settled (e.g. service-wide rates for a per-team plan); otherwise from flags or the files. */
  settledRates?: { growth: Rate; turnover: Rate; turnoverByGroup?: Record<Group, Rate>; growthByType?: Record<CaseType, Rate> | null };
  /**
   * Each year's hires decided for the whole horizon (the optimiser, issue 13) instead of the plan
   * rule's year-by-year choice: called for each projection the run makes (with and without agency
   * conversion or retention measures), with that projection's input.
   */
  decide?: (input: ProjectionInput) => FixedYear[];
  /** --ranges: runs, seed and the spread of growth and turnover (fractions a year). */
  ranges?: { runs: number; seed: number; growthSd: number | null; turnoverSd: number | null; binomial?: boolean };
}

/** Growth and turnover: the flag, else derived from the files, else 0 (with the reason); growth per case type too when the open cases have types. */
export function projectionRates(
  inputs: Inputs,
  options: Pick<ProjectionOptions, 'growth' | 'turnover' | 'asOf' | 'growthByType'>,
): { growth: Rate; turnover: Rate; growthByType: Record<CaseType, Rate> | null } {
  const perType = options.growthByType ?? {};
  const given = Object.keys(perType) as CaseType[];
  const typed = inputs.published === undefined && (inputs.annexA !== null || (inputs.referrals?.summary.byType ?? null) !== null);
  if (given.length > 0 && !typed) {
    throw new UsageError('--growth by case type needs open cases with types: a case_type column in the referrals, or --annex-a; or give one rate, --growth 4%');
  }
  if (inputs.annexA !== null && options.growth === null && inputs.referrals === null) {
    const open = inputs.annexA.open.byType;
    const missing = CASE_TYPES.filter((t) => open[t] > 0 && perType[t] === undefined);
    if (missing.length > 0) {
      const cases = missing.map((t) => `${t} (${open[t]} open)`).join(', ');
      throw new UsageError(
        given.length > 0
          ? `--growth gives no rate for ${cases}, and --annex-a gives the open cases, not their history: add ${missing.map((t) => `${t}:RATE`).join(',')} to --growth, or give --referrals FILE to derive the others`
          : `--annex-a gives the open cases, not their history: give --growth (one rate, 3%, or by type, ${missing.map((t) => `${t}:3%`).join(',')}) or --referrals FILE to derive it`,
      );
    }
  }
  const growth: Rate =
    options.growth !== null
      ? flagRate(options.growth, '--growth')
      : inputs.published !== undefined
        ? (inputs.published.growth ?? { value: ZERO, source: 'default', note: 'no --growth, and the published cases do not go back three years: demand held flat' })
        : inputs.referrals === null
          ? { value: ZERO, source: 'default', note: given.length > 0 ? 'no --growth for the other case types and no referrals file: held flat' : 'no --growth and no referrals file: demand held flat' }
          : deriveGrowth(inputs.referrals.summary, inputs.referrals.name, options.asOf);
  let growthByType: Record<CaseType, Rate> | null = null;
  if (typed) {
    const derived = options.growth === null && inputs.referrals !== null ? deriveGrowthByType(inputs.referrals.summary, inputs.referrals.name, options.asOf, growth) : null;
    growthByType = Object.fromEntries(
      CASE_TYPES.map((t) => [t, perType[t] !== undefined ? flagRate(perType[t]!, `--growth ${t}:`) : (derived?.[t] ?? growth)]),
    ) as Record<CaseType, Rate>;
  }
  return {
    growth,
    turnover:
      options.turnover !== null
        ? flagRate(options.turnover, '--turnover')
        : inputs.published !== undefined
          ? (inputs.published.turnover ?? { value: ZERO, source: 'default', note: 'no --turnover, and the turnover rate was not published: no leavers assumed' })
          : turnoverFromStaff(inputs, options.asOf),
    growthByType,
  };
}

/** The pooled growth a per-type projection implies in its first year: sum of open(t) x (1 + g(t)) over the open cases, minus 1. */
export function impliedGrowth(open: CaseCounts, rates: Record<CaseType, Rate>, pooled: Rate): Rate {
  const total = CASE_TYPES.reduce((sum, t) => sum + open[t], 0);
  if (CASE_TYPES.every((t) => open[t] === 0 || rates[t].value.eq(pooled.value)) || total === 0) return pooled;
  const next = CASE_TYPES.reduce((sum, t) => sum.plus(rates[t].value.plus(1).times(open[t])), ZERO);
  const by = CASE_TYPES.filter((t) => open[t] > 0).map((t) => `${t} ${+(rates[t].value.toNumber() * 100).toFixed(2)}%`).join(', ');
  return {
    value: next.div(total).minus(1),
    source: CASE_TYPES.every((t) => open[t] === 0 || rates[t].source === 'flag') ? 'flag' : 'derived',
    note: `each case type at its own rate (${by}): ${+(next.div(total).minus(1).toNumber() * 100).toFixed(2)}% over all open cases in year 1, shifting as the mix does`,
  };
}

/** A rate given on the command line, with the option that gave it. */
function flagRate(value: number, flag: string): Rate {
  return { value: exact(value), source: 'flag', note: `given with ${flag}` };
}

/** Turnover derived from the staff file; a capped rate's note says how to choose one instead. */
function turnoverFromStaff(inputs: Inputs, asOf: ProjectionOptions['asOf']): Rate {
  const { capped, ...turnover } = deriveTurnover(inputs.staff.staff, inputs.staff.name, inputs.staff.info.columns.has('leave_date'), asOf);
  return capped ? { ...turnover, note: `${turnover.note} (give --turnover to choose a rate)` } : turnover;
}

const GROUP_FLAG: Record<Group, string> = { experienced: '--turnover-experienced', early_career: '--turnover-early-career', team_manager: '--turnover-team-manager' };

/**
 * Each group's turnover: its own flag (a rate, or `derived`: the group's rate from the staff file),
 * else the pooled rate every group has had (--turnover, or derived from the staff file).
 */
export function groupTurnover(inputs: Inputs, options: ProjectionOptions, pooled: Rate): Record<Group, Rate> {
  const given = options.turnoverByGroup ?? {};
  const wantsDerived = Object.values(given).includes('derived');
  const derived = wantsDerived
    ? deriveTurnoverByGroup(inputs.staff.staff, inputs.staff.name, inputs.staff.info.columns.has('leave_date'), options.asOf, options.experienceYears, pooled)
    : null;
  const rateOf = (group: Group): Rate => {
    const flag = given[group];
    if (flag === undefined) return pooled;
    if (flag === 'derived') return derived![group];
    return flagRate(flag, GROUP_FLAG[group]);
  };
  return { experienced: rateOf('experienced'), early_career: rateOf('early_career'), team_manager: rateOf('team_manager') };
}

/**
 * Invest to save: each year, the cost of the retention measures, and the saving they bring: the cost
 * of the same projection without them minus the cost with them, both paybill, recruitment and agency
 * cover (the payments themselves are the cost, not netted from the saving). The payback year is the
 * first in which the cumulative saving is at least the cumulative cost.
 */
function investToSave(withMeasures: readonly ProjectionYear[], without: readonly ProjectionYear[]): RetentionReport {
  const spend = (y: ProjectionYear) => addMoney(addMoney(y.paybill, y.recruitmentCost), y.agencyCoverCost);
  let cumulativeCost = ZERO_POUNDS;
  let cumulativeSaving = ZERO_POUNDS;
  let paybackYear: number | null = null;
  const byYear = withMeasures.map((y, i) => {
    const saving = subtractMoney(spend(without[i]!), spend(y));
    cumulativeCost = addMoney(cumulativeCost, y.retentionCost);
    cumulativeSaving = addMoney(cumulativeSaving, saving);
    if (paybackYear === null && y.retentionCost.gt(0) && cumulativeSaving.gte(cumulativeCost)) paybackYear = y.year;
    return { year: y.year, cost: y.retentionCost, saving, net: subtractMoney(saving, y.retentionCost), cumulativeCost, cumulativeSaving };
  });
  const cost = sumMoney(byYear.map((y) => y.cost));
  const saving = sumMoney(byYear.map((y) => y.saving));
  return { cost, saving, net: subtractMoney(saving, cost), paybackYear, byYear };
}

/** The pay award: the flag, else 0 (costs at today's prices). */
export function payAwardRate(payAward: number | null): Rate {
  return payAward !== null ? flagRate(payAward, '--pay-award') : { value: ZERO, source: 'default', note: "no --pay-award: costs at today's prices" };
}

export function runProjection(inputs: Inputs, options: ProjectionOptions): ProjectionRun {
  // Year 0 is the plan, with the mix only if it applies from year 0.
  const yearZero = options.mixBy > 0 ? { ...options, rule: { ...options.rule, mix: null } } : options;
  let planRun = runPlan(inputs, yearZero);
  const { asOf } = options;
  const staffFile = inputs.staff.name;
  const settled = options.settledRates ?? projectionRates(inputs, options);
  const { turnover } = settled;
  const growthByType = settled.growthByType ?? null;
  // With open cases by type, each type grows at its own rate (issue 15).
  const demandTypes = planRun.plan.demand.byType;
  const caseMix =
    demandTypes === null || growthByType === null
      ? undefined
      : { open: demandTypes, growth: Object.fromEntries(CASE_TYPES.map((t) => [t, growthByType[t].value])) as Record<CaseType, Exact>, weights: inputs.config.case_weights };
  const growth = caseMix === undefined || growthByType === null ? settled.growth : impliedGrowth(demandTypes!, growthByType, settled.growth);
  const payAward = payAwardRate(options.payAward);
  const workforce = planRun.workforce;
  const counted = workforce.caseHoldingFte.plus(workforce.teamManagerFte);
  const agencyShare: Rate = inputs.published?.agencyShare ?? {
    value: counted.isZero() ? ZERO : workforce.agencyFte.div(counted),
    source: 'derived',
    note: `derived from ${staffFile}: ${workforce.agencyFte.toString()} agency FTE among ${counted.toString()} case-holding and team manager FTE in post at ${formatIso(asOf)}`,
  };

  // A team is planned with the service's rates: derived from the whole staff file, leavers included.
  const turnoverByGroup = options.settledRates?.turnoverByGroup ?? groupTurnover(inputs, options, turnover);
  const limits = options.limits ?? NO_LIMITS;
  const agencyCover = options.agencyCover === true;

  const cohorts = cohortsOf(inputs.staff.staff, asOf, options.experienceYears);
  const measuresAsked = [...inputs.config.retention, ...(options.retention ?? [])];
  const measures: RetentionMeasure[] = measuresAsked.map((m) => ({ group: m.group, annualPayment: pounds(m.annualPayment), turnover: exact(m.turnover), fromYear: m.fromYear }));
  let mainInput: ProjectionInput | null = null;
  const run = (convertAgency: boolean, retention: readonly RetentionMeasure[] = measures) => {
    const input: ProjectionInput = {
      asOf,
      years: options.years,
      experienceYears: options.experienceYears,
      rule: options.rule,
      mixBy: options.mixBy,
      config: inputs.config,
      openCases: planRun.plan.demand.openCases,
      growth: growth.value,
      turnover: turnover.value,
      turnoverByGroup: { experienced: turnoverByGroup.experienced.value, early_career: turnoverByGroup.early_career.value, team_manager: turnoverByGroup.team_manager.value },
      limits,
      agencyCover,
      retention,
      payAward: payAward.value,
      convertAgency,
      cohorts,
      ...(caseMix === undefined ? {} : { caseMix }),
      ...(options.weighted === true ? { weighted: true } : {}),
    };
    mainInput ??= input;
    const outcome = project(options.decide === undefined ? input : { ...input, fixed: options.decide(input) });
    if (!outcome.ok) throw new UnreachablePlan(outcome.reason, outcome.year, formatIso(addYears(asOf, outcome.year)));
    return outcome;
  };
  const projection = run(options.convertAgency);
  if (options.decide !== undefined) {
    // Year 0's hires are the optimiser's: the plan shows them.
    const first = projection.years[0]!;
    planRun = runPlan(inputs, { ...yearZero, fixed: { experienced: first.hires.experienced, earlyCareer: first.hires.earlyCareer, teamManager: first.hires.teamManager } });
  }
  let agencyConversion: AgencyConversion | null = null;
  if (options.convertAgency) {
    const without = run(false);
    const cost = (t: ProjectionTotals) => addMoney(t.paybill, t.recruitmentCost);
    const yearOne = projection.years[1];
    agencyConversion = {
      convertedFte: without.years[1]?.agencyFte ?? ZERO,
      hires: yearOne?.agencyConversions ?? 0,
      saving: subtractMoney(cost(without.totals), cost(projection.totals)),
    };
  }
  const retention = measures.length === 0 ? null : investToSave(projection.years, run(options.convertAgency, []).years);
  const spread = options.ranges;
  let ranges: ProjectionRun['ranges'] = null;
  if (spread !== undefined && mainInput !== null) {
    // Each spread: the flag, else derived (the published series with --la; the staff file's leavers for turnover), else none.
    const pp = (v: number) => `${+(v * 100).toFixed(4)} percentage points a year`;
    const derivedTurnover = inputs.published?.spreads.turnover ?? deriveTurnoverSpread(inputs.staff.staff, staffFile, inputs.staff.info.columns.has('leave_date'), asOf);
    const derivedGrowth =
      inputs.published?.spreads.growth ??
      (inputs.referrals === null ? { value: null, note: 'no referrals file' } : deriveGrowthSpread(inputs.referrals.summary, inputs.referrals.name, asOf));
    const growthSd = spread.growthSd ?? derivedGrowth.value ?? 0;
    const turnoverSd = spread.turnoverSd ?? derivedTurnover.value ?? 0;
    const source = (flag: number | null, derived: { value: number | null; note: string }, flagName: string, what: string) =>
      flag !== null ? `${flagName}: ${pp(flag)} ${what}` : derived.value !== null ? `${pp(derived.value)} ${what} (${derived.note})` : `not varied: no ${flagName}, and it cannot be derived (${derived.note})`;
    ranges = {
      ...simulate(mainInput, projection.years, { growthSd, turnoverSd, binomial: spread.binomial !== false }, spread.runs, spread.seed),
      sources: {
        growth: source(spread.growthSd, derivedGrowth, '--growth-sd', `around ${+(growth.value.toNumber() * 100).toFixed(4)}%`),
        turnover: source(spread.turnoverSd, derivedTurnover, '--turnover-sd', "around each group's rate"),
        leavers:
          spread.binomial === false
            ? "each year's leavers at the drawn rate times the group's FTE (--no-binomial)"
            : "each year's leavers drawn per group as a binomial count of the group's people (its FTE, rounded) at that year's rate. Whole people leave and are replaced whole, where the central projection takes fractional leavers and rounds each replacement up, so the runs' median can sit a little below it; --no-binomial draws rates only",
        wide: [growthSd, turnoverSd].some((sd) => sd > 0.2) ? `a spread over 20 percentage points a year draws rates against their bounds (turnover 0% to 100%, open cases not below 0): read the range with care` : null,
      },
    };
  }
  return {
    ...planRun,
    retention,
    years: projection.years,
    totals: projection.totals,
    rates: { growth, turnover, turnoverByGroup, payAward, agencyShare, growthByType: caseMix === undefined ? null : growthByType },
    market: { limits, agencyCover, retention: measuresAsked },
    mix: options.rule.mix,
    mixBy: options.mixBy,
    agencyConversion,
    ranges,
  };
}
