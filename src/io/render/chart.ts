// A small text chart for a terminal: one value per column (a projection year) plotted with a marker
// against an optional reference line (a target or a mix). Pure: numbers in, plain lines out; colour
// is applied by the caller's style functions.

export interface LineChart {
  title: string;
  /** One label per column, e.g. the projection year. */
  xLabels: string[];
  /** One value per column; null draws no marker. */
  values: (number | null)[];
  /** What the markers are, for the legend. */
  valueLabel: string;
  /** An optional second series, drawn with a hollow marker where it does not meet the first. */
  second?: { values: (number | null)[]; label: string };
  /** An optional range per column (the 10th to 90th percentile of --ranges), drawn as a bar where no marker is. */
  band?: { low: (number | null)[]; high: (number | null)[]; label: string };
  /** A horizontal line, drawn dashed on the row it falls on. */
  reference: { value: number; label: string } | null;
  /** A y-axis label for a value on a grid row. */
  format: (value: number) => string;
  /** Rows of the plot area (default 7). */
  height?: number;
  /** The y axis spans at least this much, so near-equal values do not look like big swings. */
  minSpan?: number;
  /** The y axis never goes below / above these (e.g. 0 and 1 for a share). */
  floor?: number;
  ceiling?: number;
}

export interface ChartStyle {
  point: (text: string) => string;
  reference: (text: string) => string;
  axis: (text: string) => string;
}

const PLAIN: ChartStyle = { point: (t) => t, reference: (t) => t, axis: (t) => t };

export const MARKER = '●';
export const SECOND = '○';
export const DASH = '┄';
export const BAND = '│';

/** 1, 2, 2.5 and 5 times a power of ten, from the smallest at least `min`. */
function niceStepsFrom(min: number): number[] {
  const base = 10 ** Math.floor(Math.log10(Math.max(min, 1e-9)));
  const steps: number[] = [];
  for (let p = base / 10; steps.length < 24; p *= 10) for (const m of [1, 2, 2.5, 5]) if (p * m >= min * (1 - 1e-9)) steps.push(p * m);
  return steps;
}

/**
 * The grid: rows at anchor + i * step (the anchor is the reference, so the line sits exactly on a
 * row, or 0), the step the smallest nice one that fits every value into `height` rows.
 */
export function chartGrid(chart: Pick<LineChart, 'values' | 'second' | 'band' | 'reference' | 'height' | 'minSpan' | 'floor' | 'ceiling'>): { rows: number[]; step: number } {
  const height = Math.max(2, chart.height ?? 7);
  const known = [...chart.values, ...(chart.second?.values ?? []), ...(chart.band?.low ?? []), ...(chart.band?.high ?? [])].filter((v): v is number => v !== null && Number.isFinite(v));
  const anchor = chart.reference?.value ?? 0;
  const all = [...known, ...(chart.reference ? [anchor] : [])];
  const lo = all.length > 0 ? Math.min(...all) : 0;
  const hi = all.length > 0 ? Math.max(...all) : 1;
  const minSpan = Math.max(chart.minSpan ?? 0, hi - lo, 1e-6);
  const floor = chart.floor ?? -Infinity;
  const ceiling = chart.ceiling ?? Infinity;
  const eps = 1e-9;
  for (const step of niceStepsFrom(minSpan / (height - 1))) {
    let top = Math.ceil((hi - anchor) / step - eps);
    let bottom = Math.floor((lo - anchor) / step + eps);
    if (top - bottom + 1 > height) continue;
    // Pad to the full height, alternately above and below, within the floor and ceiling.
    const canGrowUp = () => anchor + (top + 1) * step <= ceiling + eps;
    const canGrowDown = () => anchor + (bottom - 1) * step >= floor - eps;
    for (let up = true; top - bottom + 1 < height && (canGrowUp() || canGrowDown()); up = !up) {
      if ((up && canGrowUp()) || !canGrowDown()) top++;
      else bottom--;
    }
    const rows: number[] = [];
    for (let i = top; i >= bottom; i--) rows.push(anchor + i * step);
    return { rows, step };
  }
  return { rows: [hi, lo], step: hi - lo };
}

