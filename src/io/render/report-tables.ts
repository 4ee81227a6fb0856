// The named tables of a plan report: what `--format csv --table NAME` writes and what the workbook
// writes as sheets, each built once from the run.
import type { ProjectionRun } from '../../core/results.js';
import type { Plan } from '../../core/plan.js';
import { assumptionRows, assumptionsTable } from './assumptions.js';
import type { DataTable } from './data-table.js';
import { groupsTable } from './plan-csv.js';
import { paybillTable, yearsTable } from './projection.js';

export type PlanTableName = 'groups' | 'assumptions';
export type ProjectionTableName = 'years' | 'groups' | 'paybill' | 'assumptions';

export function planTables(plan: Plan): Record<PlanTableName, DataTable> {
  return { groups: groupsTable(plan), assumptions: assumptionsTable(assumptionRows(plan, null)) };
}

export function projectionTables(run: ProjectionRun): Record<ProjectionTableName, DataTable> {
  return {
    years: yearsTable(run),
    groups: groupsTable(run.plan),
    paybill: paybillTable(run),
    assumptions: assumptionsTable(assumptionRows(run.plan, run)),
  };
}
