// `caseplan plan`: wiring only. Options in, use case called, renderer picked, output emitted.
import { inputFiles, loadInputs, type Inputs } from '../app/inputs.js';
import { runScenario, type ScenarioOptions } from '../app/scenario.js';
import { runByTeam } from '../app/teams.js';
import { explainPlan, explainProjection, type ExplanationStep } from '../io/render/explain.js';
import type { Block } from '../io/render/document.js';
import { teamsBlocks, teamsJson, teamsTable } from '../io/render/teams.js';
import { projectionBlocks, projectionJson } from '../io/render/projection.js';
import { planTables, planWorkbookTables, projectionTables, projectionWorkbookTables } from '../io/render/report-tables.js';

import { projectionChartBlocks } from '../io/render/projection-chart.js';
import { dayFromYmd, formatIso, type Day } from '../core/dates.js';
import { latestYear, type PublishedData } from '../core/published.js';
import { readPublished } from '../io/dfe.js';
import { readConfig } from '../io/config-file.js';
import { publishedInputs } from '../app/published.js';
import type { ProjectionRun } from '../core/results.js';
import { todayUtc } from './today.js';
import type { HiringRule } from '../core/hiring.js';
import type { CaseType } from '../core/case-types.js';
import { UsageError } from '../errors.js';
import { planJson } from '../io/render/plan-json.js';
import { planBlocks } from '../io/render/plan-text.js';
import { warn, type Terminal } from './emit.js';
import { keyOf, OPTIONS, projectionOnly, type CommandName } from './options.js';
import { progressOptions } from './progress.js';
import { output, type RunReport } from './render.js';

export type Format = 'table' | 'csv' | 'json' | 'markdown' | 'xlsx';

export interface InputFlags {
  staff: string[];
  referrals?: string;
  annexA?: string[];
  config?: string;
  asOf?: Day;
  experienceYears: number;
  delimiter?: string;
  quiet?: boolean;
}

export interface PublishedFlags {
  la?: string;
  year?: number;
  experiencedShare?: number;
}

/**
 * The date to plan at: --as-of (or today), or with --la 30 September of the published year. --la's
 * companions are refused without it, and what it replaces is refused with it.
 */
export function planningDate(flags: PlanFlags): Day {
  if (flags.la === undefined) {
    if (flags.year !== undefined) throw new UsageError('--year picks the published year to plan from: it needs --la COUNCIL');
    if (flags.experiencedShare !== undefined) throw new UsageError('--experienced-share is for the published figures, which have no qualification dates: it needs --la COUNCIL');
    return flags.asOf ?? todayUtc();
  }
  if (flags.by === 'team') throw new UsageError('--by team plans the teams of a staff file: the published figures have no teams');
  if (flags.explain && flags.la !== 'all') throw new UsageError('--explain derives each figure from a staff file; with --la the figures and what was assumed are in the assumptions');
  if (flags.by === 'la' || flags.la === 'all') {
    if (flags.years !== undefined) throw new UsageError('--by la plans every council now (hires and their annual and one-off cost): leave out --years, or project one council with --la COUNCIL --years N');
  }
  const clashes = [(flags.staff?.length ?? 0) > 0 ? '--staff' : null, flags.referrals !== undefined ? '--referrals' : null, (flags.annexA?.length ?? 0) > 0 ? '--annex-a' : null, flags.asOf !== undefined ? '--as-of' : null].filter((f) => f !== null);
  if (clashes.length > 0) throw new UsageError(`--la plans from the published figures at 30 September of --year: leave out ${clashes.join(', ')}`);
  const needsShare = [flags.mix !== undefined ? '--mix' : null, flags.earlyCareerCap !== undefined || flags.experiencedCap !== undefined ? 'caseload caps' : null].filter((f) => f !== null);
  if (needsShare.length > 0 && flags.experiencedShare === undefined) {
    throw new UsageError(`${needsShare.join(' and ')} need${needsShare.length === 1 && needsShare[0] === '--mix' ? 's' : ''} --experienced-share S with --la: the published figures have no qualification dates, so the experienced share of case holders must be given`);
  }
  return dayFromYmd(flags.year ?? latestYear(readPublished()), 9, 30);
}

