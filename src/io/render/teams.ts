// `plan --by team` output: one row per team and a total, in every format from the same values.
import type { TeamRun, TeamsRun } from '../../core/results.js';
import { formatIso } from '../../core/dates.js';
import { formatPounds, toPounds } from '../../core/money.js';
import type { CsvValue } from './csv.js';
import { columns, tableCsv, type DataTable } from './data-table.js';
import type { Block, Cell } from './document.js';
import { caseload, count, fte, plain, share } from './numbers.js';
import { planJson } from './plan-json.js';
import { projectionJson, rateItem } from './projection.js';
import { showsTargetRow, showsWeighted } from './plan-text.js';
import { CASE_TYPE_LABEL, CASE_TYPES } from '../../core/case-types.js';

const TEAM_COLUMNS = columns(
  ['team', 'Team', 'text'], ['case_holding_fte', 'Case-holding FTE', 'fte'], ['experienced_fte', 'Experienced FTE', 'fte'], ['early_career_fte', 'Early-career FTE', 'fte'],
  ['team_manager_fte', 'Team manager FTE', 'fte'], ['open_cases', 'Open cases', 'integer'], ['average_caseload', 'Average caseload', 'number'],
  ['hires_experienced', 'Hires: experienced', 'integer'], ['hires_early_career', 'Hires: early career', 'integer'], ['hires_team_manager', 'Hires: team managers', 'integer'],
  ['annual_cost', 'Annual cost', 'money'], ['one_off_cost', 'One-off cost', 'money'], ['additional_cost', 'Additional cost', 'money'],
);

function teamValues(t: TeamRun): CsvValue[] {
  const plan = t.outcome?.run.plan;
  const additional = t.outcome?.kind === 'projection' ? toPounds(t.outcome.run.totals.additionalCost) : null;
  return [
    t.team,
    plain(t.caseHoldingFte),
    plain(t.experiencedFte),
    plain(t.caseHoldingFte.minus(t.experiencedFte)),
    plain(t.teamManagerFte),
    t.openCases,
    plan ? plan.current.averageCaseload : null,
    plan?.hires.experienced ?? null,
    plan?.hires.earlyCareer ?? null,
    plan?.hires.teamManager ?? null,
    plan ? toPounds(plan.cost.annual) : null,
    plan ? toPounds(plan.cost.oneOff) : null,
    additional,
  ];
}

function totalValues(run: TeamsRun): CsvValue[] {
  const t = run.total;
  return [
    'total', plain(t.caseHoldingFte), plain(t.experiencedFte), plain(t.caseHoldingFte.minus(t.experiencedFte)),
    plain(t.teamManagerFte), t.openCases, t.caseHoldingFte.isZero() ? null : t.openCases / t.caseHoldingFte.toNumber(),
    t.hires.experienced, t.hires.earlyCareer, t.hires.teamManager, toPounds(t.annualCost), toPounds(t.oneOffCost),
    t.additionalCost === null ? null : toPounds(t.additionalCost),
  ];
}

/** Case types by team (issue 15), at the end and only when the open cases have types; unallocated children with Annex A. */
function typeColumns(run: TeamsRun): { types: boolean; unallocated: boolean } {
  return { types: run.teams.some((t) => t.openByType !== null), unallocated: run.teams.some((t) => t.unallocated !== null) };
}

const TYPE_COLUMNS = columns(
  ...CASE_TYPES.map((t): [string, string, 'integer'] => [`open_${t}`, `Open: ${CASE_TYPE_LABEL[t].toLowerCase()}`, 'integer']),
  ['weighted_cases', 'Weighted cases', 'number'],
  ['weighted_caseload', 'Weighted caseload', 'number'],
);
const UNALLOCATED_COLUMNS = columns(['unallocated_children', 'Unallocated children', 'integer']);

function teamTypeValues(t: TeamRun, extra: { types: boolean; unallocated: boolean }): CsvValue[] {
  const plan = t.outcome?.run.plan;
  return [
    ...(extra.types ? [...CASE_TYPES.map((c) => t.openByType?.[c] ?? null), plan?.demand.weightedCases ?? null, plan?.current.weightedCaseload ?? null] : []),
    ...(extra.unallocated ? [t.unallocated] : []),
  ];
}

