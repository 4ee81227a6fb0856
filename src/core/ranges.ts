// Ranges, not points (issue 16): the projection run many times, each year's demand growth and each
// group's turnover drawn at random, and each year's leavers drawn per group as a binomial count of
// people; the 10th, 50th and 90th percentiles of what each run gives. The central projection is
// unchanged and stays the headline. Pure: the random numbers come from a seeded generator.
import { exact, type Exact } from './exact.js';
import { turnoverInYear, project, uniformGrowth, type ProjectionInput, type ProjectionYear } from './projection.js';
import { CASE_TYPES, type CaseCounts, type CaseType } from './case-types.js';
import { GROUPS, type Group } from './workforce.js';

export interface Spread {
  /** Standard deviation of each year's growth in open cases, as a fraction (0.02 = 2 percentage points). */
  growthSd: number;
  /** Standard deviation of each group's yearly turnover, as a fraction. */
  turnoverSd: number;
  /** Leavers drawn as a binomial count of people at the (drawn) rate; off: the rate times the FTE. */
  binomial: boolean;
}

export const METRICS = [
  'open_cases',
  'average_caseload_before_hires',
  'average_caseload',
  'hires_experienced',
  'hires_early_career',
  'hires_team_manager',
  'leavers_fte',
  'agency_cover_fte',
  'paybill',
  'additional_cost',
  // Issue 15: the caseload the target is measured on (weighted, early-career FTE in part); shown
  // only when it differs in kind from the average caseload.
  'target_caseload',
] as const;
export type Metric = (typeof METRICS)[number];

export interface Percentiles {
  p10: number;
  p50: number;
  p90: number;
}

export interface Ranges {
  runs: number;
  seed: number;
  spread: Spread;
  byYear: { year: number; metrics: Record<Metric, Percentiles | null> }[];
  /** The target applies to weighted cases or counts early-career FTE in part: target_caseload is a figure of its own. */
  measured: boolean;
  totalAdditionalCost: Percentiles;
  /** Share of runs in which the target and the mix are met by permanent staff in that year. */
  targetMetProbability: { year: number; probability: number }[];
}

/** A small, fast, seeded generator (mulberry32): the same seed gives the same runs everywhere. */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Leavers among n people each leaving with probability p: a binomial count. */
export function binomial(n: number, p: number, random: () => number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (random() < p) k++;
  return k;
}

/** The nearest-rank percentile: the smallest value with at least q of the values at or below it. */
export function percentile(sorted: readonly number[], q: number): number {
  const i = Math.max(0, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.min(i, sorted.length - 1)]!;
}

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return { p10: percentile(sorted, 0.1), p50: percentile(sorted, 0.5), p90: percentile(sorted, 0.9) };
}

