// `caseplan compare`: the same inputs, read once, planned under every combination of targets and mixes.
import type { Money } from '../core/money.js';
import { UnreachablePlan, UsageError } from '../errors.js';
import type { Inputs } from './inputs.js';
import { runScenario, type ScenarioOptions } from './scenario.js';

export interface Scenario {
  target: number;
  mix: number | null;
  /** Null when no hires can satisfy this scenario; `reason` says why. */
  result: {
    hires: { experienced: number; earlyCareer: number; teamManager: number };
    annualCost: Money;
    oneOffCost: Money;
    /** Over the projection horizon; null without --years. */
    additionalCost: Money | null;
  } | null;
  reason: string | null;
}

export function runCompare(inputs: Inputs, base: ScenarioOptions, targets: readonly number[], mixes: readonly (number | null)[]): Scenario[] {
  const scenarios: Scenario[] = [];
  for (const target of targets) {
    for (const mix of mixes) {
      const options: ScenarioOptions = { ...base, rule: { ...base.rule, target, mix } };
      if (mix === null && options.projection !== null) options.projection = { ...options.projection, mixBy: 0 };
      try {
        const outcome = runScenario(inputs, options);
        const plan = outcome.run.plan;
        scenarios.push({
          target,
          mix,
          result: {
            hires: { experienced: plan.hires.experienced, earlyCareer: plan.hires.earlyCareer, teamManager: plan.hires.teamManager },
            annualCost: plan.cost.annual,
            oneOffCost: plan.cost.oneOff,
            additionalCost: outcome.kind === 'projection' ? outcome.run.totals.additionalCost : null,
          },
          reason: null,
        });
      } catch (error) {
        // An unreachable scenario is a row with its reason, not the end of the comparison.
        if (!(error instanceof UnreachablePlan)) throw error;
        scenarios.push({ target, mix, result: null, reason: error.detail });
      }
    }
  }
  if (scenarios.every((s) => s.result === null)) throw new UsageError(`no scenario can be satisfied: ${scenarios[0]?.reason ?? ''}`);
  return scenarios;
}


