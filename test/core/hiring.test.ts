import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exact } from '../../src/core/exact.js';
import { pounds } from '../../src/core/money.js';
import { checkHires, solveHires, teamManagerHires, type HiringRule, type HiringState } from '../../src/core/hiring.js';

// Default unit costs: salary * 1.3.
const costs = { experienced: pounds('51269.4'), early_career: pounds('41926.3') };
const rule = (target: number, extra: Partial<HiringRule> = {}): HiringRule => ({ target, mix: null, caps: null, ...extra });
const state = (openCases: number, caseHoldingFte: number, experiencedFte: number): HiringState => ({ openCases, caseHoldingFte, experiencedFte });

function solved(s: HiringState, r: HiringRule, c = costs) {
  const outcome = solveHires(s, r, c);
  if (!outcome.feasible) throw new Error(`unexpectedly infeasible: ${outcome.reason}`);
  return { x: outcome.experienced, y: outcome.earlyCareer };
}

describe('the target constraint: D <= target * N', () => {
  it('hires the fewest people that bring the average caseload to the target, cheapest group first', () => {
    // 2,000 cases over 80 FTE is 25 each; 19 needs N >= 105.26, so 26 hires, all early career (cheaper).
    expect(solved(state(2000, 80, 40), rule(19))).toEqual({ x: 0, y: 26 });
  });

  it('hires nobody when the target already holds (nobody is removed)', () => {
    expect(solved(state(1000, 80, 40), rule(19))).toEqual({ x: 0, y: 0 });
  });

  it('accepts an exact fit, and tolerates floating-point error of 1e-9', () => {
    // 1900 / 100 = 19 exactly: no hire.
    expect(solved(state(1900, 100, 50), rule(19))).toMatchObject({ x: 0, y: 0 });
    // 0.1 + 0.2 style error: C = 99.99999999999 gives D/C a hair over 19.
    expect(solved(state(1900, 100 - 1e-11, 50), rule(19))).toMatchObject({ x: 0, y: 0 });
    expect(solved(state(1901, 100, 50), rule(19))).toMatchObject({ x: 0, y: 1 });
  });

  it('counts FTE fractions: 10.5 FTE with 210 cases is 20 each', () => {
    // Needs N >= 210/19 = 11.05: 10.5 + 1 is enough.
    expect(solved(state(210, 10.5, 5), rule(19))).toMatchObject({ x: 0, y: 1 });
  });

  it('works with nobody in post: every FTE is a hire', () => {
    expect(solved(state(190, 0, 0), rule(19))).toMatchObject({ x: 0, y: 10 });
  });
});

describe('the mix constraint: E + x >= mix * N', () => {
  it('reproduces the Sheffield case: 202 FTE, 61 experienced, target 19, mix 50% needs 80 experienced hires', () => {
    expect(solved(state(141 * 13 + 61 * 19, 202, 61), rule(19, { mix: 0.5 }))).toEqual({ x: 80, y: 0 });
  });

  it('hires the fewest experienced staff that make the mix feasible alongside the target', () => {
    // D=2500, C=100, E=30, target 20 needs N >= 125; mix 40%: 30 + x >= 0.4 (100 + x + y).
    const { x, y } = solved(state(2500, 100, 30), rule(20, { mix: 0.4 }));
    expect(x + y).toBe(25);
    expect(checkHires(state(2500, 100, 30), rule(20, { mix: 0.4 }), x, y)).toEqual({ target: true, mix: true, caps: true });
    // Cheapest: 30 + x >= 0.4 * 125 = 50 -> x = 20, y = 5.
    expect({ x, y }).toEqual({ x: 20, y: 5 });
  });

  it('reports an unreachable plan when mix 1 is asked for with early-career staff in post', () => {
    const outcome = solveHires(state(100, 10, 5), rule(19, { mix: 1 }), costs);
    expect(outcome.feasible).toBe(false);
    if (!outcome.feasible) expect(outcome.reason).toMatch(/5 early-career FTE are in post/);
  });

  it('allows mix 1 when every case-holder is already experienced', () => {
    expect(solved(state(400, 10, 10), rule(19, { mix: 1 }))).toMatchObject({ x: 12, y: 0 });
  });
});

