// Issue 4's properties of the plan, over generated workforces (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pounds } from '../../src/core/money.js';
import { checkHires, solveHires, type HiringRule } from '../../src/core/hiring.js';

const costs = { experienced: pounds('51269.4'), early_career: pounds('41926.3') };
const scenario = fc.record({
  C: fc.integer({ min: 0, max: 600 }).map((n) => n / 2),
  eShare: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
  D: fc.integer({ min: 0, max: 10000 }),
  target: fc.integer({ min: 8, max: 35 }),
  mix: fc.option(fc.integer({ min: 0, max: 90 }).map((n) => n / 100), { nil: null }),
  caps: fc.option(fc.record({ earlyCareer: fc.integer({ min: 5, max: 20 }), experienced: fc.integer({ min: 10, max: 30 }) }), { nil: null }),
});

function solve(D: number, C: number, E: number, rule: HiringRule) {
  const outcome = solveHires({ openCases: D, caseHoldingFte: C, experiencedFte: E }, rule, costs);
  if (!outcome.feasible) throw new Error(outcome.reason);
  const x = outcome.experienced;
  const y = outcome.earlyCareer;
  return { x, y, people: x + y, cost: costs.experienced.times(x).plus(costs.early_career.times(y)) };
}

describe('plan properties', () => {
  it('more open cases never means a lower cost, nor, without caps, fewer hires', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 800 }), ({ C, eShare, D, target, mix, caps }, extra) => {
        const E = C * eShare;
        const rule = { target, mix, caps };
        const base = solve(D, C, E, rule);
        const more = solve(D + extra, C, E, rule);
        expect(more.cost.gte(base.cost)).toBe(true);
        // With caps, the cheapest whole-person answer can be fewer, dearer people (see below).
        if (caps === null) expect(more.people).toBeGreaterThanOrEqual(base.people);
      }),
      { numRuns: 2000 },
    );
  });

  it('with caps, one more case can mean fewer but dearer people: the rule is cheapest first, not fewest', () => {
    // 184 early-career FTE, 5,697 cases, target 15, caps 13 / 16 (found by the property above).
    // Each experienced hire adds 16 cases of capacity for £51,269.40 (£3,204 a case), each early-career
    // hire 13 for £41,926.30 (£3,225 a case), so the cheapest mix of whole people jumps about as the
    // capacity needed grows by one case.
    const rule = { target: 15, mix: 0, caps: { earlyCareer: 13, experienced: 16 } };
    const base = solve(5697, 184, 0, rule);
    const more = solve(5698, 184, 0, rule);
    expect(more.cost.gt(base.cost)).toBe(true);
    expect(more.people).toBeLessThan(base.people);
  });

  it('a lower target never means a lower cost, nor, without caps, fewer hires', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 6 }), ({ C, eShare, D, target, mix, caps }, lower) => {
        const E = C * eShare;
        const base = solve(D, C, E, { target, mix, caps });
        const tighter = solve(D, C, E, { target: target - lower, mix, caps });
        if (caps === null) expect(tighter.people).toBeGreaterThanOrEqual(base.people);
        expect(tighter.cost.gte(base.cost)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('the state after hires always satisfies every constraint', () => {
    fc.assert(
      fc.property(scenario, ({ C, eShare, D, target, mix, caps }) => {
        const E = C * eShare;
        const rule = { target, mix, caps };
        const { x, y } = solve(D, C, E, rule);
        const N = C + x + y;
        expect(D).toBeLessThanOrEqual(target * N + 1e-9);
        if (mix !== null) expect(E + x).toBeGreaterThanOrEqual(mix * N - 1e-9);
        if (caps !== null) expect(D).toBeLessThanOrEqual(caps.earlyCareer * (N - E - x) + caps.experienced * (E + x) + 1e-9);
        expect(checkHires({ openCases: D, caseHoldingFte: C, experiencedFte: E }, rule, x, y)).toEqual({ target: true, mix: true, caps: true });
      }),
      { numRuns: 2000 },
    );
  });
});
