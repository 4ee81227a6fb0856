// `caseplan compare`: wiring only.
import { runCompare } from '../app/compare.js';
import { inputFiles } from '../app/inputs.js';
import { compareBlocks, compareJson, scenariosTable, unreachableNote } from '../io/render/compare.js';

import { warn, type Terminal } from './emit.js';
import { dateOf, inputPaths, planningDate, planningInputs, refuseWorkbookOnTerminal, scenarioOptions, unusedSettings, type PlanFlags } from './plan-command.js';
import { output, type RunReport } from './render.js';
import { optimiseSettings } from './optimise-command.js';
import { tableObjects } from '../io/render/data-table.js';
import type { NationalScenario } from '../io/render/national.js';
import { dayFromYmd } from '../core/dates.js';
import { latestYear } from '../core/published.js';
import { readPublished } from '../io/dfe.js';
import { readConfig } from '../io/config-file.js';
import { UsageError } from '../errors.js';
import { nationalNotes } from './plan-command.js';

/** compare --la all: every target (and mix) planned for every council, England's sum beside one pool. */
async function compareEveryCouncil(flags: CompareFlags, terminal: Terminal): Promise<void> {
  if (flags.optimise === true) throw new UsageError('--optimise with --la all would optimise every council for every scenario: optimise one council with --la COUNCIL');
  if (flags.maxHires !== undefined) throw new UsageError('--max-hires is a limit for one service: leave it out with --la all');
  const data = readPublished();
  const year = flags.year ?? latestYear(data);
  const single = { ...flags, target: flags.target[0]!, mix: flags.mix?.[0], maxHires: undefined, la: 'all' };
  planningDate(single);
  const config = await readConfig(flags.config ?? null);
  const { runNational } = await import('../app/national.js');
  const { nationalScenariosBlocks, nationalScenariosTable } = await import('../io/render/national.js');
  const scenarios: NationalScenario[] = [];
  for (const target of flags.target) {
    for (const mix of flags.mix ?? [null]) {
      const { asOf: _unused, ...options } = scenarioOptions({ ...single, target, mix: mix ?? undefined }, dayFromYmd(year, 9, 30));
      scenarios.push({ target, mix, run: runNational(data, year, flags.experiencedShare ?? null, flags.experienceYears, config, options) });
    }
  }
  const notes = nationalNotes(data, year, flags.experiencedShare);
  const table = nationalScenariosTable(scenarios, notes);
  const report: RunReport = {
    title: 'caseplan compare: every council',
    json: () => ({ year, notes, scenarios: tableObjects(table) }),
    tables: () => ({ scenarios: table }),
    csvTable: 'scenarios',
    workbook: () => [table],
    blocks: () => nationalScenariosBlocks(scenarios, notes),
  };
  await output(report, flags, terminal, [], dateOf(dayFromYmd(year, 9, 30)));
}

export interface CompareFlags extends Omit<PlanFlags, 'target' | 'mix' | 'maxHires'> {
  target: number[];
  mix?: number[];
  maxHires?: (number | null)[];
  optimise?: boolean;
  discountRate?: number;
  budget?: number;
  timeLimit?: number;
}

export async function compareCommand(flags: CompareFlags, terminal: Terminal): Promise<void> {
  refuseWorkbookOnTerminal(flags.format, flags.output, terminal);
  if (flags.la === 'all') return compareEveryCouncil(flags, terminal);
  const asOf = planningDate({ ...flags, target: flags.target[0]!, mix: flags.mix?.[0], maxHires: undefined });
  const mixes = flags.mix ?? [null];
  // Validate the shared options once, with the first scenario's target and mix.
  const base = scenarioOptions({ ...flags, target: flags.target[0]!, mix: mixes[0] ?? undefined, maxHires: flags.maxHires?.[0] ?? undefined }, asOf);
  const paths = inputPaths(flags);
  const inputs = await planningInputs({ ...flags, target: flags.target[0]!, mix: flags.mix?.[0], maxHires: undefined }, asOf, terminal);
  warn(terminal, [...inputs.warnings, ...unusedSettings(inputs, base, paths.config)], flags.quiet === true);
  if (flags.optimise === true && flags.ranges === true) throw new UsageError("--ranges draws futures the year-by-year plan answers; the optimiser's hires are chosen for one future: leave out --optimise or --ranges");
  const settings = optimiseSettings({ ...flags, target: flags.target[0]!, mix: undefined, maxHires: undefined }, 'compare');
  let optimiser: Parameters<typeof runCompare>[5] = null;
  if (settings !== null) {
    const { highsSolver, OPTIMALITY_TOLERANCE } = await import('../io/highs.js');
    const solver = await highsSolver();
    const { runOptimise } = await import('../app/optimise.js');
    optimiser = (i, o) => runOptimise(i, o, settings, solver, OPTIMALITY_TOLERANCE);
  }
  const comparison = runCompare(inputs, base, flags.target, mixes, flags.maxHires ?? [null], optimiser);
  warn(terminal, unreachableNote(comparison.scenarios), flags.quiet === true);
  const years = flags.years ?? null;
  const report: RunReport = {
    title: 'caseplan compare',
    json: () => compareJson(comparison, years),
    tables: () => ({ scenarios: scenariosTable(comparison) }),
    csvTable: 'scenarios',
    workbook: () => [scenariosTable(comparison)],
    blocks: () => compareBlocks(comparison, years),
  };
  await output(report, flags, terminal, inputFiles(paths), dateOf(asOf));
}
