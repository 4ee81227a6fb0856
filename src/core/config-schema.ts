// The config file's schema. Unknown keys are errors so a typo never silently falls back to a default.
// Kept apart from config.ts so zod is loaded only when a config file is read.
import { z } from 'zod';
import { normaliseName, ROLES } from './config.js';

const pounds = z.number().finite().nonnegative();

export const ConfigSchema = z
  .object({
    salaries: z
      .object({
        experienced: pounds.positive(),
        early_career: pounds.positive(),
        team_manager: pounds.positive(),
      })
      .partial()
      .strict(),
    on_cost_rate: z.number().finite().min(0).max(5),
    recruitment_cost: pounds,
    span_of_control: z.number().finite().positive(),
    agency_premium: z.number().finite().min(0).max(10),
    // Values are matched like roles in the staff file: "Social Worker" is social_worker.
    role_aliases: z.record(z.string(), z.preprocess((v) => (typeof v === 'string' ? normaliseName(v) : v), z.enum(ROLES))),
    column_aliases: z.record(z.string(), z.string()),
  })
  .partial()
  .strict();

export type ConfigFile = z.infer<typeof ConfigSchema>;

