import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/config.js';

// The figures below were worked out with a flat 30% on-costs (the default before issue 12).
const FLAT = { ...DEFAULT_CONFIG, on_cost_rate: 0.3 };
import { dayFromYmd } from '../../src/core/dates.js';
import { exact, ZERO } from '../../src/core/exact.js';
import { addMoney, multiplyMoney, pounds, subtractMoney, toPence } from '../../src/core/money.js';
import { cohortsOf, project, yearBecomingExperienced, type Cohorts, type ProjectionInput } from '../../src/core/projection.js';
import type { StaffMember } from '../../src/core/workforce.js';

const AS_OF = dayFromYmd(2026, 9, 30);
const date = (y: number, m: number, d: number) => dayFromYmd(y, m, d);

function person(id: string, qualified: [number, number, number], extra: Partial<StaffMember> = {}): StaffMember {
  return {
    staffId: id, line: 2, role: 'social_worker', fte: exact(1), qualifiedDate: date(...qualified), caseHolding: true, caseload: null,
    contract: 'permanent', team: null, annualSalary: null, startDate: null, leaveDate: null, ...extra,
  };
}

function input(cohorts: Cohorts, overrides: Partial<ProjectionInput>): ProjectionInput {
  return {
    asOf: AS_OF, years: 2, experienceYears: 3, rule: { target: 19, mix: null, caps: null }, mixBy: 0, config: FLAT,
    openCases: 0, growth: ZERO, turnover: ZERO, payAward: ZERO, convertAgency: false, cohorts, ...overrides,
  };
}

function run(i: ProjectionInput) {
  const outcome = project(i);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome;
}

describe('progression: who is experienced in year k', () => {
  it('uses the anniversary rule against as-of + k years', () => {
    expect(yearBecomingExperienced(date(2023, 9, 30), AS_OF, 3)).toBe(0);
    expect(yearBecomingExperienced(date(2023, 10, 1), AS_OF, 3)).toBe(1);
    expect(yearBecomingExperienced(date(2024, 9, 30), AS_OF, 3)).toBe(1);
    expect(yearBecomingExperienced(date(2024, 10, 1), AS_OF, 3)).toBe(2);
    expect(yearBecomingExperienced(date(2026, 9, 1), AS_OF, 3)).toBe(3);
  });

  it('reaches the mix by year 2 through progression alone, with no experienced hires', () => {
    // 4 experienced; 6 qualified 1 Dec 2024, experienced from 1 Dec 2027, so in year 2 (30 Sep 2028).
    const staff = [
      ...Array.from({ length: 4 }, (_, i) => person(`E${i}`, [2010, 1, 1])),
      ...Array.from({ length: 6 }, (_, i) => person(`N${i}`, [2024, 12, 1])),
    ];
    const cohorts = cohortsOf(staff, AS_OF, 3);
    const result = run(input(cohorts, { openCases: 150, rule: { target: 19, mix: 0.5, caps: null }, mixBy: 2, years: 3 }));
    expect(result.years.map((y) => y.experiencedShare)).toEqual([0.4, 0.4, 1, 1]);
    expect(result.years.map((y) => y.hires.experienced)).toEqual([0, 0, 0, 0]);
    expect(result.years.map((y) => y.mixApplied)).toEqual([false, false, true, true]);
    // With the mix from year 0 the same council must hire 2 experienced staff now: 4 + x >= 0.5 (10 + x).
    const now = run(input(cohorts, { openCases: 150, rule: { target: 19, mix: 0.5, caps: null }, mixBy: 0, years: 1 }));
    expect(now.years[0]!.hires.experienced).toBe(2);
  });

  it('makes early-career hires experienced experience-years after they are hired', () => {
    const cohorts = cohortsOf([person('A', [2010, 1, 1])], AS_OF, 3);
    // 190 cases need 10 FTE: 9 early-career hires in year 0, experienced in year 3.
    const result = run(input(cohorts, { openCases: 190, years: 3 }));
    expect(result.years[0]!.hires.earlyCareer).toBe(9);
    expect(result.years.map((y) => y.experiencedFte.toNumber())).toEqual([1, 1, 1, 10]);
  });
});

