// `caseplan plan`: wiring only. Options in, use case called, renderer picked, output emitted.
import { loadInputs } from '../app/inputs.js';
import { runPlan } from '../app/plan.js';
import { todayUtc, type Day } from '../core/dates.js';
import type { HiringRule } from '../core/hiring.js';
import { UsageError } from '../errors.js';
import { renderMarkdown, renderTerminal } from '../io/render/document.js';
import { planCsv } from '../io/render/plan-csv.js';
import { planJson } from '../io/render/plan-json.js';
import { planBlocks } from '../io/render/plan-text.js';
import { emit, warn, wantsColor, type Terminal } from './emit.js';

export type Format = 'table' | 'csv' | 'json' | 'markdown';
export const FORMATS: readonly Format[] = ['table', 'csv', 'json', 'markdown'];

export interface InputFlags {
  staff: string;
  referrals?: string;
  config?: string;
  asOf?: Day;
  experienceYears: number;
  delimiter?: string;
  quiet?: boolean;
}

export interface PlanFlags extends InputFlags {
  target: number;
  mix?: number;
  earlyCareerCap?: number;
  experiencedCap?: number;
  cases?: number;
  format: Format;
  output?: string;
  color?: boolean;
}

export function hiringRule(flags: PlanFlags): HiringRule {
  const a = flags.earlyCareerCap;
  const b = flags.experiencedCap;
  if ((a === undefined) !== (b === undefined)) {
    throw new UsageError('caseload caps need both --early-career-cap and --experienced-cap');
  }
  if (b !== undefined && b <= 0) throw new UsageError('--experienced-cap must be above 0');
  return {
    target: flags.target,
    mix: flags.mix ?? null,
    caps: a !== undefined && b !== undefined ? { earlyCareer: a, experienced: b } : null,
  };
}

export function inputPaths(flags: InputFlags) {
  return { staff: flags.staff, referrals: flags.referrals ?? null, config: flags.config ?? null, delimiter: flags.delimiter };
}

export async function planCommand(flags: PlanFlags, terminal: Terminal): Promise<void> {
  const asOf = flags.asOf ?? todayUtc();
  const rule = hiringRule(flags);
  const paths = inputPaths(flags);
  const inputs = await loadInputs(paths, asOf);
  warn(terminal, inputs.warnings, flags.quiet === true);
  const { plan } = runPlan(inputs, { asOf, experienceYears: flags.experienceYears, rule, cases: flags.cases ?? null });
  let text: string;
  switch (flags.format) {
    case 'json':
      text = JSON.stringify(planJson(plan), null, 2);
      break;
    case 'csv':
      text = planCsv(plan);
      break;
    case 'markdown':
      text = renderMarkdown(planBlocks(plan));
      break;
    case 'table':
      text = renderTerminal(planBlocks(plan), { color: wantsColor(terminal, flags) });
      break;
  }
  await emit(terminal, text, flags.output, [paths.staff, paths.referrals, paths.config]);
}
