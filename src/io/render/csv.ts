// CSV output: plain numbers (no £, no separators) so a spreadsheet reads them as numbers; text cells
// that could run as formulas are neutralised.
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from './document.js';

export type CsvValue = string | number | null;

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const safe = rows.map((row) => row.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v === null ? '' : v)));
  return stringify([header as string[], ...safe], { record_delimiter: 'unix' });
}