/** The inputs: the files, or with --la the council's published figures. */
export async function planningInputs(flags: PlanFlags, asOf: Day, terminal: Terminal): Promise<Inputs> {
  if (flags.la === undefined) return loadInputs(inputPaths(flags), asOf, progressOptions(terminal, flags.quiet === true));
  if (flags.la === 'all') throw new UsageError('--la all plans every council: use plan --by la, or compare --la all; optimise and report take one council');
  const config = await readConfig(flags.config ?? null);
  return publishedInputs(readPublished(), flags.la, flags.year ?? null, flags.experiencedShare ?? null, flags.experienceYears, config).inputs;
}

export interface PlanFlags extends InputFlags, PublishedFlags {
  target: number;
  mix?: number;
  earlyCareerCap?: number;
  experiencedCap?: number;
  cases?: number;
  format: Format;
  output?: string;
  color?: boolean;
  years?: number;
  growth?: number | Partial<Record<CaseType, number>>;
  weighted?: boolean;
  turnover?: number;
  payAward?: number;
  mixBy?: number;
  convertAgency?: boolean;
  by?: 'team' | 'la';
  explain?: boolean;
  table?: 'years' | 'groups' | 'paybill' | 'assumptions' | 'optimisation' | 'ranges';
  turnoverExperienced?: number | 'derived';
  turnoverEarlyCareer?: number | 'derived';
  turnoverTeamManager?: number | 'derived';
  maxHires?: number;
  maxExperiencedHires?: number;
  maxEarlyCareerHires?: number;
  agencyCover?: boolean;
  retention?: { group: 'experienced' | 'early_career' | 'team_manager'; annualPayment: number; turnover: number; fromYear: number }[];
  bom?: boolean;
  ranges?: boolean;
  /** --no-binomial sets it false; commander leaves it true otherwise. */
  binomial?: boolean;
  runs?: number;
  seed?: number;
  growthSd?: number;
  turnoverSd?: number;
}

/** Projection flags mean nothing without --years: say so rather than ignore them. */
function checkProjectionFlags(flags: PlanFlags): void {
  if (flags.years === undefined) {
    // A --no-x flag's option is true unless given (commander's default): only false means it was given.
    const given = projectionOnly()
      .filter((spec) => {
        const v = (flags as unknown as Record<string, unknown>)[keyOf(spec)];
        return spec.flags.startsWith('--no-') ? v === false : v !== undefined;
      })
      .map((spec) => spec.flags.split(' ')[0]!);
    if (given.length > 0) throw new UsageError(`${given.join(', ')} ${given.length === 1 ? 'needs' : 'need'} --years N (the projection)`);
    return;
  }
  if (flags.mixBy !== undefined && flags.mix === undefined) throw new UsageError('--mix-by needs --mix');
  const rangeFlags = (['runs', 'seed', 'growthSd', 'turnoverSd'] as const).filter((k) => flags[k] !== undefined);
  if (flags.binomial === false && flags.ranges !== true) throw new UsageError('--no-binomial is for --ranges: add --ranges');
  if (flags.ranges !== true && rangeFlags.length > 0) {
    const names = rangeFlags.map((k) => ({ runs: '--runs', seed: '--seed', growthSd: '--growth-sd', turnoverSd: '--turnover-sd' })[k]);
    throw new UsageError(`${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} for --ranges: add --ranges`);
  }
  if (flags.ranges === true && flags.runs === 0) throw new UsageError('--runs must be at least 1');
  if (flags.mixBy !== undefined && flags.mixBy > flags.years) throw new UsageError(`--mix-by ${flags.mixBy} is after the last projected year (--years ${flags.years})`);
}

