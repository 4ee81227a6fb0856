// The config file's schema. Unknown keys are errors so a typo never silently falls back to a default.
// Kept apart from config.ts so zod is loaded only when a config file is read.
import { z } from 'zod';
import { CONTRACTS, normaliseName, OUTCOMES, ROLES } from '../core/config.js';
import { CASE_TYPES } from '../core/case-types.js';

const pounds = z.number().finite().nonnegative();

/** A rate as a number (0.3) or, as on the command line, a percentage string ("30%"). */
const rate = (schema: z.ZodNumber) =>
  z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    const match = /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/.exec(v);
    return match ? Number(match[1]) / 100 : v;
  }, schema);

/** Values are matched like the cells they stand for: "Social Worker" is social_worker. */
const normalisedEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (typeof v === 'string' ? normaliseName(v) : v), z.enum(values));

export const ConfigSchema = z
  .object({
    salaries: z
      .object({
        experienced: z.number().finite().positive(),
        early_career: z.number().finite().positive(),
        team_manager: z.number().finite().positive(),
      })
      .partial()
      .strict(),
    on_cost_rate: rate(z.number().finite().min(0).max(5)),
    // Itemised on-costs (issue 12); on_cost_rate, when given, replaces them with a flat rate.
    ni_rate: rate(z.number().finite().min(0).max(1)),
    ni_threshold: pounds,
    pension_rate: rate(z.number().finite().min(0).max(1)),
    levy_rate: rate(z.number().finite().min(0).max(1)),
    recruitment_cost: pounds,
    span_of_control: z.number().finite().positive(),
    agency_premium: rate(z.number().finite().min(0).max(10)),
    // Values are matched like roles in the staff file: "Social Worker" is social_worker.
    role_aliases: z.record(z.string(), normalisedEnum(ROLES)),
    outcome_aliases: z.record(z.string(), normalisedEnum(OUTCOMES)),
    contract_aliases: z.record(z.string(), normalisedEnum(CONTRACTS)),
    case_type_aliases: z.record(z.string(), normalisedEnum(CASE_TYPES)),
    // Issue 15: points per case type; a type not given weighs 1.
    case_weights: z.object(Object.fromEntries(CASE_TYPES.map((t) => [t, z.number().finite().nonnegative().max(100)])) as Record<(typeof CASE_TYPES)[number], z.ZodNumber>).partial().strict(),
    // The fraction of an FTE an early-career social worker counts for against the target: above 0, at most 1.
    early_career_capacity: rate(z.number().finite().gt(0).max(1)),
    column_aliases: z.record(z.string(), z.string()),
    fte_scale: z.union([z.literal(1), z.literal(100)]),
    full_time_hours: z.number().finite().positive().max(168),
    // Issue 12: retention measures, as --retention GROUP:PAYMENT:TURNOVER[:FROM_YEAR].
    retention: z.array(
      z
        .object({
          group: normalisedEnum(['experienced', 'early_career', 'team_manager'] as const),
          annual_payment: pounds,
          turnover: rate(z.number().finite().min(0).max(1)),
          from_year: z.number().int().min(0).max(30).optional(),
        })
        .strict(),
    ),
  })
  .partial()
  .strict();

export type ConfigFile = z.infer<typeof ConfigSchema>;

