// `caseplan compare`: wiring only.
import { runCompare } from '../app/compare.js';
import { inputFiles, loadInputs } from '../app/inputs.js';
import { todayUtc } from './today.js';
import { compareBlocks, compareCsv, compareJson, scenariosTable, unreachableNote } from '../io/render/compare.js';
import { workbook } from '../io/render/workbook.js';
import { emit, emitBytes, warn, type Terminal } from './emit.js';
import { progressOptions } from './progress.js';
import { dateOf, inputPaths, refuseWorkbookOnTerminal, scenarioOptions, type PlanFlags } from './plan-command.js';
import { renderDocument } from './render.js';

export interface CompareFlags extends Omit<PlanFlags, 'target' | 'mix'> {
  target: number[];
  mix?: number[];
}

export async function compareCommand(flags: CompareFlags, terminal: Terminal): Promise<void> {
  refuseWorkbookOnTerminal(flags.format, flags.output, terminal);
  const asOf = flags.asOf ?? todayUtc();
  const mixes = flags.mix ?? [null];
  // Validate the shared options once, with the first scenario's target and mix.
  const base = scenarioOptions({ ...flags, target: flags.target[0]!, mix: mixes[0] ?? undefined }, asOf);
  const paths = inputPaths(flags);
  const inputs = await loadInputs(paths, asOf, progressOptions(terminal, flags.quiet === true));
  warn(terminal, inputs.warnings, flags.quiet === true);
  const comparison = runCompare(inputs, base, flags.target, mixes);
  warn(terminal, unreachableNote(comparison.scenarios), flags.quiet === true);
  const years = flags.years ?? null;
  if (flags.format === 'xlsx') {
    const bytes = await workbook([scenariosTable(comparison)], { title: 'caseplan compare', created: dateOf(asOf) });
    return emitBytes(terminal, bytes, flags.output, inputFiles(paths));
  }
  const text =
    flags.format === 'json'
      ? JSON.stringify(compareJson(comparison, years), null, 2)
      : flags.format === 'csv'
        ? await compareCsv(comparison)
        : await renderDocument(compareBlocks(comparison, years), flags.format as 'table' | 'markdown', terminal, flags);
  await emit(terminal, text, flags.output, inputFiles(paths), { bom: flags.format === 'csv' && (flags.bom ?? flags.output !== undefined) });
}
