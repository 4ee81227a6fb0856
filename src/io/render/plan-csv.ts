// The plan's cost table as CSV: one row per group, then a total.
import { sumExact } from '../../core/exact.js';
import { toPounds } from '../../core/money.js';
import type { Plan } from '../../core/plan.js';
import { GROUPS } from '../../core/workforce.js';
import { toCsv, type CsvValue } from './csv.js';
import { plain } from './numbers.js';

export const PLAN_CSV_COLUMNS = ['group', 'current_fte', 'hires', 'after_fte', 'unit_annual_cost', 'annual_cost', 'one_off_cost'] as const;

export function planCsv(plan: Plan): string {
  const rows: CsvValue[][] = GROUPS.map((group) => {
    const g = plan.byGroup[group];
    return [group, plain(g.currentFte), g.hires, plain(g.afterFte), plain(g.unitAnnualCost), toPounds(g.annualCost), toPounds(g.oneOffCost)];
  });
  rows.push([
    'total',
    plain(sumExact(GROUPS.map((g) => plan.byGroup[g].currentFte))),
    plan.hires.total,
    plain(sumExact(GROUPS.map((g) => plan.byGroup[g].afterFte))),
    null,
    toPounds(plan.cost.annual),
    toPounds(plan.cost.oneOff),
  ]);
  return toCsv(PLAN_CSV_COLUMNS, rows);
}
