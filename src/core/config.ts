// The cost and staffing assumptions. Every key has a default (README, "Assumptions"); a config file
// may override any of them (read and validated at the edge: io/config-file.ts and io/config-schema.ts).

export const ROLES = ['social_worker', 'senior_practitioner', 'team_manager', 'other'] as const;
export type Role = (typeof ROLES)[number];

/** Header and value matching: case-insensitive, spaces and hyphens read as underscores. */
export function normaliseName(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

import { UNIT_WEIGHTS, type CaseType, type CaseWeights } from './case-types.js';

export const OUTCOMES = ['case', 'nfa'] as const;
export const CONTRACTS = ['permanent', 'agency'] as const;

/**
 * A council's own wording for one of caseplan's values (a job title for a role, an outcome, a
 * contract). Written as a plain title, matched like a header (ignoring case, spaces and hyphens); a
 * glob with `*` or `?` (`*Social Worker*`), matched the same way; or a regular expression between
 * slashes (`/^senior/`), always case-insensitive, matched against the cell with its spaces folded.
 * In a list, the first alias that matches wins, in the order written in the config.
 */
export interface ValueAlias<T extends string> {
  /** The key as reported (normalised for a plain title, as written for a pattern). */
  key: string;
  kind: 'title' | 'glob' | 'regex';
  matches(text: string): boolean;
  value: T;
}

/** Builds an alias from its config key; throws a SyntaxError for a regular expression that does not compile. */
export function valueAlias<T extends string>(written: string, value: T): ValueAlias<T> {
  const regex = /^\/(.+)\/([a-z]*)$/s.exec(written.trim());
  if (regex !== null) {
    const flags = regex[2]!.includes('i') ? regex[2]! : `${regex[2]}i`;
    const pattern = new RegExp(regex[1]!, flags.replace(/[gy]/g, ''));
    return { key: written.trim(), kind: 'regex', value, matches: (text) => pattern.test(text.trim().replace(/\s+/g, ' ')) };
  }
  const normal = normaliseName(written);
  if (/[*?]/.test(normal)) {
    const source = normal.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    const pattern = new RegExp(`^${source}$`);
    return { key: written.trim(), kind: 'glob', value, matches: (text) => pattern.test(normaliseName(text)) };
  }
  return { key: normal, kind: 'title', value, matches: (text) => normaliseName(text) === normal };
}

/** The first alias that matches the text, in config order. */
export function findAlias<T extends string>(aliases: readonly ValueAlias<T>[], text: string): ValueAlias<T> | undefined {
  return aliases.find((alias) => alias.matches(text));
}

export interface Config {
  salaries: { experienced: number; early_career: number; team_manager: number };
  /** A flat rate of employer on-costs on salary; null: itemised (National Insurance, pension, levy), the default. */
  on_cost_rate: number | null;
  /** Employer National Insurance on pay above the secondary threshold (15% from 6 April 2025). */
  ni_rate: number;
  /** £ a year of a person's pay free of employer NI (£5,000 from 6 April 2025). */
  ni_threshold: number;
  /** Employer pension contribution (LGPS average total employer rate, 2022 valuations: 21.1%). */
  pension_rate: number;
  /** Apprenticeship levy (0.5% of the paybill; councils are over the £3m allowance). */
  levy_rate: number;
  recruitment_cost: number;
  span_of_control: number;
  agency_premium: number;
  role_aliases: readonly ValueAlias<Role>[];
  outcome_aliases: readonly ValueAlias<(typeof OUTCOMES)[number]>[];
  contract_aliases: readonly ValueAlias<(typeof CONTRACTS)[number]>[];
  /** A council's own wording for a case type (issue 15): "LAC" for cla. */
  case_type_aliases: readonly ValueAlias<CaseType>[];
  /** Points per open case of each type (issue 15); 1 for a type not given. */
  case_weights: CaseWeights;
  /** The fraction of an FTE an early-career social worker counts for against the target (issue 15): 1, or e.g. 0.75 for a protected first year. */
  early_career_capacity: number;
  column_aliases: Record<string, string>;
  /** 1: FTE as a fraction; 100: as a percentage (100.00 = full time); null: detected from the column. */
  fte_scale: 1 | 100 | null;
  /** Hours a week of a full-time post: `contracted_hours` / this is the FTE. */
  full_time_hours: number;
  /** Retention measures from the config (issue 12); --retention adds to them. */
  retention: readonly { group: 'experienced' | 'early_career' | 'team_manager'; annualPayment: number; turnover: number; fromYear: number }[];
  /** The keys the config file set (`salaries.experienced`, `on_cost_rate`, ...): the rest are defaults. */
  given: readonly string[];
}

/** Where each default comes from (docs/method.md, "Assumptions and their sources"; shared/domain.md). */
export const DEFAULT_SOURCES: Record<
  'salaries.experienced' | 'salaries.early_career' | 'salaries.team_manager' | 'ni_rate' | 'ni_threshold' | 'pension_rate' | 'levy_rate' | 'recruitment_cost' | 'span_of_control' | 'agency_premium',
  string
> = {
  'salaries.experienced': "one council's 2019/20 senior/advanced social worker band, bottom point (social worker and senior range £34,688-£43,744)",
  'salaries.early_career': "the same council's 2019/20 ASYE (newly qualified) point",
  'salaries.team_manager': "the same council's 2019/20 team manager band, midpoint (£44,838-£50,711)",
  ni_rate: "employer National Insurance, 15% of pay above the secondary threshold from 6 April 2025 (councils cannot claim the Employment Allowance)",
  ni_threshold: 'the secondary threshold, £5,000 a year from 6 April 2025, on each person\'s own pay',
  pension_rate: 'Local Government Pension Scheme: average total employer rate of the 2022 valuations, for 2023-26 (each fund has its own)',
  levy_rate: 'apprenticeship levy, 0.5% of the paybill (a council\'s paybill is over the £3m allowance)',
  recruitment_cost: "one council's 2020 welcome and retention payments for a new permanent social worker; advertising and agency fees come on top",
  span_of_control: 'no national standard; frontline teams commonly have 6-8 social workers per team manager',
  agency_premium: "one authority's 2019 FOI answer: £82,875 for an agency worker against £62,170 for a permanent one, a year",
};

/** Illustrative defaults with their sources: shared/domain.md, restated in the README. */
export const DEFAULT_CONFIG: Config = {
  salaries: { experienced: 39_438, early_career: 32_251, team_manager: 47_775 },
  on_cost_rate: null,
  ni_rate: 0.15,
  ni_threshold: 5_000,
  pension_rate: 0.211,
  levy_rate: 0.005,
  recruitment_cost: 6_000,
  span_of_control: 7,
  agency_premium: 0.33,
  role_aliases: [],
  outcome_aliases: [],
  contract_aliases: [],
  case_type_aliases: [],
  case_weights: UNIT_WEIGHTS,
  early_career_capacity: 1,
  column_aliases: {},
  fte_scale: null,
  full_time_hours: 37,
  retention: [],
  given: [],
};

