// The plan as one JSON object: the public, stable shape scripts rely on (README, "JSON output").
import type { Config, ValueAlias } from '../../core/config.js';
import { formatIso } from '../../core/dates.js';
import { toPounds } from '../../core/money.js';
import type { Plan, PlanWithout } from '../../core/plan.js';
import { GROUPS } from '../../core/workforce.js';
import { plain } from './numbers.js';

export function configJson(config: Config) {
  return {
    salaries: { ...config.salaries },
    on_cost_rate: config.on_cost_rate,
    ni_rate: config.ni_rate,
    ni_threshold: config.ni_threshold,
    pension_rate: config.pension_rate,
    levy_rate: config.levy_rate,
    recruitment_cost: config.recruitment_cost,
    span_of_control: config.span_of_control,
    agency_premium: config.agency_premium,
    role_aliases: aliasesJson(config.role_aliases),
    outcome_aliases: aliasesJson(config.outcome_aliases),
    contract_aliases: aliasesJson(config.contract_aliases),
    case_type_aliases: aliasesJson(config.case_type_aliases),
    case_weights: { ...config.case_weights },
    early_career_capacity: config.early_career_capacity,
    column_aliases: config.column_aliases,
    fte_scale: config.fte_scale,
    full_time_hours: config.full_time_hours,
    retention: config.retention.map((m) => ({ group: m.group, annual_payment: m.annualPayment, turnover: m.turnover, from_year: m.fromYear })),
  };
}

/** Aliases as an object in config order: a plain title normalised, a pattern as written. */
function aliasesJson(aliases: readonly ValueAlias<string>[]): Record<string, string> {
  return Object.fromEntries(aliases.map((alias) => [alias.key, alias.value]));
}

export function demandSourceJson(plan: Plan) {
  const source = plan.demand.source;
  switch (source.kind) {
    case 'flag':
      return { kind: 'cases_flag', file: null, rows: null };
    case 'published':
      return { kind: 'published', file: null, rows: null, label: source.label, assumptions: source.assumptions };
    case 'referrals':
      return { kind: 'referrals', file: source.file, rows: source.rows };
    case 'staff':
      return { kind: 'staff_caseload', file: source.file, rows: null };
    case 'annex_a':
      return {
        kind: 'annex_a',
        file: source.files.join(', '),
        rows: source.rows,
        files: source.files,
        lists: source.lists.map((l) => ({ file: l.file, sheet: l.sheet, list: l.list, rows: l.rows, headers: l.headers })),
        unallocated_children: source.unallocated,
        children_on_several_lists: source.onSeveralLists,
      };
  }
}

export function planJson(plan: Plan) {
  const { parameters, current, after, hires } = plan;
  const rule = parameters.rule;
  return {
    as_of: formatIso(parameters.asOf),
    parameters: {
      target: rule.target,
      mix: rule.mix,
      experience_years: parameters.experienceYears,
      early_career_cap: rule.caps?.earlyCareer ?? null,
      experienced_cap: rule.caps?.experienced ?? null,
      target_applies_to: parameters.weighted === true ? 'weighted_cases' : 'open_cases',
      ...configJson(parameters.config),
    },
    open_cases_source: demandSourceJson(plan),
    inputs: {
      staff: {
        rows: plan.workforce.rows,
        in_post: plan.workforce.inPost,
        left_before_as_of: plan.workforce.excludedLeft,
        not_started_by_as_of: plan.workforce.excludedNotStarted,
        case_holding_people: plan.workforce.caseHoldingPeople,
      },
    },
    current: {
      case_holding_fte: plain(current.caseHoldingFte),
      experienced_fte: plain(current.experiencedFte),
      early_career_fte: plain(current.earlyCareerFte),
      experienced_share: current.experiencedShare,
      team_manager_fte: plain(current.teamManagerFte),
      agency_fte: plain(current.agencyFte),
      open_cases: plan.demand.openCases,
      allocated_cases: plan.demand.allocatedCases,
      unallocated_cases: plan.demand.unallocatedCases,
      average_caseload: current.averageCaseload,
      allocated_caseload: current.allocatedCaseload,
      open_cases_by_type: plan.demand.byType === null ? null : { ...plan.demand.byType },
      weighted_cases: plan.demand.weightedCases,
      weighted_caseload: current.weightedCaseload,
      target_caseload: current.targetCaseload,
      paybill: toPounds(current.paybill),
    },
    hires: {
      experienced: hires.experienced,
      early_career: hires.earlyCareer,
      team_manager: hires.teamManager,
      total: hires.total,
    },
    after: {
      case_holding_fte: plain(after.caseHoldingFte),
      experienced_fte: plain(after.experiencedFte),
      early_career_fte: plain(after.earlyCareerFte),
      experienced_share: after.experiencedShare,
      team_manager_fte: plain(after.teamManagerFte),
      average_caseload: after.averageCaseload,
      weighted_caseload: after.weightedCaseload,
      target_caseload: after.targetCaseload,
    },
    team_managers_required: plan.teamManagersRequired,
    binding_constraints: plan.binding,
    shortage: { short: plan.shortage.short, uncovered_cases: plan.shortage.uncoveredCases, mix_shortfall_fte: plan.shortage.mixShortfallFte },
    constraints: {
      target: { min_case_holding_fte: plan.constraints.target.minCaseHoldingFte, ...constraintStatusJson(plan.constraints.target) },
      mix: plan.constraints.mix === null ? null : { min_experienced_fte_after: plan.constraints.mix.minExperiencedFteAfter, ...constraintStatusJson(plan.constraints.mix) },
      caps:
        plan.constraints.caps === null
          ? null
          : { capacity_now: plan.constraints.caps.capacityNow, capacity_after: plan.constraints.caps.capacityAfter, ...constraintStatusJson(plan.constraints.caps) },
    },
    cost: {
      annual: toPounds(plan.cost.annual),
      one_off: toPounds(plan.cost.oneOff),
      by_group: Object.fromEntries(
        GROUPS.map((group) => {
          const g = plan.byGroup[group];
          return [group, { hires: g.hires, unit_annual_cost: plain(g.unitAnnualCost), annual: toPounds(g.annualCost), one_off: toPounds(g.oneOffCost) }];
        }),
      ),
    },
  };
}

/** Whether a constraint binds, and the plan without it: what the constraint costs a year. */
function constraintStatusJson(status: { metNow: boolean; binding: boolean; without: PlanWithout }) {
  const { hires, annualCost, oneOffCost, annualPrice } = status.without;
  return {
    met_now: status.metNow,
    binding: status.binding,
    without: {
      hires: { experienced: hires.experienced, early_career: hires.earlyCareer, team_manager: hires.teamManager },
      annual_cost: toPounds(annualCost),
      one_off_cost: toPounds(oneOffCost),
    },
    annual_price: toPounds(annualPrice),
  };
}