describe('15% turnover: leavers replaced by hires (hand-worked)', () => {
  // 20 experienced FTE, 380 cases (exactly 19 each), no team managers, turnover 15%, no growth, no pay award.
  const cohorts = cohortsOf(Array.from({ length: 20 }, (_, i) => person(`E${i}`, [2010, 1, 1])), AS_OF, 3);
  const result = run(input(cohorts, { openCases: 380, turnover: exact('0.15'), years: 2 }));
  const [y0, y1, y2] = result.years as [typeof result.years[0], typeof result.years[0], typeof result.years[0]];

  it('has no leavers in year 0 and 15% of every group after', () => {
    expect(y0.leaversFte.toNumber()).toBe(0);
    // Year 1: 15% of 20 social workers and 3 team managers.
    expect(y1.leaversFte.toString()).toBe('3.45');
    // Year 2: 15% of 20 case-holding (17 experienced + 3 early career) and 3.55 team managers.
    expect(y2.leaversFte.toString()).toBe('3.5325');
  });

  it('hires whole people to hold the target: 3 early-career hires in years 1 and 2', () => {
    expect(y0.hires).toEqual({ experienced: 0, earlyCareer: 0, teamManager: 3 });
    expect(y1.hires).toEqual({ experienced: 0, earlyCareer: 3, teamManager: 1 });
    expect(y2.hires).toEqual({ experienced: 0, earlyCareer: 3, teamManager: 0 });
    expect(y1.caseHoldingFte.toString()).toBe('20');
    expect(y2.experiencedFte.toString()).toBe('14.45');
    expect(y2.earlyCareerFte.toString()).toBe('5.55');
  });

  it('costs paybill, recruitment and baseline to the penny', () => {
    // Year 0: 20 * 51,269.40 + 3 * 62,107.50; baseline has no team managers; 3 hires * £6,000.
    expect(toPence(y0.paybill)).toBe(121171050n);
    expect(toPence(y0.baselineCost)).toBe(102538800n);
    expect(toPence(y0.recruitmentCost)).toBe(1800000n);
    expect(toPence(y0.additionalCost)).toBe(20432250n);
    // Year 1: 17 * 51,269.40 + 3 * 41,926.30 + 3.55 * 62,107.50 = 1,217,840.325 -> £1,217,840.33.
    expect(toPence(y1.paybill)).toBe(121784033n);
    expect(toPence(y1.recruitmentCost)).toBe(2400000n);
    // Baseline: the year-0 workforce (20 experienced) plus replacing 15% of it at £6,000.
    expect(toPence(y1.baselineCost)).toBe(102538800n + 1800000n);
  });

  it('sums the totals over every year', () => {
    const sum = (f: (y: typeof y0) => bigint) => result.years.reduce((s, y) => s + f(y), 0n);
    expect(toPence(result.totals.paybill)).toBe(sum((y) => toPence(y.paybill)));
    expect(result.totals.hires.total).toBe(3 + 4 + 3);
  });
});

describe('pay award and demand growth', () => {
  it('grows unit costs by (1 + a)^k and open cases by (1 + g)^k', () => {
    const cohorts = cohortsOf(Array.from({ length: 10 }, (_, i) => person(`E${i}`, [2010, 1, 1])), AS_OF, 3);
    const result = run(input(cohorts, { openCases: 100, growth: exact('0.1'), payAward: exact('0.03'), years: 2 }));
    expect(result.years.map((y) => y.openCases)).toEqual([100, 110, 121]);
    expect(result.years[2]!.unitCosts.experienced.toString()).toBe(exact('51269.4').times('1.0609').toString());
  });
});

describe('agency staff and --convert-agency', () => {
  const staff = [
    ...Array.from({ length: 8 }, (_, i) => person(`E${i}`, [2010, 1, 1])),
    person('A1', [2010, 1, 1], { contract: 'agency' }),
    person('A2', [2010, 1, 1], { contract: 'agency', fte: exact('0.5') }),
  ];
  const cohorts = cohortsOf(staff, AS_OF, 3);

  it('costs agency FTE at the permanent unit cost times (1 + agency_premium)', () => {
    const result = run(input(cohorts, { openCases: 100, years: 1 }));
    // 8 permanent + 1.5 agency experienced, TM hires ceil(9.5 / 7) = 2.
    expect(toPence(result.years[0]!.paybill)).toBe(toPence(pounds(exact('51269.4').times(8).plus(exact('51269.4').times('1.5').times('1.33')).plus(exact('62107.5').times(2)))));
  });

  it('replaces agency FTE with permanent staff in year 1, counts them as hires and saves the premium', () => {
    const kept = run(input(cohorts, { openCases: 100, years: 3, turnover: exact('0.1') }));
    const converted = run(input(cohorts, { openCases: 100, years: 3, turnover: exact('0.1'), convertAgency: true }));
    expect(converted.years[1]!.agencyFte.toNumber()).toBe(0);
    expect(kept.years[1]!.agencyFte.toString()).toBe('1.35');
    // 1.35 agency FTE become permanent: 2 whole-person hires.
    expect(converted.years[1]!.hires.experienced - kept.years[1]!.hires.experienced).toBe(2);
    expect(converted.totals.paybill.lt(kept.totals.paybill)).toBe(true);
  });
});