export function hiringRule(flags: PlanFlags): HiringRule {
  const a = flags.earlyCareerCap;
  const b = flags.experiencedCap;
  if ((a === undefined) !== (b === undefined)) {
    throw new UsageError('caseload caps need both --early-career-cap and --experienced-cap');
  }
  if (b !== undefined && b <= 0) throw new UsageError('--experienced-cap must be above 0');
  return {
    target: flags.target,
    mix: flags.mix ?? null,
    caps: a !== undefined && b !== undefined ? { earlyCareer: a, experienced: b } : null,
  };
}

export function inputPaths(flags: InputFlags) {
  return { staff: flags.staff ?? [], referrals: flags.referrals ?? null, annexA: flags.annexA ?? [], config: flags.config ?? null, delimiter: flags.delimiter, openCasesGiven: 'cases' in flags && flags.cases !== undefined };
}

/** The planning question the flags ask: the rule, the date, and the projection settings if --years. */
export function scenarioOptions(flags: PlanFlags, asOf: Day): ScenarioOptions {
  checkProjectionFlags(flags);
  return {
    asOf,
    experienceYears: flags.experienceYears,
    rule: hiringRule(flags),
    cases: flags.cases ?? null,
    ...(flags.weighted === true ? { weighted: true } : {}),
    limits: { total: flags.maxHires ?? null, experienced: flags.maxExperiencedHires ?? null, earlyCareer: flags.maxEarlyCareerHires ?? null },
    projection:
      flags.years === undefined
        ? null
        : {
            years: flags.years,
            growth: typeof flags.growth === 'number' ? flags.growth : null,
            ...(flags.growth !== undefined && typeof flags.growth !== 'number' ? { growthByType: flags.growth } : {}),
            turnover: flags.turnover ?? null,
            payAward: flags.payAward ?? null,
            mixBy: flags.mixBy ?? 0,
            convertAgency: flags.convertAgency === true,
            turnoverByGroup: {
              ...(flags.turnoverExperienced === undefined ? {} : { experienced: flags.turnoverExperienced }),
              ...(flags.turnoverEarlyCareer === undefined ? {} : { early_career: flags.turnoverEarlyCareer }),
              ...(flags.turnoverTeamManager === undefined ? {} : { team_manager: flags.turnoverTeamManager }),
            },
            agencyCover: flags.agencyCover === true,
            retention: flags.retention ?? [],
            ...(flags.ranges === true ? { ranges: { runs: flags.runs ?? 2000, seed: flags.seed ?? 1, growthSd: flags.growthSd ?? null, turnoverSd: flags.turnoverSd ?? null, binomial: flags.binomial !== false } } : {}),
          },
  };
}

/** An option the chosen format cannot carry is refused, not dropped: say which formats carry it. */
export function refuseUncarriedOptions(flags: PlanFlags, terminal: Terminal, command: CommandName = 'plan'): void {
  for (const spec of OPTIONS) {
    if (spec.carriedBy === undefined || !spec.commands.includes(command)) continue;
    const { formats, why: what } = spec.carriedBy;
    const flag = spec.flags.split(' ')[0]!;
    if ((flags as unknown as Record<string, unknown>)[keyOf(spec)] === undefined || formats.includes(flags.format)) continue;
    const choices = formats.length === 1 ? formats[0] : `${formats.slice(0, -1).join(', ')} or ${formats.at(-1)}`;
    throw new UsageError(`${flag} cannot be written with --format ${flags.format} (${what}): use --format ${choices}`);
  }
  refuseWorkbookOnTerminal(flags.format, flags.output, terminal);
  if (flags.by === 'team' && flags.explain) throw new UsageError('--explain explains one plan: leave out --by team, or plan the team on its own');
  if (flags.by === 'team' && (flags.maxHires !== undefined || flags.maxExperiencedHires !== undefined || flags.maxEarlyCareerHires !== undefined)) {
    throw new UsageError('recruitment limits are for the whole service: --by team would apply them to each team; plan the service, or a team on its own');
  }
  if (flags.output !== undefined && /\.xlsx$/i.test(flags.output) && flags.format !== 'xlsx') {
    throw new UsageError(`--output ${flags.output} names a workbook but the format is ${flags.format}: add --format xlsx`);
  }
  if (flags.by === 'team' && flags.table !== undefined) throw new UsageError('--table picks a table of one plan: --by team has one table, a row per team');
  if (flags.table === 'ranges' && flags.ranges !== true) throw new UsageError('--table ranges is the percentile table of --ranges: add --ranges');
  if ((flags.table === 'years' || flags.table === 'paybill') && flags.years === undefined) {
    throw new UsageError(`--table ${flags.table} is a table of the projection: add --years N`);
  }
}

