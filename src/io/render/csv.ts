// CSV output: plain numbers (no £, no separators) so a spreadsheet reads them as numbers; text cells
// that could run as formulas are neutralised (caseplan's rule, not csv-stringify's `escape_formulas`);
// RFC 4180 quoting, LF line ends. Written by csv-stringify, loaded only when a run writes CSV, so the
// other formats and `--help` never load it (it has its own chunk in the bundle).
import type { Options } from 'csv-stringify/sync';
import { neutraliseFormula } from './document.js';

export type CsvValue = string | number | boolean | null;

/**
 * The options that give caseplan's bytes: LF after every record, the last included; a field is quoted
 * when it holds a quote, a comma, a CR or an LF (`quote_record_delimiter`: a lone CR too), or starts
 * or ends with white space; null and a number that is not finite are empty; booleans are `true` and
 * `false`; text is neutralised first, then quoted.
 */
const OPTIONS: Options = {
  record_delimiter: 'unix',
  quote_record_delimiter: true,
  quoted_match: /^\s|\s$/,
  cast: {
    string: (value) => neutraliseFormula(value),
    number: (value) => (Number.isFinite(value) ? String(value) : ''),
    boolean: (value) => (value ? 'true' : 'false'),
  },
};

export async function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  return stringify([header, ...rows], { ...OPTIONS, cast: { ...OPTIONS.cast } });
}
