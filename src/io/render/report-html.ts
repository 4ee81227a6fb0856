// `caseplan report --html FILE`: one self-contained HTML page for a committee paper (inline CSS and
// SVG, no scripts, nothing fetched): the headline answer, now vs after, and with --years the
// year-by-year table and charts. Pure: the run in, the page out. The tables are the same blocks the
// terminal and markdown show, so every format carries the same numbers.
import { showsTargetCaseload } from './plan-text.js';
import type { OptimisationRun, ProjectionRun, ScenarioRun } from '../../core/results.js';
import { optimisationBlocks } from './optimisation.js';
import { formatIso } from '../../core/dates.js';
import { sumExact } from '../../core/exact.js';
import { formatPounds, toPounds } from '../../core/money.js';
import type { Plan } from '../../core/plan.js';
import { GROUPS } from '../../core/workforce.js';
import type { Block } from './document.js';
import { blockHtml, escapeHtml } from './html.js';
import { caseload, count, fte, grouped } from './numbers.js';
import { headline, planSections } from './plan-text.js';
import { projectionSections, type ProjectionSections } from './projection.js';
import { REPORT_CSS } from './report-css.js';
import { bandChartSvg, barsAgainstLineSvg, compactPounds, lineChartSvg, stackedBarSvg } from './svg-chart.js';
import { seriesOf, type Benchmark, type PublishedData } from '../../core/published.js';
import { benchmarkBlocks } from './benchmark.js';
import { rangesBlocks } from './ranges.js';
import { hasLimits } from '../../core/limits.js';

export interface ReportSources {
  staff: string;
  referrals: string | null;
  config: string | null;
}

const COLOUR = { experienced: '#1d4f7c', earlyCareer: '#6aa6d6', teamManager: '#7b9e55', agency: '#e08a2e', target: '#b8322a', baseline: '#3c3c3c' };

type Table = Extract<Block, { kind: 'table' }>;

interface Figure {
  name: string;
  label: string;
  value: string;
  /** The figure as a plain number, for scripts and tests. */
  plain: number | null;
  note?: string;
}

function figureHtml(f: Figure): string {
  const data = `data-figure="${f.name}"${f.plain === null ? '' : ` data-value="${f.plain}"`}`;
  return `<div class="figure"><dt>${escapeHtml(f.label)}</dt><dd ${data}>${escapeHtml(f.value)}</dd>${f.note ? `<dd class="note">${escapeHtml(f.note)}</dd>` : ''}</div>`;
}

function keyFigures(plan: Plan, projection: ProjectionRun | null): Figure[] {
  const { hires, cost, current, after } = plan;
  const figures: Figure[] = [
    { name: 'hires', label: 'Hires now', value: count(hires.total), plain: hires.total, note: `${hires.experienced} experienced, ${hires.earlyCareer} early career, ${hires.teamManager} team managers` },
    { name: 'annual-cost', label: 'Annual cost of the hires', value: formatPounds(cost.annual), plain: toPounds(cost.annual), note: `plus ${formatPounds(cost.oneOff)} one-off recruitment` },
    showsTargetCaseload(plan)
      ? { name: 'caseload-after', label: plan.parameters.weighted === true ? 'Weighted caseload against the target' : 'Caseload against the target', value: `${caseload(current.targetCaseload)} → ${caseload(after.targetCaseload)}`, plain: after.targetCaseload, note: `now → after hires (target ${count(plan.parameters.rule.target)}; average caseload ${caseload(current.averageCaseload)} → ${caseload(after.averageCaseload)})` }
      : { name: 'caseload-after', label: 'Average caseload', value: `${caseload(current.averageCaseload)} → ${caseload(after.averageCaseload)}`, plain: after.averageCaseload, note: `now → after hires (target ${count(plan.parameters.rule.target)})` },
  ];
  if (projection !== null) {
    const last = projection.years.length - 1;
    figures.push({
      name: 'additional-cost',
      label: `Additional cost, years 0 to ${last}`,
      value: formatPounds(projection.totals.additionalCost),
      plain: toPounds(projection.totals.additionalCost),
      note: `${projection.totals.hires.total} hires over the ${last + 1} years, against the baseline`,
    });
  }
  return figures;
}

