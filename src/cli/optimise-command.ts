// `caseplan optimise` (issue 13): wiring only. The plan options in, the projection's inputs planned
// over the whole horizon by the MILP solver (loaded only here), every format from the one report.
import { inputFiles, type Inputs } from '../app/inputs.js';
import { runOptimise, type OptimiseSettings } from '../app/optimise.js';
import type { ProjectionOptions } from '../app/projection.js';
import type { OptimisationRun } from '../core/results.js';
import { UsageError } from '../errors.js';
import { explainOptimisation, optimisationBlocks, optimisationJson, optimisationTable } from '../io/render/optimisation.js';
import { warn, type Terminal } from './emit.js';
import { explainProjection } from '../io/render/explain.js';
import { optimisationWorkbookTables } from '../io/render/report-tables.js';
import { output, type RunReport } from './render.js';
import { dateOf, explanationBlocks, inputPaths, planningDate, planningInputs, projectionReport, refuseUncarriedOptions, scenarioOptions, unusedSettings, type PlanFlags } from './plan-command.js';

export interface OptimiseFlags extends PlanFlags {
  optimise?: boolean;
  discountRate?: number;
  budget?: number;
  timeLimit?: number;
}

export const DEFAULT_TIME_LIMIT_SECONDS = 30;

/** The optimiser's settings from the flags; compare and report take them only with --optimise. */
export function optimiseSettings(flags: OptimiseFlags, command: 'optimise' | 'compare' | 'report'): OptimiseSettings | null {
  const given = (['discountRate', 'budget', 'timeLimit'] as const).filter((k) => flags[k] !== undefined);
  if (command !== 'optimise' && flags.optimise !== true) {
    if (given.length > 0) {
      const names = given.map((k) => ({ discountRate: '--discount-rate', budget: '--budget', timeLimit: '--time-limit' })[k]);
      throw new UsageError(`${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} for the optimiser: add --optimise (or run caseplan optimise)`);
    }
    return null;
  }
  return { discountRate: flags.discountRate ?? 0, budget: flags.budget ?? null, timeLimitSeconds: flags.timeLimit ?? DEFAULT_TIME_LIMIT_SECONDS };
}

/** The optimised plan of one scenario: HiGHS loaded on first use. */
export async function optimise(inputs: Inputs, options: ProjectionOptions, settings: OptimiseSettings): Promise<OptimisationRun> {
  const { highsSolver, OPTIMALITY_TOLERANCE } = await import('../io/highs.js');
  return runOptimise(inputs, options, settings, await highsSolver(), OPTIMALITY_TOLERANCE);
}

export async function optimiseCommand(flags: OptimiseFlags, terminal: Terminal): Promise<void> {
  refuseUncarriedOptions(flags, terminal, 'optimise');
  if (flags.la === 'all') throw new UsageError('--la all plans every council: use plan --by la, or compare --la all; optimise takes one council');
  const asOf = planningDate(flags);
  const options = scenarioOptions(flags, asOf);
  const settings = optimiseSettings(flags, 'optimise')!;
  const paths = inputPaths(flags);
  const inputs = await planningInputs(flags, asOf, terminal);
  warn(terminal, [...inputs.warnings, ...unusedSettings(inputs, options, paths.config)], flags.quiet === true);
  const { projection, ...plan } = options;
  const run = await optimise(inputs, { ...plan, ...projection! }, settings);
  const report = optimisationReport(run, flags, terminal, inputs.staff.name);
  await output(report, flags, terminal, inputFiles(paths), dateOf(asOf));
}

/** Everything the projection's report has, for the optimised plan, and the optimiser's own section. */
export function optimisationReport(run: OptimisationRun, flags: PlanFlags, terminal: Terminal, staffFile: string): RunReport {
  const title = `caseplan: ${flags.weighted === true ? 'weighted' : 'average'} caseload to ${flags.target}, optimised`;
  const base = projectionReport(run, { ...flags, explain: false }, terminal, staffFile, title);
  const explanation = flags.explain ? [...explainProjection(run, staffFile), ...explainOptimisation(run)] : null;
  return {
    title,
    json: () => ({ ...(base.json() as object), optimisation: optimisationJson(run), ...(explanation ? { explanation } : {}) }),
    tables: () => ({ ...base.tables(), optimisation: optimisationTable(run) }),
    csvTable: 'years',
    workbook: () => optimisationWorkbookTables(run),
    blocks: () => [...optimisationBlocks(run), ...base.blocks(), ...explanationBlocks(explanation)],
  };
}