function metricOf(y: ProjectionYear, metric: Metric): number | null {
  switch (metric) {
    case 'open_cases':
      return y.openCases;
    case 'average_caseload_before_hires':
      return y.averageCaseloadBeforeHires;
    case 'average_caseload':
      return y.averageCaseload;
    case 'target_caseload':
      return y.targetCaseload;
    case 'hires_experienced':
      return y.hires.experienced;
    case 'hires_early_career':
      return y.hires.earlyCareer;
    case 'hires_team_manager':
      return y.hires.teamManager;
    case 'leavers_fte':
      return y.leaversFte.toNumber();
    case 'agency_cover_fte':
      return y.agencyCoverFte;
    case 'paybill':
      return y.paybill.toNumber();
    case 'additional_cost':
      return y.additionalCost.toNumber();
  }
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * `runs` projections of the input, each with its own drawn future. Year 0 is now: not drawn. Each
 * later year k: growth g + growthSd x z, open cases compounding from year 0; each group's rate
 * r_g(k) + turnoverSd x z (within 0 and 1), then its leavers a binomial count of the people the group
 * had in the central projection (its FTE, rounded), at that rate. A run's hires follow its own future
 * by the plan rule, as in the projection. The central projection is run once, as given.
 */
export function simulate(input: ProjectionInput, central: readonly ProjectionYear[], spread: Spread, runs: number, seed: number): Ranges {
  const random = generator(seed);
  const years = input.years;
  const baseGrowth = input.growth.toNumber();
  const mix = input.caseMix;
  const uniform = uniformGrowth(input);
  const typeGrowth = Object.fromEntries(CASE_TYPES.map((t) => [t, mix?.growth[t].toNumber() ?? baseGrowth])) as Record<CaseType, number>;
  const collected: Record<Metric, number[]>[] = Array.from({ length: years + 1 }, () => Object.fromEntries(METRICS.map((m) => [m, []])) as unknown as Record<Metric, number[]>);
  const totals: number[] = [];
  const met: number[] = Array.from({ length: years + 1 }, () => 0);
  // People in each group at the start of each year's leavers: the central projection's FTE after the
  // previous year's hires, rounded (a person is about one FTE).
  const people = (k: number, g: Group) => Math.max(0, Math.round(central[k - 1]!.byGroup[g].permanentFte.plus(central[k - 1]!.byGroup[g].agencyFte).toNumber()));
  for (let run = 0; run < runs; run++) {
    const openCases: number[] = [input.openCases];
    const rates: Record<Group, Exact>[] = [turnoverInYear(input, 0)];
    // With case types (issue 15) each type compounds at its own growth plus the year's one draw.
    const byType: CaseCounts[] | undefined = mix === undefined ? undefined : [central[0]!.openCasesByType ?? mix.open];
    for (let k = 1; k <= years; k++) {
      const z = spread.growthSd === 0 ? 0 : normal(random);
      const g = spread.growthSd === 0 ? baseGrowth : baseGrowth + spread.growthSd * z;
      if (byType !== undefined && mix !== undefined) {
        const before = byType[k - 1]!;
        const drawn = {} as CaseCounts;
        for (const t of CASE_TYPES) drawn[t] = spread.growthSd === 0 ? central[k]!.openCasesByType![t] : Math.max(0, Math.round(before[t] * (1 + typeGrowth[t] + spread.growthSd * z) * 1e6) / 1e6);
        byType.push(drawn);
      }
      openCases.push(
        spread.growthSd === 0 ? central[k]!.openCases
        : byType !== undefined && !uniform ? CASE_TYPES.reduce((sum, t) => sum + byType[k]![t], 0)
        : Math.max(0, Math.round(openCases[k - 1]! * (1 + g) * 1e6) / 1e6),
      );
      const base = turnoverInYear(input, k);
      if (spread.turnoverSd === 0 && !spread.binomial) {
        rates.push(base);
        continue;
      }
      const drawn = {} as Record<Group, Exact>;
      for (const group of GROUPS) {
        const r = spread.turnoverSd === 0 ? base[group].toNumber() : clamp(base[group].toNumber() + spread.turnoverSd * normal(random), 0, 1);
        const n = people(k, group);
        // To 1e-12: a drawn rate needs no more, and 1/3 carried to 60 digits costs the arithmetic of every later year.
        drawn[group] = exact((!spread.binomial || n === 0 ? r : binomial(n, r, random) / n).toFixed(12));
      }
      rates.push(drawn);
    }
    const outcome = project({ ...input, paths: { openCases, rates, ...(byType === undefined ? {} : { byType }) } });
    if (!outcome.ok) continue;
    outcome.years.forEach((y, k) => {
      for (const m of METRICS) {
        const v = metricOf(y, m);
        if (v !== null) collected[k]![m].push(v);
      }
      if (y.uncoveredCases === 0 && y.mixShortfallFte === 0) met[k]!++;
    });
    totals.push(outcome.totals.additionalCost.toNumber());
  }
  const done = totals.length;
  return {
    runs,
    seed,
    spread,
    measured: input.weighted === true || input.config.early_career_capacity !== 1,
    byYear: collected.map((c, k) => ({ year: k, metrics: Object.fromEntries(METRICS.map((m) => [m, c[m].length === 0 ? null : percentiles(c[m])])) as Record<Metric, Percentiles | null> })),
    totalAdditionalCost: done === 0 ? { p10: 0, p50: 0, p90: 0 } : percentiles(totals),
    targetMetProbability: met.map((n, k) => ({ year: k, probability: done === 0 ? 0 : n / done })),
  };
}