describe('properties over generated workforces', () => {
  const workforce = fc.record({
    experienced: fc.integer({ min: 0, max: 60 }),
    early: fc.array(fc.record({ year: fc.integer({ min: 1, max: 3 }), fte: fc.integer({ min: 1, max: 20 }) }), { maxLength: 3 }),
    managers: fc.integer({ min: 0, max: 10 }),
    openCases: fc.integer({ min: 0, max: 2000 }),
    target: fc.integer({ min: 10, max: 30 }),
    mix: fc.option(fc.integer({ min: 10, max: 80 }).map((n) => n / 100), { nil: null }),
    mixBy: fc.integer({ min: 0, max: 4 }),
    years: fc.integer({ min: 1, max: 5 }),
    growth: fc.integer({ min: -10, max: 15 }).map((n) => exact(n).div(100)),
    turnover: fc.integer({ min: 0, max: 30 }).map((n) => exact(n).div(100)),
    payAward: fc.integer({ min: 0, max: 5 }).map((n) => exact(n).div(100)),
  });

  it('keeps every year at or under the target, at or over the mix from --mix-by, with whole hires and exact paybills', () => {
    fc.assert(
      fc.property(workforce, (w) => {
        const cohorts: Cohorts = {
          experienced: { permanent: exact(w.experienced), agency: ZERO },
          earlyCareer: new Map(w.early.map((c) => [c.year, { permanent: exact(c.fte), agency: ZERO }])),
          teamManagers: { permanent: exact(w.managers), agency: ZERO },
          holdingManagers: { experienced: { permanent: ZERO, agency: ZERO }, earlyCareer: new Map() },
        };
        const outcome = project(input(cohorts, { openCases: w.openCases, rule: { target: w.target, mix: w.mix, caps: null }, mixBy: Math.min(w.mixBy, w.years), years: w.years, growth: w.growth, turnover: w.turnover, payAward: w.payAward }));
        expect(outcome.ok).toBe(true);
        if (!outcome.ok) return;
        expect(outcome.years).toHaveLength(w.years + 1);
        for (const y of outcome.years) {
          if (y.averageCaseload !== null) expect(y.averageCaseload).toBeLessThanOrEqual(w.target + 1e-9);
          else expect(y.openCases).toBe(0);
          if (w.mix !== null && y.year >= Math.min(w.mixBy, w.years) && y.experiencedShare !== null) expect(y.experiencedShare).toBeGreaterThanOrEqual(w.mix - 1e-9);
          for (const h of Object.values(y.hires)) expect(Number.isInteger(h) && h >= 0).toBe(true);
          // Each group's paybill is its FTE times its unit cost, to the penny; the total is their sum.
          const groupCost = (fte: typeof y.experiencedFte, unit: typeof y.paybill) => toPence(multiplyMoney(unit, fte));
          const expected = groupCost(y.experiencedFte, y.unitCosts.experienced) + groupCost(y.earlyCareerFte, y.unitCosts.early_career) + groupCost(y.teamManagerFte, y.unitCosts.team_manager);
          expect(toPence(y.paybill)).toBe(expected);
          const exactTotal = toPence(pounds(y.experiencedFte.times(y.unitCosts.experienced).plus(y.earlyCareerFte.times(y.unitCosts.early_career)).plus(y.teamManagerFte.times(y.unitCosts.team_manager))));
          expect(Math.abs(Number(toPence(y.paybill) - exactTotal))).toBeLessThanOrEqual(1);
          expect(toPence(y.additionalCost)).toBe(toPence(subtractMoney(addMoney(y.paybill, y.recruitmentCost), y.baselineCost)));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('a case-holding team manager is counted for caseload and span, but paid and leaves once', () => {
  // 7 experienced social workers and 1 experienced team manager who holds cases: 8 case-holding FTE,
  // 152 cases (19 each), so no social worker hires; span 7 needs ceil(8 / 7) = 2 managers: 1 hire.
  const staff = [
    ...Array.from({ length: 7 }, (_, i) => person(`E${i}`, [2010, 1, 1])),
    person('TM', [2005, 1, 1], { role: 'team_manager' }),
  ];
  const result = run(input(cohortsOf(staff, AS_OF, 3), { openCases: 152, turnover: exact('0.1'), years: 1 }));
  const year0 = result.years[0]!;

  it('counts the manager in case-holding FTE and in team manager FTE', () => {
    expect(year0.caseHoldingFte.toNumber()).toBe(8);
    expect(year0.experiencedFte.toNumber()).toBe(8);
    expect(year0.teamManagerFte.toNumber()).toBe(2);
    expect(year0.hires).toEqual({ experienced: 0, earlyCareer: 0, teamManager: 1 });
  });

  it('pays the manager once, as a team manager: 7 x £51,269.40 + 2 x £62,107.50', () => {
    expect(year0.byGroup.experienced.permanentFte.toNumber()).toBe(7);
    expect(year0.byGroup.team_manager.permanentFte.toNumber()).toBe(2);
    expect(toPence(year0.paybill)).toBe(35_888_580n + 12_421_500n);
  });

  it('counts 10% leavers over 9 people, not 10', () => {
    expect(result.years[1]!.leaversFte.toNumber()).toBeCloseTo(0.9, 12);
  });
});
