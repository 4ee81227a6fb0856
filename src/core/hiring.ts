// The plan rule: the cheapest whole-person hires (x experienced, y early career, each 1.0 FTE) that
// satisfy the target, the mix and the caps. Spec (issue 2, "Hires"):
//   N = C + x + y;  target: D <= target*N;  mix: E + x >= mix*N;
//   (with an early-career capacity k < 1, issue 15, the target weighs E + x + k*(N - E - x) for N;
//   D is the weighted cases with --weighted)
//   caps: D <= A*(N - E - x) + B*(E + x);  cheapest by unit annual cost; ties: fewer people, then
//   fewer experienced. Comparisons tolerate 1e-9.
import type { UnitCosts } from './costs.js';

export const TOLERANCE = 1e-9;

/** Beyond this many experienced hires a plan is reported as unreachable rather than searched for. */
export const MAX_HIRES = 10_000_000;

export interface HiringRule {
  target: number;
  /** Minimum experienced share of case-holding FTE after hires, 0..1; null when not asked for. */
  mix: number | null;
  /** Caseload caps per FTE: early career (A) and experienced (B); both or neither. */
  caps: { earlyCareer: number; experienced: number } | null;
  /**
   * The fraction of an FTE an early-career social worker counts for against the target (config
   * `early_career_capacity`, issue 15); absent or 1: every FTE counts in full, as before.
   */
  earlyCareerCapacity?: number;
}

/**
 * The FTE the target weighs: every case-holding FTE, or with an early-career capacity k below 1,
 * experienced FTE + k x early-career FTE. With k = 1 it is N itself, to the bit.
 */
export function targetFte(rule: HiringRule, caseHolding: number, experienced: number): number {
  const k = rule.earlyCareerCapacity;
  return k === undefined || k === 1 ? caseHolding : experienced + k * (caseHolding - experienced);
}

export interface HiringState {
  /** Open cases D. */
  openCases: number;
  /** Case-holding FTE in post C. */
  caseHoldingFte: number;
  /** Experienced FTE in post E. */
  experiencedFte: number;
}

/** The unit costs the rule weighs: of an experienced and of an early-career hire. */
export type HiringCosts = Pick<UnitCosts, 'experienced' | 'early_career'>;

export type Constraint = 'target' | 'mix' | 'caps';

export type HiringOutcome =
  | { feasible: true; experienced: number; earlyCareer: number }
  | { feasible: false; reason: string };

interface Checks {
  target(x: number, y: number): boolean;
  mix(x: number, y: number): boolean;
  caps(x: number, y: number): boolean;
}

/** The checks of a rule; a dropped constraint always holds (to price it: the plan without it). */
function checksFor(state: HiringState, rule: HiringRule, dropped: Constraint | null = null): Checks {
  const { openCases: D, caseHoldingFte: C, experiencedFte: E } = state;
  return {
    target: (x, y) => dropped === 'target' || D <= rule.target * targetFte(rule, C + x + y, E + x) + TOLERANCE,
    mix: (x, y) => dropped === 'mix' || rule.mix === null || E + x >= rule.mix * (C + x + y) - TOLERANCE,
    caps: (x, y) =>
      dropped === 'caps' ||
      rule.caps === null ||
      D <= rule.caps.earlyCareer * (C + y - E) + rule.caps.experienced * (E + x) + TOLERANCE,
  };
}

/** The least n >= 0 for which `ok(n)` holds, given that `ok` is monotone and `guess` is near it. */
function leastSatisfying(ok: (n: number) => boolean, guess: number, limit: number): number | null {
  let n = Number.isFinite(guess) ? Math.max(0, Math.ceil(guess)) : 0;
  while (n > 0 && ok(n - 1)) n--;
  while (!ok(n)) {
    n++;
    if (n > limit) return null;
  }
  return n;
}

export function checkHires(state: HiringState, rule: HiringRule, x: number, y: number): Record<Constraint, boolean> {
  const checks = checksFor(state, rule);
  return { target: checks.target(x, y), mix: checks.mix(x, y), caps: checks.caps(x, y) };
}

/**
 * The cheapest hires meeting every constraint of the rule, except `dropped` when it is given (what
 * the plan would be without that constraint alone: how a constraint is found to bind, and its price).
 */
