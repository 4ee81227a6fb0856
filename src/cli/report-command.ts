// `caseplan report --html FILE`: wiring only. The plan options in, the same use case as `plan`, the
// HTML report (io/render/report-html.ts) written atomically to FILE, one line saying where.
import { inputFiles, loadInputs } from '../app/inputs.js';
import { runScenario } from '../app/scenario.js';
import { todayUtc } from '../core/dates.js';
import { UsageError } from '../errors.js';
import { refuseInputOverwrite, writeAtomically } from '../io/output.js';
import { reportHtml } from '../io/render/report-html.js';
import { warn, type Terminal } from './emit.js';
import { progressOptions } from './progress.js';
import { inputPaths, scenarioOptions, type PlanFlags } from './plan-command.js';

export type ReportFlags = Omit<PlanFlags, 'format' | 'output' | 'by' | 'explain'> & { html: string };

export async function reportCommand(flags: ReportFlags, terminal: Terminal): Promise<void> {
  if (flags.html === '-') throw new UsageError('--html - (standard output) is not supported: the report is a whole HTML page, written atomically to a file; give a file name such as --html plan.html');
  if (flags.html.trim() === '') throw new UsageError('--html needs a file name to write the report to');
  const asOf = flags.asOf ?? todayUtc();
  const options = scenarioOptions({ ...flags, format: 'table' }, asOf);
  const paths = inputPaths(flags);
  refuseInputOverwrite(flags.html, inputFiles(paths), '--html');
  const inputs = await loadInputs(paths, asOf, progressOptions(terminal, flags.quiet === true));
  warn(terminal, inputs.warnings, flags.quiet === true);
  const outcome = runScenario(inputs, options);
  const html = reportHtml(outcome, { staff: inputs.staff.name, referrals: inputs.referrals?.name ?? null, config: paths.config });
  await writeAtomically(flags.html, html, '--html');
  const years = outcome.kind === 'projection' ? `, years 0 to ${outcome.run.years.length - 1}` : ' (no year-by-year section: add --years N)';
  terminal.stdout.write(`caseplan: report written to ${flags.html}${years}\n`);
}
