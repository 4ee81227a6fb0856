// Issue 12, recruitment limits and agency cover, checked against brute force over generated years.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pounds } from '../../src/core/money.js';
import { solveHires, type HiringRule, type HiringState } from '../../src/core/hiring.js';
import { agencyCoverFte, hiresWithinLimits, type RecruitmentLimits } from '../../src/core/limits.js';

const costs = { experienced: pounds('51269.4'), early_career: pounds('41926.3') };
const EPS = 1e-9;

const year = fc.record({
  C: fc.integer({ min: 0, max: 300 }).map((n) => n / 2),
  eShare: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
  D: fc.integer({ min: 0, max: 5000 }),
  target: fc.integer({ min: 8, max: 30 }),
  mix: fc.option(fc.integer({ min: 0, max: 90 }).map((n) => n / 100), { nil: null }),
  caps: fc.option(fc.record({ earlyCareer: fc.integer({ min: 5, max: 20 }), experienced: fc.integer({ min: 10, max: 30 }) }), { nil: null }),
  limits: fc.record({
    total: fc.option(fc.integer({ min: 0, max: 25 }), { nil: null }),
    experienced: fc.option(fc.integer({ min: 0, max: 25 }), { nil: null }),
    earlyCareer: fc.option(fc.integer({ min: 0, max: 25 }), { nil: null }),
  }),
});

// The rules written again, independently, from the text.
const N = (s: HiringState, x: number, y: number) => s.caseHoldingFte + x + y;
const capacity = (s: HiringState, r: HiringRule, x: number, y: number) => r.caps!.earlyCareer * (N(s, x, y) - s.experiencedFte - x) + r.caps!.experienced * (s.experiencedFte + x);
const uncovered = (s: HiringState, r: HiringRule, x: number, y: number) =>
  Math.max(0, s.openCases - r.target * N(s, x, y), r.caps === null ? 0 : s.openCases - capacity(s, r, x, y));
const shortfall = (s: HiringState, r: HiringRule, x: number, y: number) => (r.mix === null ? 0 : Math.max(0, r.mix * N(s, x, y) - (s.experiencedFte + x)));
const meetsAll = (s: HiringState, r: HiringRule, x: number, y: number, agency = 0) =>
  s.openCases <= r.target * (N(s, x, y) + agency) + EPS &&
  (r.mix === null || s.experiencedFte + x + agency >= r.mix * (N(s, x, y) + agency) - EPS) &&
  (r.caps === null || s.openCases <= capacity(s, r, x, y) + r.caps.experienced * agency + EPS);
const within = (l: RecruitmentLimits, x: number, y: number) => (l.total === null || x + y <= l.total) && (l.experienced === null || x <= l.experienced) && (l.earlyCareer === null || y <= l.earlyCareer);
const cost = (x: number, y: number) => costs.experienced.times(x).plus(costs.early_career.times(y)).toNumber();

/** Every (x, y) within the limits, up to a box large enough for any answer here. */
function* box(l: RecruitmentLimits) {
  // D <= 5000 with caps of at least 5 a head needs at most 1,000 of a group; a mix of at most 0.9
  // with C <= 150 at most 9 x 150 = 1,350 experienced hires.
  const bound = 1400;
  for (let x = 0; x <= Math.min(l.experienced ?? bound, l.total ?? bound); x++) {
    for (let y = 0; y <= Math.min(l.earlyCareer ?? bound, l.total ?? bound) && (l.total === null || x + y <= l.total); y++) yield [x, y] as const;
  }
}

function lexicographicBest(s: HiringState, r: HiringRule, l: RecruitmentLimits): [number, number] {
  let best: [number, number] | null = null;
  const key = (x: number, y: number) => [uncovered(s, r, x, y), shortfall(s, r, x, y), cost(x, y), x + y, x];
  for (const [x, y] of box(l)) {
    if (best === null) {
      best = [x, y];
      continue;
    }
    const a = key(x, y);
    const b = key(best[0], best[1]);
    for (let i = 0; i < a.length; i++) {
      const tol = i < 2 ? EPS : i === 2 ? 1e-6 : 0;
      if (Math.abs(a[i]! - b[i]!) > tol) {
        if (a[i]! < b[i]!) best = [x, y];
        break;
      }
    }
  }
  return best!;
}

describe('recruitment limits (brute force over generated years)', () => {
  it('hires within the limits, short exactly when no hires within them meet every constraint, and the lexicographic best when short', () => {
    fc.assert(
      fc.property(year, ({ C, eShare, D, target, mix, caps, limits }) => {
        const s: HiringState = { openCases: D, caseHoldingFte: C, experiencedFte: C * eShare };
        const r: HiringRule = { target, mix, caps };
        const free = solveHires(s, r, costs);
        const outcome = hiresWithinLimits(s, r, costs, limits);
        if (!free.feasible) {
          expect(outcome.feasible).toBe(false);
          return;
        }
        if (!outcome.feasible) throw new Error('a plan reachable without limits is reachable with them');
        const { experienced: x, earlyCareer: y } = outcome;
        expect(within(limits, x, y)).toBe(true);
        // Without any limit the plan rule's own answer (feasible here) is within them.
        const unlimited = limits.total === null && limits.experienced === null && limits.earlyCareer === null;
        const anyMeets = unlimited || [...box(limits)].some(([a, b]) => meetsAll(s, r, a, b));
        expect(outcome.short).toBe(!anyMeets);
        if (within(limits, free.experienced, free.earlyCareer)) {
          // Limits that the plan rule's answer fits change nothing.
          expect([x, y]).toEqual([free.experienced, free.earlyCareer]);
        } else {
          // Otherwise the lexicographic best within the limits: when every constraint can be met,
          // that is the cheapest answer that meets them (uncovered and shortfall both 0).
          expect([x, y]).toEqual(lexicographicBest(s, r, limits));
        }
        expect(outcome.uncoveredCases).toBeCloseTo(uncovered(s, r, x, y), 9);
        expect(outcome.mixShortfallFte).toBeCloseTo(shortfall(s, r, x, y), 9);
        if (!outcome.short) expect(outcome.uncoveredCases).toBe(0);
      }),
      { numRuns: 800 },
    );
  });

  it('changes nothing when the limits do not bind', () => {
    fc.assert(
      fc.property(year, ({ C, eShare, D, target, mix, caps }) => {
        const s: HiringState = { openCases: D, caseHoldingFte: C, experiencedFte: C * eShare };
        const r: HiringRule = { target, mix, caps };
        const free = solveHires(s, r, costs);
        if (!free.feasible) return;
        const generous = { total: free.experienced + free.earlyCareer, experienced: free.experienced, earlyCareer: free.earlyCareer };
        const outcome = hiresWithinLimits(s, r, costs, generous);
        expect(outcome).toMatchObject({ feasible: true, experienced: free.experienced, earlyCareer: free.earlyCareer, short: false });
      }),
      { numRuns: 500 },
    );
  });
});

describe('agency cover', () => {
  it('is the least FTE that meets every constraint: a meets them all, a - 1e-6 does not', () => {
    fc.assert(
      fc.property(year, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), ({ C, eShare, D, target, mix, caps }, x, y) => {
        const s: HiringState = { openCases: D, caseHoldingFte: C, experiencedFte: C * eShare };
        const r: HiringRule = { target, mix, caps };
        const a = agencyCoverFte(s, r, x, y);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(meetsAll(s, r, x, y, a)).toBe(true);
        if (a > 1e-6) expect(meetsAll(s, r, x, y, a - 1e-6)).toBe(false);
        else expect(meetsAll(s, r, x, y, 0)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