describe('the caps constraint: D <= A * (N - E - x) + B * (E + x)', () => {
  it('adds capacity in the group that meets the caps most cheaply', () => {
    // C=100 (E=40), D=2000, caps 15/20: capacity 60*15 + 40*20 = 1700; 300 short.
    // Early-career hire adds 15 cases for 41,926.30 (2,795/case); experienced adds 20 for 51,269.40 (2,563/case).
    const { x, y } = solved(state(2000, 100, 40), rule(25, { caps: { earlyCareer: 15, experienced: 20 } }));
    expect({ x, y }).toEqual({ x: 15, y: 0 });
  });

  it('is not applied unless both caps are given (the CLI insists on both)', () => {
    expect(solved(state(2000, 100, 40), rule(25))).toMatchObject({ x: 0, y: 0 });
  });

  it('treats an early-career cap of 0 as early-career staff holding no cases', () => {
    const { x, y } = solved(state(200, 10, 5), rule(100, { caps: { earlyCareer: 0, experienced: 20 } }));
    expect({ x, y }).toEqual({ x: 5, y: 0 });
  });
});

describe('choosing between feasible hires', () => {
  it('prefers fewer people when costs tie, then fewer experienced', () => {
    const equal = { experienced: pounds(50000), early_career: pounds(50000) };
    // Target needs 5 more; any split costs the same: fewest experienced wins.
    expect(solved(state(2000, 100, 50), rule(19), equal)).toMatchObject({ x: 0, y: 6 });
  });

  it('prefers fewer people over more people at the same cost', () => {
    // One experienced (cost 2) vs two early career (cost 1 each) tie on cost: fewer people wins.
    const c = { experienced: pounds(2), early_career: pounds(1) };
    // caps: capacity 3*1 + 3*2 = 9, 11 cases: 2 short; x=1 or y=2 both cost 2.
    expect(solved(state(11, 6, 3), rule(100, { caps: { earlyCareer: 1, experienced: 2 } }), c)).toMatchObject({ x: 1, y: 0 });
  });

  it('hires experienced staff when they are cheaper', () => {
    const cheapExperienced = { experienced: pounds(30000), early_career: pounds(40000) };
    expect(solved(state(2000, 80, 40), rule(19), cheapExperienced)).toMatchObject({ x: 26, y: 0 });
  });
});

describe('team managers: ceil(N_after / span) minus those in post', () => {
  it('rounds up the managers needed and the hires', () => {
    expect(teamManagerHires(282, 29, 7)).toEqual({ required: 41, hires: 12 });
    expect(teamManagerHires(70, 10, 7)).toEqual({ required: 10, hires: 0 });
    expect(teamManagerHires(71, 10, 7)).toEqual({ required: 11, hires: 1 });
    expect(teamManagerHires(70, 9.5, 7)).toEqual({ required: 10, hires: 1 });
    expect(teamManagerHires(10, 12, 7)).toEqual({ required: 2, hires: 0 });
  });
});

