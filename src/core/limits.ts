// A shortage market (issue 12): recruitment limits, short years and agency cover. Spec:
//   N = C + x + y (case-holding FTE after hires), E experienced FTE before hires;
//   uncovered cases = max(0, D - T*N', D - capacity), the capacity term only with caps, where N'
//     is N, or E + x + k*(N - E - x) with an early-career capacity k below 1 (issue 15):
//     capacity = A*(N - E - x) + B*(E + x);
//   mix shortfall = max(0, m*N - (E + x)) FTE, only in years where the mix applies.
//   A year is short when no (x, y) within the limits meets every constraint; its hires are chosen
//   by, in order: fewest uncovered cases, smallest mix shortfall, lowest cost, fewer people, fewer
//   experienced. Without limits, or when the cheapest plan fits them, the plan rule decides.
//   Agency cover a (fractional FTE, experienced under the 2024 guidance) is the least that meets
//   every constraint given the year's hires:
//     a = max(0, (D - T*N')/T, (D - capacity)/B, (m*N - E - x)/(1 - m)), each term where its
//     constraint applies (the mix term only when m < 1).
import { checkHires, isCheaper, solveHires, targetFte, TOLERANCE, type CostedHires, type HiringCosts, type HiringOutcome, type HiringRule, type HiringState } from './hiring.js';

/** Most case-holding hires a year: in all, and per group; null is no limit. */
export interface RecruitmentLimits {
  total: number | null;
  experienced: number | null;
  earlyCareer: number | null;
}

export const NO_LIMITS: RecruitmentLimits = { total: null, experienced: null, earlyCareer: null };

export function hasLimits(limits: RecruitmentLimits): boolean {
  return limits.total !== null || limits.experienced !== null || limits.earlyCareer !== null;
}

export function withinLimits(limits: RecruitmentLimits, x: number, y: number): boolean {
  return (limits.total === null || x + y <= limits.total) && (limits.experienced === null || x <= limits.experienced) && (limits.earlyCareer === null || y <= limits.earlyCareer);
}

/** Cases the permanent staff after hires cannot hold within the target (and caps): 0 when met. */
export function uncoveredCases(state: HiringState, rule: HiringRule, x: number, y: number): number {
  const { openCases: D, caseHoldingFte: C, experiencedFte: E } = state;
  const N = C + x + y;
  let uncovered = D - rule.target * targetFte(rule, N, E + x);
  if (rule.caps !== null) uncovered = Math.max(uncovered, D - (rule.caps.earlyCareer * (N - E - x) + rule.caps.experienced * (E + x)));
  return uncovered > TOLERANCE ? clean(uncovered) : 0;
}

