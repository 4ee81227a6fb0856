// Every council planned for one year from the published figures (issue 14: `plan --by la`): one plan
// per council, their sums by region and for England, and England planned as one pool beside the sum
// (the sum is larger: councils cannot lend each other staff). Councils whose figures were not
// published are listed, not planned, with the reason.
import type { Config } from '../core/config.js';
import type { AreaPlan, NationalRun } from '../core/results.js';
import type { Money } from '../core/money.js';
import { addMoney, sumMoney, ZERO_POUNDS } from '../core/money.js';
import { isPublished, latestYear, type PublishedData } from '../core/published.js';
import { UnreachablePlan, UsageError } from '../errors.js';
import { areaInputs } from './published.js';
import { runScenario, type ScenarioOptions } from './scenario.js';

export function runNational(data: PublishedData, yearAsked: number | null, experiencedShare: number | null, experienceYears: number, config: Config, options: Omit<ScenarioOptions, 'asOf'>): NationalRun {
  const [first, last] = data.source.years;
  if (yearAsked !== null && (yearAsked < first || yearAsked > last)) throw new UsageError(`--year ${yearAsked}: the published figures run from ${first} to ${last}`);
  const year = yearAsked ?? latestYear(data);
  const planOf = (row: (typeof data.rows)[number], type: AreaPlan['type']): AreaPlan => {
    const base = {
      type,
      code: row.code,
      name: row.name,
      region: row.regionName,
      caseHoldersFte: isPublished(row.values.case_holders_fte) ? row.values.case_holders_fte : null,
      cases: isPublished(row.values.cases) ? row.values.cases : null,
      caseload: isPublished(row.values.caseload_fte) ? row.values.caseload_fte : null,
      councils: null,
    };
    const unpublished = (['case_holders_fte', 'cases'] as const).filter((i) => !isPublished(row.values[i]));
    if (unpublished.length > 0) {
      const symbols = unpublished.map((i) => `${i === 'cases' ? 'cases' : 'case holders FTE'} "${(row.values[i] as { suppressed: string }).suppressed}"`);
      return { ...base, hires: null, annualCost: null, oneOffCost: null, additionalCost: null, reason: `not published: ${symbols.join(', ')}` };
    }
    const { inputs, source } = areaInputs(data, row, experiencedShare, experienceYears, config);
    try {
      const outcome = runScenario(inputs, { ...options, asOf: source.asOf } as ScenarioOptions);
      const plan = outcome.run.plan;
      return {
        ...base,
        hires: { experienced: plan.hires.experienced, earlyCareer: plan.hires.earlyCareer, teamManager: plan.hires.teamManager },
        annualCost: plan.cost.annual,
        oneOffCost: plan.cost.oneOff,
        additionalCost: outcome.kind === 'projection' ? outcome.run.totals.additionalCost : null,
        reason: null,
      };
    } catch (error) {
      if (!(error instanceof UnreachablePlan)) throw error;
      return { ...base, hires: null, annualCost: null, oneOffCost: null, additionalCost: null, reason: error.detail };
    }
  };
  const inYear = data.rows.filter((r) => r.year === year);
  const councils = inYear.filter((r) => r.type === 'council').map((r) => planOf(r, 'council'));
  const sum = (plans: AreaPlan[], type: AreaPlan['type'], code: string, name: string, region: string | null): AreaPlan => {
    const planned = plans.filter((p) => p.hires !== null);
    const add = (f: (p: AreaPlan) => number) => planned.reduce((s, p) => s + f(p), 0);
    const money = (f: (p: AreaPlan) => Money | null) => (planned.some((p) => f(p) === null) ? null : sumMoney(planned.map((p) => f(p) ?? ZERO_POUNDS)));
    const fte = Math.round(planned.reduce((s, p) => s + p.caseHoldersFte! * 10, 0)) / 10;
    const cases = add((p) => p.cases!);
    return {
      type, code, name, region,
      caseHoldersFte: fte,
      cases,
      caseload: fte > 0 ? Math.round((cases / fte) * 10) / 10 : null,
      hires: { experienced: add((p) => p.hires!.experienced), earlyCareer: add((p) => p.hires!.earlyCareer), teamManager: add((p) => p.hires!.teamManager) },
      annualCost: money((p) => p.annualCost),
      oneOffCost: money((p) => p.oneOffCost),
      additionalCost: planned.every((p) => p.additionalCost !== null) && planned.length > 0 ? planned.reduce((s, p) => addMoney(s, p.additionalCost!), ZERO_POUNDS) : null,
      reason: null,
      councils: planned.length,
    };
  };
  const regionNames = [...new Set(councils.map((c) => c.region).filter((r): r is string => r !== null))];
  const regions = regionNames.map((name) => {
    const code = inYear.find((r) => r.type === 'council' && r.regionName === name)?.regionCode ?? '';
    return sum(councils.filter((c) => c.region === name), 'region', code, name, name);
  });
  const englandRow = inYear.find((r) => r.type === 'england')!;
  return {
    year,
    councils,
    regions,
    england: sum(councils, 'england', englandRow.code, 'England: the sum of the council plans', null),
    pooled: { ...planOf(englandRow, 'england_pooled'), name: 'England as one pool' },
  };
}
