// The cost and staffing assumptions. Every key has a default (README, "Assumptions"); a config file
// may override any of them (validated by config-schema.ts, loaded only when a config file is given).
import type { ConfigFile } from './config-schema.js';

export const ROLES = ['social_worker', 'senior_practitioner', 'team_manager', 'other'] as const;
export type Role = (typeof ROLES)[number];

/** Header and value matching: case-insensitive, spaces and hyphens read as underscores. */
export function normaliseName(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export interface Config {
  salaries: { experienced: number; early_career: number; team_manager: number };
  on_cost_rate: number;
  recruitment_cost: number;
  span_of_control: number;
  agency_premium: number;
  role_aliases: Record<string, Role>;
  column_aliases: Record<string, string>;
}

/** Illustrative defaults with their sources: shared/domain.md, restated in the README. */
export const DEFAULT_CONFIG: Config = {
  salaries: { experienced: 39_438, early_career: 32_251, team_manager: 47_775 },
  on_cost_rate: 0.3,
  recruitment_cost: 6_000,
  span_of_control: 7,
  agency_premium: 0.33,
  role_aliases: {},
  column_aliases: {},
};

export function resolveConfig(file: ConfigFile): Config {
  return {
    salaries: { ...DEFAULT_CONFIG.salaries, ...file.salaries },
    on_cost_rate: file.on_cost_rate ?? DEFAULT_CONFIG.on_cost_rate,
    recruitment_cost: file.recruitment_cost ?? DEFAULT_CONFIG.recruitment_cost,
    span_of_control: file.span_of_control ?? DEFAULT_CONFIG.span_of_control,
    agency_premium: file.agency_premium ?? DEFAULT_CONFIG.agency_premium,
    role_aliases: Object.fromEntries(
      Object.entries(file.role_aliases ?? {}).map(([title, role]) => [normaliseName(title), role]),
    ),
    column_aliases: Object.fromEntries(
      Object.entries(file.column_aliases ?? {}).map(([header, column]) => [normaliseName(header), normaliseName(column)]),
    ),
  };
}
