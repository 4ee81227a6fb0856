// The whole horizon's hires as one mixed-integer linear programme (issue 13). Spec:
//   decisions, each year k = 0..N: x_k experienced, y_k early-career and t_k team manager hires
//   (whole people, within the recruitment limits), a_k agency cover FTE (only with --agency-cover).
//   Survival and progression do not depend on the decisions, so every year's FTE is the do-nothing
//   trajectory (the projection replayed with no hires) plus each hire times its survival:
//     a hire of year j is in post in year k at prod_{i=j+1..k} (1 - r_g(i)), g its group in year i's
//     leavers (an early-career hire is early career in the leavers of years i <= j + X, X the
//     experience years, and experienced from year j + X on, as in the projection).
//   Every year: target T(N + a) >= D, caps A(N - E') + B(E' + a) >= D, mix from --mix-by
//   E' + a >= m(N + a) (E' the experienced FTE the plan rule checks: this year's early-career hires
//   are early career even when X = 0), team managers TM >= ceil(N / span) through an integer r_k,
//   limits on x_k, y_k, x_k + y_k, and with --budget: plan cost - baseline cost <= budget.
//   When the constraints cannot all be met (limits without cover, or a budget), each year's target
//   and caps rows carry u_k >= 0 uncovered cases and the mix row s_k >= 0 experienced FTE short;
//   the objectives are then, in order: total uncovered cases, total mix shortfall, cost.
//   Cost: sum_k (1 + r)^-k * (paybill + recruitment + agency cover + retention payments), each as
//   the projection computes it before rounding to the penny; ties: fewer hires, then later.
import { agencyFactor, marginalOnCostRate, unitAnnualCosts } from './costs.js';
import { ONE, type Exact } from './exact.js';
import { formatPounds, multiplyMoney, pounds, roundToPence, sumMoney, type Money } from './money.js';
import { TOLERANCE } from './hiring.js';
import { hasLimits, NO_LIMITS } from './limits.js';
import { project, turnoverInYear, unitCostsFor, type FixedYear, type ProjectionInput, type ProjectionYear } from './projection.js';
import type { Group } from './workforce.js';

export interface Term {
  column: string;
  coefficient: number;
}

/** A linear function of the columns plus a constant. */
export interface Linear {
  terms: Term[];
  constant: number;
}

export interface Column {
  name: string;
  integer: boolean;
  /** No upper bound when null. */
  upper: number | null;
  /** 0 unless given. */
  lower?: number;
}

/** lower <= sum of terms <= upper (null: unbounded on that side). */
export interface Row {
  name: string;
  terms: Term[];
  lower: number | null;
  upper: number | null;
}

/** A problem for a MILP solver: minimise the objective over the columns subject to the rows. */
export interface MilpProblem {
  columns: Column[];
  rows: Row[];
  objective: Term[];
  /** A feasible plan to start from (the plan rule's), when there is one: the solver checks it. */
  start?: ReadonlyMap<string, number>;
}

export interface OptimisationSettings {
  /** r: costs in year k weighed by (1 + r)^-k. */
  discountRate: Exact;
  /** Most additional cost (plan cost - baseline cost) in any one year; null: no budget. */
  budget: Money | null;
}

export interface YearExpressions {
  /** Case-holding FTE after hires (N). */
  caseHolding: Linear;
  /** Experienced case-holding FTE after hires. */
  experienced: Linear;
  teamManagers: Linear;
  /** Paybill + recruitment + agency cover + retention payments, before rounding. */
  planCost: Linear;
  baselineCost: number;
  openCases: number;
  discount: number;
}

export interface OptimisationModel {
  years: number;
  /** The constraints may not all be met: the gap columns u_k, s_k are present. */
  withGaps: boolean;
  columns: Column[];
  rows: Row[];
  byYear: YearExpressions[];
  /** The discounted plan cost: terms and the constant of the do-nothing trajectory. */
  cost: Linear;
  /** What the solver minimises: the cost's terms and the tie-break. */
  objective: Term[];
  /** Total uncovered cases and total mix shortfall (empty without gaps). */
  uncovered: Term[];
  shortfall: Term[];
  span: number;
}

/** £ per hire added to the objective to break ties (see buildModel); not a cost. */
export const TIE_BREAK = 0.001;

