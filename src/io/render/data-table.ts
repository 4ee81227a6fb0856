// A report's tables as data: named, with typed columns and plain values (pounds to the penny, FTE
// and rates in full, shares as fractions). CSV writes one by name (`--table`), the workbook writes
// every one as a sheet; the values are those the JSON carries, so every format agrees.
import { toCsv, type CsvValue } from './csv.js';

export type ColumnKind = 'text' | 'integer' | 'number' | 'money' | 'percent' | 'fte' | 'date' | 'boolean';

export interface DataColumn {
  /** The CSV header and JSON key. */
  key: string;
  /** The heading a person reads (workbook). */
  label: string;
  kind: ColumnKind;
}

export interface DataTable {
  /** The section's name: `groups`, `years`, `paybill`, `assumptions`, `teams`, `scenarios`. */
  name: string;
  /** A title for a person: the workbook's sheet name. */
  title: string;
  columns: readonly DataColumn[];
  rows: CsvValue[][];
  /** The totals row, when the table has one: in CSV its first cell is `total`. */
  total: CsvValue[] | null;
  /** Lines that belong with the table (the rates used, a note on what the total means). */
  notes: string[];
}

/** Columns from [key, label, kind] triples. */
export function columns(...specs: [string, string, ColumnKind][]): DataColumn[] {
  return specs.map(([key, label, kind]) => ({ key, label, kind }));
}

export function tableCsv(table: DataTable): Promise<string> {
  return toCsv(
    table.columns.map((c) => c.key),
    table.total === null ? table.rows : [...table.rows, table.total],
  );
}

/** A table's rows (with its total) as objects keyed by column: the JSON form. */
export function tableObjects(table: DataTable, options: { total?: boolean } = {}): Record<string, CsvValue>[] {
  const rows = options.total === true && table.total !== null ? [...table.rows, table.total] : table.rows;
  return rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c.key, row[i] ?? null])));
}
