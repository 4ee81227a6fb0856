// The `plan` use case: inputs and options in, a Plan (or a usage error) out.
import type { PlanRun } from '../core/results.js';
import { currentPaybill } from '../core/costs.js';
import type { Day } from '../core/dates.js';
import type { HiringRule } from '../core/hiring.js';
import { NO_LIMITS, type RecruitmentLimits } from '../core/limits.js';
import { chooseDemand, makePlan, type Demand } from '../core/plan.js';
import { countWorkforce, type WorkforceCounts } from '../core/workforce.js';
import { UnreachablePlan, UsageError } from '../errors.js';
import type { Inputs } from './inputs.js';

export interface PlanOptions {
  asOf: Day;
  experienceYears: number;
  rule: HiringRule;
  cases: number | null;
  /** Most case-holding hires a year (issue 12); none when not given. */
  limits?: RecruitmentLimits;
  /** Year 0's hires, decided over the whole horizon (issue 13). */
  fixed?: { experienced: number; earlyCareer: number; teamManager: number };
  /** --weighted (issue 15): the target, caps and hires apply to weighted cases. */
  weighted?: boolean;
}

export function demandFor(inputs: Inputs, workforce: WorkforceCounts, cases: number | null, weighted?: boolean): Demand {
  const demand = chooseDemand({
    casesFlag: cases,
    published: inputs.published ?? null,
    annexA:
      inputs.annexA === null
        ? null
        : {
            source: { kind: 'annex_a', files: inputs.annexA.files, rows: inputs.annexA.rows, lists: inputs.annexA.lists, unallocated: inputs.annexA.open.unallocated, onSeveralLists: inputs.annexA.open.onSeveralLists },
            openCases: inputs.annexA.open.children,
            byType: inputs.annexA.open.byType,
          },
    referrals:
      inputs.referrals === null
        ? null
        : { file: inputs.referrals.name, rows: inputs.referrals.summary.rows, openCases: inputs.referrals.summary.openCases, byType: inputs.referrals.summary.byType?.open ?? null },
    staffFile: inputs.staff.name,
    allocatedCases: workforce.allocatedCases,
    weights: inputs.config.case_weights,
  });
  if (demand === null) {
    throw new UsageError(
      'no open-case count: give --cases N, or --referrals FILE (open cases are counted from it), or a caseload column in the staff file',
    );
  }
  if (weighted === true && demand.weightedCases === null) {
    throw new UsageError(
      demand.source.kind === 'flag' && (inputs.annexA !== null || inputs.referrals?.summary.byType != null)
        ? '--weighted applies the target to weighted cases, and the open cases given with --cases have no types: leave out --cases to take the typed open cases of the files'
        : `--weighted applies the target to weighted cases, and the open cases (${demandOrigin(demand)}) have no types: add a case_type column to the referrals, or give --annex-a`,
    );
  }
  return demand;
}

function demandOrigin(demand: Demand): string {
  switch (demand.source.kind) {
    case 'flag':
      return 'given with --cases';
    case 'published':
      return 'the published figures';
    case 'staff':
      return "the staff file's caseload column";
    case 'referrals':
      return `${demand.source.file} has no case_type column`;
    case 'annex_a':
      return 'Annex A';
  }
}

export function runPlan(inputs: Inputs, options: PlanOptions): PlanRun {
  const workforce = countWorkforce(inputs.staff.staff, options.asOf, options.experienceYears);
  const demand = demandFor(inputs, workforce, options.cases, options.weighted);
  const paybill = currentPaybill(inputs.staff.staff, options.asOf, options.experienceYears, inputs.config);
  const outcome = makePlan(
    { asOf: options.asOf, experienceYears: options.experienceYears, rule: options.rule, config: inputs.config, limits: options.limits ?? NO_LIMITS, ...(options.fixed === undefined ? {} : { fixed: options.fixed }), ...(options.weighted === true ? { weighted: true } : {}) },
    workforce,
    demand,
    paybill,
  );
  if (!outcome.ok) throw new UnreachablePlan(outcome.reason);
  return { plan: outcome.plan, workforce };
}