/** The `teams` section: one row per team, then the sum of the team plans. */
export function teamsTable(run: TeamsRun): DataTable {
  const extra = typeColumns(run);
  const sum = (f: (t: TeamRun) => number | null) => run.teams.reduce((s, t) => s + (f(t) ?? 0), 0);
  const weighted = sum((t) => t.outcome?.run.plan.demand.weightedCases ?? null);
  const totals: CsvValue[] = [
    ...(extra.types ? [...CASE_TYPES.map((c) => sum((t) => t.openByType?.[c] ?? null)), weighted, run.total.caseHoldingFte.isZero() ? null : weighted / run.total.caseHoldingFte.toNumber()] : []),
    ...(extra.unallocated ? [sum((t) => t.unallocated)] : []),
  ];
  return {
    name: 'teams',
    title: 'Teams',
    columns: [...TEAM_COLUMNS, ...(extra.types ? TYPE_COLUMNS : []), ...(extra.unallocated ? UNALLOCATED_COLUMNS : [])],
    rows: run.teams.map((t) => [...teamValues(t), ...teamTypeValues(t, extra)]),
    total: [...totalValues(run), ...totals],
    notes: [...(run.teams.some((t) => t.outcome?.run.plan.parameters.weighted === true) ? ['the target applies to weighted cases (--weighted): each open case counts its type\'s weight from case_weights'] : []), POOLING_NOTE],
  };
}

export function teamsCsv(run: TeamsRun): Promise<string> {
  return tableCsv(teamsTable(run));
}

export const POOLING_NOTE = 'the total is the sum of separate team plans, not the whole-service plan: a service that pools staff across teams needs fewer hires';

export function teamsJson(run: TeamsRun) {
  const whole = run.wholeService;
  return {
    teams: run.teams.map((t) => {
      const byType = t.openByType === null ? {} : { open_cases_by_type: { ...t.openByType } };
      const unallocated = t.unallocated === null ? {} : { unallocated_children: t.unallocated };
      if (t.outcome === null) return { team: t.team, feasible: false, reason: t.reason, open_cases: t.openCases, case_holding_fte: plain(t.caseHoldingFte), ...byType, ...unallocated };
      const body = t.outcome.kind === 'projection' ? projectionJson(t.outcome.run) : planJson(t.outcome.run.plan);
      return { team: t.team, feasible: true, reason: null, ...unallocated, ...body };
    }),
    total: (() => {
      const table = teamsTable(run);
      return Object.fromEntries(table.columns.slice(1).map((c, i) => [c.key, table.total![i + 1]]));
    })(),
    total_note: POOLING_NOTE,
    whole_service:
      whole === null
        ? null
        : {
            hires: { experienced: whole.run.plan.hires.experienced, early_career: whole.run.plan.hires.earlyCareer, team_manager: whole.run.plan.hires.teamManager, total: whole.run.plan.hires.total },
            annual_cost: toPounds(whole.run.plan.cost.annual),
            one_off_cost: toPounds(whole.run.plan.cost.oneOff),
            additional_cost: whole.kind === 'projection' ? toPounds(whole.run.totals.additionalCost) : null,
          },
    warnings: run.warnings,
  };
}

