// A CSV file as a table of named columns: header matching, delimiter detection, required columns,
// ragged rows, blank rows, and a problem log that knows the line, column and header of every cell.
import { normaliseName } from '../core/config.js';
import { createProblemLog } from '../errors.js';
import { createCsvParser, type CsvRecord } from './csv-parser.js';
import type { ChunkSource } from './source.js';
import { decodeDate, fastIsoDay, fastIsoDayAt, type Decoded } from './values.js';
import { nearest } from './nearest.js';
import type { Day } from '../core/dates.js';

export interface ColumnSpec {
  name: string;
  required: boolean;
}

export interface TableRow {
  readonly line: number;
  /** The trimmed text of a known column, or null when the column is absent or the cell is empty. */
  text(column: string): string | null;
  /** Reports a problem with one cell of this row. */
  problem(column: string, message: string): void;
  /** Reports a problem with the row as a whole. */
  rowProblem(message: string): void;
  /** Whether the (trimmed) cell is exactly `literal`, without making a string of it. */
  equals(column: string, literal: string): boolean;
  /** A date cell (any documented style), or null when empty; an invalid date is reported. */
  date(column: string): Day | null;
  /** Decodes a cell; an undecodable value is reported (with the value seen) and gives null. */
  decode<T>(column: string, decoder: (text: string) => Decoded<T>): T | null;
  /** Whether any problem has been reported for this row. */
  readonly hasProblems: boolean;
}

export interface TableInfo {
  /** Known columns present in the header. */
  columns: Set<string>;
  /** The header row's cells as written (trimmed); empty when the file had no header. */
  headers: string[];
  rows: number;
  delimiter: string;
  /** Non-fatal notes, such as an ignored column that looks like a misspelt known one. */
  warnings: string[];
}

export interface ReadTableOptions {
  columns: readonly ColumnSpec[];
  columnAliases: Record<string, string>;
  delimiter?: string | undefined;
  /** Called after each chunk with the rows read so far (for a progress display). */
  onProgress?: ((rows: number) => void) | undefined;
  /**
   * false reads every line as a parsed record, never splitting a plain line by offsets: for tests
   * that the two reading paths give the same cells. Default true.
   */
  plainLines?: boolean | undefined;
}

const DELIMITERS = [',', ';', '\t'];

/**
 * The one trimming rule, for both reading paths and for headers, quoted cells included: the
 * characters trimmed from both ends of a cell (and the only ones, with delimiters, that a blank row
 * may hold) are exactly those String.prototype.trim removes, which normaliseName also uses for
 * headers: tab, line feed, vertical tab, form feed, carriage return, space, the no-break space
 * U+00A0, the other Unicode space separators (U+1680, U+2000-U+200A, U+202F, U+205F, U+3000), the
 * line and paragraph separators (U+2028, U+2029) and U+FEFF. In an Excel or HR export a no-break
 * space is padding (typed or pasted from a web page: "North\u00a0"), never meant as part of a
 * team name or an id, so it goes like a space. Other control characters are kept, so that they show
 * (escaped) in a message rather than vanish.
 */
export function isCellSpace(c: number): boolean {
  if (c > 32 && c < 0xa0) return false;
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `text` without the cell spaces at either end (the same string when there are none). */
export function trimCell(text: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && isCellSpace(text.charCodeAt(a))) a++;
  while (b > a && isCellSpace(text.charCodeAt(b - 1))) b--;
  return a === 0 && b === text.length ? text : text.slice(a, b);
}

function isBlankText(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (!isCellSpace(text.charCodeAt(k))) return false;
  return true;
}

/**
 * The one blank-row rule: a row is blank, and skipped, when every cell is empty after trimming and
 * none is quoted (`""` is a value, even if an empty one). A plain line is blank when it holds
 * nothing but cell spaces and delimiters, which is the same thing.
 */
function isBlankRecord(record: CsvRecord): boolean {
  for (let i = 0; i < record.fields.length; i++) if (record.quoted[i] === true || !isBlankText(record.fields[i]!)) return false;
  return true;
}

/** The delimiter that splits the header line into the most fields (outside quotes). */
export function detectDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const header = end === -1 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    let count = 0;
    let inQuotes = false;
    for (const ch of header) {
      if (ch === '"') inQuotes = !inQuotes;
      else if (ch === delimiter && !inQuotes) count++;
    }
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Reads a table chunk by chunk, calling `onRow` for each data row with a cursor that is only valid
 * during the call. Memory does not grow with the number of rows.
 */
