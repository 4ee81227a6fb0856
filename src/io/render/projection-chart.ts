// The terminal pictures under `plan --years N`: average caseload per year against the target, and
// the experienced share against the mix, as text charts (chart.ts).
import type { ProjectionRun } from '../../core/results.js';
import type { Block } from './document.js';
import { showsTargetCaseload } from './plan-text.js';
import { count, rate } from './numbers.js';

export function projectionChartBlocks(run: ProjectionRun): Block[] {
  const xLabels = run.years.map((y) => String(y.year));
  const target = run.plan.parameters.rule.target;
  const measured = showsTargetCaseload(run.plan);
  return [
    {
      kind: 'chart',
      chart: {
        ...(measured
          ? {
              // --weighted or an early-career capacity: the caseload the target is measured on, after hires.
              title: `${run.plan.parameters.weighted === true ? 'Weighted caseload' : 'Caseload against the target'} by year`,
              xLabels,
              values: run.years.map((y) => y.targetCaseload),
              valueLabel: 'after hires',
            }
          : {
              title: 'Average caseload by year (open cases per case-holding FTE)',
              xLabels,
              values: run.years.map((y) => y.averageCaseload),
              valueLabel: 'after hires',
              second: { values: run.years.map((y) => y.averageCaseloadBeforeHires), label: 'before hires (after leavers)' },
            }),
        // --ranges: where 8 runs in 10 put the caseload before hires.
        ...(run.ranges && !measured
          ? {
              band: {
                low: run.ranges.byYear.map((y) => y.metrics.average_caseload_before_hires?.p10 ?? null),
                high: run.ranges.byYear.map((y) => y.metrics.average_caseload_before_hires?.p90 ?? null),
                label: 'before hires, 10th to 90th percentile of the runs',
              },
            }
          : {}),
        reference: { value: target, label: `target ${count(target)}` },
        format: (v) => count(v),
        minSpan: Math.max(1, target * 0.25),
        floor: 0,
      },
    },
    {
      kind: 'chart',
      chart: {
        title: 'Experienced share of case-holding FTE by year',
        xLabels,
        values: run.years.map((y) => y.experiencedShare),
        valueLabel: 'experienced share',
        reference: run.mix === null ? null : { value: run.mix, label: `mix ${rate(run.mix)}${run.mixBy > 0 ? ` (from year ${run.mixBy})` : ''}` },
        format: (v) => rate(v),
        minSpan: 0.2,
        floor: 0,
        ceiling: 1,
      },
    },
  ];
}
