// A report as blocks (headings, tables, notes, text charts), built once and rendered as a terminal
// table (terminal.ts) or as markdown (here), so both always carry the same content.
import { renderChart, type LineChart } from './chart.js';

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
  | { kind: 'list'; items: string[]; ordered?: boolean }
  | { kind: 'chart'; chart: LineChart };

export const cellOf = (cell: Cell | string): Cell => (typeof cell === 'string' ? { text: cell } : cell);

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
        out.push(...block.items.map((item, i) => (block.ordered ? `${i + 1}. ${item}` : `- ${item}`)));
        break;
      case 'chart':
        out.push('```', ...renderChart(block.chart), '```');
        break;
      case 'table': {
        out.push(`| ${block.head.map(markdownCell).join(' | ')} |`.replace(/\|  \|/g, '|   |'));
        out.push(`|${block.head.map((_, i) => (block.align[i] === 'right' ? ' ---: ' : ' --- ')).join('|')}|`);
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
