// One planning question, with or without the projection: what `plan`, `compare` and `--by team` run.
import type { ScenarioRun } from '../core/results.js';
import type { Inputs } from './inputs.js';
import { runPlan, type PlanOptions } from './plan.js';
import { runProjection, type ProjectionOptions } from './projection.js';

export type ProjectionSettings = Omit<ProjectionOptions, keyof PlanOptions>;

export interface ScenarioOptions extends PlanOptions {
  /** Null: the plan for now only. */
  projection: ProjectionSettings | null;
}


export function runScenario(inputs: Inputs, options: ScenarioOptions): ScenarioRun {
  const { projection, ...plan } = options;
  if (projection === null) return { kind: 'plan', run: runPlan(inputs, plan) };
  return { kind: 'projection', run: runProjection(inputs, { ...plan, ...projection }) };
}
