// `caseplan validate`: wiring only. The files read, then their summary (or every problem) rendered.
import { inputFiles, loadInputs } from '../app/inputs.js';
import { InputError } from '../errors.js';
import { todayUtc } from './today.js';
import { countWorkforce } from '../core/workforce.js';
import { problemsJson, validateBlocks, validateJson } from '../io/render/validate.js';
import { emit, warn, type Terminal } from './emit.js';
import { progressOptions } from './progress.js';
import { output, type RunReport } from './render.js';
import { dateOf, inputPaths, type InputFlags } from './plan-command.js';

export interface ValidateFlags extends InputFlags {
  format: 'table' | 'json' | 'markdown';
  output?: string;
  color?: boolean;
}

export async function validateCommand(flags: ValidateFlags, terminal: Terminal): Promise<void> {
  const asOf = flags.asOf ?? todayUtc();
  const paths = inputPaths(flags);
  let inputs;
  try {
    inputs = await loadInputs(paths, asOf, progressOptions(terminal, flags.quiet === true));
  } catch (error) {
    // A script asking for JSON gets the problems as JSON too (stdout), as well as the usual lines on
    // stderr and exit 3.
    if (flags.format === 'json' && error instanceof InputError) {
      await emit(terminal, JSON.stringify(problemsJson(error, asOf), null, 2), flags.output, inputFiles(paths));
    }
    throw error;
  }
  warn(terminal, inputs.warnings, flags.quiet === true);
  const workforce = countWorkforce(inputs.staff.staff, asOf, flags.experienceYears);
  const summary = validateJson(inputs, workforce, asOf);
  // Validate has no tables for CSV or a workbook: its formats are table, markdown and JSON.
  const report: RunReport = { title: 'caseplan validate', json: () => summary, tables: () => ({}), csvTable: '', workbook: () => [], blocks: () => validateBlocks(summary, workforce) };
  await output(report, flags, terminal, inputFiles(paths), dateOf(asOf));
}