export const column = {
  experienced: (k: number) => `x${k}`,
  earlyCareer: (k: number) => `y${k}`,
  teamManager: (k: number) => `t${k}`,
  required: (k: number) => `r${k}`,
  cover: (k: number) => `a${k}`,
  uncovered: (k: number) => `u${k}`,
  shortfall: (k: number) => `s${k}`,
};

/**
 * The model of a projection's inputs. `base` is the same projection replayed with no hires at all
 * (its FTE, paybill groups, baseline and conversions are what the decisions add to).
 */
export function buildModel(input: ProjectionInput, base: readonly ProjectionYear[], settings: OptimisationSettings, withGaps: boolean): OptimisationModel {
  const { config, rule, years } = input;
  const X = input.experienceYears;
  const agency = agencyFactor(config).toNumber();
  const recruitment = config.recruitment_cost;
  const onCost = ONE.plus(marginalOnCostRate(config)).toNumber();
  const baseUnits = unitAnnualCosts(config);
  const cover = input.agencyCover === true;
  const rates = Array.from({ length: years + 1 }, (_, k) => turnoverInYear(input, k));
  const stay = (g: Group, k: number) => 1 - rates[k]![g].toNumber();
  // Survival of a hire of year j to year k, by group; an early-career hire changes group at j + X.
  const survival = (kind: 'experienced' | 'early_career' | 'team_manager', j: number, k: number): number => {
    let s = 1;
    for (let i = j + 1; i <= k; i++) {
      const g: Group = kind === 'early_career' ? (i <= j + X ? 'early_career' : 'experienced') : kind;
      s *= stay(g, i);
    }
    return s;
  };
  const limits = input.limits ?? { total: null, experienced: null, earlyCareer: null };
  const columns: Column[] = [];
  const rows: Row[] = [];
  const byYear: YearExpressions[] = [];
  const costTerms = new Map<string, number>();
  const objectiveTerms = new Map<string, number>();
  let costConstant = 0;
  const uncovered: Term[] = [];
  const shortfall: Term[] = [];

  for (let k = 0; k <= years; k++) {
    columns.push({ name: column.experienced(k), integer: true, upper: minLimit(limits.experienced, limits.total) });
    columns.push({ name: column.earlyCareer(k), integer: true, upper: minLimit(limits.earlyCareer, limits.total) });
    columns.push({ name: column.teamManager(k), integer: true, upper: null });
    if (cover) columns.push({ name: column.cover(k), integer: false, upper: null });
    if (withGaps) {
      columns.push({ name: column.uncovered(k), integer: false, upper: null });
      uncovered.push({ column: column.uncovered(k), coefficient: 1 });
      // A shortfall only in the years the mix applies.
      if (rule.mix !== null && k >= input.mixBy) {
        columns.push({ name: column.shortfall(k), integer: false, upper: null });
        shortfall.push({ column: column.shortfall(k), coefficient: 1 });
      }
    }
  }

  for (let k = 0; k <= years; k++) {
    const row = base[k]!;
    const units = unitCostsFor(baseUnits, input.payAward, k);
    const unit = { experienced: units.experienced.toNumber(), early_career: units.early_career.toNumber(), team_manager: units.team_manager.toNumber() };
    // Each hire's FTE in post this year, by its paybill group now: every earlier year's hires with
    // their survival. (Dense rows. A sparse form with stock columns defined by equalities was as fast
    // but HiGHS's presolve (1.8 to 1.15) returned plans it called optimal that were not: see
    // CONTRIBUTING.md.)
    const inGroup: Record<Group, Term[]> = { experienced: [], early_career: [], team_manager: [] };
    for (let j = 0; j <= k; j++) {
      inGroup.experienced.push({ column: column.experienced(j), coefficient: survival('experienced', j, k) });
      inGroup[j + X <= k ? 'experienced' : 'early_career'].push({ column: column.earlyCareer(j), coefficient: survival('early_career', j, k) });
      inGroup.team_manager.push({ column: column.teamManager(j), coefficient: survival('team_manager', j, k) });
    }
    // The cases the target applies to: weighted with --weighted (issue 15).
    const D = row.targetCases;
    const N: Linear = { terms: [...inGroup.experienced, ...inGroup.early_career], constant: row.caseHoldingFte.toNumber() };
    const E: Linear = { terms: inGroup.experienced, constant: row.experiencedFte.toNumber() };
    // The experienced FTE the plan rule checks: this year's early-career hires count as early career.
    const checked: Linear = X === 0 ? { terms: [...E.terms, { column: column.earlyCareer(k), coefficient: -1 }], constant: E.constant } : E;
    const TM: Linear = { terms: inGroup.team_manager, constant: row.teamManagerFte.toNumber() };
    const a = cover ? [{ column: column.cover(k), coefficient: 1 }] : [];
    const u = withGaps ? [{ column: column.uncovered(k), coefficient: 1 }] : [];

    // Target: T(N + a) + u >= D; with an early-career capacity k < 1 (issue 15), T(E' + k(N - E') + a) + u >= D.
    const k1 = config.early_career_capacity;
    if (k1 === 1) rows.push(at(`target${k}`, [...times(N.terms, rule.target), ...times(a, rule.target), ...u], D - rule.target * N.constant, null));
    else {
      const terms = [...times(N.terms, rule.target * k1), ...times(checked.terms, rule.target * (1 - k1)), ...times(a, rule.target), ...u];
      rows.push(at(`target${k}`, terms, D - rule.target * (k1 * N.constant + (1 - k1) * checked.constant), null));
    }
    if (rule.caps !== null) {
      const { earlyCareer: A, experienced: B } = rule.caps;
      // A(N - E') + B(E' + a) + u >= D.
      const terms = [...times(N.terms, A), ...times(checked.terms, B - A), ...times(a, B), ...u];
      rows.push(at(`caps${k}`, terms, D - A * N.constant - (B - A) * checked.constant, null));
    }
    if (rule.mix !== null && k >= input.mixBy) {
      const m = rule.mix;
      // E' + a + s >= m(N + a).
      const s = withGaps ? [{ column: column.shortfall(k), coefficient: 1 }] : [];
      rows.push(at(`mix${k}`, [...checked.terms, ...times(N.terms, -m), ...times(a, 1 - m), ...s], m * N.constant - checked.constant, null));
    }
    // Team managers: r >= N / span (r whole), TM >= r. Nobody is removed and, when permanent staff
    // must meet the target (no gaps, no agency cover), N >= D / T: so r is at least the ceiling of
    // that over the span (a bound that spares the solver from proving it).
    const span = config.span_of_control;
    const leastN = Math.max(N.constant, withGaps || cover ? 0 : D / rule.target);
    columns.push({ name: column.required(k), integer: true, upper: null, lower: Math.max(0, Math.ceil(leastN / span - TOLERANCE)) });
    rows.push(at(`span${k}`, [...times(N.terms, 1 / span), { column: column.required(k), coefficient: -1 }], null, TOLERANCE - N.constant / span));
    rows.push(at(`managers${k}`, [...TM.terms, { column: column.required(k), coefficient: -1 }], -TOLERANCE - TM.constant, null));
    if (limits.total !== null) rows.push(at(`limit${k}`, [{ column: column.experienced(k), coefficient: 1 }, { column: column.earlyCareer(k), coefficient: 1 }], null, limits.total));

    // The year's plan cost: paybill of the hires on top of the do-nothing paybill, recruitment,
    // agency cover and retention payments on the hires' permanent FTE.
    const groupsPaybill = (['experienced', 'early_career', 'team_manager'] as const).flatMap((g) => times(inGroup[g], unit[g]));
    const hiredNow = [column.experienced(k), column.earlyCareer(k), column.teamManager(k)].map((c) => ({ column: c, coefficient: recruitment }));
    const coverCost = times(a, unit.experienced * agency);
    const retention: Term[] = [];
    let retentionConstant = 0;
    for (const measure of input.retention ?? []) {
      if (measure.fromYear > k) continue;
      const perFte = measure.annualPayment.toNumber() * onCost;
      retention.push(...times(inGroup[measure.group], perFte));
      retentionConstant += perFte * row.byGroup[measure.group].permanentFte.toNumber();
    }
    const basePaybill = (['experienced', 'early_career', 'team_manager'] as const).reduce(
      (sum, g) => sum + unit[g] * (row.byGroup[g].permanentFte.toNumber() + row.byGroup[g].agencyFte.toNumber() * agency),
      0,
    );
    const planCost: Linear = {
      terms: merge([...groupsPaybill, ...hiredNow, ...coverCost, ...retention]),
      constant: basePaybill + row.recruitmentCost.toNumber() + retentionConstant,
    };
    const baselineCost = row.baselineCost.toNumber();
    if (settings.budget !== null) {
      rows.push(at(`budget${k}`, planCost.terms, null, settings.budget.toNumber() + baselineCost - planCost.constant));
    }
    const discount = ONE.div(ONE.plus(settings.discountRate).pow(k)).toNumber();
    for (const t of planCost.terms) costTerms.set(t.column, (costTerms.get(t.column) ?? 0) + t.coefficient * discount);
    for (const t of planCost.terms) objectiveTerms.set(t.column, (objectiveTerms.get(t.column) ?? 0) + t.coefficient * discount);
    // Ties: between plans of equal cost, fewer hires, then later ones: a tenth of a penny per hire,
    // a little more the earlier it is, below any difference in the pounds and pence reported.
    for (const c of [column.experienced(k), column.earlyCareer(k), column.teamManager(k)]) {
      objectiveTerms.set(c, (objectiveTerms.get(c) ?? 0) + TIE_BREAK * (1 + (years - k) / (100 * (years + 1))));
    }
    costConstant += planCost.constant * discount;
    byYear.push({ caseHolding: N, experienced: E, teamManagers: TM, planCost, baselineCost, openCases: D, discount });
  }
  return {
    years,
    withGaps,
    columns,
    rows,
    byYear,
    cost: { terms: [...costTerms].map(([c, coefficient]) => ({ column: c, coefficient })), constant: costConstant },
    objective: [...objectiveTerms].map(([c, coefficient]) => ({ column: c, coefficient })),
    uncovered,
    shortfall,
    span: config.span_of_control,
  };
}