function yearTooltip(run: ProjectionRun, i: number, text: string): string {
  const y = run.years[i]!;
  return `Year ${y.year} (${formatIso(y.date)}): ${text}`;
}

function chartsHtml(run: ProjectionRun): string {
  const xLabels = run.years.map((y) => String(y.year));
  const target = run.plan.parameters.rule.target;
  // With --weighted or an early-career capacity the target is measured on its own caseload: that is drawn.
  const measured = showsTargetCaseload(run.plan);
  const caseloadLabel = measured ? (run.plan.parameters.weighted === true ? 'Weighted caseload' : 'Caseload against the target') : 'Average caseload';
  const caseloadChart = lineChartSvg({
    name: 'caseload',
    title: `${caseloadLabel} against the target`,
    xLabels,
    tooltips: run.years.map((y, i) => yearTooltip(run, i, `${caseloadLabel.toLowerCase()} ${caseload(measured ? y.targetCaseload : y.averageCaseload)}`)),
    series: { label: caseloadLabel, colour: COLOUR.experienced, values: run.years.map((y) => (measured ? y.targetCaseload : y.averageCaseload)) },
    reference: { label: `Target ${count(target)}`, colour: COLOUR.target, value: target },
    format: (v) => count(v),
  });

  const agency = run.years.map((y) => sumExact(GROUPS.map((g) => y.byGroup[g].agencyFte)).toNumber());
  const hasAgency = agency.some((a) => a > 0);
  const groupFte = (g: (typeof GROUPS)[number]) =>
    run.years.map((y) => (hasAgency ? y.byGroup[g].permanentFte : y.byGroup[g].permanentFte.plus(y.byGroup[g].agencyFte)).toNumber());
  const fteSeries = [
    { label: 'Experienced', colour: COLOUR.experienced, values: groupFte('experienced') },
    { label: 'Early career', colour: COLOUR.earlyCareer, values: groupFte('early_career') },
    { label: 'Team managers', colour: COLOUR.teamManager, values: groupFte('team_manager') },
    ...(hasAgency ? [{ label: 'Agency (all groups)', colour: COLOUR.agency, values: agency }] : []),
  ];
  const fteChart = stackedBarSvg({
    name: 'fte',
    title: 'FTE by group',
    xLabels,
    tooltips: run.years.map((_, i) => yearTooltip(run, i, fteSeries.map((s) => `${s.label.toLowerCase()} ${fte(s.values[i] ?? 0)}`).join(', '))),
    series: fteSeries,
    format: (v) => grouped(v, 0, 1),
  });

  const planCost = run.years.map((y) => toPounds(y.planCost));
  const baseline = run.years.map((y) => toPounds(y.baselineCost));
  const costChart = barsAgainstLineSvg({
    name: 'cost',
    title: 'Cost per year against the baseline',
    xLabels,
    tooltips: run.years.map((y, i) =>
      yearTooltip(run, i, `plan ${formatPounds(y.planCost, { pence: false })}, baseline ${formatPounds(y.baselineCost, { pence: false })}, additional ${formatPounds(y.additionalCost, { pence: false })}`),
    ),
    bars: { label: 'Plan', colour: COLOUR.earlyCareer, values: planCost },
    line: { label: 'Baseline', colour: COLOUR.baseline, values: baseline },
    barLabels: run.years.map((y) => `${toPounds(y.additionalCost) >= 0 ? '+' : ''}${compactPounds(toPounds(y.additionalCost), { fixed: true })}`),
    format: compactPounds,
  });
  const figure = (svg: string, caption: string) => `<figure>${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
  return [
    figure(caseloadChart, `Open cases per case-holding FTE after each year's hires; the target is dashed. Year 0 is ${formatIso(run.plan.parameters.asOf)}.`),
    figure(
      fteChart,
      `Case-holding social workers by experience, and team managers, after each year's hires; the total above each bar.${hasAgency ? ' The groups show permanent staff; agency FTE of all groups are stacked on top (hires are permanent).' : ''}`,
    ),
    figure(costChart, 'Bars: the plan (paybill + recruitment, and agency cover and retention payments when there are any). Dashed line: the baseline (the current workforce, leavers replaced like for like). Above each bar: the additional cost that year.'),
  ].join('\n');
}

