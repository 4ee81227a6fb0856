// The plan's cost table as CSV: one row per group, then a total.
import { sumExact } from '../../core/exact.js';
import { toPounds } from '../../core/money.js';
import type { Plan } from '../../core/plan.js';
import { GROUPS } from '../../core/workforce.js';
import type { CsvValue } from './csv.js';
import { columns, tableCsv, type DataTable } from './data-table.js';
import { plain } from './numbers.js';

const GROUP_COLUMNS = columns(
  ['group', 'Group', 'text'], ['current_fte', 'FTE now', 'fte'], ['hires', 'Hires', 'integer'], ['after_fte', 'FTE after', 'fte'],
  ['unit_annual_cost', 'Unit annual cost (£, in full)', 'number'], ['annual_cost', 'Annual cost', 'money'], ['one_off_cost', 'One-off cost', 'money'],
);

/** The `groups` section: hires and their cost by group, then the total. */
export function groupsTable(plan: Plan): DataTable {
  const rows: CsvValue[][] = GROUPS.map((group) => {
    const g = plan.byGroup[group];
    return [group, plain(g.currentFte), g.hires, plain(g.afterFte), plain(g.unitAnnualCost), toPounds(g.annualCost), toPounds(g.oneOffCost)];
  });
  const total: CsvValue[] = [
    'total',
    plain(sumExact(GROUPS.map((g) => plan.byGroup[g].currentFte))),
    plan.hires.total,
    plain(sumExact(GROUPS.map((g) => plan.byGroup[g].afterFte))),
    null,
    toPounds(plan.cost.annual),
    toPounds(plan.cost.oneOff),
  ];
  return { name: 'groups', title: 'Cost by group', columns: GROUP_COLUMNS, rows, total, notes: [] };
}

export function planCsv(plan: Plan): Promise<string> {
  return tableCsv(groupsTable(plan));
}
