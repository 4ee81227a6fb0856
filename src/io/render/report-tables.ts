// The named tables of a plan report: what `--format csv --table NAME` writes and what the workbook
// writes as sheets, each built once from the run.
import { CASE_TYPE_LABEL, CASE_TYPES } from '../../core/case-types.js';
import { showsTargetCaseload, showsWeighted } from './plan-text.js';
import type { OptimisationRun, ProjectionRun } from '../../core/results.js';
import { optimisationTable } from './optimisation.js';
import type { Plan } from '../../core/plan.js';
import { assumptionRows, assumptionsTable } from './assumptions.js';
import { columns, type DataTable } from './data-table.js';
import { headline } from './plan-text.js';
import { plain } from './numbers.js';
import { toPounds } from '../../core/money.js';
import { formatIso } from '../../core/dates.js';
import { groupsTable } from './plan-csv.js';
import { paybillTable, yearsTable } from './projection.js';
import { rangesTable } from './ranges.js';

export type PlanTableName = 'groups' | 'assumptions';

/** The `summary` section: the headline, and the workforce and demand now and after this year's hires. */
export function summaryTable(plan: Plan): DataTable {
  const { current, after, demand } = plan;
  const rows: [string, number | null, number | null][] = [
    ['Case-holding FTE', plain(current.caseHoldingFte), plain(after.caseHoldingFte)],
    ['  experienced', plain(current.experiencedFte), plain(after.experiencedFte)],
    ['  early career', plain(current.earlyCareerFte), plain(after.earlyCareerFte)],
    ['Experienced share', current.experiencedShare, after.experiencedShare],
    ['Team manager FTE', plain(current.teamManagerFte), plain(after.teamManagerFte)],
    ['Agency FTE', plain(current.agencyFte), null],
    ['Open cases', demand.openCases, demand.openCases],
    ...(demand.byType === null ? [] : CASE_TYPES.filter((t) => demand.byType![t] > 0).map((t): [string, number | null, number | null] => [`  ${CASE_TYPE_LABEL[t].toLowerCase()}`, demand.byType![t], demand.byType![t]])),
    ['  allocated to staff', demand.allocatedCases, null],
    ['  unallocated', demand.unallocatedCases, null],
    ...(showsWeighted(plan) ? [['Weighted cases (case_weights)', demand.weightedCases, demand.weightedCases] as [string, number | null, number | null]] : []),
    [showsTargetCaseload(plan) ? 'Average caseload' : 'Average caseload (the target applies to it)', current.averageCaseload, after.averageCaseload],
    ...(showsWeighted(plan) ? [['Weighted caseload', current.weightedCaseload, after.weightedCaseload] as [string, number | null, number | null]] : []),
    ...(showsTargetCaseload(plan) ? [['Caseload against the target (the target applies to it)', current.targetCaseload, after.targetCaseload] as [string, number | null, number | null]] : []),
    ['Allocated caseload (DfE measure)', current.allocatedCaseload, null],
    ['Paybill now (£ a year)', toPounds(current.paybill), null],
  ];
  return {
    name: 'summary',
    title: 'Summary',
    columns: columns(['measure', 'Measure', 'text'], ['now', 'Now', 'number'], ['after_hires', 'After hires', 'number']),
    rows,
    total: null,
    notes: [headline(plan), `Target: ${plan.parameters.weighted === true ? 'a weighted caseload' : 'an average caseload'} of ${plan.parameters.rule.target} ${plan.parameters.weighted === true ? 'weighted cases' : 'open cases'} per ${plan.parameters.config.early_career_capacity === 1 ? 'case-holding FTE' : `FTE counted against the target (an early-career FTE as ${plan.parameters.config.early_career_capacity})`}, at ${formatIso(plan.parameters.asOf)}.`],
  };
}
export type ProjectionTableName = 'years' | 'groups' | 'paybill' | 'assumptions' | 'ranges';

/** Every table of a plan, in workbook order. */
export function planWorkbookTables(plan: Plan): DataTable[] {
  const t = planTables(plan);
  return [summaryTable(plan), t.groups, t.assumptions];
}

/** Every table of an optimised projection, in workbook order: the comparison before the assumptions. */
export function optimisationWorkbookTables(run: OptimisationRun): DataTable[] {
  const t = projectionTables(run);
  return [summaryTable(run.plan), t.groups, t.years, t.paybill, optimisationTable(run), t.assumptions];
}

/** Every table of a projection, in workbook order. */
export function projectionWorkbookTables(run: ProjectionRun): DataTable[] {
  const t = projectionTables(run);
  return [summaryTable(run.plan), t.groups, t.years, t.paybill, t.assumptions];
}

export function planTables(plan: Plan): Record<PlanTableName, DataTable> {
  return { groups: groupsTable(plan), assumptions: assumptionsTable(assumptionRows(plan, null)) };
}

export function projectionTables(run: ProjectionRun): Partial<Record<ProjectionTableName, DataTable>> & Record<Exclude<ProjectionTableName, 'ranges'>, DataTable> {
  return {
    years: yearsTable(run),
    groups: groupsTable(run.plan),
    paybill: paybillTable(run),
    assumptions: assumptionsTable(assumptionRows(run.plan, run)),
    ...(run.ranges ? { ranges: rangesTable(run.ranges) } : {}),
  };
}
