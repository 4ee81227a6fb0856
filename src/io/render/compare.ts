// `compare` output: one row per scenario, in every format from the same values.
import type { Comparison, Scenario } from '../../core/results.js';
import { rateItem, rateJson } from './projection.js';
import { CASE_TYPE_LABEL, CASE_TYPES } from '../../core/case-types.js';
import { formatPounds, pounds, toPounds, type Money } from '../../core/money.js';
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

// compare --optimise, at the end: the optimiser's status and its saving against the year-by-year rule.
const OPTIMISED_COLUMNS = columns(
  ['optimisation_status', 'Optimiser status', 'text'], ['rule_additional_cost', 'Rule: additional cost', 'money'],
  ['saving', 'Saving (present value)', 'money'], ['saving_cash', 'Saving (cash)', 'money'],
);

function optimisedValues(s: Scenario): CsvValue[] {
  const o = s.result?.optimised ?? null;
  const money = (m: Money | null) => (m === null ? null : toPounds(m));
  return o === null ? [null, null, null, null] : [o.status, money(o.ruleAdditionalCost), money(o.saving), money(o.savingCash)];
}

// compare --ranges, at the end: the additional cost's 10th, 50th and 90th percentile.
const RANGE_COLUMNS = columns(['additional_cost_p10', 'Additional cost p10', 'money'], ['additional_cost_p50', 'Additional cost p50', 'money'], ['additional_cost_p90', 'Additional cost p90', 'money']);

function rangeValues(s: Scenario): CsvValue[] {
  const r = s.result?.additionalCostRange ?? null;
  return r === null ? [null, null, null] : [r.p10, r.p50, r.p90];
}

const hasRanges = (scenarios: readonly Scenario[]) => scenarios.some((s) => s.result?.additionalCostRange != null);

function values(s: Scenario, optimised: boolean): CsvValue[] {
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
    ...(optimised ? optimisedValues(s) : []),
  ];
}

/** The `scenarios` section: one row per target and mix, with the rates the additional cost rests on. */
export function scenariosTable({ scenarios, rates, optimised, published, weighted }: Comparison): DataTable {
  return {
    name: 'scenarios',
    title: 'Scenarios',
    columns: [...SCENARIO_COLUMNS, ...(optimised ? OPTIMISED_COLUMNS : []), ...(hasRanges(scenarios) ? RANGE_COLUMNS : [])],
    rows: scenarios.map((s) => [...values(s, optimised), ...(hasRanges(scenarios) ? rangeValues(s) : [])]),
    total: null,
    notes: [...(weighted ? ['every target applies to weighted cases (--weighted): the sum of the open cases\' weights from case_weights'] : []), ...(rates === null ? [] : rateItems(rates)), ...(published ? [`From published figures: ${published.label}.`, ...published.assumptions] : [])],
  };
}

export function compareCsv(comparison: Comparison): Promise<string> {
  return tableCsv(scenariosTable(comparison));
}

/** The rates every scenario's additional cost rests on. */
function rateItems(rates: NonNullable<Comparison['rates']>): string[] {
  const groups = (['experienced', 'early_career', 'team_manager'] as const).filter((g) => !rates.turnoverByGroup[g].value.eq(rates.turnover.value));
  return [
    rateItem('demand growth', rates.growth),
    ...(rates.growthByType == null
      ? []
      : CASE_TYPES.filter((t) => rates.growthByType![t].source !== 'default').map((t) => rateItem(`growth of ${CASE_TYPE_LABEL[t].toLowerCase()} cases`, rates.growthByType![t]))),
    rateItem('turnover', rates.turnover),
    ...groups.map((g) => rateItem(`turnover of ${g.replace('_', '-')} staff`, rates.turnoverByGroup[g])),
    rateItem('pay award', rates.payAward),
  ];
}

export function compareJson({ scenarios, rates, optimised, published, weighted }: Comparison, years: number | null) {
  return {
    years,
    target_applies_to: weighted === true ? 'weighted_cases' : 'open_cases',
    published: published ?? null,
    rates:
      rates === null
        ? null
        : {
            growth: rateJson(rates.growth),
            growth_by_type: rates.growthByType == null ? null : Object.fromEntries(CASE_TYPES.map((t) => [t, rateJson(rates.growthByType![t])])),
            turnover: rateJson(rates.turnover),
            turnover_by_group: Object.fromEntries((['experienced', 'early_career', 'team_manager'] as const).map((g) => [g, rateJson(rates.turnoverByGroup[g])])),
            pay_award: rateJson(rates.payAward),
          },
    optimised,
    scenarios: tableObjects(scenariosTable({ scenarios, rates, optimised, published })),
  };
}

