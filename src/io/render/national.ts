// `plan --by la` (issue 14): every council's plan, a row per region and England, in every format.
import type { AreaPlan, NationalRun } from '../../core/results.js';
import { formatPounds, toPounds } from '../../core/money.js';
import type { CsvValue } from './csv.js';
import { columns, tableObjects, type DataTable } from './data-table.js';
import type { Block } from './document.js';
import { caseload, count, grouped } from './numbers.js';

const COLUMNS = columns(
  ['year', 'Census year', 'integer'], ['area_type', 'Area type', 'text'], ['code', 'Code', 'text'], ['name', 'Name', 'text'], ['region', 'Region', 'text'],
  ['case_holders_fte', 'Case holders FTE', 'fte'], ['cases', 'Cases', 'integer'], ['caseload', 'Caseload', 'number'],
  ['hires_experienced', 'Hires: experienced', 'integer'], ['hires_early_career', 'Hires: early career', 'integer'], ['hires_team_manager', 'Hires: team managers', 'integer'],
  ['annual_cost', 'Annual cost', 'money'], ['one_off_cost', 'One-off cost', 'money'], ['additional_cost', 'Additional cost over the horizon', 'money'],
  ['planned', 'Planned', 'boolean'], ['reason', 'Why not', 'text'], ['councils', 'Councils summed', 'integer'],
);

function values(p: AreaPlan, year: number): CsvValue[] {
  return [
    year, p.type, p.code, p.name, p.region, p.caseHoldersFte, p.cases, p.caseload,
    p.hires?.experienced ?? null, p.hires?.earlyCareer ?? null, p.hires?.teamManager ?? null,
    p.annualCost === null ? null : toPounds(p.annualCost), p.oneOffCost === null ? null : toPounds(p.oneOffCost), p.additionalCost === null ? null : toPounds(p.additionalCost),
    p.hires !== null, p.reason, p.councils,
  ];
}

function ordered(run: NationalRun): AreaPlan[] {
  const councils = [...run.councils].sort((a, b) => (a.region ?? '').localeCompare(b.region ?? '') || a.name.localeCompare(b.name));
  return [...councils, ...run.regions, run.england, run.pooled];
}

export function nationalTable(run: NationalRun, notes: string[]): DataTable {
  return { name: 'councils', title: 'Every council', columns: COLUMNS, rows: ordered(run).map((p) => values(p, run.year)), total: null, notes };
}

export function nationalJson(run: NationalRun, notes: string[]) {
  return { year: run.year, notes, areas: tableObjects(nationalTable(run, notes)) };
}

export function nationalBlocks(run: NationalRun, target: number, notes: string[]): Block[] {
  const notPlanned = run.councils.filter((c) => c.hires === null);
  const money = (m: AreaPlan['annualCost']) => (m === null ? '' : formatPounds(m, { pence: false }));
  const row = (p: AreaPlan) => [
    p.name,
    p.caseHoldersFte === null ? '—' : grouped(p.caseHoldersFte, 1, 1),
    p.cases === null ? '—' : count(p.cases),
    caseload(p.caseload),
    p.hires === null ? { text: p.reason ?? 'not planned', emphasis: 'warn' as const } : `${p.hires.experienced} / ${p.hires.earlyCareer} / ${p.hires.teamManager}`,
    money(p.annualCost),
    money(p.oneOffCost),
  ];
  const head = ['Area', 'Case holders FTE', 'Cases', 'Caseload', 'Hires (exp / early / TM)', 'Annual cost', 'One-off cost'];
  const align = ['left', 'right', 'right', 'right', 'right', 'right', 'right'] as const;
  return [
    { kind: 'heading', text: `Every council at ${count(target)}: the published figures at 30 September ${run.year}` },
    {
      kind: 'paragraph',
      emphasis: 'strong',
      text:
        `Every council at an average caseload of ${count(target)}: ${count(run.england.hires!.experienced + run.england.hires!.earlyCareer)} social workers and ${count(run.england.hires!.teamManager)} team managers hired, ${money(run.england.annualCost)} a year plus ${money(run.england.oneOffCost)} one-off (the sum of ${run.england.councils} council plans${notPlanned.length === 0 ? '' : `; ${notPlanned.map((c) => c.name).join(' and ')}, not published, are in England's totals but not in the sum`}). ` +
        `England on average at ${count(target)}, as one pool: ${count(run.pooled.hires!.experienced + run.pooled.hires!.earlyCareer)} social workers, ${money(run.pooled.annualCost)} a year: less, because councils cannot lend each other staff.`,
    },
    { kind: 'table', head, align: [...align], rows: [...run.regions, run.england, run.pooled].map(row), totalRow: false },
    ...(notPlanned.length === 0 ? [] : [{ kind: 'paragraph' as const, text: `Not planned (${notPlanned.length}): ${notPlanned.map((c) => `${c.name}: ${c.reason}`).join('; ')}.`, emphasis: 'warn' as const }]),
    { kind: 'paragraph', text: 'Councils (old LA code), by region', emphasis: 'strong' },
    {
      kind: 'table',
      head: ['Council', 'Region', ...head.slice(1)],
      align: ['left', 'left', ...align.slice(1)],
      rows: [...run.councils].sort((a, b) => (a.region ?? '').localeCompare(b.region ?? '') || a.name.localeCompare(b.name)).map((p) => {
        const [, ...rest] = row(p);
        return [`${p.name} (${p.code})`, p.region ?? '', ...rest];
      }),
    },
    { kind: 'list', items: notes },
  ];
}

