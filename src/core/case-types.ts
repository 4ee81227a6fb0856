// Case types (issue 15): what kind of work each open case is, the weight a council's caseload
// scheme gives it, and the order of intensity in which a child on several lists is counted once.
// No imports: the config reads it, and `--help` reads the config; the weighted sum, in exact
// decimals, is in plan.ts.

export const CASE_TYPES = ['cin', 'cp', 'cla', 'care_leaver', 'assessment', 'other'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_TYPE_LABEL: Record<CaseType, string> = {
  cin: 'Child in need',
  cp: 'Child protection plan',
  cla: 'Child looked after',
  care_leaver: 'Care leaver',
  assessment: 'Assessment',
  other: 'Other',
};

/** Open cases by type. */
export type CaseCounts = Record<CaseType, number>;

export function noCases(): CaseCounts {
  return { cin: 0, cp: 0, cla: 0, care_leaver: 0, assessment: 0, other: 0 };
}

export function totalCases(counts: CaseCounts): number {
  return CASE_TYPES.reduce((sum, t) => sum + counts[t], 0);
}

/** Points per case of each type (config `case_weights`; 1 for a type not given). */
export type CaseWeights = Record<CaseType, number>;

export const UNIT_WEIGHTS: CaseWeights = { cin: 1, cp: 1, cla: 1, care_leaver: 1, assessment: 1, other: 1 };

/**
 * A child on several Annex A lists counts once, as the most intensive type: looked after, then on a
 * protection plan, then in need; a care leaver (List 9) is a type of its own, taken only when the
 * child is on none of the other lists (a 16- or 17-year-old still looked after is counted as looked after).
 */
export const INTENSITY: readonly CaseType[] = ['cla', 'cp', 'cin', 'care_leaver', 'assessment', 'other'];

export function moreIntensive(a: CaseType, b: CaseType): boolean {
  return INTENSITY.indexOf(a) < INTENSITY.indexOf(b);
}
