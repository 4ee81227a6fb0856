// `caseplan report --html FILE`: wiring only. The plan options in, the same use case as `plan`, the
// HTML report (io/render/report-html.ts) written atomically to FILE, one line saying where.
import { inputFiles } from '../app/inputs.js';
import { runScenario } from '../app/scenario.js';
import { UsageError } from '../errors.js';
import { refuseInputOverwrite, writeAtomically } from '../io/output.js';
import { reportHtml } from '../io/render/report-html.js';
import { warn, type Terminal } from './emit.js';
import { dateOf, inputPaths, planningDate, planningInputs, scenarioOptions, unusedSettings, type PlanFlags } from './plan-command.js';
import { workbook } from '../io/render/workbook.js';
import { optimisationWorkbookTables, planWorkbookTables, projectionWorkbookTables } from '../io/render/report-tables.js';
import type { OptimisationRun, ProjectionRun, ScenarioRun } from '../core/results.js';
import { benchmark, findCouncil, type Benchmark, type PublishedData } from '../core/published.js';
import { readPublished } from '../io/dfe.js';
import { formatIso, type Day } from '../core/dates.js';
import { optimise, optimiseSettings } from './optimise-command.js';

/** With --la, the council's benchmark for the report's page. */
function benchmarkFor(flags: ReportFlags, asOf: Day): { data: PublishedData; benchmark: Benchmark } | null {
  if (flags.la === undefined) return null;
  const data = readPublished();
  const year = Number(formatIso(asOf).slice(0, 4));
  const found = findCouncil(data, flags.la, year);
  return found.ok ? { data, benchmark: benchmark(data, found.council, year) } : null;
}

function workbookTables(run: ProjectionRun) {
  return 'optimisation' in run ? optimisationWorkbookTables(run as OptimisationRun) : projectionWorkbookTables(run);
}

export type ReportFlags = Omit<PlanFlags, 'format' | 'output' | 'by' | 'explain'> & { html?: string; xlsx?: string; optimise?: boolean; discountRate?: number; budget?: number; timeLimit?: number };

export async function reportCommand(flags: ReportFlags, terminal: Terminal): Promise<void> {
  const files = (['html', 'xlsx'] as const).flatMap((kind) => (flags[kind] === undefined ? [] : [{ kind, path: flags[kind]!, flag: `--${kind}` }]));
  if (files.length === 0) throw new UsageError('report needs --html FILE, --xlsx FILE or both: where to write the report');
  for (const { path, flag } of files) {
    const whole = flag === '--html' ? 'a whole HTML page' : 'a whole workbook';
    if (path === '-') throw new UsageError(`${flag} - (standard output) is not supported: the report is ${whole}, written atomically to a file; give a file name such as ${flag} plan.${flag.slice(2)}`);
    if (path.trim() === '') throw new UsageError(`${flag} needs a file name to write the report to`);
  }
  if (files.length === 2 && files[0]!.path === files[1]!.path) throw new UsageError('--html and --xlsx name the same file: give each its own');
  if (flags.la === 'all') throw new UsageError('--la all plans every council: use plan --by la, or compare --la all; report takes one council');
  const asOf = planningDate({ ...flags, format: 'table' });
  const options = scenarioOptions({ ...flags, format: 'table' }, asOf);
  const optimising = optimiseSettings({ ...flags, format: 'table' }, 'report');
  const paths = inputPaths(flags);
  for (const { path, flag } of files) refuseInputOverwrite(path, inputFiles(paths), flag);
  const inputs = await planningInputs({ ...flags, format: 'table' }, asOf, terminal);
  warn(terminal, [...inputs.warnings, ...unusedSettings(inputs, options, paths.config)], flags.quiet === true);
  const { projection, ...plan } = options;
  // With --optimise the report is the optimised plan's, with the comparison against the rule.
  const outcome: ScenarioRun =
    optimising !== null && projection !== null ? { kind: 'projection', run: await optimise(inputs, { ...plan, ...projection }, optimising) } : runScenario(inputs, options);
  const years = outcome.kind === 'projection' ? `, years 0 to ${outcome.run.years.length - 1}` : ' (no year-by-year section: add --years N)';
  for (const { kind, path, flag } of files) {
    const content =
      kind === 'html'
        ? reportHtml(outcome, { staff: inputs.staff.name, referrals: inputs.referrals?.name ?? null, config: paths.config }, benchmarkFor(flags, asOf))
        : await workbook(outcome.kind === 'projection' ? workbookTables(outcome.run) : planWorkbookTables(outcome.run.plan), {
            title: `caseplan: ${flags.weighted === true ? 'weighted' : 'average'} caseload to ${flags.target}`,
            created: dateOf(asOf),
          });
    await writeAtomically(path, content, flag);
    terminal.stdout.write(`caseplan: report written to ${path}${years}\n`);
  }
}