export interface NationalScenario {
  target: number;
  mix: number | null;
  run: NationalRun;
}

const SCENARIO_COLUMNS = columns(
  ['target', 'Target', 'number'], ['mix', 'Mix', 'percent'], ['area', 'Area', 'text'],
  ['hires_experienced', 'Hires: experienced', 'integer'], ['hires_early_career', 'Hires: early career', 'integer'], ['hires_team_manager', 'Hires: team managers', 'integer'],
  ['annual_cost', 'Annual cost', 'money'], ['one_off_cost', 'One-off cost', 'money'], ['additional_cost', 'Additional cost over the horizon', 'money'],
  ['councils_planned', 'Councils planned', 'integer'], ['councils_not_planned', 'Councils not planned', 'integer'],
);

/** compare --la all: per scenario, every council's plans summed for England, and England as one pool. */
export function nationalScenariosTable(scenarios: readonly NationalScenario[], notes: string[]): DataTable {
  const rows: CsvValue[][] = scenarios.flatMap(({ target, mix, run }) =>
    [run.england, run.pooled].map((p) => [
      target, mix, p.type === 'england' ? 'england_sum_of_councils' : 'england_one_pool',
      p.hires?.experienced ?? null, p.hires?.earlyCareer ?? null, p.hires?.teamManager ?? null,
      p.annualCost === null ? null : toPounds(p.annualCost), p.oneOffCost === null ? null : toPounds(p.oneOffCost), p.additionalCost === null ? null : toPounds(p.additionalCost),
      p.type === 'england' ? run.councils.filter((c) => c.hires !== null).length : null,
      p.type === 'england' ? run.councils.filter((c) => c.hires === null).length : null,
    ]),
  );
  return { name: 'scenarios', title: 'Every council, by scenario', columns: SCENARIO_COLUMNS, rows, total: null, notes };
}

export function nationalScenariosBlocks(scenarios: readonly NationalScenario[], notes: string[]): Block[] {
  const money = (m: AreaPlan['annualCost']) => (m === null ? '' : formatPounds(m, { pence: false }));
  const rows = scenarios.flatMap(({ target, mix, run }) =>
    [run.england, run.pooled].map((p) => [
      count(target),
      mix === null ? '—' : `${+(mix * 100).toFixed(2)}%`,
      p.type === 'england' ? `every council (${run.councils.filter((c) => c.hires !== null).length} planned)` : 'England as one pool',
      p.hires === null ? '' : `${p.hires.experienced} / ${p.hires.earlyCareer} / ${p.hires.teamManager}`,
      money(p.annualCost),
      money(p.oneOffCost),
    ]),
  );
  const year = scenarios[0]?.run.year;
  const notPlanned = scenarios[0]?.run.councils.filter((c) => c.hires === null) ?? [];
  return [
    { kind: 'heading', text: `caseplan compare: every council at 30 September ${year}, ${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'}` },
    { kind: 'table', head: ['Target', 'Mix', 'Area', 'Hires (exp / early / TM)', 'Annual cost', 'One-off cost'], align: ['right', 'right', 'left', 'right', 'right', 'right'], rows },
    ...(notPlanned.length === 0 ? [] : [{ kind: 'paragraph' as const, text: `Not planned (${notPlanned.length}): ${notPlanned.map((c) => `${c.name}: ${c.reason}`).join('; ')}.`, emphasis: 'warn' as const }]),
    { kind: 'list', items: notes },
  ];
}