describe('properties of the plan rule', () => {
  const scenario = fc.record({
    C: fc.integer({ min: 0, max: 400 }).map((n) => n / 2),
    eShare: fc.double({ min: 0, max: 1, noNaN: true }),
    D: fc.integer({ min: 0, max: 12000 }),
    target: fc.integer({ min: 5, max: 40 }),
    mix: fc.option(fc.integer({ min: 0, max: 95 }).map((n) => n / 100), { nil: null }),
    caps: fc.option(fc.record({ earlyCareer: fc.integer({ min: 5, max: 20 }), experienced: fc.integer({ min: 10, max: 30 }) }), { nil: null }),
  });

  it('always satisfies every constraint after hires, with whole non-negative hires', () => {
    fc.assert(
      fc.property(scenario, ({ C, eShare, D, target, mix, caps }) => {
        const s = state(D, C, Math.round(C * eShare * 2) / 2);
        const r = rule(target, { mix, caps });
        const outcome = solveHires(s, r, costs);
        expect(outcome.feasible).toBe(true);
        if (!outcome.feasible) return;
        expect(Number.isInteger(outcome.experienced) && outcome.experienced >= 0).toBe(true);
        expect(Number.isInteger(outcome.earlyCareer) && outcome.earlyCareer >= 0).toBe(true);
        expect(checkHires(s, r, outcome.experienced, outcome.earlyCareer)).toEqual({ target: true, mix: true, caps: true });
      }),
      { numRuns: 400 },
    );
  });

  it('finds the cheapest feasible hires (checked against a brute-force search)', () => {
    fc.assert(
      fc.property(scenario, ({ C, eShare, D, target, mix, caps }) => {
        const s = state(Math.min(D, 3000), Math.min(C, 60), Math.min(C, 60) * eShare);
        const r = rule(target, { mix, caps });
        const outcome = solveHires(s, r, costs);
        if (!outcome.feasible) return;
        const cost = (x: number, y: number) => costs.experienced.times(x).plus(costs.early_career.times(y));
        const chosen = cost(outcome.experienced, outcome.earlyCareer);
        for (let x = 0; x <= 300; x++) {
          for (let y = 0; y <= 300; y++) {
            const ok = checkHires(s, r, x, y);
            if (ok.target && ok.mix && ok.caps) {
              // The cheapest y for this x is the first feasible one.
              expect(cost(x, y).gte(chosen)).toBe(true);
              break;
            }
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it('never costs less for more open cases, nor for a lower target', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 4 }), ({ C, eShare, D, target, mix, caps }, extra, lower) => {
        const s = state(D, C, C * eShare);
        const r = rule(target, { mix, caps });
        const base = solveHires(s, r, costs);
        const more = solveHires({ ...s, openCases: D + extra }, r, costs);
        const tighter = solveHires(s, { ...r, target: target - lower }, costs);
        if (!base.feasible || !more.feasible || !tighter.feasible) return;
        const price = (o: typeof base) => (o.feasible ? costs.experienced.times(o.experienced).plus(costs.early_career.times(o.earlyCareer)) : exact(0));
        expect(price(more).gte(price(base))).toBe(true);
        expect(price(tighter).gte(price(base))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('search limits and exact ties', () => {
  it('breaks exact cost ties by fewer people, then fewer experienced (brute force, equal unit costs)', () => {
    const equal = { experienced: pounds('45000.10'), early_career: pounds('45000.10') };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 5, max: 30 }),
        fc.option(fc.integer({ min: 0, max: 90 }).map((n) => n / 100), { nil: null }),
        (C, eShare, D, target, mix) => {
          const s = state(D, C, Math.round(C * eShare));
          const r = rule(target, { mix });
          const outcome = solveHires(s, r, equal);
          if (!outcome.feasible) return;
          let best: { x: number; y: number } | null = null;
          // With equal costs the cheapest plan has the fewest people; among those, the fewest experienced.
          for (let n = 0; n <= 1000 && best === null; n++) {
            for (let x = 0; x <= n; x++) {
              const ok = checkHires(s, r, x, n - x);
              if (ok.target && ok.mix && ok.caps) {
                best = { x, y: n - x };
                break;
              }
            }
          }
          expect({ x: outcome.experienced, y: outcome.earlyCareer }).toEqual(best);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reports a plan needing over ten million hires as unreachable instead of searching for it', () => {
    const outcome = solveHires(state(300_000, 100, 50), rule(0.01), costs);
    expect(outcome.feasible).toBe(false);
    if (!outcome.feasible) expect(outcome.reason).toBe('it would take over 10,000,000 hires; check the open cases and the target');
  });

  it('solves a national-scale plan exactly: 1.8 million experienced hires for a mix of 60%', () => {
    // N >= 3,000,000 so 2,999,900 hires; 50 + x >= 0.6 * 3,000,000 gives x = 1,799,950; the rest early career.
    const outcome = solveHires(state(3_000_000, 100, 50), rule(1, { mix: 0.6 }), costs);
    expect(outcome).toMatchObject({ feasible: true, experienced: 1_799_950, earlyCareer: 1_199_950 });
  });
});

describe('the early-career capacity (issue 15): an early-career FTE counts as k of an FTE against the target', () => {
  it('finds the cheapest whole hires meeting D <= T (E + x + k (C - E + y)), checked by brute force with the formula written here', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 8, max: 25 }),
        fc.constantFrom(0.5, 0.75, 0.9, 1),
        fc.option(fc.constantFrom(0.3, 0.5), { nil: null }),
        (C, eShare, D, T, k, mix) => {
          const E = Math.round(C * eShare * 10) / 10;
          const outcome = solveHires(state(D, C, E), rule(T, { mix, earlyCareerCapacity: k }), costs);
          if (!outcome.feasible) throw new Error(outcome.reason);
          const ok = (x: number, y: number) => D <= T * (E + x + k * (C - E + y)) + 1e-9 && (mix === null || E + x >= mix * (C + x + y) - 1e-9);
          const cost = (x: number, y: number) => costs.experienced.times(x).plus(costs.early_career.times(y));
          expect(ok(outcome.experienced, outcome.earlyCareer)).toBe(true);
          const chosen = cost(outcome.experienced, outcome.earlyCareer);
          for (let x = 0; x <= 150; x++) for (let y = 0; y <= 250; y++) if (ok(x, y)) expect(cost(x, y).gte(chosen)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('with k = 1 every answer is the plain rule, to the bit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 5, max: 30 }), (C, eShare, D, T) => {
        const s = state(D, C, C * eShare);
        expect(solveHires(s, rule(T, { earlyCareerCapacity: 1 }), costs)).toEqual(solveHires(s, rule(T), costs));
      }),
      { numRuns: 200 },
    );
  });
});