/** Settings in the config that this run cannot use: said, never dropped silently. */
export function unusedSettings(inputs: Inputs, options: ScenarioOptions, configFile: string | null): string[] {
  const unused: string[] = [];
  if (options.projection === null && inputs.config.retention.length > 0) {
    unused.push(`${configFile ?? 'config'}: the retention measures apply to a projection only: add --years N to use them`);
  }
  if (inputs.annexA !== null && inputs.referrals !== null && options.projection === null && options.cases === null) {
    unused.push(`${inputs.referrals.name}: with --annex-a the referrals give only the growth of a projection: without --years they are not used (the open cases are Annex A's)`);
  }
  if (inputs.annexA !== null && options.cases !== null) {
    unused.push(`--cases ${options.cases} overrides the open cases of --annex-a (${inputs.annexA.open.children} children): the lists are not used`);
  }
  if (options.weighted === true && Object.values(inputs.config.case_weights).every((w) => w === 0)) {
    unused.push(`--weighted: every case type weighs 0 in ${configFile ?? 'the config'}, so there are no weighted cases and no hires for them`);
  }
  if (options.weighted === true && Object.values(inputs.config.case_weights).every((w) => w === 1)) {
    unused.push(`--weighted: every case type weighs 1${configFile === null ? ' (no --config)' : ` (no case_weights in ${configFile})`}, so the weighted cases are the open cases; set case_weights, e.g. {"case_weights": {"cp": 1.5, "cla": 1.5}}`);
  }
  return unused;
}

/** A workbook is bytes for a file or a pipe, never for a terminal to print. */
export function refuseWorkbookOnTerminal(format: string, output: string | undefined, terminal: Terminal): void {
  if (format === 'xlsx' && output === undefined && terminal.stdout.isTTY === true) {
    throw new UsageError('--format xlsx writes a workbook, not text for a terminal: add --output plan.xlsx (or pipe it to a file)');
  }
}

/** The as-of date as the workbook's created date: the same inputs give the same bytes. */
export function dateOf(day: Day): Date {
  return new Date(`${formatIso(day)}T00:00:00Z`);
}

export async function planCommand(flags: PlanFlags, terminal: Terminal): Promise<void> {
  if (flags.by === 'la' || flags.la === 'all') return nationalCommand(flags, terminal);
  refuseUncarriedOptions(flags, terminal);
  const asOf = planningDate(flags);
  const options = scenarioOptions(flags, asOf);
  const paths = inputPaths(flags);
  const inputs = await planningInputs(flags, asOf, terminal);
  warn(terminal, [...inputs.warnings, ...unusedSettings(inputs, options, paths.config)], flags.quiet === true);
  const title = `caseplan: ${flags.weighted === true ? 'weighted' : 'average'} caseload to ${flags.target}`;
  let report: RunReport;
  if (flags.by === 'team') {
    const run = runByTeam(inputs, options);
    warn(terminal, run.warnings, flags.quiet === true);
    report = { title, json: () => teamsJson(run), tables: () => ({ teams: teamsTable(run) }), csvTable: 'teams', workbook: () => [teamsTable(run)], blocks: () => teamsBlocks(run) };
  } else {
    const outcome = runScenario(inputs, options);
    if (outcome.kind === 'projection') {
      report = projectionReport(outcome.run, flags, terminal, inputs.staff.name, title);
    } else {
      const { plan } = outcome.run;
      const explanation = flags.explain ? explainPlan(outcome.run, inputs.staff.name) : null;
      report = {
        title,
        json: () => ({ ...planJson(plan), ...(explanation ? { explanation } : {}) }),
        // --table years and paybill were refused without --years.
        tables: () => planTables(plan),
        csvTable: 'groups',
        workbook: () => planWorkbookTables(plan),
        blocks: () => [...planBlocks(plan), ...explanationBlocks(explanation)],
      };
    }
  }
  await output(report, flags, terminal, inputFiles(paths), dateOf(asOf));
}

