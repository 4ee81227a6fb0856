// The whole command-line interface, declared in one place. Actions are one-line calls.
import { Command, Option } from 'commander';
import { emit, type Terminal } from './emit.js';
import { TEMPLATE_NAMES, TEMPLATES, type TemplateName } from '../io/templates.js';
// Commands are loaded when run, so `caseplan --help` does not load the model, parsers and renderers.
import type { PlanFlags } from './plan-command.js';
import type { ValidateFlags } from './validate-command.js';
import type { CompareFlags } from './compare-command.js';
import type { ReportFlags } from './report-command.js';
import type { OptimiseFlags } from './optimise-command.js';
import type { BenchmarkFlags } from './benchmark-command.js';

import * as value from './values.js';
import { optionsOf, type CommandName } from './options.js';

const PLAN_EXAMPLES = `
Examples:
  # Hires and cost to bring the average caseload to 19, counting open cases from referrals
  $ caseplan plan --target 19 --staff fixtures/staff.csv --referrals fixtures/referrals.csv --as-of 2026-09-30

  # ... with at least half the case-holding FTE experienced (3+ years qualified)
  $ caseplan plan --target 19 --mix 50% --staff fixtures/staff.csv --referrals fixtures/referrals.csv --as-of 2026-09-30

  # Local caps: 15 cases per early-career FTE, 20 per experienced FTE; CSV for a spreadsheet
  $ caseplan plan --target 19 --early-career-cap 15 --experienced-cap 20 \\
      --staff fixtures/staff.csv --cases 3400 --format csv --output plan.csv

  # Each team on its own staff and its own open cases (the referrals' team column)
  $ caseplan plan --target 19 --by team --staff fixtures/staff.csv --referrals fixtures/referrals.csv --as-of 2026-09-30

  # Staff list from a pipe
  $ export-staff | caseplan plan --target 19 --staff - --cases 3400 --format json

  # Weighted caseloads: a protection plan counts 1.5 cases (case_weights in the config), per team
  $ caseplan plan --target 18 --weighted --by team --staff fixtures/case-types/staff.csv \\
      --referrals fixtures/case-types/referrals.csv --config fixtures/case-types/weights.json --as-of 2026-09-30

  # Open cases from Ofsted's Annex A lists (workbook or CSV), each case type growing at its own rate
  $ caseplan plan --target 19 --years 3 --growth cp:6%,cla:3%,cin:2%,care_leaver:0% \\
      --staff fixtures/staff.csv --annex-a fixtures/annex-a/annex-a.xlsx --as-of 2026-09-30

Open cases come from --cases, else the published figures (--la), else the Annex A lists (--annex-a),
else the referrals file, else the staff file's caseload column. Case types: cin, cp, cla,
care_leaver, assessment, other (a referrals column case_type, or the Annex A lists); their weights,
relative to a child in need case, and early_career_capacity are config keys (caseplan template config).
Exit codes: 0 success, 2 usage error or unreachable plan, 3 invalid or unreadable input, 1 bug.`;

const OPTIMISE_EXAMPLES = `
Examples:
  # The cheapest way to 50/50 by year 3, against the year-by-year rule; present values at 3.5%
  $ caseplan optimise --target 19 --mix 50% --mix-by 3 --years 5 --growth 4% --turnover 15% --discount-rate 3.5% \\
      --staff fixtures/staff.csv --referrals fixtures/referrals.csv --as-of 2026-09-30

  # What £1m a year more buys: the average caseload each year, and when the target is met
  $ caseplan optimise --target 15 --budget 1m --years 5 --growth 4% --turnover 15% \\
      --staff fixtures/staff.csv --referrals fixtures/referrals.csv --as-of 2026-09-30

Takes every option of plan --years. The plan is called optimal only when HiGHS proves it; a
--time-limit (default 30 s) that stops it early gives the best plan found, marked as such.
Exit codes: 0 success, 2 usage error or unreachable plan, 3 invalid or unreadable input, 1 bug.`;

/** The command's options from the one table (options.ts); required ones are remembered for the check below. */
function withOptions(command: Command, name: CommandName): Command {
  for (const { option, spec } of optionsOf(name)) {
    command.addOption(option);
    if (spec.required === true) REQUIRED.add(option);
  }
  return command;
}

// Required options are checked by the preAction hook rather than by commander: commander checks
// required options before unknown ones, so a typo (`--traget 19`) would be reported as "required
// option '--target' not specified" instead of as itself, with commander's did-you-mean.
const REQUIRED = new WeakSet<Option>();

/** After commander's own checks (help, unknown options, values): the first required option missing. */
function refuseMissingRequired(command: Command): void {
  // --annex-a takes every argument up to the next option as a file, so "--annex-a --target 19" took
  // --target as a file: said before "--target not specified".
  const annex = command.getOptionValue('annexA') as string[] | undefined;
  const optionLike = annex?.find((path) => path.startsWith('-') && path !== '-');
  if (optionLike !== undefined) {
    command.error(`error: --annex-a needs the list files: "${optionLike}" is an option; give the files after --annex-a, e.g. --annex-a annex-a.xlsx`, { code: 'caseplan.annexA', exitCode: 2 });
  }
  for (const option of command.options) {
    // --la plans from the published figures instead of the staff file.
    if (option.long === '--staff' && (command.getOptionValue('la') !== undefined || command.getOptionValue('by') === 'la') && command.name() !== 'benchmark') continue;
    if (REQUIRED.has(option) && command.getOptionValue(option.attributeName()) === undefined) {
      command.error(`error: required option '${option.flags}' not specified`, { code: 'commander.missingMandatoryOptionValue', exitCode: 2 });
    }
  }
}

