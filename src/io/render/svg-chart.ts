// Charts as inline SVG for the HTML report: a line against a reference, stacked bars, and bars
// against a line. Pure: numbers in, markup out. Every chart is `<svg data-chart="NAME">` with one
// element marked `data-point` per x value (a year), so tests can count what was drawn.
import { escapeHtml } from './html.js';
import { grouped } from './numbers.js';

const W = 680;
const H = 270;
const PLOT = { left: 64, right: W - 16, top: 44, bottom: H - 34 };

export interface Series {
  label: string;
  colour: string;
  values: number[];
}

/** Ticks at a nice step (1, 2, 2.5 or 5 times a power of ten) from 0 to at least `max`. */
export function niceTicks(max: number, count = 5): number[] {
  const top = max > 0 ? max : 1;
  const raw = top / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let i = 0; i * step < top + step * 0.999; i++) ticks.push(+(i * step).toPrecision(12));
  return ticks;
}

/** "£12.5m", "£850k", "£900": money for an axis, or with `fixed` a label ("£2.0m"). */
export function compactPounds(pounds: number, options: { fixed?: boolean } = {}): string {
  const sign = pounds < 0 ? '-' : '';
  const abs = Math.abs(pounds);
  if (abs >= 1e6) return `${sign}£${grouped(abs / 1e6, options.fixed ? 1 : 0, 1)}m`;
  if (abs >= 1e3) return `${sign}£${grouped(abs / 1e3, 0, 0)}k`;
  return `${sign}£${grouped(abs, 0, 0)}`;
}

const num = (n: number) => String(Math.round(n * 10) / 10);

/** Value labels above bars on every k-th bar only, so that labels about 46 units wide never overlap. */
const labelEvery = (bandWidth: number) => Math.max(1, Math.ceil(46 / bandWidth));

interface Frame {
  name: string;
  title: string;
  xLabels: string[];
  ticks: number[];
  format: (v: number) => string;
  legend: { label: string; colour: string; kind: 'box' | 'line' | 'dash' }[];
}

function scaleY(ticks: number[]): (v: number) => number {
  const max = ticks[ticks.length - 1]!;
  return (v) => PLOT.bottom - (Math.max(0, v) / max) * (PLOT.bottom - PLOT.top);
}

function band(n: number): { width: number; centre: (i: number) => number } {
  const width = (PLOT.right - PLOT.left) / Math.max(n, 1);
  return { width, centre: (i) => PLOT.left + width * (i + 0.5) };
}

/** Legend items laid out left to right, wrapping onto a new row when one would pass the right edge. */
function legendHtml(items: Frame['legend']): { svg: string[]; rows: number } {
  let lx = PLOT.left;
  let row = 0;
  const svg = items.map((item) => {
    const width = 18 + item.label.length * 6.2;
    if (lx > PLOT.left && lx + width > W - 8) {
      lx = PLOT.left;
      row++;
    }
    const y = 24 + row * 18;
    const swatch =
      item.kind === 'box'
        ? `<rect x="${num(lx)}" y="${y}" width="12" height="12" fill="${item.colour}"/>`
        : `<line x1="${num(lx)}" x2="${num(lx + 14)}" y1="${y + 6}" y2="${y + 6}" stroke="${item.colour}" stroke-width="2.5"${item.kind === 'dash' ? ' stroke-dasharray="5 3"' : ''}/>`;
    const text = `<text class="legend" x="${num(lx + 18)}" y="${y + 10}">${escapeHtml(item.label)}</text>`;
    lx += width + 20;
    return swatch + text;
  });
  return { svg, rows: row + 1 };
}

/** The frame around a chart: title, legend, gridlines with y labels, x labels; `body` goes inside. */
function frame(f: Frame, body: string[]): string {
  const y = scaleY(f.ticks);
  const x = band(f.xLabels.length);
  const legend = legendHtml(f.legend);
  const grid = f.ticks.map(
    (t) => `<line class="grid" x1="${PLOT.left}" x2="${PLOT.right}" y1="${num(y(t))}" y2="${num(y(t))}"/>` + `<text class="ylabel" x="${PLOT.left - 6}" y="${num(y(t) + 4)}" text-anchor="end">${escapeHtml(f.format(t))}</text>`,
  );
  const every = Math.ceil(f.xLabels.length / 16);
  const xLabels = f.xLabels.map((label, i) => (i % every === 0 ? `<text class="xlabel" x="${num(x.centre(i))}" y="${PLOT.bottom + 16}" text-anchor="middle">${escapeHtml(label)}</text>` : ''));
  // Extra legend rows push the whole picture down: the plot keeps its height.
  const shift = (legend.rows - 1) * 18;
  return [
    `<svg data-chart="${f.name}" viewBox="0 ${-shift} ${W} ${H + shift}" role="img" aria-labelledby="chart-${f.name}-title">`,
    `<title id="chart-${f.name}-title">${escapeHtml(f.title)}</title>`,
    `<g transform="translate(0 ${-shift})">`,
    `<text class="ctitle" x="${PLOT.left}" y="14">${escapeHtml(f.title)}</text>`,
    ...legend.svg,
    '</g>',
    ...grid,
    `<line class="axis" x1="${PLOT.left}" x2="${PLOT.right}" y1="${PLOT.bottom}" y2="${PLOT.bottom}"/>`,
    ...body,
    ...xLabels,
    `<text class="xlabel axis-title" x="${PLOT.left - 6}" y="${PLOT.bottom + 16}" text-anchor="end">year</text>`,
    '</svg>',
  ].join('\n');
}

