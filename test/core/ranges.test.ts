// Ranges (issue 16): the simulation's invariants, and a case checked against the exact binomial.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/config.js';
import { dayFromYmd } from '../../src/core/dates.js';
import { exact, ZERO } from '../../src/core/exact.js';
import { cohortsOf, project, type ProjectionInput } from '../../src/core/projection.js';
import { binomial, generator, METRICS, percentile, simulate } from '../../src/core/ranges.js';
import type { StaffMember } from '../../src/core/workforce.js';

const AS_OF = dayFromYmd(2026, 9, 30);
const person = (id: string, qualified: number, extra: Partial<StaffMember> = {}): StaffMember => ({
  staffId: id, line: 2, role: 'social_worker', fte: exact(1), qualifiedDate: dayFromYmd(qualified, 1, 1), caseHolding: true, caseload: null,
  contract: 'permanent', team: null, annualSalary: null, startDate: null, leaveDate: null, ...extra,
});

function inputOf(staff: StaffMember[], overrides: Partial<ProjectionInput>): ProjectionInput {
  return {
    asOf: AS_OF, years: 5, experienceYears: 3, rule: { target: 15, mix: 0.4, caps: null }, mixBy: 2, config: DEFAULT_CONFIG,
    openCases: 400, growth: exact(0.04), turnover: exact(0.15), payAward: exact(0.03), convertAgency: false, cohorts: cohortsOf(staff, AS_OF, 3), ...overrides,
  };
}

const team = [...Array.from({ length: 14 }, (_, i) => person(`e${i}`, 2012)), ...Array.from({ length: 9 }, (_, i) => person(`n${i}`, 2025)), person('m', 2005, { role: 'team_manager', caseHolding: false })];

function central(input: ProjectionInput) {
  const outcome = project(input);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.years;
}

describe('ranges', () => {
  it('with zero spread every run is the central projection: every percentile is its figure', () => {
    const input = inputOf(team, {});
    const years = central(input);
    const r = simulate(input, years, { growthSd: 0, turnoverSd: 0, binomial: false }, 50, 7);
    r.byYear.forEach((y, k) => {
      expect(y.metrics.open_cases).toEqual({ p10: years[k]!.openCases, p50: years[k]!.openCases, p90: years[k]!.openCases });
      expect(y.metrics.additional_cost!.p50).toBe(years[k]!.additionalCost.toNumber());
      expect(y.metrics.hires_early_career!.p90).toBe(years[k]!.hires.earlyCareer);
    });
  });

  it('percentiles are in order every year, and the same seed gives the same ranges', () => {
    const input = inputOf(team, {});
    const years = central(input);
    const spread = { growthSd: 0.03, turnoverSd: 0.05, binomial: true };
    const a = simulate(input, years, spread, 300, 11);
    for (const y of a.byYear) for (const m of METRICS) {
      const p = y.metrics[m];
      if (p === null) continue;
      expect(p.p10).toBeLessThanOrEqual(p.p50);
      expect(p.p50).toBeLessThanOrEqual(p.p90);
    }
    expect(simulate(input, years, spread, 300, 11)).toEqual(a);
    expect(simulate(input, years, spread, 300, 12)).not.toEqual(a);
    // The drawn futures spread around the central one.
    expect(a.byYear[5]!.metrics.open_cases!.p10).toBeLessThan(years[5]!.openCases);
    expect(a.byYear[5]!.metrics.open_cases!.p90).toBeGreaterThan(years[5]!.openCases);
  });

  it("one group, one year: ten people leaving at 20% give the binomial distribution's own percentiles", () => {
    // Ten experienced social workers, nothing to hire (target far above the caseload), no growth; the
    // team managers the span requires do not leave, so every leaver is one of the ten.
    const input = inputOf(Array.from({ length: 10 }, (_, i) => person(`e${i}`, 2010)), {
      years: 1, openCases: 10, rule: { target: 100, mix: null, caps: null }, mixBy: 0, growth: ZERO, turnover: exact(0.2), payAward: ZERO,
      turnoverByGroup: { experienced: exact(0.2), early_career: ZERO, team_manager: ZERO },
    });
    const r = simulate(input, central(input), { growthSd: 0, turnoverSd: 0, binomial: true }, 4000, 3);
    // 4,000 runs: P(X = 0) = 0.107 is 1.5 standard errors from the edge at 0.1, so the seed is fixed.
    // Binomial(10, 0.2): P(X <= 0) = 0.107, P(X <= 1) = 0.376, P(X <= 2) = 0.678, P(X <= 3) = 0.879, P(X <= 4) = 0.967.
    expect(r.byYear[1]!.metrics.leavers_fte).toEqual({ p10: 0, p50: 2, p90: 4 });
  });

  it('the generator, the binomial draw and the percentile rule', () => {
    const random = generator(1);
    const draws = Array.from({ length: 20_000 }, () => binomial(10, 0.2, random));
    expect(draws.reduce((s, v) => s + v, 0) / draws.length).toBeCloseTo(2, 1);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.1)).toBe(1);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
  });
});