/** A wide table as two narrower ones for the page: columns [0, splitAfter), then column 0 and the rest. */
function splitForPage(table: Table): [Table, Table | null] {
  const at = table.splitAfter;
  if (at === undefined) return [table, null];
  const pick = (cols: number[]): Table => ({
    ...table,
    splitAfter: undefined,
    head: cols.map((c) => table.head[c]!),
    align: cols.map((c) => table.align[c]!),
    rows: table.rows.map((row) => cols.map((c) => row[c]!)),
  });
  const all = table.head.map((_, i) => i);
  return [pick(all.slice(0, at)), pick([0, ...all.slice(at)])];
}

function projectionSection(run: ProjectionRun, sections: ProjectionSections): string {
  const { title: heading, years, paybillTitle: paybillNote, paybill, market, retention } = sections;
  return [
    `<section class="years">`,
    blockHtml(heading),
    // With recruitment limits or agency cover: when the target is met, and each short year.
    ...(market === null ? [] : [blockHtml(market.headline), market.shortYears === null ? '' : `<div class="keep">${blockHtml(market.shortYears, ' data-table="short-years"')}</div>`]),
    ...splitForPage(years).map((t, i) =>
      t === null ? '' : `${i === 1 ? '<h3>Cost against the baseline</h3>' : ''}<div class="wide">${blockHtml(t, ` data-table="${i === 0 ? 'years' : 'years-cost'}"`)}</div>`,
    ),
    `<div class="charts">${chartsHtml(run)}</div>`,
    rangesHtml(run),
    `<div class="keep">${blockHtml(paybillNote)}${blockHtml(paybill, ' data-table="paybill"')}</div>`,
    retention === null ? '' : `<div class="keep">${blockHtml(retention.headline)}${blockHtml(retention.table, ' data-table="retention"')}</div>`,
    `</section>`,
  ].join('\n');
}

/** --ranges: fan charts of the caseload and the additional cost, the 10th-90th percentile band around the central projection. */
function rangesHtml(run: ProjectionRun): string {
  const r = run.ranges;
  if (r === null || r === undefined) return '';
  const xLabels = run.years.map((y) => String(y.year));
  const fan = (name: string, title: string, metric: 'average_caseload_before_hires' | 'additional_cost', central: (number | null)[], format: (v: number) => string) =>
    bandChartSvg({
      name,
      title,
      xLabels,
      tooltips: r.byYear.map((y, i) => {
        const p = y.metrics[metric];
        return yearTooltip(run, i, p === null ? 'no figure' : `central ${format(central[i] ?? 0)}; 10th to 90th percentile ${format(p.p10)} to ${format(p.p90)} (median ${format(p.p50)})`);
      }),
      band: { label: '10th to 90th percentile of the runs', colour: COLOUR.earlyCareer, lowest: r.byYear.map((y) => y.metrics[metric]?.p10 ?? null), highest: r.byYear.map((y) => y.metrics[metric]?.p90 ?? null) },
      series: { label: 'Central projection', colour: COLOUR.experienced, values: central },
      other: { label: 'Median of the runs', colour: COLOUR.baseline, values: r.byYear.map((y) => y.metrics[metric]?.p50 ?? null) },
      format,
    });
  const figure = (svg: string, caption: string) => `<figure>${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
  return [
    `<div class="keep" data-section="ranges">`,
    ...rangesBlocks(run).map((b) => (b.kind === 'table' ? `<div class="wide">${blockHtml(b, ' data-table="ranges"')}</div>` : blockHtml(b))),
    `<div class="charts">`,
    figure(
      fan('fan-caseload', "Caseload before each year's hires: how sure is it?", 'average_caseload_before_hires', run.years.map((y) => y.averageCaseloadBeforeHires), (v) => grouped(v, 1, 1)),
      `${r.runs} runs: in 8 of 10 the caseload the year's hires must answer (after leavers and new demand) falls inside the shaded band; ${hasLimits(run.market.limits) ? 'within the recruitment limits the hires do not always bring it back to the target (see the share of runs that meet it)' : 'the hires bring it back to the target in every run'}.`,
    ),
    figure(fan('fan-additional-cost', 'Additional cost each year: how sure is it?', 'additional_cost', run.years.map((y) => toPounds(y.additionalCost)), compactPounds), 'In 8 of 10 runs the year\'s additional cost falls inside the band; the line is the central projection the tables above show.'),
    `</div>`,
    `</div>`,
  ].join('\n');
}