/** A line with a marker per x value, against a dashed horizontal reference line. */
export function lineChartSvg(options: {
  name: string;
  title: string;
  xLabels: string[];
  tooltips: string[];
  series: { label: string; colour: string; values: (number | null)[] };
  reference: { label: string; colour: string; value: number };
  format: (v: number) => string;
}): string {
  const known = options.series.values.filter((v): v is number => v !== null);
  const ticks = niceTicks(Math.max(options.reference.value, ...known) * 1.1);
  const y = scaleY(ticks);
  const x = band(options.xLabels.length);
  const points = options.series.values.map((v, i) => (v === null ? null : { x: x.centre(i), y: y(v), i }));
  const path = points
    .filter((p): p is { x: number; y: number; i: number } => p !== null)
    .map((p, k) => `${k === 0 ? 'M' : 'L'}${num(p.x)} ${num(p.y)}`)
    .join(' ');
  const ref = y(options.reference.value);
  const body = [
    `<line data-reference x1="${PLOT.left}" x2="${PLOT.right}" y1="${num(ref)}" y2="${num(ref)}" stroke="${options.reference.colour}" stroke-width="2" stroke-dasharray="6 4"/>`,
    path === '' ? '' : `<path d="${path}" fill="none" stroke="${options.series.colour}" stroke-width="2.5"/>`,
    ...points.map((p, i) =>
      p === null
        ? `<g data-point data-missing><title>${escapeHtml(options.tooltips[i] ?? '')}</title></g>`
        : `<circle data-point cx="${num(p.x)}" cy="${num(p.y)}" r="4" fill="${options.series.colour}"><title>${escapeHtml(options.tooltips[i] ?? '')}</title></circle>`,
    ),
  ];
  const legend: Frame['legend'] = [
    { label: options.series.label, colour: options.series.colour, kind: 'line' },
    { label: options.reference.label, colour: options.reference.colour, kind: 'dash' },
  ];
  return frame({ ...options, ticks, legend }, body);
}

/** Stacked bars, one per x value, the series from the bottom up; the total above each bar. */
export function stackedBarSvg(options: { name: string; title: string; xLabels: string[]; tooltips: string[]; series: Series[]; format: (v: number) => string }): string {
  const totals = options.xLabels.map((_, i) => options.series.reduce((s, series) => s + Math.max(0, series.values[i] ?? 0), 0));
  const ticks = niceTicks(Math.max(...totals) * 1.08);
  const y = scaleY(ticks);
  const x = band(options.xLabels.length);
  const barWidth = Math.min(56, x.width * 0.62);
  const body = options.xLabels.map((_, i) => {
    let base = 0;
    const rects = options.series.map((series) => {
      const v = Math.max(0, series.values[i] ?? 0);
      const rect = `<rect x="${num(x.centre(i) - barWidth / 2)}" y="${num(y(base + v))}" width="${num(barWidth)}" height="${num(y(base) - y(base + v))}" fill="${series.colour}"/>`;
      base += v;
      return rect;
    });
    const label = i % labelEvery(x.width) !== 0 ? '' : `<text class="vlabel" x="${num(x.centre(i))}" y="${num(y(totals[i]!) - 4)}" text-anchor="middle">${escapeHtml(options.format(totals[i]!))}</text>`;
    return `<g data-point><title>${escapeHtml(options.tooltips[i] ?? '')}</title>${rects.join('')}${label}</g>`;
  });
  return frame({ ...options, ticks, legend: options.series.map((s) => ({ label: s.label, colour: s.colour, kind: 'box' as const })) }, body);
}

