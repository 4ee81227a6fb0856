// One planning question, with or without the projection: what `plan`, `compare` and `--by team` run.
import type { Inputs } from './inputs.js';
import { runPlan, type PlanOptions, type PlanRun } from './plan.js';
import { runProjection, type ProjectionOptions, type ProjectionRun } from './projection.js';

export type ProjectionSettings = Omit<ProjectionOptions, keyof PlanOptions>;

export interface ScenarioOptions extends PlanOptions {
  /** Null: the plan for now only. */
  projection: ProjectionSettings | null;
}

export type ScenarioRun = { kind: 'plan'; run: PlanRun } | { kind: 'projection'; run: ProjectionRun };

export function runScenario(inputs: Inputs, options: ScenarioOptions): ScenarioRun {
  const { projection, ...plan } = options;
  if (projection === null) return { kind: 'plan', run: runPlan(inputs, plan) };
  return { kind: 'projection', run: runProjection(inputs, { ...plan, ...projection }) };
}