/** `plan --by la` (or `--la all`): every council from the published figures, by region and England. */
async function nationalCommand(flags: PlanFlags, terminal: Terminal): Promise<void> {
  if (flags.la !== undefined && flags.la !== 'all') throw new UsageError(`--by la plans every council: leave out --la ${flags.la}, or plan that council alone without --by`);
  if (flags.explain) throw new UsageError('--explain explains one plan: plan one council with --la COUNCIL');
  if (flags.table !== undefined) throw new UsageError('--table picks a table of one plan: --by la has one table, a row per council, region and England');
  refuseWorkbookOnTerminal(flags.format, flags.output, terminal);
  const data = readPublished();
  planningDate({ ...flags, la: 'all' });
  const config = await readConfig(flags.config ?? null);
  const { asOf: _unused, ...options } = scenarioOptions(flags, dayFromYmd(flags.year ?? latestYear(data), 9, 30));
  const { runNational } = await import('../app/national.js');
  const { nationalBlocks, nationalJson, nationalTable } = await import('../io/render/national.js');
  const run = runNational(data, flags.year ?? null, flags.experiencedShare ?? null, flags.experienceYears, config, options);
  const notes = nationalNotes(data, run.year, flags.experiencedShare);
  const table = nationalTable(run, notes);
  const report: RunReport = {
    title: `caseplan: every council at ${flags.target}`,
    json: () => nationalJson(run, notes),
    tables: () => ({ councils: table }),
    csvTable: 'councils',
    workbook: () => [table],
    blocks: () => nationalBlocks(run, flags.target, notes),
  };
  await output(report, { ...flags, table: undefined }, terminal, [], dateOf(dayFromYmd(run.year, 9, 30)));
}

/** What every council's plans rest on, for every output of --by la and compare --la all. */
export function nationalNotes(data: PublishedData, year: number, experiencedShare: number | undefined): string[] {
  return [
    `Source: ${data.source.release}; the figures at 30 September ${year}. ${data.source.attribution}.`,
    'Each council planned on its own published case holders FTE, cases and agency rate; team managers in post assumed at the span of control (not published); ' +
      (experiencedShare === undefined ? 'experience not published: case holders counted as experienced.' : `experienced share ${+(experiencedShare * 100).toFixed(4)}% everywhere (--experienced-share).`),
    'Regions and "England: the sum of the council plans" add up the councils planned; "England as one pool" plans England\'s published totals as if staff could move between councils.',
  ];
}

/** A projection's report in every format; the optimiser's adds its own section to it. */
export function projectionReport(run: ProjectionRun, flags: PlanFlags, terminal: Terminal, staffFile: string, title: string): RunReport {
  const explanation = flags.explain ? explainProjection(run, staffFile) : null;
  // Charts only for a person at a terminal: a table on a TTY, not written to a file.
  const charts = flags.format === 'table' && terminal.stdout.isTTY === true && flags.output === undefined ? projectionChartBlocks(run) : [];
  return {
    title,
    json: () => ({ ...projectionJson(run), ...(explanation ? { explanation } : {}) }),
    tables: () => projectionTables(run),
    csvTable: 'years',
    workbook: () => projectionWorkbookTables(run),
    blocks: () => [...projectionBlocks(run), ...charts, ...explanationBlocks(explanation)],
  };
}

export function explanationBlocks(steps: ExplanationStep[] | null): Block[] {
  if (steps === null) return [];
  return [
    { kind: 'heading', text: 'How these numbers were derived' },
    { kind: 'list', ordered: true, items: steps.map((s) => s.text) },
  ];
}
