// `caseplan compare`: the same inputs, read once, planned under every combination of targets and mixes.
import type { Comparison, OptimisationRun, Scenario, ScenarioRun } from '../core/results.js';
import type { ProjectionOptions } from './projection.js';

import { UnreachablePlan, UsageError } from '../errors.js';
import type { Inputs } from './inputs.js';
import { groupTurnover, impliedGrowth, payAwardRate, projectionRates } from './projection.js';
import type { Rate } from '../core/rates.js';
import type { CaseType } from '../core/case-types.js';
import { runScenario, type ScenarioOptions } from './scenario.js';

/** Every target x mix x recruitment limit (`--max-hires 20,40,none`, a third axis). */
export function runCompare(
  inputs: Inputs,
  base: ScenarioOptions,
  targets: readonly number[],
  mixes: readonly (number | null)[],
  maxHires: readonly (number | null)[] = [base.limits?.total ?? null],
  optimiser: ((inputs: Inputs, options: ProjectionOptions) => OptimisationRun) | null = null,
): Comparison {
  const scenarios: Scenario[] = [];
  // Growth and turnover are derived once, from the same files, for every scenario.
  const pooled = base.projection === null ? null : projectionRates(inputs, { ...base.projection, asOf: base.asOf });
  const settled =
    pooled === null || base.projection === null ? null : { ...pooled, turnoverByGroup: groupTurnover(inputs, { ...base, ...base.projection }, pooled.turnover) };
  const shared: ScenarioOptions = base.projection === null || settled === null ? base : { ...base, projection: { ...base.projection, settledRates: settled } };
  for (const target of targets) {
    for (const mix of mixes) {
      for (const max of maxHires) {
        const limits = { total: max, experienced: base.limits?.experienced ?? null, earlyCareer: base.limits?.earlyCareer ?? null };
        const options: ScenarioOptions = { ...shared, rule: { ...shared.rule, target, mix }, limits };
        if (mix === null && options.projection !== null) options.projection = { ...options.projection, mixBy: 0 };
        try {
          const { projection, ...planOptions } = options;
          const optimised = optimiser !== null && projection !== null ? optimiser(inputs, { ...planOptions, ...projection }) : null;
          const outcome: ScenarioRun = optimised !== null ? { kind: 'projection', run: optimised } : runScenario(inputs, options);
          const plan = outcome.run.plan;
          scenarios.push({
            target,
            mix,
            maxHires: max,
            result: {
              hires: { experienced: plan.hires.experienced, earlyCareer: plan.hires.earlyCareer, teamManager: plan.hires.teamManager },
              annualCost: plan.cost.annual,
              oneOffCost: plan.cost.oneOff,
              additionalCost: outcome.kind === 'projection' ? outcome.run.totals.additionalCost : null,
              targetMetYear: outcome.kind === 'projection' ? outcome.run.totals.targetMetYear : plan.shortage.short ? null : 0,
              additionalCostRange: outcome.kind === 'projection' ? (outcome.run.ranges?.totalAdditionalCost ?? null) : null,
              optimised:
                optimised === null
                  ? null
                  : {
                      status: optimised.optimisation.status,
                      ruleAdditionalCost: optimised.rule?.totals.additionalCost ?? null,
                      saving: optimised.optimisation.saving?.presentValue ?? null,
                      savingCash: optimised.optimisation.saving?.cash ?? null,
                    },
            },
            reason: null,
          });
        } catch (error) {
          // An unreachable scenario is a row with its reason, not the end of the comparison.
          if (!(error instanceof UnreachablePlan)) throw error;
          scenarios.push({ target, mix, maxHires: max, result: null, reason: error.detail });
        }
      }
    }
  }
  if (scenarios.every((s) => s.result === null)) throw new UsageError(`no scenario can be satisfied: ${scenarios[0]?.reason ?? ''}`);
  return { scenarios, weighted: base.weighted === true, optimised: optimiser !== null && base.projection !== null, published: inputs.published === undefined ? null : { label: inputs.published.label, assumptions: inputs.published.assumptions }, rates: settled === null || base.projection === null ? null : { ...settled, growth: shownGrowth(inputs, base, settled), payAward: payAwardRate(base.projection.payAward) } };
}


/** The growth every scenario's projection has: with open cases by type, the rate their types' own rates imply in year 1. */
function shownGrowth(inputs: Inputs, base: ScenarioOptions, settled: { growth: Rate; growthByType: Record<CaseType, Rate> | null }): Rate {
  const open = base.cases !== null ? null : (inputs.annexA?.open.byType ?? inputs.referrals?.summary.byType?.open ?? null);
  return open === null || settled.growthByType === null ? settled.growth : impliedGrowth(open, settled.growthByType, settled.growth);
}
