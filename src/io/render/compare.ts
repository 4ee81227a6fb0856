// `compare` output: one row per scenario, in every format from the same values.
import type { Comparison, Scenario } from '../../core/results.js';
import { rateItem, rateJson } from './projection.js';
import { formatPounds, toPounds } from '../../core/money.js';
import type { CsvValue } from './csv.js';
import { columns, tableCsv, tableObjects, type DataTable } from './data-table.js';
import type { Block } from './document.js';
import { count, rate } from './numbers.js';

const SCENARIO_COLUMNS = columns(
  ['target', 'Target', 'number'], ['mix', 'Mix', 'percent'], ['hires_experienced', 'Hires: experienced', 'integer'], ['hires_early_career', 'Hires: early career', 'integer'],
  ['hires_team_manager', 'Hires: team managers', 'integer'], ['annual_cost', 'Annual cost', 'money'], ['one_off_cost', 'One-off cost', 'money'],
  ['additional_cost', 'Additional cost over the horizon', 'money'], ['feasible', 'Reachable', 'boolean'], ['reason', 'Why not', 'text'],
  // Issue 12, at the end: the recruitment limit of the scenario, and when the target is met within it.
  ['max_hires', 'Most hires a year', 'integer'], ['target_met_year', 'Target met from year', 'integer'],
);

function values(s: Scenario): CsvValue[] {
  const r = s.result;
  return [
    s.target,
    s.mix,
    r?.hires.experienced ?? null,
    r?.hires.earlyCareer ?? null,
    r?.hires.teamManager ?? null,
    r ? toPounds(r.annualCost) : null,
    r ? toPounds(r.oneOffCost) : null,
    r?.additionalCost ? toPounds(r.additionalCost) : null,
    // An unreachable scenario says so in its own columns: blank figures alone would sum as £0.
    r !== null,
    s.reason,
    s.maxHires,
    r?.targetMetYear ?? null,
  ];
}

/** The `scenarios` section: one row per target and mix, with the rates the additional cost rests on. */
export function scenariosTable({ scenarios, rates }: Comparison): DataTable {
  return { name: 'scenarios', title: 'Scenarios', columns: SCENARIO_COLUMNS, rows: scenarios.map(values), total: null, notes: rates === null ? [] : rateItems(rates) };
}

export function compareCsv(comparison: Comparison): Promise<string> {
  return tableCsv(scenariosTable(comparison));
}

/** The rates every scenario's additional cost rests on. */
function rateItems(rates: NonNullable<Comparison['rates']>): string[] {
  const groups = (['experienced', 'early_career', 'team_manager'] as const).filter((g) => !rates.turnoverByGroup[g].value.eq(rates.turnover.value));
  return [
    rateItem('demand growth', rates.growth),
    rateItem('turnover', rates.turnover),
    ...groups.map((g) => rateItem(`turnover of ${g.replace('_', '-')} staff`, rates.turnoverByGroup[g])),
    rateItem('pay award', rates.payAward),
  ];
}

export function compareJson({ scenarios, rates }: Comparison, years: number | null) {
  return {
    years,
    rates:
      rates === null
        ? null
        : {
            growth: rateJson(rates.growth),
            turnover: rateJson(rates.turnover),
            turnover_by_group: Object.fromEntries((['experienced', 'early_career', 'team_manager'] as const).map((g) => [g, rateJson(rates.turnoverByGroup[g])])),
            pay_award: rateJson(rates.payAward),
          },
    scenarios: tableObjects(scenariosTable({ scenarios, rates })),
  };
}

export function compareBlocks({ scenarios, rates }: Comparison, years: number | null): Block[] {
  // The recruitment-limit columns only when a limit is asked for: otherwise every row is "none" and "0".
  const limited = scenarios.some((s) => s.maxHires !== null);
  const head = ['Target', 'Mix', ...(limited ? ['Most hires a year'] : []), 'Hires (exp / early / TM)', 'Annual cost', 'One-off cost'];
  if (years !== null) head.push(`Additional cost, years 0-${years}`);
  if (limited) head.push('Target met from year');
  const rows = scenarios.map((s) => {
    const r = s.result;
    const mix = s.mix === null ? '—' : rate(s.mix);
    const limit = limited ? [s.maxHires === null ? 'none' : count(s.maxHires)] : [];
    if (r === null) return [count(s.target), mix, ...limit, { text: 'unreachable (see below)', emphasis: 'warn' as const }, '', '', ...(years !== null ? [''] : []), ...(limited ? [''] : [])];
    const row = [count(s.target), mix, ...limit, `${r.hires.experienced} / ${r.hires.earlyCareer} / ${r.hires.teamManager}`, formatPounds(r.annualCost), formatPounds(r.oneOffCost)];
    if (years !== null) row.push(r.additionalCost === null ? '' : formatPounds(r.additionalCost));
    if (limited) row.push(r.targetMetYear === null ? 'not met' : String(r.targetMetYear));
    return row;
  });
  const reasons = [...new Set(scenarios.filter((s) => s.result === null).map((s) => `target ${count(s.target)}${s.mix === null ? '' : `, mix ${rate(s.mix)}`}: ${s.reason}`))];
  return [
    { kind: 'heading', text: `caseplan compare: ${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'}` },
    { kind: 'table', head, align: head.map(() => 'right' as const), rows },
    {
      kind: 'paragraph',
      text: 'Annual cost is the salary and on-costs of the hires now; one-off cost is their recruitment' + (years !== null ? '; additional cost is the projection against the do-nothing baseline, at these rates:' : '.'),
      emphasis: 'dim',
    },
    ...(rates !== null ? [{ kind: 'list' as const, items: rateItems(rates) }] : []),
    ...(reasons.length > 0 ? [{ kind: 'list' as const, items: reasons }] : []),
  ];
}

/** For stderr: "2 of 8 scenarios could not be reached (see the feasible and reason columns)". */
export function unreachableNote(scenarios: readonly Scenario[]): string[] {
  const unreachable = scenarios.filter((s) => s.result === null).length;
  if (unreachable === 0) return [];
  return [`${unreachable} of ${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'} could not be reached (no hires can satisfy them; see the feasible and reason columns)`];
}
