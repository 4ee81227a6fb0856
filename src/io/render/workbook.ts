// The workbook (`--format xlsx`, `report --xlsx`): a report's named tables, one sheet each, from the
// same values as the CSV and JSON. Totals rows are SUM formulas over the rows above, with
// caseplan's figure cached, so the workbook shows caseplan's number and a finance officer can audit it.
import type { ColumnKind, DataTable } from './data-table.js';
import type { XlsxKind, XlsxSheet } from './xlsx.js';

const KIND: Record<ColumnKind, XlsxKind> = {
  text: 'text',
  integer: 'integer',
  number: 'number',
  money: 'money',
  percent: 'percent',
  fte: 'fte',
  date: 'date',
  boolean: 'text',
};

// A total of these kinds is the sum of the rows above; averages and shares are not.
const SUMMED: ReadonlySet<ColumnKind> = new Set(['integer', 'money', 'fte']);

export function sheetOf(table: DataTable): XlsxSheet {
  const sheet: XlsxSheet = {
    name: table.title,
    columns: table.columns.map((c) => ({ header: c.label, kind: KIND[c.kind] })),
    rows: table.rows.map((row) => [...row]),
    notes: table.notes,
  };
  if (table.total !== null) {
    const total = table.total;
    sheet.total = {
      label: 'Total',
      sum: table.columns.flatMap((c, i) => (i > 0 && SUMMED.has(c.kind) && typeof total[i] === 'number' ? [i] : [])),
      values: [...total],
    };
  }
  return sheet;
}

/** The tables as a workbook; `created` fixes the document's date (the plan's as-of date) so the bytes are reproducible. */
export async function workbook(tables: readonly DataTable[], meta: { title: string; created: Date }): Promise<Uint8Array> {
  const { workbookBytes } = await import('./xlsx.js');
  return workbookBytes(tables.map(sheetOf), meta);
}