export function buildProgram(terminal: Terminal): Command {
  const program = new Command('caseplan')
    .description(
      "Workforce planning for children's social care: how many experienced and early-career social workers " +
        'and team managers to hire, and at what cost, to bring the average caseload down to a target.',
    )
    .version('0.1.0')
    .option('--debug', 'show a stack trace for unexpected errors')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => terminal.stdout.write(text),
      writeErr: (text) => terminal.stderr.write(text),
      outputError: (text, write) => write(`caseplan: ${text}`),
    })
    .exitOverride()
    .hook('preAction', (_program, command) => refuseMissingRequired(command));

  const plan = withOptions(
    program.command('plan').description('hires and cost to bring the average caseload (open cases per case-holding FTE) to --target'),
    'plan',
  );
  plan.addHelpText('after', PLAN_EXAMPLES).action(async (flags: PlanFlags) => (await import('./plan-command.js')).planCommand(flags, terminal));

  const optimise = withOptions(
    program
      .command('optimise')
      .alias('optimize')
      .description('choose every year\'s hires together (HiGHS, a proven optimum) for the least total cost over --years, against the year-by-year rule of plan --years'),
    'optimise',
  );
  optimise
    .addHelpText('after', OPTIMISE_EXAMPLES)
    .action(async (flags: OptimiseFlags) => (await import('./optimise-command.js')).optimiseCommand(flags, terminal));

  const compare = withOptions(
    program.command('compare').description('plan every combination of several targets (and mixes) on the same inputs, one row per scenario'),
    'compare',
  );
  compare
    .addHelpText('after', '\nExample:\n  $ caseplan compare --target 15,17,19,21 --mix 40%,50% --years 5 \\\n      --staff fixtures/staff.csv --referrals fixtures/referrals.csv --as-of 2026-09-30')
    .action(async (flags: CompareFlags) => (await import('./compare-command.js')).compareCommand(flags, terminal));

  const report = withOptions(
    program
      .command('report')
      .description('write the plan as one self-contained HTML page for a committee paper (--html) and/or an Excel workbook (--xlsx): headline, now vs after, and with --years the year-by-year tables and charts'),
    'report',
  );
  report
    .addHelpText(
      'after',
      '\nExample:\n  $ caseplan report --html plan.html --target 19 --mix 50% --mix-by 3 --years 5 --growth 4% --turnover 15% \\\n      --pay-award 3% --staff fixtures/staff.csv --referrals fixtures/referrals.csv --as-of 2026-09-30\n\nWithout --years the page has the plan for now only; --years N adds the year-by-year table and charts.',
    )
    // Loaded only when asked for: the report's renderer is not needed by any other command.
    .action(async (flags: ReportFlags) => (await import('./report-command.js')).reportCommand(flags, terminal));

  const benchmarkCommand = withOptions(
    program
      .command('benchmark')
      .description("a council's published workforce figures (the Department for Education's census, 2017-2025) beside its statistical neighbours, its region and England"),
    'benchmark',
  );
  benchmarkCommand
    .addHelpText('after', "\nExamples:\n  $ caseplan benchmark --la Wakefield\n  $ caseplan benchmark --la 384 --year 2018 --format csv\n\nContains public sector information licensed under the Open Government Licence v3.0.")
    .action(async (flags: BenchmarkFlags) => (await import('./benchmark-command.js')).benchmarkCommand(flags, terminal));

  const validate = withOptions(
    program.command('validate').description('check the input files and summarise them, or list every problem found (exit 3)'),
    'validate',
  );
  validate.action(async (flags: ValidateFlags) => (await import('./validate-command.js')).validateCommand(flags, terminal));

  program
    .command('template')
    .description('print a starting file: a staff or referrals CSV header with two example rows, or the config with every default')
    .argument('<kind>', 'staff, referrals or config', value.oneOf(TEMPLATE_NAMES))
    .option('-o, --output <file>', 'write to FILE (atomically) instead of stdout')
    .addHelpText('after', '\nExample:\n  $ caseplan template staff > staff.csv\n  $ caseplan template config > caseplan.json')
    .action((kind: TemplateName, flags: { output?: string }) => emit(terminal, TEMPLATES[kind], flags.output, [], { bom: kind !== 'config' && flags.output !== undefined }));

  for (const command of program.commands) {
    command.exitOverride().configureOutput({
      writeOut: (text) => terminal.stdout.write(text),
      writeErr: (text) => terminal.stderr.write(text),
      outputError: (text, write) => write(`caseplan: ${text}`),
    });
    command.showHelpAfterError(`(run caseplan ${command.name()} --help for usage)`);
  }
  return program;
}
