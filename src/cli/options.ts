// Every option of every command, declared once: its flags, help, parser, default, the commands that
// take it, whether it is required, whether it needs --years, and the formats that can carry it. The
// commands are built from this table (program.ts) and the checks read it (plan-command.ts).
import { Option } from 'commander';
import * as value from './values.js';

export type CommandName = 'plan' | 'optimise' | 'compare' | 'report' | 'validate' | 'benchmark';
export type FormatName = 'table' | 'csv' | 'json' | 'markdown' | 'xlsx';

export interface OptionSpec {
  flags: string;
  help: string;
  parse?: (text: string, previous: never) => unknown;
  default?: unknown;
  choices?: readonly string[];
  commands: readonly CommandName[];
  /** Checked after commander's own checks, so a mistyped option is reported first (see program.ts). */
  required?: boolean;
  /** Means nothing without --years: refused without it. */
  needsYears?: boolean;
  /** The formats that can carry what it adds; any other format refuses it rather than drop it. */
  carriedBy?: { formats: readonly FormatName[]; why: string };
}

const PLANNING: readonly CommandName[] = ['plan', 'optimise', 'compare', 'report'];
const ALL: readonly CommandName[] = ['plan', 'optimise', 'compare', 'report', 'validate'];
/** The options that ask the optimiser's question: optimise, and compare and report with --optimise. */
const OPTIMISING: readonly CommandName[] = ['optimise', 'compare', 'report'];