export function solveHires(state: HiringState, rule: HiringRule, costs: HiringCosts, dropped: Constraint | null = null): HiringOutcome {
  const { openCases: D, caseHoldingFte: C, experiencedFte: E } = state;
  const checks = checksFor(state, rule, dropped);
  const mix = dropped === 'mix' ? null : rule.mix;
  const caps = dropped === 'caps' ? null : rule.caps;
  const feasible = (x: number, y: number) => checks.target(x, y) && checks.mix(x, y) && checks.caps(x, y);

  if (mix !== null && mix >= 1 - TOLERANCE && E < C - TOLERANCE) {
    return {
      feasible: false,
      reason: `a mix of ${formatShare(mix)} needs every case-holding FTE to be experienced, but ${formatFte(C - E)} early-career FTE are in post and nobody is removed`,
    };
  }

  // x*: the fewest experienced hires that satisfy everything with no early-career hires. Past it,
  // adding experienced staff only adds cost, so the search over x stops there.
  const k = rule.earlyCareerCapacity ?? 1;
  let guess = dropped === 'target' ? 0 : D / rule.target - targetFte(rule, C, E);
  if (mix !== null && mix < 1) guess = Math.max(guess, (mix * C - E) / (1 - mix));
  if (caps !== null) guess = Math.max(guess, (D - caps.earlyCareer * (C - E)) / caps.experienced - E);
  // A guard against an endless search, far above any answer: every bound above is a necessary condition.
  const limit = Math.ceil(Math.max(guess, 0) + D / Math.min(rule.target * k, caps?.experienced ?? Infinity) + C) + 1000;
  const xStar = leastSatisfying((x) => feasible(x, 0), guess, limit);
  if (xStar === null) return { feasible: false, reason: 'no number of hires satisfies every constraint' };

  if (xStar > MAX_HIRES) {
    return { feasible: false, reason: `it would take over ${MAX_HIRES.toLocaleString('en-GB')} hires; check the open cases and the target` };
  }

  // Costs are compared in floating point first (fast), and exactly whenever two candidates are
  // within a relative 1e-12 of each other, so ties and near-ties are decided on exact money.
  const costX = costs.experienced.toNumber();
  const costY = costs.early_career.toNumber();
  let best: { x: number; y: number; cost: number } | null = null;
  for (let x = 0; x <= xStar; x++) {
    const y = leastEarlyCareer(state, { ...rule, caps }, checks, x, limit, dropped === 'target');
    if (y === null || !checks.mix(x, y)) continue;
    const candidate = { x, y, cost: costX * x + costY * y };
    if (best === null || isCheaper(candidate, best, costs)) best = candidate;
  }  // xStar itself is feasible with y = 0, so best is always set here.
  const chosen = best ?? { x: xStar, y: 0 };
  return { feasible: true, experienced: chosen.x, earlyCareer: chosen.y };
}

/** The fewest early-career hires that, with x experienced hires, meet the target and the caps. */
function leastEarlyCareer(state: HiringState, rule: HiringRule, checks: Checks, x: number, limit: number, noTarget: boolean): number | null {
  const { openCases: D, caseHoldingFte: C, experiencedFte: E } = state;
  if (rule.caps !== null && rule.caps.earlyCareer <= 0 && !checks.caps(x, 0)) return null;
  const k = rule.earlyCareerCapacity ?? 1;
  let guess = noTarget ? 0 : k === 1 ? D / rule.target - C - x : (D / rule.target - targetFte(rule, C + x, E + x)) / k;
  if (rule.caps !== null && rule.caps.earlyCareer > 0) {
    guess = Math.max(guess, (D - rule.caps.experienced * (E + x)) / rule.caps.earlyCareer - (C - E));
  }
  return leastSatisfying((y) => checks.target(x, y) && checks.caps(x, y), guess, limit);
}

/** Hires with their cost a year in floating point (compared exactly on a near-tie). */
export interface CostedHires {
  x: number;
  y: number;
  cost: number;
}

// Cheapest first; ties: fewer people, then fewer experienced. The recruitment limits' choice ends
// with the same order (limits.ts).
export function isCheaper(a: CostedHires, b: CostedHires, costs: HiringCosts): boolean {
  const scale = Math.max(Math.abs(a.cost), Math.abs(b.cost), 1);
  if (Math.abs(a.cost - b.cost) > scale * 1e-12) return a.cost < b.cost;
  const exactA = costs.experienced.times(a.x).plus(costs.early_career.times(a.y));
  const byCost = exactA.comparedTo(costs.experienced.times(b.x).plus(costs.early_career.times(b.y)));
  if (byCost !== 0) return byCost < 0;
  if (a.x + a.y !== b.x + b.y) return a.x + a.y < b.x + b.y;
  return a.x < b.x;
}

function formatShare(share: number): string {
  return `${+(share * 100).toFixed(4)}%`;
}

function formatFte(fte: number): string {
  return `${+fte.toFixed(4)}`;
}

/** Team managers needed for a case-holding FTE: ceil(N / span), and the hires that takes. */
export function teamManagerHires(caseHoldingFteAfter: number, teamManagerFte: number, spanOfControl: number): { required: number; hires: number } {
  const required = Math.max(0, Math.ceil(caseHoldingFteAfter / spanOfControl - TOLERANCE));
  const hires = Math.max(0, Math.ceil(required - teamManagerFte - TOLERANCE));
  return { required, hires };
}
