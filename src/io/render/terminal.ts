// Blocks rendered for a terminal: cli-table3 tables, text charts, colour by chalk when asked for.
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { renderChart } from './chart.js';
import { cellOf, type Block, type Emphasis } from './document.js';

/** A wide table as two: columns [0, splitAfter) and then column 0 with the rest. */
function splitTable(block: Extract<Block, { kind: 'table' }>): Extract<Block, { kind: 'table' }>[] {
  const at = block.splitAfter;
  if (at === undefined) return [block];
  const pick = (cols: number[]) => ({
    ...block,
    splitAfter: undefined,
    head: cols.map((c) => block.head[c]!),
    align: cols.map((c) => block.align[c]!),
    rows: block.rows.map((row) => cols.map((c) => row[c]!)),
  });
  const all = block.head.map((_, i) => i);
  return [pick(all.slice(0, at)), pick([0, ...all.slice(at)])];
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
      case 'table': {
        const whole = renderTable(block);
        const widest = Math.max(...whole.split('\n').map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').length));
        const parts = widest > (options.width ?? 160) ? splitTable(block).map(renderTable) : [whole];
        out.push(parts.join('\n\n'));
        break;
      }
    }
    out.push('');
  }
  return out.join('\n');

  function renderTable(block: Extract<Block, { kind: 'table' }>): string {
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