export function compareBlocks(comparison: Comparison, years: number | null): Block[] {
  const { scenarios, rates, optimised, published } = comparison;
  // The recruitment-limit columns only when a limit is asked for: otherwise every row is "none" and "0".
  const limited = scenarios.some((s) => s.maxHires !== null);
  const head = ['Target', 'Mix', ...(limited ? ['Most hires a year'] : []), 'Hires (exp / early / TM)', 'Annual cost', 'One-off cost'];
  if (years !== null) head.push(`Additional cost, years 0-${years}`);
  if (limited) head.push('Target met from year');
  if (optimised) head.push('Saving against the rule');
  const ranged = hasRanges(scenarios);
  if (ranged) head.push('Additional cost, 10th to 90th percentile');
  const rows = scenarios.map((s) => {
    const r = s.result;
    const mix = s.mix === null ? '—' : rate(s.mix);
    const limit = limited ? [s.maxHires === null ? 'none' : count(s.maxHires)] : [];
    if (r === null) return [count(s.target), mix, ...limit, { text: 'unreachable (see below)', emphasis: 'warn' as const }, '', '', ...(years !== null ? [''] : []), ...(limited ? [''] : []), ...(optimised ? [''] : []), ...(ranged ? [''] : [])];
    const row = [count(s.target), mix, ...limit, `${r.hires.experienced} / ${r.hires.earlyCareer} / ${r.hires.teamManager}`, formatPounds(r.annualCost), formatPounds(r.oneOffCost)];
    if (years !== null) row.push(r.additionalCost === null ? '' : formatPounds(r.additionalCost));
    if (limited) row.push(r.targetMetYear === null ? 'not met' : String(r.targetMetYear));
    if (optimised && r.optimised !== null) row.push(`${r.optimised.saving === null ? 'the rule cannot reach it' : formatPounds(r.optimised.saving)}${r.optimised.status === 'optimal' ? '' : ' (time limit)'}`);
    if (ranged) row.push(r.additionalCostRange == null ? '' : `${formatPounds(pounds(r.additionalCostRange.p10), { pence: false })} to ${formatPounds(pounds(r.additionalCostRange.p90), { pence: false })}`);
    return row;
  });
  const reasons = [...new Set(scenarios.filter((s) => s.result === null).map((s) => `target ${count(s.target)}${s.mix === null ? '' : `, mix ${rate(s.mix)}`}: ${s.reason}`))];
  return [
    { kind: 'heading', text: `caseplan compare: ${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'}${comparison.weighted === true ? ', targets on weighted cases (--weighted)' : ''}` },
    { kind: 'table', head, align: head.map(() => 'right' as const), rows },
    {
      kind: 'paragraph',
      text:
        'Annual cost is the salary and on-costs of the hires now; one-off cost is their recruitment' +
        (optimised ? '; every scenario is optimised over the whole horizon (hires now are the optimised plan\'s year 0), and the saving is against the year-by-year rule, in present value' : '') +
        (years !== null ? '; additional cost is the projection against the do-nothing baseline, at these rates:' : '.'),
      emphasis: 'dim',
    },
    ...(rates !== null ? [{ kind: 'list' as const, items: rateItems(rates) }] : []),
    ...(reasons.length > 0 ? [{ kind: 'list' as const, items: reasons }] : []),
    ...(published ? [{ kind: 'paragraph' as const, text: `From published figures: ${published.label}.`, emphasis: 'dim' as const }, { kind: 'list' as const, items: published.assumptions }] : []),
  ];
}

/** For stderr: "2 of 8 scenarios could not be reached (see the feasible and reason columns)". */
export function unreachableNote(scenarios: readonly Scenario[]): string[] {
  const unreachable = scenarios.filter((s) => s.result === null).length;
  if (unreachable === 0) return [];
  return [`${unreachable} of ${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'} could not be reached (no hires can satisfy them; see the feasible and reason columns)`];
}
