// Excel workbooks (.xlsx): written with write-excel-file and read with read-excel-file, both loaded
// only when a workbook is written or read (see CONTRIBUTING.md, "Workbooks (.xlsx)", for the choice).
//
// What a sheet holds:
// - row 1 is the header, bold and frozen; each column has a real number format for its kind;
// - one row per data row; text is always stored as a string cell (with the Text format "@"), so a
//   value such as `=HYPERLINK("x")` is shown as written and never runs as a formula;
// - an optional totals row, bold: the label in column A and, for each summed column, a
//   `SUM(...)` formula over the data rows with caseplan's own figure cached as its value, so Excel
//   and LibreOffice show caseplan's figure before any recalculation and the formula lets a finance
//   officer check it; a cached figure that the formula would not reproduce is refused;
// - optional notes (assumptions, sources) under the table, one text line a row, after a blank row.
//
// Values by column kind (in any column but a date column a string is written as text; null and ''
// are an empty cell, a boolean is TRUE/FALSE):
//   text     string, or a number written as a plain number
//   integer  a whole number, shown `#,##0`
//   number   any number, shown as Excel's General format
//   money    pounds, at most 2 decimals (within float error; written rounded to the penny), `"£"#,##0.00`
//   percent  a fraction (0.125 for 12.5%), `0.0%`
//   fte      full-time equivalents, `0.00`
//   date     'YYYY-MM-DD' text (any other string is refused), written as a real Excel date (a day number) shown `yyyy-mm-dd`;
//            readWorkbook gives it back as the same 'YYYY-MM-DD' text
//
// With `meta.created` the bytes depend only on the input: the document's created and modified
// dates and every zip entry's time stamp are that date (the zip time in UTC, to 2 seconds).
import type { Blob } from 'node:buffer';
import type { Stream } from 'node:stream';
import type { Cell, Feature, Sheet as WriterSheet } from 'write-excel-file/node';

/** What write-excel-file/node takes as a file's content (images; not used here). */
type FileContent = Stream | Buffer | Blob;

export type XlsxKind = 'text' | 'integer' | 'number' | 'money' | 'percent' | 'fte' | 'date';
export interface XlsxColumn {
  header: string;
  kind: XlsxKind;
  /** In characters; by default fitted to the header and the values (between 6 and 60). */
  width?: number;
}
export type XlsxValue = string | number | boolean | null;
export interface XlsxSheet {
  /** 1 to 31 characters, none of `[]:*?/\`, no apostrophe at either end, not "History"; unique regardless of case. */
  name: string;
  columns: XlsxColumn[];
  /** Data rows, one value per column, in the column's kind (see the top of this file). */
  rows: XlsxValue[][];
  /**
   * A totals row under the data rows: `label` in column 0; for each column index in `sum`, a SUM
   * formula over the data rows with `values[i]` as its cached result; the other cells from
   * `values` (one entry per column; the entry for column 0 is replaced by `label`).
   */
  total?: { label: string; sum: number[]; values: XlsxValue[] };
  /** Lines written as text under the table, after a blank row. */
  notes?: string[];
}
export interface XlsxMeta {
  title?: string;
  /** The document's created date; also every zip entry's time stamp, so the bytes are reproducible. */
  created?: Date;
}
export type XlsxCell = string | number | boolean | null;
export interface XlsxReadSheet {
  name: string;
  rows: XlsxCell[][];
}

const FORMATS: Record<XlsxKind, string | undefined> = {
  text: '@',
  integer: '#,##0',
  number: undefined,
  money: '"£"#,##0.00',
  percent: '0.0%',
  fte: '0.00',
  date: 'yyyy-mm-dd',
};

/** How many of a column's units a figure is displayed to: a cached total must match its SUM to half of one. */
const DISPLAY_SCALE: Record<XlsxKind, number | null> = {
  text: null,
  integer: 1,
  number: null,
  money: 100,
  percent: 1000,
  fte: 100,
  date: null,
};