export const OPTIONS: readonly OptionSpec[] = [
  // The question.
  { flags: '--target <cases>', help: '(required) target average caseload: open cases per case-holding FTE', parse: value.caseload, commands: ['plan', 'optimise', 'report'], required: true },
  { flags: '--target <list>', help: '(required) target average caseloads, comma-separated: 15,17,19,21', parse: value.listOf(value.caseload), commands: ['compare'], required: true },
  { flags: '--mix <share>', help: 'minimum experienced share of case-holding FTE after hires: 0.5 or 50%', parse: (t: string) => value.fraction(t), commands: ['plan', 'optimise', 'report'] },
  { flags: '--mix <list>', help: 'experienced shares, comma-separated: 40%,50%', parse: value.listOf((t) => value.fraction(t)), commands: ['compare'] },
  {
    flags: '--explain',
    help: 'add a plain-English derivation of every number (JSON: an "explanation" array)',
    commands: ['plan', 'optimise'],
    carriedBy: { formats: ['table', 'markdown', 'json'], why: 'the explanation is text; CSV holds only the plan table' },
  },
  {
    flags: '--by <what>',
    help: 'plan each team on its own staff and open cases ("team"), one row per team and a total; or every council from the published figures ("la", the same as --la all), a row per council, region and England',
    parse: value.oneOf(['team', 'la'] as const),
    commands: ['plan'],
  },
  {
    flags: '--table <name>',
    help: 'with --format csv: which table: years (default with --years), groups (cost by group, the default without), paybill (by group and year), assumptions, or ranges (with --ranges: the percentiles)',
    choices: ['years', 'groups', 'paybill', 'assumptions', 'ranges'],
    commands: ['plan'],
    carriedBy: { formats: ['csv'], why: 'it picks one table for CSV; the other formats show every table' },
  },
  {
    flags: '--table <name>',
    help: 'with --format csv: which table: years (default), optimisation (both plans by year, cash and present value), groups, paybill or assumptions',
    choices: ['years', 'optimisation', 'groups', 'paybill', 'assumptions'],
    commands: ['optimise'],
    carriedBy: { formats: ['csv'], why: 'it picks one table for CSV; the other formats show every table' },
  },
  // Ranges (issue 16).
  { flags: '--ranges', help: "run the projection many times with each year's growth and turnover drawn at random, and leavers drawn per group as a binomial count of people: the 10th, 50th and 90th percentiles beside the central figures", commands: ['plan', 'compare', 'report'], needsYears: true },
  { flags: '--no-binomial', help: "with --ranges: leavers at the drawn rate times the FTE, not a whole number of people (with --growth-sd 0 --turnover-sd 0 every run is then the central projection)", commands: ['plan', 'compare', 'report'], needsYears: true },
  { flags: '--runs <n>', help: 'with --ranges: how many runs (default 2000)', parse: value.atMost(value.wholeNumber, 1_000_000, 'a number of runs'), commands: ['plan', 'compare', 'report'], needsYears: true },
  { flags: '--seed <n>', help: 'with --ranges: the random seed (default 1, so the same inputs give the same ranges)', parse: value.atMost(value.wholeNumber, 4_294_967_295, 'a seed'), commands: ['plan', 'compare', 'report'], needsYears: true },
  { flags: '--growth-sd <pp>', help: "with --ranges: the spread (standard deviation) of each year's growth in open cases, in percentage points: 2 or 2%", parse: value.percentagePoints, commands: ['plan', 'compare', 'report'], needsYears: true },
  { flags: '--turnover-sd <pp>', help: "with --ranges: the spread of each group's yearly turnover, in percentage points: 3 or 3%", parse: value.percentagePoints, commands: ['plan', 'compare', 'report'], needsYears: true },
  // The optimiser (issue 13).
  { flags: '--optimise', help: 'choose every year\'s hires together for the least total cost (as caseplan optimise), and compare with the year-by-year rule', commands: ['compare', 'report'], needsYears: true },
  { flags: '--discount-rate <rate>', help: "weigh year k's costs by (1 + r)^-k: 0.035 or 3.5% (HM Treasury's Green Book rate); default 0, cash", parse: (t: string) => value.fraction(t, { max: 1 }), commands: OPTIMISING, needsYears: true },
  { flags: '--budget <amount>', help: 'most additional cost against the baseline in any one year, e.g. 2m or £2,000,000: what caseload that buys, and when', parse: value.amount, commands: OPTIMISING, needsYears: true },
  { flags: '--time-limit <seconds>', help: 'stop the solver after this long with the best plan found, marked as such (default 30)', parse: value.seconds, commands: OPTIMISING, needsYears: true },
  { flags: '--html <file>', help: 'the HTML page to write (atomically): headline, tables and charts', commands: ['report'] },
  { flags: '--xlsx <file>', help: 'the Excel workbook to write (atomically): a sheet per table, totals as SUM formulas', commands: ['report'] },
  // Caps, demand and the projection.
  { flags: '--early-career-cap <cases>', help: 'most cases per early-career FTE (with --experienced-cap)', parse: value.caseCap, commands: PLANNING },
  { flags: '--experienced-cap <cases>', help: 'most cases per experienced FTE (with --early-career-cap)', parse: value.caseload, commands: PLANNING },
  { flags: '--cases <n>', help: 'open cases now (overrides the referrals file and the caseload column)', parse: value.caseCount, commands: PLANNING },
  { flags: '--years <n>', help: 'project year by year for N years (1-30): hires, leavers, progression, cost against a baseline', parse: value.yearCount, commands: ['plan', 'compare', 'report'] },
  { flags: '--years <n>', help: '(required) the horizon: years 0 to N (1-30), every year\'s hires chosen together', parse: value.yearCount, commands: ['optimise'], required: true },
  { flags: '--growth <rate>', help: 'yearly growth in open cases, 0.04 or 4%, or per case type, cp:6%,cin:2% (default: derived from the referrals file, per type when it has a case_type column, else 0)', parse: value.growth, commands: PLANNING, needsYears: true },
  {
    flags: '--weighted',
    help: "apply the target, the caps and every hire to weighted cases (each open case counts its type's weight from case_weights in the config) rather than to plain cases",
    commands: PLANNING,
  },
  { flags: '--turnover <rate>', help: 'share of FTE leaving each year, 0.15 or 15% (default: derived from leave_date, else 0)', parse: (t: string) => value.fraction(t), commands: PLANNING, needsYears: true },
  { flags: '--turnover-experienced <rate>', help: "experienced social workers' turnover: a rate, or 'derived' from the staff file's leavers (default: --turnover's)", parse: value.rateOrDerived, commands: PLANNING, needsYears: true },
  { flags: '--turnover-early-career <rate>', help: "early-career social workers' turnover, until they become experienced: a rate or 'derived'", parse: value.rateOrDerived, commands: PLANNING, needsYears: true },
  { flags: '--turnover-team-manager <rate>', help: "team managers' turnover: a rate or 'derived'", parse: value.rateOrDerived, commands: PLANNING, needsYears: true },
  { flags: '--max-hires <n>', help: 'most case-holding social workers hired a year, both groups together (year 0 included)', parse: value.wholeNumber, commands: ['plan', 'optimise', 'report'] },
  {
    flags: '--max-hires <list>',
    help: 'most case-holding social workers hired a year, comma-separated, a scenario axis: 20,40,none',
    parse: value.listOf(value.limitOrNone),
    commands: ['compare'],
  },
  { flags: '--max-experienced-hires <n>', help: 'most experienced social workers hired a year', parse: value.wholeNumber, commands: PLANNING },
  { flags: '--max-early-career-hires <n>', help: 'most early-career social workers hired a year', parse: value.wholeNumber, commands: PLANNING },
  { flags: '--agency-cover', help: 'in a year the limits leave short, cover the gap with agency social workers (experienced, at the agency premium)', commands: PLANNING, needsYears: true },
  {
    flags: '--retention <measure>',
    help: 'a retention measure, GROUP:PAYMENT:TURNOVER[:FROM_YEAR], e.g. experienced:3000:12%: from that year (default 1) the group leaves at that rate and each permanent FTE costs the payment plus on-costs; repeatable; the plan is compared with the same plan without it (invest to save)',
    parse: value.retention,
    commands: PLANNING,
    needsYears: true,
  },
  { flags: '--pay-award <rate>', help: 'yearly pay award applied to unit costs, 0.03 or 3% (default 0)', parse: (t: string) => value.fraction(t, { min: -0.5, max: 1 }), commands: PLANNING, needsYears: true },
  { flags: '--mix-by <year>', help: 'apply --mix from this projection year on (default 0: from now)', parse: value.wholeNumber, commands: PLANNING, needsYears: true },
  { flags: '--convert-agency', help: 'replace agency FTE with permanent staff of the same group in year 1', commands: PLANNING, needsYears: true },
  // Inputs.
  {
    flags: '--staff <file>',
    help: '(required) staff CSV, one row per post ("-" reads stdin); repeat it for several files (an HR list and an agency list)',
    parse: value.collect,
    commands: ALL,
    required: true,
  },
  {
    flags: '--staff <file>',
    help: 'your staff CSV (repeatable): a "your files" column measured the Department\'s way at --as-of (default 30 September of --year), to reconcile with the census',
    parse: value.collect,
    commands: ['benchmark'],
  },
  { flags: '--referrals <file>', help: 'referrals CSV, one row per referral ("-" reads stdin)', commands: [...ALL, 'benchmark'] },
  {
    flags: '--annex-a <files...>',
    help: "Ofsted's Annex A workbook (.xlsx) or its lists 6-9 saved as CSV: the children open at --as-of, by type (in need, protection plan, looked after, care leaver) and team, instead of the referrals' open cases (--referrals then gives growth only)",
    commands: [...PLANNING, 'validate'],
  },
  { flags: '--config <file>', help: 'JSON config: salaries, on-costs, recruitment cost, span of control, agency premium, aliases', commands: [...ALL, 'benchmark'] },
  { flags: '--as-of <date>', help: 'the date to plan at: 2026-09-30, 30/09/2026 or any date style the files take (default: today)', parse: value.asOfDate, commands: [...ALL, 'benchmark'] },
  { flags: '--experience-years <n>', help: 'whole years after qualifying at which a social worker counts as experienced', parse: value.experienceYears, default: 3, commands: [...ALL, 'benchmark'] },
  { flags: '--delimiter <char>', help: 'CSV delimiter: comma, semicolon, tab or | (default: detected from the header)', parse: value.delimiter, commands: [...ALL, 'benchmark'] },
  { flags: '-q, --quiet', help: 'no warnings on stderr', commands: ALL },
  { flags: '--no-color', help: 'no colour (also NO_COLOR=1)', commands: ALL },
  // Published figures (issue 14).
  {
    flags: '--la <council>',
    help: "plan from the Department for Education's published figures for this council (old LA code, ONS code or name) instead of --staff: its case holders, cases, agency rate and turnover",
    commands: ['plan', 'optimise', 'compare', 'report'],
  },
  { flags: '--year <yyyy>', help: 'with --la: the census year to plan from, at 30 September (default: the latest published)', parse: value.wholeNumber, commands: ['plan', 'optimise', 'compare', 'report'] },
  {
    flags: '--experienced-share <share>',
    help: 'with --la: the share of case holders with --experience-years or more (the census has no qualification dates): 0.4 or 40%; needed for --mix and caps',
    parse: (t: string) => value.fraction(t),
    commands: ['plan', 'optimise', 'compare', 'report'],
  },
  { flags: '--la <council>', help: "(required) a council in the Department for Education's published figures: old LA code (384), ONS code (E08000036) or name (Wakefield)", commands: ['benchmark'], required: true },
  { flags: '--year <yyyy>', help: 'the census year (30 September) for the side-by-side table (default: the latest published)', parse: value.wholeNumber, commands: ['benchmark'] },
  { flags: '-q, --quiet', help: 'no warnings on stderr', commands: ['benchmark'] },
  { flags: '--no-color', help: 'no colour (also NO_COLOR=1)', commands: ['benchmark'] },
  // Output.
  { flags: '--format <format>', help: 'output format', choices: ['table', 'csv', 'json', 'markdown', 'xlsx'], default: 'table', commands: ['plan', 'optimise', 'compare'] },
  { flags: '--format <format>', help: 'output format (csv: long, area,area_type,year,indicator,value)', choices: ['table', 'csv', 'json', 'markdown'], default: 'table', commands: ['benchmark'] },
  { flags: '--format <format>', help: 'output format', choices: ['table', 'json', 'markdown'], default: 'table', commands: ['validate'] },
  { flags: '-o, --output <file>', help: 'write to FILE (atomically) instead of stdout', commands: ['plan', 'optimise', 'compare', 'validate', 'benchmark'] },
  { flags: '--bom', help: 'start CSV on stdout with a UTF-8 byte-order mark too (CSV files written with --output have one by default, for Excel)', commands: ['plan', 'optimise', 'compare', 'benchmark'] },
  { flags: '--no-bom', help: 'no byte-order mark in a CSV file written with --output', commands: ['plan', 'optimise', 'compare', 'benchmark'] },
];

/** The options one command takes, as commander options, in the order of the table. */
export function optionsOf(command: CommandName): { option: Option; spec: OptionSpec }[] {
  return OPTIONS.filter((spec) => spec.commands.includes(command)).map((spec) => {
    const option = new Option(spec.flags, spec.help);
    if (spec.parse !== undefined) option.argParser(spec.parse as (text: string, previous: unknown) => unknown);
    if (spec.choices !== undefined) option.choices(spec.choices);
    if (spec.default !== undefined) option.default(spec.default);
    return { option, spec };
  });
}

/** The commander attribute name of an option (`--pay-award` is `payAward`). */
export function keyOf(spec: OptionSpec): string {
  return new Option(spec.flags).attributeName();
}

/** The options that need --years (a command's flags hold only its own). */
export function projectionOnly(): OptionSpec[] {
  return OPTIONS.filter((spec) => spec.needsYears === true);
}
