// A report as blocks (headings, tables, notes), built once and rendered as a terminal table or as
// markdown, so both always carry the same content.
import { Chalk } from 'chalk';
import Table from 'cli-table3';

export type Align = 'left' | 'right';
export type Emphasis = 'plain' | 'strong' | 'good' | 'warn' | 'dim';

export interface Cell {
  text: string;
  emphasis?: Emphasis;
}

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; emphasis?: Emphasis }
  | { kind: 'table'; head: string[]; rows: (Cell | string)[][]; align: Align[]; totalRow?: boolean; splitAfter?: number }
  | { kind: 'list'; items: string[] };

const cellOf = (cell: Cell | string): Cell => (typeof cell === 'string' ? { text: cell } : cell);

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
        out.push(...block.items.map((item) => `  ${chalk.dim('•')} ${item}`));
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

/** A markdown table cell: pipes escaped, line breaks flattened, formula-like text neutralised. */
function markdownCell(text: string): string {
  return neutraliseFormula(text).replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');
}

/**
 * OWASP CSV-injection rule: a text cell starting with = + - @ tab or CR gets a leading apostrophe so
 * a spreadsheet shows it as text. Numbers (e.g. "-1,234" or "-£5.00") are left alone.
 */
export function neutraliseFormula(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text)) return text;
  if (/^[+-]?£?[\d,]+(\.\d+)?%?$/.test(text)) return text;
  return `'${text}`;
}

export function renderMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        out.push(`## ${block.text}`);
        break;
      case 'paragraph':
        out.push(block.emphasis === 'strong' ? `**${block.text}**` : block.text);
        break;
      case 'list':
        out.push(...block.items.map((item) => `- ${item}`));
        break;
      case 'table': {
        out.push(`| ${block.head.map(markdownCell).join(' | ')} |`.replace(/\|  \|/g, '|   |'));
        out.push(`|${block.align.map((a) => (a === 'right' ? ' ---: ' : ' --- ')).join('|')}|`);
        block.rows.forEach((row, i) => {
          const isTotal = block.totalRow === true && i === block.rows.length - 1;
          const cells = row.map((c) => markdownCell(cellOf(c).text)).map((t) => (isTotal && t !== '' ? `**${t}**` : t));
          out.push(`| ${cells.join(' | ')} |`);
        });
        break;
      }
    }
    out.push('');
  }
  return out.join('\n');
}
