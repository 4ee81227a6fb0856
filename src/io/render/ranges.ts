// --ranges (issue 16) in every format: a percentile table beside the central projection.
import type { ProjectionRun } from '../../core/results.js';
import { METRICS, type Metric, type Percentiles } from '../../core/ranges.js';
import { formatPounds, pounds } from '../../core/money.js';
import type { CsvValue } from './csv.js';
import { columns, type DataTable } from './data-table.js';
import type { Block } from './document.js';
import { hasLimits } from '../../core/limits.js';
import { caseload, count, fte } from './numbers.js';

type RangesOf = NonNullable<ProjectionRun['ranges']>;

export function rangesJson(r: RangesOf) {
  return {
    runs: r.runs,
    seed: r.seed,
    sources: r.sources,
    by_year: r.byYear.map((y) => ({ year: y.year, ...shownMetrics(r).reduce((o, m) => ({ ...o, [m]: y.metrics[m] }), {}) })),
    total_additional_cost: r.totalAdditionalCost,
    target_met_probability: r.targetMetProbability,
  };
}

const MONEY: ReadonlySet<Metric> = new Set(['paybill', 'additional_cost']);

/** Every metric, the target's caseload only when it is a figure of its own (--weighted, an early-career capacity). */
function shownMetrics(r: RangesOf): Metric[] {
  return METRICS.filter((m) => m !== 'target_caseload' || r.measured);
}

/** The `ranges` section: each year, each metric's 10th, 50th and 90th percentile, and the chance the target is met. */
export function rangesTable(r: RangesOf): DataTable {
  const metrics = shownMetrics(r);
  const cols = columns(['year', 'Year', 'integer'], ...metrics.flatMap((m) => (['p10', 'p50', 'p90'] as const).map((p): [string, string, 'money' | 'number'] => [`${m}_${p}`, `${m.replace(/_/g, ' ')} ${p}`, MONEY.has(m) ? 'money' : 'number'])), ['target_met_probability', 'Target met (share of runs)', 'percent']);
  const rows: CsvValue[][] = r.byYear.map((y, k) => [y.year, ...metrics.flatMap((m) => { const p = y.metrics[m]; return p === null ? [null, null, null] : [p.p10, p.p50, p.p90]; }), r.targetMetProbability[k]?.probability ?? null]);
  const t = r.totalAdditionalCost;
  return { name: 'ranges', title: 'Ranges', columns: cols, rows, total: null, notes: [`${r.runs} runs, seed ${r.seed}; total additional cost p10 ${t.p10}, p50 ${t.p50}, p90 ${t.p90}`, r.sources.growth, r.sources.turnover, r.sources.leavers] };
}

export function rangesBlocks(run: ProjectionRun): Block[] {
  const r = run.ranges;
  if (r === null || r === undefined) return [];
  const band = (p: Percentiles | null, show: (v: number) => string) => (p === null ? '—' : `${show(p.p50)} (${show(p.p10)}–${show(p.p90)})`);
  const money = (v: number) => formatPounds(pounds(v), { pence: false });
  // The chance the target is met only means something when recruitment limits can leave it unmet.
  const limited = hasLimits(run.market.limits);
  const rows = r.byYear.map((y, k) => [
    String(y.year),
    band(y.metrics.open_cases, (v) => count(Math.round(v))),
    band(y.metrics.average_caseload_before_hires, caseload),
    band(y.metrics.average_caseload, caseload),
    ...(r.measured ? [band(y.metrics.target_caseload, caseload)] : []),
    band(y.metrics.hires_early_career, (v) => count(v)),
    band(y.metrics.hires_experienced, (v) => count(v)),
    band(y.metrics.hires_team_manager, (v) => count(v)),
    band(y.metrics.leavers_fte, (v) => fte(v)),
    ...(run.market.agencyCover ? [band(y.metrics.agency_cover_fte, (v) => fte(v))] : []),
    band(y.metrics.additional_cost, money),
    ...(limited ? [`${Math.round((r.targetMetProbability[k]?.probability ?? 0) * 100)}%`] : []),
  ]);
  const t = r.totalAdditionalCost;
  return [
    { kind: 'paragraph', text: `Ranges: the median and, in brackets, the 10th to 90th percentile over ${count(r.runs)} runs (seed ${r.seed})`, emphasis: 'strong' },
    {
      kind: 'paragraph',
      text: `Additional cost over years 0 to ${run.years.length - 1}: ${money(run.totals.additionalCost.toNumber())} in the central projection; 10 in 100 runs cost less than ${money(t.p10)} and 10 in 100 more than ${money(t.p90)} (median ${money(t.p50)}).`,
    },
    {
      kind: 'table',
      head: ['Year', 'Open cases', 'Caseload before hires', 'Caseload after', ...(r.measured ? ['Caseload against target'] : []), 'Early-career hires', 'Experienced hires', 'Team manager hires', 'Leavers FTE', ...(run.market.agencyCover ? ['Agency cover FTE'] : []), 'Additional cost', ...(limited ? ['Target met (share of runs)'] : [])],
      align: ['right', 'right', 'right', 'right', ...(r.measured ? ['right' as const] : []), 'right', 'right', 'right', 'right', ...(run.market.agencyCover ? ['right' as const] : []), 'right', ...(limited ? ['right' as const] : [])],
      rows,
    },
    { kind: 'list', items: [`growth: ${r.sources.growth}`, `turnover: ${r.sources.turnover}`, `leavers: ${r.sources.leavers}`, ...(r.sources.wide === null ? [] : [r.sources.wide])] },
  ];
}
