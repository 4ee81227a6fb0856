// The terminal chart renderer: a pure function of numbers to lines of text.
import { describe, expect, it } from 'vitest';
import { chartGrid, DASH, MARKER, renderChart, type LineChart } from '../../src/io/render/chart.js';

const caseloadChart = (values: (number | null)[], target = 19): LineChart => ({
  title: 'Average caseload',
  xLabels: values.map((_, i) => String(i)),
  values,
  valueLabel: 'average caseload',
  reference: { value: target, label: `target ${target}` },
  format: (v) => String(+v.toFixed(2)),
  minSpan: target * 0.25,
  floor: 0,
});

/** The plot rows (between the title and the x axis), each as [y label, plot area]. */
function plotRows(lines: string[]): [string, string][] {
  return lines.slice(1, lines.findIndex((l) => l.includes('└'))).map((l) => {
    const [label, plot = ''] = l.split('┤');
    return [label!.trim(), plot];
  });
}

describe('renderChart', () => {
  it('draws one marker per value, the reference dashed on its own labelled row, and a legend', () => {
    const lines = renderChart(caseloadChart([18.9, 19, 18.9, 19.0, 18.9, 19]));
    expect(lines[0]).toBe('Average caseload');
    const rows = plotRows(lines);
    expect(rows).toHaveLength(7);
    expect(rows.map(([label]) => label)).toEqual(['22', '21', '20', '19', '18', '17', '16']);
    const targetRow = rows.find(([label]) => label === '19')!;
    expect(targetRow[1]).toContain(DASH);
    expect([...targetRow[1]].filter((c) => c === MARKER)).toHaveLength(6);
    expect(rows.filter(([label]) => label !== '19').every(([, plot]) => plot.trim() === '')).toBe(true);
    expect(lines.at(-2)!.trim().split(/\s+/)).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(lines.at(-1)).toContain(`${MARKER} average caseload`);
    expect(lines.at(-1)).toContain('target 19');
  });

  it('puts each value on the nearest grid row, in its own column, left to right', () => {
    const lines = renderChart({ ...caseloadChart([22, 19, 16]), minSpan: 6 });
    const rows = plotRows(lines);
    const columnOf = (label: string) => rows.find(([l]) => l === label)![1].indexOf(MARKER);
    expect(columnOf('22')).toBeGreaterThanOrEqual(0);
    expect(columnOf('16')).toBeGreaterThan(columnOf('22'));
    const nineteen = rows.find(([l]) => l === '19')![1];
    expect(nineteen.indexOf(MARKER)).toBeGreaterThan(columnOf('22'));
    expect(nineteen.indexOf(MARKER)).toBeLessThan(columnOf('16'));
  });

  it('keeps a share between its floor and ceiling, the mix line exactly on a row', () => {
    const grid = chartGrid({ values: [0.335, 0.408, 0.489, 0.546, 0.547, 0.546], reference: { value: 0.5, label: '' }, height: 7, minSpan: 0.2, floor: 0, ceiling: 1 });
    expect(grid.rows).toHaveLength(7);
    expect(grid.rows.some((r) => Math.abs(r - 0.5) < 1e-9)).toBe(true);
    expect(Math.min(...grid.rows)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...grid.rows)).toBeLessThanOrEqual(1);
    expect(Math.min(...grid.rows)).toBeLessThanOrEqual(0.335);
    expect(Math.max(...grid.rows)).toBeGreaterThanOrEqual(0.547);
    const near = chartGrid({ values: [0.98, 1], reference: { value: 1, label: '' }, height: 5, floor: 0, ceiling: 1, minSpan: 0.2 });
    expect(Math.max(...near.rows)).toBeCloseTo(1, 9);
    expect(near.rows).toHaveLength(5);
  });

  it('draws no marker for a missing value and no line without a reference', () => {
    const lines = renderChart({ ...caseloadChart([19, null, 18]), reference: null });
    const plot = plotRows(lines).map(([, p]) => p).join('');
    expect([...plot].filter((c) => c === MARKER)).toHaveLength(2);
    expect(plot).not.toContain(DASH);
    expect(lines.at(-1)).not.toContain(DASH);
  });

  it('fits 31 years into 80 columns, with year labels that never run together', () => {
    const values = Array.from({ length: 31 }, (_, i) => 19 - (i % 3) * 0.5);
    const lines = renderChart(caseloadChart(values), { width: 80 });
    for (const line of lines.slice(1)) expect(line.length).toBeLessThanOrEqual(80);
    const labels = lines.at(-2)!.trim().split(/\s+/).map(Number);
    expect(labels[0]).toBe(0);
    expect(labels.length).toBeGreaterThan(5);
    for (let i = 1; i < labels.length; i++) expect(labels[i]!).toBeGreaterThan(labels[i - 1]!);
    expect([...plotRows(lines).map(([, p]) => p).join('')].filter((c) => c === MARKER)).toHaveLength(31);
  });

  it('applies the caller\'s style to markers, the line and the axis only', () => {
    const style = { point: (t: string) => `<${t}>`, reference: (t: string) => `[${t}]`, axis: (t: string) => `{${t}}` };
    const lines = renderChart(caseloadChart([19, 18]), { style });
    const all = lines.join('\n');
    expect(all).toContain(`<${MARKER}>`);
    expect(all).toMatch(new RegExp(`\\[${DASH}+\\]`));
    expect(all).not.toMatch(new RegExp(`${DASH}\\]\\[${DASH}`));
    expect(all).toContain('{┤}');
    expect(lines[0]).toBe('Average caseload');
  });
});

describe('a second series', () => {
  it('draws hollow markers where it does not meet the first, scales the axis to both, and names it in the legend', () => {
    const lines = renderChart({ ...caseloadChart([19, 19]), second: { values: [23, 19], label: 'before hires' } }, { width: 40 });
    const plot = lines.slice(1, -3);
    expect(plot.some((l) => l.startsWith('23 ┤') && l.includes('○'))).toBe(true);
    // Where both series meet, the first one's marker wins.
    expect(plot.filter((l) => l.includes('○'))).toHaveLength(1);
    expect(lines.at(-1)).toContain('○ before hires');
  });
});