/** The optimiser's section (report --optimise): its headline, and both plans' cost per year in one chart. */
function optimisationSection(run: OptimisationRun): string {
  const o = run.optimisation;
  const [heading, headlineBlock, ...rest] = optimisationBlocks(run);
  const blocks = [blockHtml(heading!), blockHtml(headlineBlock!), ...rest.map((b) => blockHtml(b, b.kind === 'table' ? ' data-table="optimisation"' : ''))];
  // Without a rule's plan to compare with there is no second line to draw.
  if (o.rule === null) return [`<section class="optimisation" data-section="optimisation">`, ...blocks, `</section>`].join('\n');
  const xLabels = o.byYear.map((y) => String(y.year));
  const chart = barsAgainstLineSvg({
    name: 'optimised-cost',
    title: 'Cost per year: the optimised plan against the year-by-year rule',
    xLabels,
    tooltips: o.byYear.map((y, i) => yearTooltip(run, i, `optimised ${formatPounds(y.optimised.cost, { pence: false })}, rule ${formatPounds(y.rule!.cost, { pence: false })}`)),
    bars: { label: 'Optimised plan', colour: COLOUR.experienced, values: o.byYear.map((y) => toPounds(y.optimised.cost)) },
    line: { label: 'Year-by-year rule', colour: COLOUR.target, values: o.byYear.map((y) => toPounds(y.rule!.cost)) },
    barLabels: o.byYear.map((y) => {
      const d = toPounds(y.optimised.cost) - toPounds(y.rule!.cost);
      return `${d >= 0 ? '+' : ''}${compactPounds(d, { fixed: true })}`;
    }),
    format: compactPounds,
  });
  return [
    `<section class="optimisation" data-section="optimisation">`,
    ...blocks,
    `<div class="charts"><figure>${chart}<figcaption>${escapeHtml('Bars: what the optimised plan spends each year (paybill + recruitment, and agency cover and retention payments when there are any). Line: what the year-by-year rule spends. Above each bar: optimised minus rule.')}</figcaption></figure></div>`,
    `</section>`,
  ].join('\n');
}