function minLimit(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

function times(terms: readonly Term[], factor: number): Term[] {
  return terms.map((t) => ({ column: t.column, coefficient: t.coefficient * factor }));
}

/** Terms on the same column added together; zero coefficients dropped. */
function merge(terms: readonly Term[]): Term[] {
  const byColumn = new Map<string, number>();
  for (const t of terms) byColumn.set(t.column, (byColumn.get(t.column) ?? 0) + t.coefficient);
  return [...byColumn].filter(([, c]) => c !== 0).map(([c, coefficient]) => ({ column: c, coefficient }));
}

function at(name: string, terms: readonly Term[], lower: number | null, upper: number | null): Row {
  return { name, terms: merge(terms), lower, upper };
}

/** A linear function's value at a solution (columns not given are 0). */
export function evaluate(linear: Linear | { terms: readonly Term[]; constant?: number }, values: ReadonlyMap<string, number>): number {
  let sum = 'constant' in linear && linear.constant !== undefined ? linear.constant : 0;
  for (const t of linear.terms) sum += t.coefficient * (values.get(t.column) ?? 0);
  return sum;
}

export type MilpStatus = 'optimal' | 'time_limit' | 'infeasible' | 'failed';

export interface MilpSolution {
  status: MilpStatus;
  /** The best solution found (optimal, or the incumbent at the time limit); null when none. */
  values: Map<string, number> | null;
  objective: number | null;
  /** Relative gap between the solution and the best bound HiGHS proved (0 when optimal). */
  gap: number | null;
  ms: number;
  detail: string;
}

/** A MILP solver: HiGHS in the product (io/highs.ts), anything with the same answers in a test. */
export type MilpSolver = (problem: MilpProblem, timeLimitSeconds: number) => MilpSolution;

export interface HorizonSolution {
  /** Each year's decisions, to replay through the projection. */
  fixed: FixedYear[];
  /** `optimal`: HiGHS proved the cost optimal; `time_limit`: the best plan found when time ran out. */
  status: 'optimal' | 'time_limit';
  /** The cost stage's relative gap; null when HiGHS stopped before it had a bound. */
  gap: number | null;
  /** The discounted plan cost as the solver weighed it (before rounding to the penny). */
  objective: number;
  /** Time in the solver, all stages. */
  solveMs: number;
  /** The constraints could not all be met every year: uncovered cases, then mix shortfall, were minimised first. */
  gaps: boolean;
  /** The time limit stopped a stage before the cost was weighed ("uncovered cases"); null otherwise. */
  stoppedIn?: string | null;
  stages: { name: string; status: MilpStatus; ms: number }[];
}

export type HorizonOutcome = { ok: true; solution: HorizonSolution } | { ok: false; reason: string };

const ZERO_YEAR: FixedYear = { experienced: 0, earlyCareer: 0, teamManager: 0, agencyCoverFte: 0 };

/** The projection with no hires at all: what every decision adds to. */
export function doNothing(input: ProjectionInput): ProjectionYear[] {
  const outcome = project({ ...input, fixed: Array.from({ length: input.years + 1 }, () => ZERO_YEAR) });
  if (!outcome.ok) throw new Error(`the do-nothing projection cannot fail: ${outcome.reason}`);
  return outcome.years;
}

/**
 * The cheapest hires over the whole horizon, in stages: when every constraint can be met, the
 * discounted cost; otherwise the total uncovered cases, then the total mix shortfall, then the cost,
 * each stage keeping the optimum of the ones before; last, among plans of that cost, the fewest
 * hires, then the latest.
 */
export function solveHorizon(input: ProjectionInput, settings: OptimisationSettings, solver: MilpSolver, timeLimitSeconds: number): HorizonOutcome {
  const base = doNothing(input);
  const stages: HorizonSolution['stages'] = [];
  let spent = 0;
  const rule = project(input);
  const ruleHires = rule.ok ? rule.years.map((y) => ({ experienced: y.hires.experienced - y.conversions.experienced, earlyCareer: y.hires.earlyCareer - y.conversions.earlyCareer, teamManager: y.hires.teamManager - y.conversions.teamManager, agencyCoverFte: y.agencyCoverFte })) : null;
  const solve = (name: string, model: OptimisationModel, objective: Term[], extra: Row[], start: ReadonlyMap<string, number> | null, most = Infinity): MilpSolution => {
    const left = Math.max(0.01, Math.min(most, timeLimitSeconds - spent / 1000));
    const result = solver({ columns: model.columns, rows: [...model.rows, ...extra], objective, ...(start === null ? {} : { start }) }, left);
    spent += result.ms;
    stages.push({ name, status: result.status, ms: result.ms });
    return result;
  };
  let model = buildModel(input, base, settings, false);
  let extra: Row[] = [];
  // A plan to start from: the rule's; with a budget (the rule does not keep to it) nobody hired
  // but the team managers the span of control requires, which keeps to any budget that can be kept.
  const startFor = (m: OptimisationModel) => (settings.budget === null && ruleHires !== null ? startOf(m, ruleHires) : startOf(m, noHires(m)));
  let cost = solve('cost', model, model.objective, extra, startFor(model));
  if (cost.status === 'infeasible') {
    // Without limits or a budget nothing stops the hires but the constraints themselves: no plan.
    if (!hasLimits(input.limits ?? NO_LIMITS) && settings.budget === null) {
      return { ok: false, reason: `no hires in any year meet every constraint in every year${rule.ok ? '' : ` (the year-by-year rule: ${rule.reason})`}` };
    }
    model = buildModel(input, base, settings, true);
    const start = startFor(model);
    for (const [name, objective] of [['uncovered cases', model.uncovered], ['mix shortfall', model.shortfall]] as const) {
      if (objective.length === 0) continue;
      const best = solve(name, model, objective, extra, start);
      if (best.values === null || best.objective === null) return failed(best, input, base, settings, solver);
      // Stopped before the cost was weighed at all: the best plan found for this objective.
      if (best.status === 'time_limit') return { ok: true, solution: { ...solutionOf(best, best, model, stages, spent, true), gap: null, stoppedIn: name } };
      extra = [...extra, { name: `best_${name.replace(/ /g, '_')}`, terms: objective, lower: null, upper: best.objective + 1e-7 + 1e-9 * Math.abs(best.objective) }];
    }
    cost = solve('cost', model, model.objective, extra, start);
  }
  if (cost.values === null || cost.objective === null) return failed(cost, input, base, settings, solver);
  return { ok: true, solution: solutionOf(cost, cost, model, stages, spent, model.withGaps) };
}

/** No social workers hired; each year's team managers as the span of control requires, hired as late as possible. */
function noHires(model: OptimisationModel): FixedYear[] {
  const plan: FixedYear[] = [];
  for (let k = 0; k <= model.years; k++) {
    plan.push({ experienced: 0, earlyCareer: 0, teamManager: 0, agencyCoverFte: 0 });
    const values = startOf(model, plan);
    const managers = evaluate(model.byYear[k]!.teamManagers, values);
    plan[k]!.teamManager = Math.max(0, Math.ceil((values.get(column.required(k)) ?? 0) - managers - TOLERANCE));
  }
  return plan;
}

/** Every column's value for given hires: required team managers, cover, and the gaps they leave. */
export function startOf(model: OptimisationModel, hires: readonly FixedYear[]): Map<string, number> {
  const given = new Map<string, number>();
  hires.forEach((h, k) => {
    given.set(column.experienced(k), h.experienced);
    given.set(column.earlyCareer(k), h.earlyCareer);
    given.set(column.teamManager(k), h.teamManager);
    if (model.columns.some((c) => c.name === column.cover(k))) given.set(column.cover(k), h.agencyCoverFte ?? 0);
  });
  const values = new Map(given);
  for (let k = 0; k <= model.years; k++) {
    const required = model.columns.find((c) => c.name === column.required(k))!;
    const N = evaluate(model.byYear[k]!.caseHolding, values);
    values.set(column.required(k), Math.max(required.lower ?? 0, Math.ceil(N / model.span - TOLERANCE)));
  }
  // The gaps: each as large as the rows it appears in need.
  for (const gap of [...model.uncovered, ...model.shortfall]) {
    let need = 0;
    for (const row of model.rows) {
      if (row.lower === null || !row.terms.some((t) => t.column === gap.column)) continue;
      need = Math.max(need, row.lower - evaluate({ terms: row.terms.filter((t) => t.column !== gap.column) }, values));
    }
    values.set(gap.column, need);
  }
  return values;
}

function failed(result: MilpSolution, input: ProjectionInput, base: readonly ProjectionYear[], settings: OptimisationSettings, solver: MilpSolver): HorizonOutcome {
  if (result.status === 'infeasible' && settings.budget !== null) {
    const least = smallestBudget(input, base, settings, solver);
    return {
      ok: false,
      reason:
        `no plan keeps within a budget of ${formatPounds(settings.budget)} a year` +
        (least === null ? '' : `: the smallest any plan keeps to is ${formatPounds(least)} a year`) +
        ' (even hiring nobody costs more than the baseline: team managers the span of control requires, pay rises as early-career staff become experienced, agency conversions, retention payments)',
    };
  }
  if (result.status === 'time_limit') return { ok: false, reason: 'the solver found no plan within the time limit: give a longer --time-limit' };
  return { ok: false, reason: `the solver could not solve the plan (${result.detail})` };
}

/** The least budget any plan keeps to: min B with each year's plan cost - baseline <= B, gaps allowed. */
function smallestBudget(input: ProjectionInput, base: readonly ProjectionYear[], settings: OptimisationSettings, solver: MilpSolver): Money | null {
  const model = buildModel(input, base, { ...settings, budget: null }, true);
  const rows = model.byYear.map((y, k): Row => ({ name: `least_budget${k}`, terms: [...y.planCost.terms, { column: 'budget', coefficient: -1 }], lower: null, upper: y.baselineCost - y.planCost.constant }));
  const result = solver({ columns: [...model.columns, { name: 'budget', integer: false, upper: null, lower: -1e12 }], rows: [...model.rows, ...rows], objective: [{ column: 'budget', coefficient: 1 }] }, 10);
  if (result.status !== 'optimal' || result.objective === null) return null;
  // Up to the next penny, so that the budget named is one the plan keeps to.
  return pounds(Math.ceil(result.objective * 100 - 1e-6) / 100);
}

function solutionOf(chosen: MilpSolution, cost: MilpSolution, model: OptimisationModel, stages: HorizonSolution['stages'], spent: number, gaps: boolean): HorizonSolution {
  const values = chosen.values!;
  const whole = (name: string) => Math.max(0, Math.round(values.get(name) ?? 0));
  const fixed: FixedYear[] = [];
  for (let k = 0; k <= model.years; k++) {
    const a = values.get(column.cover(k));
    fixed.push({
      experienced: whole(column.experienced(k)),
      earlyCareer: whole(column.earlyCareer(k)),
      teamManager: whole(column.teamManager(k)),
      // With a budget the cover may stop short of the need; otherwise the least that meets it.
      agencyCoverFte: a === undefined || !model.rows.some((r) => r.name.startsWith('budget')) ? null : Math.ceil(Math.max(0, a) * 1e9 - 1e-3) / 1e9,
    });
  }
  return {
    fixed,
    // The cost is proven optimal by the cost stage; the tie-break only picks among plans of that cost.
    status: cost.status === 'optimal' ? 'optimal' : 'time_limit',
    gap: cost.status === 'optimal' ? (cost.gap ?? 0) : cost.gap,
    objective: evaluate(model.cost, values),
    solveMs: spent,
    gaps,
    stages,
  };
}

/** A year's cost in present value: cost x (1 + r)^-k, rounded to the penny. */
export function presentValue(cost: Money, rate: Exact, year: number): Money {
  return roundToPence(multiplyMoney(cost, ONE.div(ONE.plus(rate).pow(year))));
}

/** How a plan's years rank: total uncovered cases, total mix shortfall, then discounted cost (lower is better). */
export function planRank(years: readonly ProjectionYear[], rate: Exact, agencyCover: boolean): [number, number, Money] {
  // With agency cover and no budget every gap is covered: only the cost differs.
  const uncovered = agencyCover ? 0 : years.reduce((s, y) => s + y.uncoveredCases, 0);
  const shortfall = agencyCover ? 0 : years.reduce((s, y) => s + y.mixShortfallFte, 0);
  return [uncovered, shortfall, sumMoney(years.map((y) => presentValue(y.planCost, rate, y.year)))];
}

function ranksBelow(a: [number, number, Money], b: [number, number, Money]): boolean {
  if (Math.abs(a[0] - b[0]) > 1e-6) return a[0] < b[0];
  if (Math.abs(a[1] - b[1]) > 1e-6) return a[1] < b[1];
  return a[2].lt(b[2]);
}

export interface OptimisedHorizon {
  solution: HorizonSolution;
  /** The hires replayed: the solver's, or the plan rule's when they rank better (a rounding, not a better plan). */
  fixed: FixedYear[];
  /** The plan rule's own hires were kept: replayed to the penny, they ranked above the solver's. */
  ruleKept: boolean;
}

/**
 * The optimised hires for a projection's input. The plan rule's hires are a plan of the model too, so
 * without a budget (which the rule does not keep to) the rule's plan is kept when, replayed to the
 * penny, it ranks better than the solver's: never by more than the solver's tolerances.
 */
export function optimiseHorizon(input: ProjectionInput, settings: OptimisationSettings, solver: MilpSolver, timeLimitSeconds: number): { ok: true; value: OptimisedHorizon } | { ok: false; reason: string } {
  const outcome = solveHorizon(input, settings, solver, timeLimitSeconds);
  if (!outcome.ok) return outcome;
  const { solution } = outcome;
  const rule = project(input);
  if (settings.budget === null && rule.ok) {
    const replay = project({ ...input, fixed: solution.fixed });
    const cover = input.agencyCover === true;
    if (replay.ok && ranksBelow(planRank(rule.years, settings.discountRate, cover), planRank(replay.years, settings.discountRate, cover))) {
      const fixed = rule.years.map((y) => ({
        experienced: y.hires.experienced - y.conversions.experienced,
        earlyCareer: y.hires.earlyCareer - y.conversions.earlyCareer,
        teamManager: y.hires.teamManager - y.conversions.teamManager,
        agencyCoverFte: null,
      }));
      return { ok: true, value: { solution, fixed, ruleKept: true } };
    }
  }
  return { ok: true, value: { solution, fixed: solution.fixed, ruleKept: false } };
}
