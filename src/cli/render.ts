// Picks the renderer for a format, loading the terminal one (chalk, cli-table3) only when needed.
import type { Block } from '../io/render/document.js';
import { renderMarkdown } from '../io/render/document.js';
import { tableCsv, type DataTable } from '../io/render/data-table.js';
import { emit, emitBytes, tableWidth, wantsColor, type Terminal } from './emit.js';

export async function renderDocument(blocks: Block[], format: 'table' | 'markdown', terminal: Terminal, flags: { color?: boolean; output?: string | undefined }): Promise<string> {
  if (format === 'markdown') return renderMarkdown(blocks);
  const { renderTerminal } = await import('../io/render/terminal.js');
  return renderTerminal(blocks, { color: wantsColor(terminal, flags), width: tableWidth(terminal) });
}

/**
 * One run's report as every format sees it: its JSON, its named tables (CSV writes one, the workbook
 * all), and its document for a terminal or markdown. Each command builds one; `output` renders it.
 */
export interface RunReport {
  json(): unknown;
  tables(): Record<string, DataTable>;
  /** The table CSV writes without --table. */
  csvTable: string;
  /** The tables of the workbook, in sheet order. */
  workbook(): DataTable[];
  blocks(): Block[];
  title: string;
}

export interface OutputFlags {
  format: string;
  output?: string | undefined;
  table?: string | undefined;
  bom?: boolean | undefined;
  color?: boolean | undefined;
}

/** The one format dispatch: the report in the chosen format, to stdout or --output. */
export async function output(report: RunReport, flags: OutputFlags, terminal: Terminal, inputs: readonly (string | null)[], created: Date): Promise<void> {
  switch (flags.format) {
    case 'xlsx': {
      const { workbook } = await import('../io/render/workbook.js');
      return emitBytes(terminal, await workbook(report.workbook(), { title: report.title, created }), flags.output, inputs);
    }
    case 'csv': {
      const table = report.tables()[flags.table ?? report.csvTable]!;
      // A CSV file starts with a byte-order mark so Excel reads "£" right; stdout only with --bom.
      return emit(terminal, await tableCsv(table), flags.output, inputs, { bom: flags.bom ?? flags.output !== undefined });
    }
    case 'json':
      return emit(terminal, JSON.stringify(report.json(), null, 2), flags.output, inputs);
    default:
      return emit(terminal, await renderDocument(report.blocks(), flags.format as 'table' | 'markdown', terminal, flags), flags.output, inputs);
  }
}