export function teamsBlocks(run: TeamsRun): Block[] {
  const withYears = run.total.additionalCost !== null;
  const extra = typeColumns(run);
  const shownTypes = CASE_TYPES.filter((c) => run.teams.some((t) => (t.openByType?.[c] ?? 0) > 0));
  const weightedShown = extra.types && run.teams.some((t) => t.outcome !== null && showsWeighted(t.outcome.run.plan));
  const targetShown = run.teams.some((t) => t.outcome !== null && showsTargetRow(t.outcome.run.plan));
  const head = ['Team', 'Case-holding FTE', 'Exp. share', 'TM FTE', 'Open cases', ...(extra.types ? [`by type (${shownTypes.join(' / ')})`] : []), ...(extra.unallocated ? ['Unallocated'] : []), 'Avg caseload', ...(weightedShown ? ['Wtd caseload'] : []), ...(targetShown ? ['Caseload against target'] : []), 'Hires (exp / early / TM)', 'Annual cost', 'One-off cost'];
  // The horizon the additional cost is over, and the rates every team's projection shares.
  const projected = run.teams.find((team) => team.outcome?.kind === 'projection')?.outcome;
  const horizon = projected?.kind === 'projection' ? projected.run.years.length - 1 : null;
  if (withYears) head.push(horizon === null ? 'Additional cost' : `Additional cost, years 0-${horizon}`);
  const rows: (Cell | string)[][] = run.teams.map((t) => {
    const plan = t.outcome?.run.plan;
    const row: (Cell | string)[] = [
      t.team,
      fte(t.caseHoldingFte),
      share(t.caseHoldingFte.isZero() ? null : t.experiencedFte.div(t.caseHoldingFte).toNumber()),
      fte(t.teamManagerFte),
      count(t.openCases),
      ...(extra.types ? [shownTypes.map((c) => count(t.openByType?.[c] ?? 0)).join(' / ')] : []),
      ...(extra.unallocated ? [count(t.unallocated ?? 0)] : []),
      caseload(plan?.current.averageCaseload ?? null),
      ...(weightedShown ? [caseload(plan?.current.weightedCaseload ?? null)] : []),
      ...(targetShown ? [caseload(plan?.current.targetCaseload ?? null)] : []),
      plan ? `${plan.hires.experienced} / ${plan.hires.earlyCareer} / ${plan.hires.teamManager}` : { text: 'unreachable (see below)', emphasis: 'warn' },
      plan ? formatPounds(plan.cost.annual) : '',
      plan ? formatPounds(plan.cost.oneOff) : '',
    ];
    if (withYears) row.push(t.outcome?.kind === 'projection' ? formatPounds(t.outcome.run.totals.additionalCost) : '');
    return row;
  });
  const t = run.total;
  const sumOf = (f: (team: TeamRun) => number) => run.teams.reduce((s, team) => s + f(team), 0);
  const weightedTotal = sumOf((team) => team.outcome?.run.plan.demand.weightedCases ?? 0);
  const total: string[] = ['Total (sum of teams)', fte(t.caseHoldingFte), share(t.caseHoldingFte.isZero() ? null : t.experiencedFte.div(t.caseHoldingFte).toNumber()), fte(t.teamManagerFte), count(t.openCases),
    ...(extra.types ? [shownTypes.map((c) => count(sumOf((team) => team.openByType?.[c] ?? 0))).join(' / ')] : []),
    ...(extra.unallocated ? [count(sumOf((team) => team.unallocated ?? 0))] : []),
    caseload(t.caseHoldingFte.isZero() ? null : t.openCases / t.caseHoldingFte.toNumber()),
    ...(weightedShown ? [caseload(t.caseHoldingFte.isZero() ? null : weightedTotal / t.caseHoldingFte.toNumber())] : []),
    ...(targetShown ? [''] : []),
    `${t.hires.experienced} / ${t.hires.earlyCareer} / ${t.hires.teamManager}`, formatPounds(t.annualCost), formatPounds(t.oneOffCost)];
  if (withYears) total.push(t.additionalCost === null ? '' : formatPounds(t.additionalCost));
  rows.push(total);
  const whole = run.wholeService;
  const items = [
    `${POOLING_NOTE}.` +
      (whole === null
        ? ''
        : ` Planned as one service: ${whole.run.plan.hires.experienced} / ${whole.run.plan.hires.earlyCareer} / ${whole.run.plan.hires.teamManager} hires, ${formatPounds(whole.run.plan.cost.annual)} a year.`),
    ...run.teams.filter((team) => team.outcome === null).map((team) => `${team.team}: no hires can satisfy this team's plan: ${team.reason}`),
    ...(projected?.kind === 'projection'
      ? [
          `every team is projected at the service's rates: ${[
            rateItem('demand growth', projected.run.rates.growth),
            rateItem('turnover', projected.run.rates.turnover),
            rateItem('pay award', projected.run.rates.payAward),
          ].join('; ')}`,
        ]
      : []),
  ];
  const asOf = run.teams.find((team) => team.outcome !== null)?.outcome?.run.plan.parameters.asOf;
  const weightedRun = run.teams.some((team) => team.outcome?.run.plan.parameters.weighted === true);
  return [
    { kind: 'heading', text: `caseplan plan by team${asOf === undefined ? '' : ` at ${formatIso(asOf)}`}: ${run.teams.length} teams${weightedRun ? ', the target on weighted cases (--weighted)' : ''}` },
    { kind: 'table', head, align: head.map((_, i) => (i === 0 ? 'left' : 'right')), rows, totalRow: true },
    { kind: 'list', items },
  ];
}