/** Float residue off a figure that is exact in decimals (45.29999999999973 is 45.3): to 1e-9. */
function clean(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** Experienced FTE short of the mix after hires: 0 when met or when the mix does not apply. */
export function mixShortfall(state: HiringState, rule: HiringRule, x: number, y: number): number {
  if (rule.mix === null) return 0;
  const shortfall = rule.mix * (state.caseHoldingFte + x + y) - (state.experiencedFte + x);
  return shortfall > TOLERANCE ? clean(shortfall) : 0;
}

/** The least agency FTE (experienced) that meets every constraint given the year's permanent hires. */
export function agencyCoverFte(state: HiringState, rule: HiringRule, x: number, y: number): number {
  const { openCases: D, caseHoldingFte: C, experiencedFte: E } = state;
  const N = C + x + y;
  // Agency cover is experienced: each FTE counts in full against the target.
  let cover = Math.max(0, (D - rule.target * targetFte(rule, N, E + x)) / rule.target);
  if (rule.caps !== null) {
    const capacity = rule.caps.earlyCareer * (N - E - x) + rule.caps.experienced * (E + x);
    cover = Math.max(cover, (D - capacity) / rule.caps.experienced);
  }
  if (rule.mix !== null && rule.mix < 1) cover = Math.max(cover, (rule.mix * N - E - x) / (1 - rule.mix));
  // Float error around an exact fit is not a fraction of a social worker.
  // Up to the next 1e-9 FTE (past float residue), so the cover never falls short of the need.
  return cover > TOLERANCE ? Math.ceil(cover * 1e9 - 1e-3) / 1e9 : 0;
}

export type LimitedOutcome =
  | { feasible: true; experienced: number; earlyCareer: number; short: boolean; uncoveredCases: number; mixShortfallFte: number }
  | { feasible: false; reason: string };

/**
 * The year's hires within the recruitment limits. When the plan rule's answer fits the limits it is
 * the answer (so limits that do not bind change nothing); when no hires could ever satisfy the
 * constraints the year is unreachable, as without limits; otherwise the year is short and every
 * (x, y) within the limits is weighed by the order of the spec.
 */
export function hiresWithinLimits(state: HiringState, rule: HiringRule, costs: HiringCosts, limits: RecruitmentLimits): LimitedOutcome {
  const free: HiringOutcome = solveHires(state, rule, costs);
  if (!free.feasible) return free;
  if (withinLimits(limits, free.experienced, free.earlyCareer)) {
    return { feasible: true, experienced: free.experienced, earlyCareer: free.earlyCareer, short: false, uncoveredCases: 0, mixShortfallFte: 0 };
  }
  // Past these, more hires of a group cannot lower the uncovered cases or the mix shortfall, only add
  // cost: x experienced hires alone meet every constraint at xNeed, y early-career hires alone bring
  // the uncovered cases to 0 at yNeed (and only raise the shortfall after).
  const { openCases: D, caseHoldingFte: C, experiencedFte: E } = state;
  let xNeed = (D - rule.target * targetFte(rule, C, E)) / rule.target;
  let yNeed = xNeed / (rule.earlyCareerCapacity ?? 1);
  if (rule.caps !== null) {
    const capacityNow = rule.caps.earlyCareer * (C - E) + rule.caps.experienced * E;
    xNeed = Math.max(xNeed, (D - capacityNow) / rule.caps.experienced);
    if (rule.caps.earlyCareer > 0) yNeed = Math.max(yNeed, (D - capacityNow) / rule.caps.earlyCareer);
  }
  if (rule.mix !== null && rule.mix < 1) xNeed = Math.max(xNeed, (rule.mix * C - E) / (1 - rule.mix));
  const maxX = Math.min(limits.experienced ?? Infinity, limits.total ?? Infinity, Math.max(0, Math.ceil(xNeed)) + 1);
  const maxY = Math.min(limits.earlyCareer ?? Infinity, limits.total ?? Infinity, Math.max(0, Math.ceil(yNeed)) + 1);
  const costX = costs.experienced.toNumber();
  const costY = costs.early_career.toNumber();
  let best: Candidate | null = null;
  for (let x = 0; x <= maxX; x++) {
    for (let y = 0; y <= maxY && (limits.total === null || x + y <= limits.total); y++) {
      const candidate = { x, y, uncovered: uncoveredCases(state, rule, x, y), shortfall: mixShortfall(state, rule, x, y), cost: costX * x + costY * y };
      if (best === null || isBetter(candidate, best, costs)) best = candidate;
    }
  }
  const chosen = best!;
  const met = checkHires(state, rule, chosen.x, chosen.y);
  return {
    feasible: true,
    experienced: chosen.x,
    earlyCareer: chosen.y,
    short: !(met.target && met.mix && met.caps),
    uncoveredCases: chosen.uncovered,
    mixShortfallFte: chosen.shortfall,
  };
}

type Candidate = CostedHires & { uncovered: number; shortfall: number };

// Fewest uncovered cases, then smallest mix shortfall, then the plan rule's own order (lowest cost,
// exact on near-ties; fewer people; fewer experienced).
function isBetter(a: Candidate, b: Candidate, costs: HiringCosts): boolean {
  if (Math.abs(a.uncovered - b.uncovered) > TOLERANCE) return a.uncovered < b.uncovered;
  if (Math.abs(a.shortfall - b.shortfall) > TOLERANCE) return a.shortfall < b.shortfall;
  return isCheaper(a, b, costs);
}

/** Hires given (the optimiser's), weighed as the limits weigh a year: short when a constraint is not met by them. */
export function givenHires(state: HiringState, rule: HiringRule, x: number, y: number): LimitedOutcome {
  const met = checkHires(state, rule, x, y);
  return { feasible: true, experienced: x, earlyCareer: y, short: !(met.target && met.mix && met.caps), uncoveredCases: uncoveredCases(state, rule, x, y), mixShortfallFte: mixShortfall(state, rule, x, y) };
}
