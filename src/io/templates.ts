// Starting points for a new user: a header row with two example rows per file, and the config
// with every default (documented key by key in the README).
import { DEFAULT_CONFIG } from '../core/config.js';

export const TEMPLATES = {
  staff: [
    'staff_id,role,team,fte,qualified_date,case_holding,caseload,contract,annual_salary,start_date,leave_date',
    'E0001,social_worker,Child Protection,1,2016-07-01,yes,18,permanent,39438,2016-09-05,',
    'E0002,social_worker,Assessment,0.8,2025-06-30,yes,10,permanent,32251,2025-09-01,',
  ].join('\n'),
  referrals: [
    'referral_id,received_date,outcome,closed_date,team,case_type',
    'R000001,2026-01-12,case,,Assessment,assessment',
    'R000002,2026-01-12,nfa,2026-01-14,Assessment,',
  ].join('\n'),
  // Every key with its default; fte_scale is left out, so the FTE scale is detected from the column.
  config: JSON.stringify(
    {
      salaries: DEFAULT_CONFIG.salaries,
      // on_cost_rate (a flat rate) is left out: the itemised on-costs below are the default.
      ni_rate: DEFAULT_CONFIG.ni_rate,
      ni_threshold: DEFAULT_CONFIG.ni_threshold,
      pension_rate: DEFAULT_CONFIG.pension_rate,
      levy_rate: DEFAULT_CONFIG.levy_rate,
      recruitment_cost: DEFAULT_CONFIG.recruitment_cost,
      span_of_control: DEFAULT_CONFIG.span_of_control,
      agency_premium: DEFAULT_CONFIG.agency_premium,
      full_time_hours: DEFAULT_CONFIG.full_time_hours,
      role_aliases: {},
      contract_aliases: {},
      outcome_aliases: {},
      column_aliases: {},
      case_type_aliases: {},
      case_weights: DEFAULT_CONFIG.case_weights,
      early_career_capacity: DEFAULT_CONFIG.early_career_capacity,
    },
    null,
    2,
  ),
} as const;

export type TemplateName = keyof typeof TEMPLATES;
export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];
