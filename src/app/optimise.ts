// `caseplan optimise` (issue 13): the plan rule's projection, then the hires of every year chosen
// together by the MILP solver and replayed through the same projection, and the two compared.
import { optimiseHorizon, presentValue, type MilpSolver, type OptimisationSettings } from '../core/optimise.js';
import { exact, ONE } from '../core/exact.js';
import { pounds, roundToPence, subtractMoney, sumMoney } from '../core/money.js';
import type { ProjectionYear } from '../core/projection.js';
import type { OptimisationReport, OptimisationRun, PlanTotal, ProjectionRun, YearHires } from '../core/results.js';
import { UnreachablePlan } from '../errors.js';
import type { Inputs } from './inputs.js';
import { runProjection, type ProjectionOptions } from './projection.js';

export interface OptimiseSettings {
  discountRate: number;
  /** £ a year; null: no budget. */
  budget: number | null;
  timeLimitSeconds: number;
}

export function runOptimise(inputs: Inputs, options: ProjectionOptions, settings: OptimiseSettings, solver: MilpSolver, tolerance: { relative: number; absolute: number }): OptimisationRun {
  // The rule's plan, to compare with; the optimiser is not bound by the rule's reaching the end.
  let rule: ProjectionRun | null = null;
  let ruleUnreachable: string | null = null;
  try {
    rule = runProjection(inputs, options);
  } catch (error) {
    if (!(error instanceof UnreachablePlan)) throw error;
    ruleUnreachable = error.detail;
  }
  const model: OptimisationSettings = { discountRate: exact(settings.discountRate), budget: settings.budget === null ? null : pounds(settings.budget) };
  // The first projection the run makes is the plan itself; the others are its comparisons.
  let main: ReturnType<typeof optimiseHorizon> | null = null;
  const optimised = runProjection(inputs, {
    ...options,
    decide: (input) => {
      const outcome = optimiseHorizon(input, model, solver, settings.timeLimitSeconds);
      if (!outcome.ok) throw new UnreachablePlan(outcome.reason);
      main ??= outcome;
      return outcome.value.fixed;
    },
  });
  const found = main as ReturnType<typeof optimiseHorizon> | null;
  if (found === null || !found.ok) throw new Error('the optimiser made no plan');
  return { ...optimised, rule, optimisation: report(rule, ruleUnreachable, optimised, found.value, model, settings, tolerance) };
}

function hiresOf(y: ProjectionYear): YearHires {
  return { ...y.hires };
}

function totalOf(run: ProjectionRun, rate: OptimisationSettings['discountRate']): PlanTotal {
  return {
    cash: sumMoney(run.years.map((y) => y.planCost)),
    presentValue: sumMoney(run.years.map((y) => presentValue(y.planCost, rate, y.year))),
    additionalCost: run.totals.additionalCost,
    targetMetYear: run.totals.targetMetYear,
    uncoveredCases: clean(run.years.reduce((s, y) => s + y.uncoveredCases, 0)),
    mixShortfallFte: clean(run.years.reduce((s, y) => s + y.mixShortfallFte, 0)),
  };
}

/** A sum of figures exact to 1e-9, without float residue. */
function clean(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

function sameHires(a: YearHires, b: YearHires): boolean {
  return a.experienced === b.experienced && a.earlyCareer === b.earlyCareer && a.teamManager === b.teamManager;
}

function report(
  rule: ProjectionRun | null,
  ruleUnreachable: string | null,
  optimised: ProjectionRun,
  found: Extract<ReturnType<typeof optimiseHorizon>, { ok: true }>['value'],
  model: OptimisationSettings,
  settings: OptimiseSettings,
  tolerance: { relative: number; absolute: number },
): OptimisationReport {
  const rate = model.discountRate;
  const ruleTotal = rule === null ? null : totalOf(rule, rate);
  const optimisedTotal = totalOf(optimised, rate);
  const byYear = optimised.years.map((y, i) => {
    const r = rule?.years[i];
    return {
      year: y.year,
      discountFactor: ONE.div(ONE.plus(rate).pow(y.year)),
      rule: r === undefined ? null : { hires: hiresOf(r), cost: r.planCost, presentValue: presentValue(r.planCost, rate, r.year) },
      optimised: { hires: hiresOf(y), cost: y.planCost, presentValue: presentValue(y.planCost, rate, y.year) },
    };
  });
  return {
    status: found.solution.status,
    gap: found.solution.gap,
    objective: roundToPence(pounds(found.solution.objective)),
    solveMs: found.solution.solveMs,
    stages: found.solution.stages,
    stoppedIn: found.solution.stoppedIn ?? null,
    timeLimitSeconds: settings.timeLimitSeconds,
    tolerance,
    discountRate: rate,
    budget: model.budget,
    gaps: found.solution.gaps,
    ruleKept: found.ruleKept,
    byYear,
    rule: ruleTotal,
    ruleUnreachable,
    optimised: optimisedTotal,
    saving: ruleTotal === null ? null : { cash: subtractMoney(ruleTotal.cash, optimisedTotal.cash), presentValue: subtractMoney(ruleTotal.presentValue, optimisedTotal.presentValue) },
    differences: byYear.flatMap((y) => (y.rule === null || sameHires(y.rule.hires, y.optimised.hires) ? [] : [{ year: y.year, rule: y.rule.hires, optimised: y.optimised.hires }])),
  };
}