const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/;
const MS_PER_DAY = 86_400_000;
/** Day 0 of Excel's 1900 date system as a JavaScript time (serials from 61, 1900-03-01, are exact). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const FIRST_EXACT_SERIAL = 61;

/** The .xlsx bytes of a workbook with these sheets, in order. Throws on a sheet or value that breaks the rules above. */
export async function workbookBytes(sheets: XlsxSheet[], meta: XlsxMeta = {}): Promise<Uint8Array> {
  checkSheetNames(sheets);
  const cached: Map<string, number>[] = [];
  const writerSheets: WriterSheet<FileContent>[] = sheets.map((sheet) => {
    const { data, formulas } = sheetData(sheet);
    cached.push(formulas);
    return {
      sheet: sheet.name,
      data,
      columns: sheet.columns.map((column, i) => ({ width: column.width ?? fittedWidth(sheet, i) })),
      stickyRowsCount: 1,
    };
  });
  const created = meta.created ?? new Date();
  if (Number.isNaN(created.getTime())) throw new Error('workbook: the created date is not a valid date');

  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const written = await writeXlsxFile(writerSheets, {
    features: [cachedFormulaValues(cached), coreProperties(meta.title ?? '', created)],
  }).toBuffer();
  return restamp(new Uint8Array(written.buffer, written.byteOffset, written.byteLength), created);
}

/**
 * Every sheet of a workbook, in order, as rows of values from cell A1: text, numbers, booleans,
 * null for an empty cell; a formula gives its cached result; a date cell gives 'YYYY-MM-DD' text
 * (with the time, as ISO 8601 UTC, when it has one). Rows are padded with null to the widest row.
 */
