// Blocks rendered for a terminal: cli-table3 tables, text charts, colour by chalk when asked for.
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { renderChart } from './chart.js';
import { cellOf, type Block, type Emphasis } from './document.js';

type TableBlock = Extract<Block, { kind: 'table' }>;

/** A header broken onto lines of at most `width` characters, at spaces. */
function wrapHeader(text: string, width: number): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

/** How wide each column is on screen: its widest line, plus padding and a border. */
function columnWidths(block: TableBlock): number[] {
  return block.head.map((head, c) => {
    const cells = [...head.split('\n'), ...block.rows.map((row) => cellOf(row[c]!).text)];
    return Math.max(...cells.map((t) => t.length)) + 3;
  });
}

/**
 * A table made to fit `width` columns: first long headers are wrapped to the width of their data;
 * then, if it is still too wide, the columns are split into several tables, each repeating the
 * first column (the row labels), each as wide as fits.
 */
function fitTable(block: TableBlock, width: number): TableBlock[] {
  const fits = (b: TableBlock) => columnWidths(b).reduce((a, w) => a + w, 1) <= width;
  if (fits(block)) return [block];
  const dataWidth = (c: number) => Math.max(8, ...block.rows.map((row) => cellOf(row[c]!).text.length));
  const wrapped: TableBlock = { ...block, head: block.head.map((h, c) => wrapHeader(h, dataWidth(c))) };
  if (fits(wrapped)) return [wrapped];
  const widths = columnWidths(wrapped);
  const groups: number[][] = [];
  let current: number[] = [0];
  let used = 1 + widths[0]!;
  for (let c = 1; c < widths.length; c++) {
    if (current.length > 1 && used + widths[c]! > width) {
      groups.push(current);
      current = [0];
      used = 1 + widths[0]!;
    }
    current.push(c);
    used += widths[c]!;
  }
  groups.push(current);
  return groups.map((cols) => ({
    ...wrapped,
    head: cols.map((c) => wrapped.head[c]!),
    align: cols.map((c) => wrapped.align[c]!),
    rows: wrapped.rows.map((row) => cols.map((c) => row[c]!)),
  }));
}

export function renderTerminal(blocks: readonly Block[], options: { color: boolean; width?: number }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const paint = (text: string, emphasis: Emphasis = 'plain'): string => {
    switch (emphasis) {
      case 'strong':
        return chalk.bold(text);
      case 'good':
        return chalk.green(text);
      case 'warn':
        return chalk.yellow(text);
      case 'dim':
        return chalk.dim(text);
      default:
        return text;
    }
  };
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        out.push(chalk.bold.underline(block.text));
        break;
      case 'paragraph':
        out.push(paint(block.text, block.emphasis));
        break;
      case 'list':
        out.push(...block.items.map((item, i) => `  ${chalk.dim(block.ordered ? `${String(i + 1).padStart(2)}.` : '•')} ${item}`));
        break;
      case 'chart':
        out.push(...renderChart(block.chart, { width: options.width ?? 80, style: { point: chalk.cyan, reference: chalk.yellow, axis: chalk.dim } }));
        break;
      case 'table':
        out.push(fitTable(block, options.width ?? 160).map(renderTable).join('\n\n'));
        break;
    }
    out.push('');
  }
  return out.join('\n');

  function renderTable(block: TableBlock): string {
    const table = new Table({
      head: block.head.map((h) => chalk.bold(h)),
      colAligns: block.align,
      style: { head: [], border: options.color ? ['grey'] : [], compact: true },
    });
    block.rows.forEach((row, i) => {
      const isTotal = block.totalRow === true && i === block.rows.length - 1;
      table.push(row.map((c) => paint(cellOf(c).text, isTotal ? 'strong' : cellOf(c).emphasis)));
    });
    return table.toString();
  }
}

