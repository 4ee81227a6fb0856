// The whole command-line interface, declared in one place. Actions are one-line calls.
import { Command, Option } from 'commander';
import { emit, type Terminal } from './emit.js';
import { TEMPLATE_NAMES, TEMPLATES, type TemplateName } from '../io/templates.js';
// Commands are loaded when run, so `caseplan --help` does not load the model, parsers and renderers.
import type { PlanFlags } from './plan-command.js';
import type { ValidateFlags } from './validate-command.js';
import type { CompareFlags } from './compare-command.js';
import type { ReportFlags } from './report-command.js';

const FORMATS = ['table', 'csv', 'json', 'markdown', 'xlsx'] as const;
import * as value from './values.js';

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

Open cases come from --cases, else the referrals file, else the staff file's caseload column.
Exit codes: 0 success, 2 usage error or unreachable plan, 3 invalid or unreadable input, 1 bug.`;

/**
 * A required option, checked by the preAction hook in buildProgram rather than by commander: commander
 * checks required options before unknown ones, so a typo (`--traget 19`) would be reported as
 * "required option '--target' not specified" instead of as itself, with commander's did-you-mean.
 */
function required<T>(flags: string, description: string, parse?: (text: string, previous: T) => T): Option {
  const option = new Option(flags, description);
  if (parse) option.argParser(parse);
  REQUIRED.add(option);
  return option;
}

const REQUIRED = new WeakSet<Option>();

/** After commander's own checks (help, unknown options, values): the first required option missing. */
function refuseMissingRequired(command: Command): void {
  for (const option of command.options) {
    if (REQUIRED.has(option) && command.getOptionValue(option.attributeName()) === undefined) {
      command.error(`error: required option '${option.flags}' not specified`, { code: 'commander.missingMandatoryOptionValue', exitCode: 2 });
    }
  }
}

function inputOptions(command: Command): Command {
  return command
    .addOption(required('--staff <file>', '(required) staff CSV, one row per post ("-" reads stdin); repeat it for several files (an HR list and an agency list)', value.collect))
    .option('--referrals <file>', 'referrals CSV, one row per referral ("-" reads stdin)')
    .option('--config <file>', 'JSON config: salaries, on-costs, recruitment cost, span of control, agency premium, aliases')
    .option('--as-of <date>', 'the date to plan at: 2026-09-30, 30/09/2026 or any date style the files take (default: today)', value.asOfDate)
    .option('--experience-years <n>', 'whole years after qualifying at which a social worker counts as experienced', value.experienceYears, 3)
    .option('--delimiter <char>', 'CSV delimiter: comma, semicolon, tab or | (default: detected from the header)', value.delimiter)
    .option('-q, --quiet', 'no warnings on stderr')
    .option('--no-color', 'no colour (also NO_COLOR=1)');
}

/** The options `plan` and `compare` share, apart from --target and --mix. */
function planOptions(command: Command): Command {
  return command
    .option('--early-career-cap <cases>', 'most cases per early-career FTE (with --experienced-cap)', value.caseCap)
    .option('--experienced-cap <cases>', 'most cases per experienced FTE (with --early-career-cap)', value.caseload)
    .option('--cases <n>', 'open cases now (overrides the referrals file and the caseload column)', value.caseCount)
    .option('--years <n>', 'project year by year for N years (1-30): hires, leavers, progression, cost against a baseline', value.yearCount)
    .option('--growth <rate>', 'yearly growth in open cases, 0.04 or 4% (default: derived from the referrals file, else 0)', (t) => value.fraction(t, { min: -0.9, max: 10 }))
    .option('--turnover <rate>', 'share of FTE leaving each year, 0.15 or 15% (default: derived from leave_date, else 0)', (t) => value.fraction(t))
    .option('--pay-award <rate>', 'yearly pay award applied to unit costs, 0.03 or 3% (default 0)', (t) => value.fraction(t, { min: -0.5, max: 1 }))
    .option('--mix-by <year>', 'apply --mix from this projection year on (default 0: from now)', value.wholeNumber)
    .option('--convert-agency', 'replace agency FTE with permanent staff of the same group in year 1');
}

function outputOptions(command: Command, formats: readonly string[]): Command {
  command
    .addOption(new Option('--format <format>', 'output format').choices(formats).default('table'))
    .option('-o, --output <file>', 'write to FILE (atomically) instead of stdout');
  if (formats.includes('csv')) {
    command.option('--bom', 'start CSV with a UTF-8 byte-order mark on stdout too (files written with --output always have one, for Excel)');
    command.option('--no-bom', 'no byte-order mark in a CSV file written with --output');
  }
  return command;
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

  const plan = program
    .command('plan')
    .description('hires and cost to bring the average caseload (open cases per case-holding FTE) to --target')
    .addOption(required('--target <cases>', '(required) target average caseload: open cases per case-holding FTE', value.caseload))
    .option('--mix <share>', 'minimum experienced share of case-holding FTE after hires: 0.5 or 50%', (t) => value.fraction(t))
    .option('--explain', 'add a plain-English derivation of every number (JSON: an "explanation" array)')
    .option('--by <what>', 'plan each team on its own staff and open cases ("team"), one row per team and a total', value.oneOf(['team'] as const))
    .addOption(
      new Option('--table <name>', 'with --format csv: which table: years (default with --years), groups (cost by group, the default without), paybill (by group and year) or assumptions')
        .choices(['years', 'groups', 'paybill', 'assumptions']),
    );
  planOptions(plan);
  inputOptions(plan);
  outputOptions(plan, FORMATS);
  plan.addHelpText('after', PLAN_EXAMPLES).action(async (flags: PlanFlags) => (await import('./plan-command.js')).planCommand(flags, terminal));

  const compare = program
    .command('compare')
    .description('plan every combination of several targets (and mixes) on the same inputs, one row per scenario')
    .addOption(required('--target <list>', '(required) target average caseloads, comma-separated: 15,17,19,21', value.listOf(value.caseload)))
    .option('--mix <list>', 'experienced shares, comma-separated: 40%,50%', value.listOf((t) => value.fraction(t)));
  planOptions(compare);
  inputOptions(compare);
  outputOptions(compare, FORMATS);
  compare
    .addHelpText('after', '\nExample:\n  $ caseplan compare --target 15,17,19,21 --mix 40%,50% --years 5 \\\n      --staff fixtures/staff.csv --referrals fixtures/referrals.csv --as-of 2026-09-30')
    .action(async (flags: CompareFlags) => (await import('./compare-command.js')).compareCommand(flags, terminal));

  const report = program
    .command('report')
    .description('write the plan as one self-contained HTML page for a committee paper (--html) and/or an Excel workbook (--xlsx): headline, now vs after, and with --years the year-by-year tables and charts')
    .option('--html <file>', 'the HTML page to write (atomically): headline, tables and charts')
    .option('--xlsx <file>', 'the Excel workbook to write (atomically): a sheet per table, totals as SUM formulas')
    .addOption(required('--target <cases>', '(required) target average caseload: open cases per case-holding FTE', value.caseload))
    .option('--mix <share>', 'minimum experienced share of case-holding FTE after hires: 0.5 or 50%', (t) => value.fraction(t));
  planOptions(report);
  inputOptions(report);
  report
    .addHelpText(
      'after',
      '\nExample:\n  $ caseplan report --html plan.html --target 19 --mix 50% --mix-by 3 --years 5 --growth 4% --turnover 15% \\\n      --pay-award 3% --staff fixtures/staff.csv --referrals fixtures/referrals.csv --as-of 2026-09-30\n\nWithout --years the page has the plan for now only; --years N adds the year-by-year table and charts.',
    )
    // Loaded only when asked for: the report's renderer is not needed by any other command.
    .action(async (flags: ReportFlags) => (await import('./report-command.js')).reportCommand(flags, terminal));

  const validate = program
    .command('validate')
    .description('check the input files and summarise them, or list every problem found (exit 3)');
  inputOptions(validate);
  outputOptions(validate, ['table', 'json', 'markdown']);
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