export async function readWorkbook(bytes: Uint8Array): Promise<XlsxReadSheet[]> {
  const { default: readXlsxFile } = await import('read-excel-file/node');
  let sheets;
  try {
    sheets = await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { trim: false });
  } catch (error) {
    throw new Error(`not a readable .xlsx workbook: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return sheets.map((sheet) => ({
    name: sheet.sheet,
    rows: sheet.data.map((row) => row.map(readCell)),
  }));
}

function readCell(value: unknown): XlsxCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

function checkSheetNames(sheets: readonly XlsxSheet[]): void {
  if (sheets.length === 0) throw new Error('workbook: a workbook needs at least one sheet');
  const seen = new Set<string>();
  for (const { name } of sheets) {
    const problem =
      name.length === 0 ? 'is empty'
      : name.length > 31 ? `is ${name.length} characters long (Excel allows 31)`
      : FORBIDDEN_IN_SHEET_NAME.test(name) ? 'contains one of [ ] : * ? / \\ (Excel forbids them)'
      : name.startsWith("'") || name.endsWith("'") ? 'begins or ends with an apostrophe (Excel forbids it)'
      : name.toLowerCase() === 'history' ? 'is "History", which Excel reserves'
      : seen.has(name.toLowerCase()) ? 'is used for two sheets (names are compared regardless of case)'
      : null;
    if (problem !== null) throw new Error(`workbook: the sheet name ${JSON.stringify(name)} ${problem}`);
    seen.add(name.toLowerCase());
  }
}

/** The sheet's cells for the writer, and the totals formulas' cached values by cell reference. */
function sheetData(sheet: XlsxSheet): { data: Cell[][]; formulas: Map<string, number> } {
  const { name, columns, rows, total, notes = [] } = sheet;
  if (columns.length === 0) throw new Error(`workbook: sheet "${name}" has no columns`);
  const data: Cell[][] = [columns.map((column) => ({ value: column.header, type: String, format: '@', fontWeight: 'bold' }))];
  rows.forEach((row, r) => {
    if (row.length !== columns.length) {
      throw new Error(`workbook: sheet "${name}", data row ${r + 1} has ${row.length} values for ${columns.length} columns`);
    }
    data.push(row.map((value, c) => cell(value, columns[c]!.kind, `sheet "${name}", data row ${r + 1}, column "${columns[c]!.header}"`)));
  });

  const formulas = new Map<string, number>();
  if (total !== undefined) {
    const { label, sum, values } = total;
    if (values.length !== columns.length) {
      throw new Error(`workbook: sheet "${name}", the totals row has ${values.length} values for ${columns.length} columns`);
    }
    for (const c of sum) {
      if (!Number.isInteger(c) || c <= 0 || c >= columns.length) {
        throw new Error(`workbook: sheet "${name}", the totals row sums column ${c}, which is not a column after the label`);
      }
      const { kind, header } = columns[c]!;
      if (kind === 'text' || kind === 'date') throw new Error(`workbook: sheet "${name}", the totals row sums the ${kind} column "${header}"`);
    }
    const totalRow = rows.length + 2;
    const cells = values.map((value, c): Cell => {
      const where = `sheet "${name}", totals row, column "${columns[c]!.header}"`;
      if (c === 0) return { value: label, type: String, format: '@', fontWeight: 'bold' };
      if (!sum.includes(c)) return bold(cell(value, columns[c]!.kind, where));
      const { kind } = columns[c]!;
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`workbook: ${where}: the cached total must be a number`);
      const cached = checkedNumber(value, kind, where);
      checkTotal(rows.map((row) => row[c] ?? null), cached, kind, where);
      // No data rows: nothing to sum over, so the figure is written as it is.
      if (rows.length === 0) return bold(cell(cached, kind, where));
      const letter = columnLetter(c);
      formulas.set(`${letter}${totalRow}`, cached);
      return { value: `SUM(${letter}2:${letter}${totalRow - 1})`, type: 'Formula', fontWeight: 'bold', ...formatOf(kind) };
    });
    data.push(cells);
  }
  if (notes.length > 0) {
    data.push([]);
    for (const note of notes) data.push([{ value: note, type: String, format: '@' }]);
  }
  return { data, formulas };
}

function formatOf(kind: XlsxKind): { format?: string } {
  const format = FORMATS[kind];
  return format === undefined ? {} : { format };
}

function bold(value: Cell): Cell {
  return value !== null && typeof value === 'object' && !(value instanceof Date) ? { ...value, fontWeight: 'bold' } : value;
}

function cell(value: XlsxValue, kind: XlsxKind, where: string): Cell {
  if (value === null) return null;
  if (typeof value === 'boolean') return { value, type: Boolean };
  if (typeof value === 'string') {
    if (kind === 'date') return { value: dateSerial(value, where), type: Number, format: FORMATS.date };
    return value === '' ? null : { value, type: String, format: '@' };
  }
  if (typeof value !== 'number') throw new Error(`workbook: ${where}: ${String(value)} is not a cell value`);
  if (kind === 'date') throw new Error(`workbook: ${where}: a date is written as 'YYYY-MM-DD' text, not ${value}`);
  return { value: checkedNumber(value, kind, where), type: Number, ...formatOf(kind === 'text' ? 'number' : kind) };
}

function checkedNumber(value: number, kind: XlsxKind, where: string): number {
  if (!Number.isFinite(value)) throw new Error(`workbook: ${where}: ${value} is not a finite number`);
  if (kind === 'integer' && !Number.isInteger(value)) throw new Error(`workbook: ${where}: ${value} is not a whole number`);
  if (kind === 'money') {
    // A figure rounded to the penny is within float error of a whole number of pence.
    const pence = Math.round(value * 100);
    if (Math.abs(value * 100 - pence) > Math.max(1e-6, Math.abs(value) * 1e-10)) {
      throw new Error(`workbook: ${where}: £${value} has more than 2 decimals (round money to the penny first)`);
    }
    return pence / 100;
  }
  return value;
}

/** Refuses a cached total that its SUM would not reproduce, to the column's displayed precision. */
function checkTotal(column: readonly XlsxValue[], cached: number, kind: XlsxKind, where: string): void {
  // SUM ignores text, booleans and empty cells in a range. Money is added in whole pence.
  const numbers = column.filter((value): value is number => typeof value === 'number');
  const sum = kind === 'money'
    ? numbers.reduce((pence, value) => pence + Math.round(value * 100), 0) / 100
    : numbers.reduce((total, value) => total + value, 0);
  const scale = DISPLAY_SCALE[kind];
  const slack = 1e-9 * Math.max(1, Math.abs(sum));
  const tolerance = scale === null ? slack : 0.5 / scale + slack;
  if (Math.abs(sum - cached) > tolerance) {
    throw new Error(`workbook: ${where}: the total ${cached} is not the sum of the rows above (${Number(sum.toPrecision(15))}), so the SUM formula would show another figure`);
  }
}

function dateSerial(text: string, where: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const time = match === null ? Number.NaN : Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (match === null || new Date(time).toISOString().slice(0, 10) !== text) {
    throw new Error(`workbook: ${where}: ${JSON.stringify(text)} is not a date written YYYY-MM-DD`);
  }
  const serial = (time - EXCEL_EPOCH) / MS_PER_DAY;
  if (serial < FIRST_EXACT_SERIAL) throw new Error(`workbook: ${where}: ${text} is before 1900-03-01, which Excel cannot show exactly`);
  return serial;
}

/** A, B, …, Z, AA, AB, … for 0, 1, … */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The width of column `c` in characters: its longest header, value or total as shown, plus 2, from 6 to 60. */
function fittedWidth(sheet: XlsxSheet, c: number): number {
  const { kind, header } = sheet.columns[c]!;
  let longest = Math.max(...header.split('\n').map((line) => line.length));
  const values = sheet.rows.map((row) => row[c] ?? null);
  if (sheet.total !== undefined) values.push(c === 0 ? sheet.total.label : sheet.total.values[c] ?? null);
  for (const value of values) longest = Math.max(longest, shownLength(value, kind));
  return Math.min(60, Math.max(6, longest + 2));
}

// Made on first use, so importing this module costs nothing at start-up.
let grouping: { pounds: Intl.NumberFormat; whole: Intl.NumberFormat } | undefined;
function groupedLength(value: number, pence: boolean): number {
  grouping ??= {
    pounds: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    whole: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
  };
  return (pence ? grouping.pounds : grouping.whole).format(value).length;
}

function shownLength(value: XlsxValue, kind: XlsxKind): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') return 5;
  if (typeof value === 'string') return kind === 'date' ? 10 : Math.max(...value.split('\n').map((line) => line.length));
  switch (kind) {
    case 'money': return groupedLength(value, true) + 1;
    case 'integer': return groupedLength(value, false);
    case 'percent': return (value * 100).toFixed(1).length + 1;
    case 'fte': return value.toFixed(2).length;
    default: return Math.min(String(value).length, 11);
  }
}

/**
 * write-excel-file writes a formula cell as `<c r="B5"><f>SUM(B2:B4)</f></c>`, with no cached
 * value; this adds `<v>` after the formula of each totals cell, and fails loudly if the sheet's
 * XML no longer has that shape (a later version of the library), rather than write a total with
 * no figure.
 */
function cachedFormulaValues(cachedBySheet: readonly Map<string, number>[]): Feature<FileContent> {
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform(content, _options, { sheetIndex }) {
            let xml = content;
            for (const [ref, value] of cachedBySheet[sheetIndex] ?? []) {
              const formulaCell = new RegExp(`(<c r="${ref}"[^>]*>\\s*<f>[^<]*</f>)(\\s*</c>)`);
              if (!formulaCell.test(xml)) throw new Error(`workbook: cannot cache the value of the formula in ${ref}: write-excel-file wrote it in an unexpected shape`);
              xml = xml.replace(formulaCell, `$1<v>${String(value)}</v>$2`);
            }
            return xml;
          },
        },
      },
    },
  };
}

/** docProps/core.xml (title, creator, created and modified dates), which write-excel-file does not write. */
function coreProperties(title: string, created: Date): Feature<FileContent> {
  const when = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    (title === '' ? '' : `<dc:title>${xmlText(title)}</dc:title>`) +
    '<dc:creator>caseplan</dc:creator>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>';
  return {
    files: {
      write: { files: () => ({ 'docProps/core.xml': core }) },
      transform: {
        '[Content_Types].xml': {
          insert: () => '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
        },
        '_rels/.rels': {
          insert: () =>
            '<Relationship Id="rId-caseplan-core" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>',
        },
      },
    },
  };
}

/** XML text content; drops the control characters XML 1.0 cannot hold. */
function xmlText(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * The same zip with every entry time-stamped `when` (in UTC: fflate writes the local-time fields of
 * the date it is given, so it is given a local date with the UTC fields), so equal sheets and an
 * equal `created` give equal bytes. Zip time stamps start in 1980.
 */
async function restamp(zip: Uint8Array, when: Date): Promise<Uint8Array> {
  const { unzipSync, zipSync } = await import('fflate');
  const utc = when.getTime() < Date.UTC(1980, 0, 1) ? new Date(Date.UTC(1980, 0, 1)) : when;
  const mtime = new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
  return zipSync(unzipSync(zip), { mtime });
}