/** A bar per x value against a dashed line with markers (e.g. the plan's cost against the baseline). */
export function barsAgainstLineSvg(options: {
  name: string;
  title: string;
  xLabels: string[];
  tooltips: string[];
  bars: Series;
  line: Series;
  /** Text above each bar (e.g. the difference from the line). */
  barLabels: string[];
  format: (v: number) => string;
}): string {
  const ticks = niceTicks(Math.max(...options.bars.values, ...options.line.values) * 1.1);
  const y = scaleY(ticks);
  const x = band(options.xLabels.length);
  const barWidth = Math.min(56, x.width * 0.62);
  const path = options.line.values.map((v, i) => `${i === 0 ? 'M' : 'L'}${num(x.centre(i))} ${num(y(v))}`).join(' ');
  const body = [
    ...options.bars.values.map((v, i) => {
      const top = Math.min(y(v), y(options.line.values[i] ?? 0));
      return (
        `<g data-point><title>${escapeHtml(options.tooltips[i] ?? '')}</title>` +
        `<rect x="${num(x.centre(i) - barWidth / 2)}" y="${num(y(v))}" width="${num(barWidth)}" height="${num(y(0) - y(v))}" fill="${options.bars.colour}"/>` +
        (i % labelEvery(x.width) !== 0 ? '' : `<text class="vlabel" x="${num(x.centre(i))}" y="${num(top - 6)}" text-anchor="middle">${escapeHtml(options.barLabels[i] ?? '')}</text>`) +
        '</g>'
      );
    }),
    `<path d="${path}" fill="none" stroke="${options.line.colour}" stroke-width="2" stroke-dasharray="6 4"/>`,
    ...options.line.values.map((v, i) => `<rect class="baseline-mark" x="${num(x.centre(i) - 4)}" y="${num(y(v) - 4)}" width="8" height="8" fill="${options.line.colour}"/>`),
  ];
  const legend: Frame['legend'] = [
    { label: options.bars.label, colour: options.bars.colour, kind: 'box' },
    { label: options.line.label, colour: options.line.colour, kind: 'dash' },
  ];
  return frame({ ...options, ticks, legend }, body);
}

/** A shaded band (a range each year), a line with markers against it, and a dashed second line. */
export function bandChartSvg(options: {
  name: string;
  title: string;
  xLabels: string[];
  tooltips: string[];
  band: { label: string; colour: string; lowest: (number | null)[]; highest: (number | null)[] };
  series: { label: string; colour: string; values: (number | null)[] };
  other: { label: string; colour: string; values: (number | null)[] };
  format: (v: number) => string;
}): string {
  const all = [...options.band.highest, ...options.series.values, ...options.other.values].filter((v): v is number => v !== null);
  const ticks = niceTicks(Math.max(1, ...all) * 1.1);
  const y = scaleY(ticks);
  const x = band(options.xLabels.length);
  const line = (values: (number | null)[]) =>
    values
      .map((v, i) => (v === null ? null : `${num(x.centre(i))} ${num(y(v))}`))
      .filter((p): p is string => p !== null)
      .map((p, k) => `${k === 0 ? 'M' : 'L'}${p}`)
      .join(' ');
  const known = options.band.lowest.map((lo, i) => (lo === null || options.band.highest[i] === null ? null : { i, lo, hi: options.band.highest[i]! })).filter((p): p is { i: number; lo: number; hi: number } => p !== null);
  const area =
    known.length === 0
      ? ''
      : `<path data-band d="${[...known.map((p, k) => `${k === 0 ? 'M' : 'L'}${num(x.centre(p.i))} ${num(y(p.hi))}`), ...[...known].reverse().map((p) => `L${num(x.centre(p.i))} ${num(y(p.lo))}`)].join(' ')} Z" fill="${options.band.colour}" fill-opacity="0.25" stroke="none"/>`;
  const body = [
    area,
    `<path d="${line(options.other.values)}" fill="none" stroke="${options.other.colour}" stroke-width="2" stroke-dasharray="6 4"/>`,
    `<path d="${line(options.series.values)}" fill="none" stroke="${options.series.colour}" stroke-width="2.5"/>`,
    ...options.series.values.map((v, i) =>
      v === null ? `<g data-point data-missing><title>${escapeHtml(options.tooltips[i] ?? '')}</title></g>` : `<circle data-point cx="${num(x.centre(i))}" cy="${num(y(v))}" r="4" fill="${options.series.colour}"><title>${escapeHtml(options.tooltips[i] ?? '')}</title></circle>`,
    ),
  ];
  const legend: Frame['legend'] = [
    { label: options.series.label, colour: options.series.colour, kind: 'line' },
    { label: options.band.label, colour: options.band.colour, kind: 'box' },
    { label: options.other.label, colour: options.other.colour, kind: 'dash' },
  ];
  return frame({ ...options, ticks, legend }, body);
}