/** The council beside its neighbours, region and England (report --la), with two charts over the years. */
function benchmarkSection(published: { data: PublishedData; benchmark: Benchmark }): string {
  const { data, benchmark: b } = published;
  const chart = (indicator: 'caseload_fte' | 'turnover_rate_fte', title: string, unit: string) => {
    const series = seriesOf(data, b, indicator);
    return bandChartSvg({
      name: `benchmark-${indicator.replace(/_/g, '-')}`,
      title,
      xLabels: series.map((s) => String(s.year)),
      tooltips: series.map((s) => `${s.year}: ${b.council.name} ${s.council ?? 'not published'}${unit}, neighbours ${s.lowest ?? '—'} to ${s.highest ?? '—'}${unit}, England ${s.england ?? '—'}${unit}`),
      band: { label: 'Statistical neighbours (lowest to highest)', colour: COLOUR.earlyCareer, lowest: series.map((s) => s.lowest), highest: series.map((s) => s.highest) },
      series: { label: b.council.name, colour: COLOUR.experienced, values: series.map((s) => s.council) },
      other: { label: 'England', colour: COLOUR.baseline, values: series.map((s) => s.england) },
      format: (v) => grouped(v, 0, 1),
    });
  };
  const [heading, ...rest] = benchmarkBlocks(data, b);
  const figure = (svg: string, caption: string) => `<figure>${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
  return [
    `<section class="benchmark" data-section="benchmark">`,
    `<h2>${escapeHtml(heading!.kind === 'heading' ? heading!.text : '')}</h2>`,
    ...rest.map((block) => blockHtml(block, block.kind === 'table' ? ' data-table="benchmark"' : '')),
    `<div class="charts">`,
    figure(chart('caseload_fte', 'Caseload over the years against the neighbours and England', ''), 'Cases per case holder FTE at 30 September each year, as published: the council (line), its statistical neighbours from lowest to highest (band) and England (dashed).'),
    figure(chart('turnover_rate_fte', 'Turnover over the years against the neighbours and England', '%'), 'FTE turnover rate (%) in the year to 30 September, as published.'),
    `</div>`,
    `</section>`,
  ].join('\n');
}

export function reportHtml(outcome: ScenarioRun, sources: ReportSources, published: { data: PublishedData; benchmark: Benchmark } | null = null): string {
  const plan = outcome.run.plan;
  const projection = outcome.kind === 'projection' ? outcome.run : null;
  // Sections by name: reordering the terminal's document never changes the page.
  const projected = projection === null ? null : projectionSections(projection);
  const { nowAfter, byGroup, assumptions } = projected?.plan ?? planSections(plan);
  const rates = projected?.rates ?? [];
  const additional = projected?.additional;
  const target = count(plan.parameters.rule.target);
  const asOf = formatIso(plan.parameters.asOf);
  const title = `Bringing the ${plan.parameters.weighted === true ? 'weighted' : 'average'} caseload to ${target}`;
  const subtitle = `Workforce plan for children's social care at ${asOf}${projection ? `, projected ${projection.years.length - 1} years` : ''}`;
  const sourceItems = [`staff: ${sources.staff}`, ...(sources.referrals ? [`referrals: ${sources.referrals}`] : []), ...(sources.config ? [`config: ${sources.config}`] : [])];

  const body = [
    `<header><p class="kicker">caseplan report</p><h1>${escapeHtml(title)}</h1><p class="subtitle">${escapeHtml(subtitle)}</p></header>`,
    `<section class="answer" data-section="headline">`,
    `<p class="headline">${escapeHtml(headline(plan))}</p>`,
    additional ? `<p class="headline">${escapeHtml(additional.text)}</p>` : '',
    `<dl class="figures">${keyFigures(plan, projection).map(figureHtml).join('')}</dl>`,
    `</section>`,
    projection !== null && 'optimisation' in projection ? optimisationSection(projection as OptimisationRun) : '',
    published === null ? '' : benchmarkSection(published),
    `<section class="now-after"><h2>Now and after this year's hires</h2>`,
    blockHtml(nowAfter, ' data-table="now-after"'),
    `<h3>Hires and cost by group</h3>${blockHtml(byGroup, ' data-table="by-group"')}`,
    `</section>`,
    projection && projected
      ? projectionSection(projection, projected)
      : `<section class="years"><h2>Year by year</h2><p class="note" data-note="needs-years">The year-by-year table and charts need <code>--years N</code>: run <code>caseplan report --years 5 …</code> with the same options to add them.</p></section>`,
    `<section class="assumptions"><h2>Assumptions</h2><ul>${[...assumptions, ...rates].map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`,
    `<p class="sources">Inputs: ${sourceItems.map(escapeHtml).join('; ')}. Money is rounded to the penny once per figure; totals are sums of the figures shown.</p></section>`,
  ];
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${title} (${asOf})`)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body.filter((part) => part !== ''),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
