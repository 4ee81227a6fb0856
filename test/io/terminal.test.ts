import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/io/render/document.js';
import { renderTerminal } from '../../src/io/render/terminal.js';

const wide: Block = {
  kind: 'table',
  head: ['Year', 'Case-holding FTE (exp / early)', 'Hires (exp / early / TM)', 'Paybill', 'Recruitment', 'Baseline', 'Additional'],
  align: ['right', 'right', 'right', 'right', 'right', 'right', 'right'],
  rows: [
    ['0', '190.30 (63.70 / 126.60)', '0 / 13 / 4', '£10,794,955.67', '£102,000.00', '£10,001,483.77', '£895,471.90'],
    ['Total', '', '0 / 209 / 33', '£78,174,516.81', '£1,452,000.00', '£65,599,546.46', '£14,026,970.35'],
  ],
  totalRow: true,
};

describe('terminal tables fit the terminal', () => {
  it.each([60, 80, 120])('at %i columns every line fits, and every cell is still shown', (width) => {
    const text = renderTerminal([wide], { color: false, width });
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(width);
    for (const row of (wide as Extract<Block, { kind: 'table' }>).rows) for (const cell of row) expect(text).toContain(String(cell));
  });

  it('leaves a table that fits alone, and repeats the first column in each part of one that does not', () => {
    expect(renderTerminal([wide], { color: false, width: 200 }).split('\n').filter((l) => l.startsWith('┌'))).toHaveLength(1);
    const parts = renderTerminal([wide], { color: false, width: 60 }).split('\n').filter((l) => l.includes('Total'));
    expect(parts.length).toBeGreaterThan(1);
  });
});