/** The chart as lines of text, `width` columns at most where the columns allow. */
export function renderChart(chart: LineChart, options: { width?: number; style?: ChartStyle } = {}): string[] {
  const style = options.style ?? PLAIN;
  const { rows, step } = chartGrid(chart);
  const labels = rows.map((v) => chart.format(v));
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const n = chart.values.length;
  const room = (options.width ?? 80) - labelWidth - 3;
  const columnWidth = Math.max(2, Math.min(6, Math.floor(room / Math.max(n, 1))));
  const centre = Math.floor((columnWidth - 1) / 2);
  const rowOf = (v: number) => Math.round((rows[0]! - v) / step);
  const referenceRow = chart.reference === null ? -1 : rowOf(chart.reference.value);
  const rowsOf = (values: readonly (number | null)[]) =>
    values.map((v) => (v === null || !Number.isFinite(v) ? -1 : Math.min(rows.length - 1, Math.max(0, rowOf(v)))));
  const markerRows = rowsOf(chart.values);
  const secondRows = rowsOf(chart.second?.values ?? []);
  // A band from its high row (top) to its low row (bottom) in each column.
  const bandTop = rowsOf(chart.band?.high ?? []);
  const bandBottom = rowsOf(chart.band?.low ?? []);
  const inBand = (c: number, r: number) => bandTop[c] !== undefined && bandTop[c]! >= 0 && bandBottom[c]! >= 0 && r >= bandTop[c]! && r <= bandBottom[c]!;

  const lines = [chart.title];
  rows.forEach((_, r) => {
    // Runs of the same kind of character are styled together: one colour code per run.
    const runs: { kind: 'point' | 'reference' | 'blank'; text: string }[] = [];
    for (let c = 0; c < n; c++) {
      for (let x = 0; x < columnWidth; x++) {
        const first = x === centre && markerRows[c] === r;
        const second = !first && x === centre && secondRows[c] === r;
        const band = !first && !second && x === centre && inBand(c, r);
        const kind = first || second || band ? 'point' : r === referenceRow ? 'reference' : 'blank';
        const char = first ? MARKER : second ? SECOND : band ? BAND : kind === 'reference' ? DASH : ' ';
        const last = runs[runs.length - 1];
        if (last?.kind === kind) last.text += char;
        else runs.push({ kind, text: char });
      }
    }
    const plot = runs.map((run) => (run.kind === 'blank' ? run.text : style[run.kind](run.text))).join('');
    lines.push(`${labels[r]!.padStart(labelWidth)} ${style.axis('┤')}${plot}`.trimEnd());
  });

  // The x axis: a tick under each marker, and each year's label where it does not collide.
  let axis = '';
  for (let c = 0; c < n; c++) for (let x = 0; x < columnWidth; x++) axis += x === centre ? '┬' : '─';
  lines.push(`${' '.repeat(labelWidth)} ${style.axis(`└${axis}`)}`);
  const xLine: string[] = Array.from({ length: n * columnWidth + 2 }, () => ' ');
  let free = 0;
  chart.xLabels.forEach((label, c) => {
    const start = c * columnWidth + centre - Math.floor((label.length - 1) / 2);
    if (start < free || start < 0) return;
    for (let i = 0; i < label.length; i++) xLine[start + i] = label[i]!;
    free = start + label.length + 1;
  });
  lines.push(`${' '.repeat(labelWidth + 2)}${xLine.join('')}`.trimEnd());
  const legend = [`${style.point(MARKER)} ${chart.valueLabel}`];
  if (chart.second !== undefined) legend.push(`${style.point(SECOND)} ${chart.second.label}`);
  if (chart.band !== undefined) legend.push(`${style.point(BAND)} ${chart.band.label}`);
  if (chart.reference !== null) legend.push(`${style.reference(DASH.repeat(2))} ${chart.reference.label}`);
  lines.push(`${' '.repeat(labelWidth + 2)}${legend.join('   ')}`);
  return lines;
}