export async function readTable(source: ChunkSource, options: ReadTableOptions, onRow: (row: TableRow) => void): Promise<TableInfo> {
  const file = source.name;
  const log = createProblemLog();
  const chunks = source.chunks()[Symbol.asyncIterator]();
  // The delimiter is detected from the header line, so read until the first line break.
  let head = '';
  let exhausted = false;
  while (!/[\r\n]/.test(head)) {
    const next = await chunks.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    head += next.value;
  }
  const delimiter = options.delimiter ?? detectDelimiter(head);
  const known = new Map(options.columns.map((c) => [c.name, c]));
  /** Column name -> index in the record. */
  const index = new Map<string, number>();
  let headers: string[] | null = null;
  let rows = 0;
  let headerBroken = false;
  const warnings: string[] = [];

  const problem = (line: number | null, column: number | null, header: string | null, message: string) =>
    log.add({ file, line, column, header, message });

  const onHeader = (fields: string[], line: number) => {
    headers = fields.map(trimCell);
    const seen = new Map<string, number>();
    headers.forEach((header, i) => {
      const normal = normaliseName(header);
      const name = options.columnAliases[normal] ?? normal;
      if (!known.has(name)) return;
      const first = seen.get(name);
      if (first !== undefined) {
        problem(line, i + 1, header, `duplicate column: "${name}" is also column ${first + 1} (${headers![first]})`);
        return;
      }
      seen.set(name, i);
      index.set(name, i);
    });
    headers.forEach((header, i) => {
      const normal = normaliseName(header);
      if (header === '' || known.has(options.columnAliases[normal] ?? normal)) return;
      const missing = options.columns.filter((c) => !index.has(c.name)).map((c) => c.name);
      const suggestion = nearest(normal, missing);
      if (suggestion) warnings.push(`${file}:${line}:${i + 1}: column "${header}" is not one caseplan reads and is ignored; did you mean "${missing[suggestion.index]}"?`);
    });
    const named = (d: string) => ({ ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': '|' })[d] ?? JSON.stringify(d);
    const other = headers.length === 1 ? [',', ';', '\t', '|'].find((d) => d !== delimiter && headers![0]!.includes(d)) : undefined;
    if (other !== undefined && options.columns.some((c) => c.required && !index.has(c.name))) {
      problem(line, null, null, `the header was read as a single column with the ${named(delimiter)} delimiter, but it contains ${named(other)}: check --delimiter`);
      return;
    }
    for (const spec of options.columns) {
      if (spec.required && !index.has(spec.name)) {
        const suggestion = nearest(spec.name, headers.map(normaliseName));
        const found = headers.filter((h) => h !== '').join(', ') || 'none';
        problem(
          line,
          null,
          null,
          `missing required column "${spec.name}" (columns found: ${found})${suggestion ? `; did you mean "${headers[suggestion.index]}"? (add it to column_aliases in the config, or rename the header)` : ''}`,
        );
      }
    }
  };

  // One cursor object reused for every row: a million rows make no million closures. A row is either
  // a parsed record (quotes, CR line endings, a line split across chunks) or, for nearly every row,
  // a plain line of the current chunk with the cells' offsets, so no string is made for a cell that
  // is not asked for, and dates are read straight from the text.
  let current: CsvRecord | null = null;
  let plainText = '';
  const starts = new Int32Array(256);
  const ends = new Int32Array(256);
  let rowProblems = 0;
  /** The trimmed [start, end) of cell i of the plain line, or null when it is empty. */
  let cellStart = 0;
  let cellEnd = 0;
  const plainCell = (i: number): boolean => {
    let a = starts[i]!;
    let b = ends[i]!;
    while (a < b && isCellSpace(plainText.charCodeAt(a))) a++;
    while (b > a && isCellSpace(plainText.charCodeAt(b - 1))) b--;
    cellStart = a;
    cellEnd = b;
    return a < b;
  };
  const cursor: TableRow & { line: number } = {
    line: 0,
    text(column) {
      const i = index.get(column);
      if (i === undefined) return null;
      if (current === null) return plainCell(i) ? plainText.slice(cellStart, cellEnd) : null;
      const raw = current.fields[i]!;
      if (raw === '') return null;
      const value = trimCell(raw);
      return value === '' ? null : value;
    },
    equals(column, literal) {
      if (current !== null) return cursor.text(column) === literal;
      const i = index.get(column);
      return i !== undefined && plainCell(i) && cellEnd - cellStart === literal.length && plainText.startsWith(literal, cellStart);
    },
    date(column) {
      if (current === null) {
        const i = index.get(column);
        if (i === undefined || !plainCell(i)) return null;
        const day = fastIsoDayAt(plainText, cellStart, cellEnd);
        if (day === day) return day as Day;
      }
      const text = cursor.text(column);
      if (text === null) return null;
      const day = fastIsoDay(text);
      return day === day ? (day as Day) : cursor.decode(column, decodeDate);
    },
    problem(column, message) {
      const i = index.get(column);
      rowProblems++;
      problem(cursor.line, i === undefined ? null : i + 1, i === undefined ? column : headers![i]!, message);
    },
    rowProblem(message) {
      rowProblems++;
      problem(cursor.line, null, null, message);
    },
    decode(column, decoder) {
      const text = cursor.text(column);
      if (text === null) return null;
      const decoded = decoder(text);
      if (decoded.ok) return decoded.value;
      cursor.problem(column, `${JSON.stringify(text)} is not ${decoded.expected}`);
      return null;
    },
    get hasProblems() {
      return rowProblems > 0;
    },
  };

  /**
   * The one ragged check, for both paths: a row must have as many fields as the header. A quote
   * problem already said what is wrong with a record (an unclosed quote swallows the rest of the
   * file into one field), so it gets no second message about its width.
   */
  const hasHeaderWidth = (line: number, fields: number, syntax: boolean): boolean => {
    const width = headers!.length;
    if (fields === width) return true;
    if (!syntax) {
      problem(line, null, null, `this row has ${fields} fields but the header has ${width}; check for a missing or extra ${delimiter === '\t' ? 'tab' : `"${delimiter}"`}, or an unquoted value containing one`);
    }
    return false;
  };

  const onRecord = (record: CsvRecord) => {
    if (isBlankRecord(record)) return;
    if (headers === null) {
      onHeader(record.fields, record.line);
      // Rows cannot be read against a broken header: report the header alone.
      headerBroken = log.count > 0;
      return;
    }
    rows++;
    if (headerBroken) return;
    const syntax = syntaxProblem;
    syntaxProblem = false;
    if (!hasHeaderWidth(record.line, record.fields.length, syntax)) return;
    current = record;
    cursor.line = record.line;
    rowProblems = 0;
    onRow(cursor);
  };

  const delimiterCode = delimiter.charCodeAt(0);
  const onPlainLine = (text: string, start: number, end: number, line: number) => {
    if (headers === null || headers.length > starts.length) {
      onRecord({ fields: text.slice(start, end).split(delimiter), line, quoted: [] });
      return;
    }
    // A blank row (nothing but cell spaces and delimiters) is skipped, like a blank record.
    let blank = true;
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c !== delimiterCode && !isCellSpace(c)) {
        blank = false;
        break;
      }
    }
    if (blank) return;
    rows++;
    if (headerBroken) return;
    const width = headers.length;
    let n = 0;
    let from = start;
    for (;;) {
      const d = text.indexOf(delimiter, from);
      if (d === -1 || d >= end) {
        if (n < width) {
          starts[n] = from;
          ends[n] = end;
        }
        n++;
        break;
      }
      if (n < width) {
        starts[n] = from;
        ends[n] = d;
      }
      n++;
      from = d + 1;
    }
    if (!hasHeaderWidth(line, n, false)) return;
    current = null;
    plainText = text;
    cursor.line = line;
    rowProblems = 0;
    onRow(cursor);
  };

  let syntaxProblem = false;
  const onSyntaxProblem = (syntax: { line: number; column: number; message: string }) => {
    syntaxProblem = true;
    problem(syntax.line, syntax.column, headers?.[syntax.column - 1] ?? null, syntax.message);
  };
  const parser = createCsvParser(delimiter, onRecord, onSyntaxProblem, options.plainLines === false ? undefined : onPlainLine);
  parser.push(head);
  if (!exhausted) {
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      parser.push(next.value);
      options.onProgress?.(rows);
    }
  }
  parser.end();

  if (headers === null) problem(null, null, null, 'the file is empty: expected a header row and at least one data row');
  else if (rows === 0 && log.count === 0) problem(null, null, null, 'the file has a header row but no data rows');
  log.throwIfAny([...source.warnings, ...warnings]);
  return { columns: new Set(index.keys()), headers: headers ?? [], rows, delimiter, warnings };
}
