// A CSV file as a table of named columns: header matching, delimiter detection, required columns,
// ragged rows, blank rows, and a problem log that knows the line, column and header of every cell.
import { normaliseName } from '../core/config.js';
import { createProblemLog } from '../errors.js';
import { createCsvParser, type CsvRecord } from './csv-parser.js';
import type { ChunkSource } from './source.js';
import { decodeDate, EXCEL_SERIAL, fastIsoDay, fastIsoDayAt, type Decoded } from './values.js';
import { nearest } from './nearest.js';
import { formatIso, type Day } from '../core/dates.js';

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
  /** Where a known column is (1-based field and header), for a problem found once the file is read. */
  where(column: string): { column: number | null; header: string | null };
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
   * The column that keys the file (staff_id, referral_id). At the end of the file, a row with no id
   * and nothing but numbers is a total row, skipped with a warning.
   */
  idColumn?: string | undefined;
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

/** "Total", "Totals", "Grand Total", "Total:", in any case. */
const TOTAL_LABEL = /^(?:grand\s*)?totals?:?$/i;
/** A number as a total row shows it: 12, 187.4, 2,992, £1,234,567.00, 95%. */
const TOTAL_NUMBER = /^[-+]?£?\s*(?:\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?|\.\d+)\s*%?$/;

/** The header must start within this many rows (blank ones included). */
export const HEADER_SEARCH_ROWS = 20;
/** ...and within this many characters, so a file that is one endless line is not read whole. */
const HEADER_SEARCH_CHARS = 1 << 20;

interface HeaderSearch {
  delimiter: string;
  /** The line of the first row with every required column, or null when no row has them. */
  headerLine: number | null;
  /** The first non-blank line above the header (a title), or null when there is none. */
  titleLine: number | null;
  /**
   * When no row has the required columns: a later row that looks like a header (the most cells, at
   * least three, below a first line with fewer), for the message, or null.
   */
  likelyHeader: { line: number; cells: string[] } | null;
}

/**
 * Finds the header: the first of the first 20 rows that names every required column (after
 * column aliases), so title rows above it ("Establishment Report", a date line, blank lines) are
 * skipped. Without --delimiter, each delimiter is tried and the one that finds the header earliest
 * wins (then the one splitting it into more fields); when none does, the delimiter is detected from
 * the first non-blank line, as before, and that line is taken as the header (and reported).
 * Reads chunks into `head` until every delimiter has seen 20 rows, the file ends, or 1 MiB has been
 * searched; the result does not depend on where the chunks are cut.
 */
async function findHeader(
  chunks: AsyncIterator<string>,
  options: ReadTableOptions,
): Promise<{ search: HeaderSearch; head: string; exhausted: boolean }> {
  const candidates = options.delimiter !== undefined ? [options.delimiter] : DELIMITERS;
  const seen = candidates.map(() => [] as CsvRecord[]);
  const probes = candidates.map((delimiter, k) =>
    createCsvParser(
      delimiter,
      (record) => {
        if (seen[k]!.length < HEADER_SEARCH_ROWS) seen[k]!.push(record);
      },
      () => {},
    ),
  );
  let head = '';
  let searched = 0;
  let exhausted = false;
  while (searched < HEADER_SEARCH_CHARS && seen.some((records) => records.length < HEADER_SEARCH_ROWS)) {
    const next = await chunks.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    head += next.value;
    const part = next.value.length <= HEADER_SEARCH_CHARS - searched ? next.value : next.value.slice(0, HEADER_SEARCH_CHARS - searched);
    searched += part.length;
    // Each probe is given the text 4 KiB at a time, only until it has its 20 rows: the search stays
    // a few microseconds, and the parser's code is not trained on a whole chunk of the wrong delimiter.
    probes.forEach((probe, k) => {
      for (let at = 0; at < part.length && seen[k]!.length < HEADER_SEARCH_ROWS; at += 4096) probe.push(part.slice(at, at + 4096));
    });
  }
  // The last row of a short file has no line break after it.
  if (exhausted && searched === head.length) for (const probe of probes) probe.end();

  const required = options.columns.filter((c) => c.required).map((c) => c.name);
  const isHeader = (record: CsvRecord): boolean => {
    if (isBlankRecord(record)) return false;
    const names = new Set(record.fields.map((cell) => options.columnAliases[normaliseName(cell)] ?? normaliseName(cell)));
    return required.every((name) => names.has(name));
  };
  let best: { k: number; at: number; record: CsvRecord } | null = null;
  for (let k = 0; k < seen.length; k++) {
    const at = seen[k]!.findIndex(isHeader);
    if (at === -1) continue;
    const record = seen[k]![at]!;
    if (best === null || record.line < best.record.line || (record.line === best.record.line && record.fields.length > best.record.fields.length)) {
      best = { k, at, record };
    }
  }
  if (best === null) {
    const firstLine = head.replace(/^(?:[^\S\r\n]*(?:\r\n|\r|\n))+/, '');
    // An export whose header is further down but not yet mapped (column_aliases): point at it.
    const filled = (r: CsvRecord) => r.fields.filter((f) => f.trim() !== '').length;
    let likely: CsvRecord | null = null;
    for (const records of seen) {
      const first = records.find((r) => !isBlankRecord(r));
      for (const r of records) if (first !== undefined && r.line > first.line && filled(r) >= 3 && filled(r) > filled(first) && (likely === null || filled(r) > filled(likely))) likely = r;
    }
    return {
      search: {
        delimiter: options.delimiter ?? detectDelimiter(firstLine),
        headerLine: null,
        titleLine: null,
        likelyHeader: likely === null ? null : { line: likely.line, cells: likely.fields.map((f) => f.trim()).filter((f) => f !== '') },
      },
      head,
      exhausted,
    };
  }
  const { k, at, record } = best;
  const title = seen[k]!.slice(0, at).find((r) => !isBlankRecord(r));
  return { search: { delimiter: candidates[k]!, headerLine: record.line, titleLine: title?.line ?? null, likelyHeader: null }, head, exhausted };
}

/**
 * Reads a table chunk by chunk, calling `onRow` for each data row with a cursor that is only valid
 * during the call. Memory does not grow with the number of rows.
 */
export async function readTable(source: ChunkSource, options: ReadTableOptions, onRow: (row: TableRow) => void): Promise<TableInfo> {
  const file = source.name;
  const log = createProblemLog();
  const chunks = source.chunks()[Symbol.asyncIterator]();
  const { search, head, exhausted } = await findHeader(chunks, options);
  const { delimiter, headerLine, titleLine } = search;
  const known = new Map(options.columns.map((c) => [c.name, c]));
  /** Column name -> index in the record. */
  const index = new Map<string, number>();
  let headers: string[] | null = null;
  let rows = 0;
  let headerBroken = false;
  const warnings: string[] = [];
  if (headerLine !== null && titleLine !== null) {
    const lines = titleLine === headerLine - 1 ? `line ${titleLine} is` : `lines ${titleLine}-${headerLine - 1} are`;
    warnings.push(`${file}: ${lines} above the header row (line ${headerLine}) and ${titleLine === headerLine - 1 ? 'was' : 'were'} skipped as a title`);
  }

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
          `missing required column "${spec.name}" (columns found: ${found})${suggestion ? `; did you mean "${headers[suggestion.index]}"? (add it to column_aliases in the config, or rename the header)` : ''}` +
            (search.likelyHeader === null
              ? ''
              : `; line ${search.likelyHeader.line} looks like the header row (${search.likelyHeader.cells.slice(0, 6).join(', ')}${search.likelyHeader.cells.length > 6 ? ', ...' : ''}): map its headers to caseplan's columns with column_aliases in the config`),
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
  const serialDates = new Map<string, { count: number; first: string }>();
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
      if (day === day) return day as Day;
      const decoded = cursor.decode(column, decodeDate);
      // A date column saved as numbers by Excel: read, and said once per column.
      if (decoded !== null && EXCEL_SERIAL.test(text)) {
        const seen = serialDates.get(column);
        if (seen === undefined) serialDates.set(column, { count: 1, first: `line ${cursor.line}: ${text} = ${formatIso(decoded)}` });
        else seen.count++;
      }
      return decoded;
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
    where(column) {
      const i = index.get(column);
      return i === undefined ? { column: null, header: null } : { column: i + 1, header: headers![i]! };
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

  // Trailing total rows. A row that looks like a total ("Total" or "Grand Total" in the first cell
  // or the id column, or no id and nothing but numbers) is held back. If another non-blank row
  // follows, it was not at the end and is read like any other (a row with no id is an error there);
  // if the file ends first, it is skipped with a warning naming its line.
  let idAt = -1;
  const held: { record: CsvRecord; what: string }[] = [];
  /**
   * What makes the row a total, for the warning, or null when it is no total. A row with an id is a
   * total only if the id says so; one without (or any row, in a file with no id column) when its
   * first cell says so, or when all it holds is numbers.
   */
  const totalWhat = (n: number, cell: (i: number) => string | null): string | null => {
    const id = idAt >= 0 && idAt < n ? cell(idAt) : null;
    if (id !== null) return TOTAL_LABEL.test(id) ? JSON.stringify(id) : null;
    const first = n > 0 ? cell(0) : null;
    if (first !== null && TOTAL_LABEL.test(first)) return JSON.stringify(first);
    if (idAt < 0) return null;
    let numbers = 0;
    for (let i = 0; i < n; i++) {
      const text = cell(i);
      if (text === null) continue;
      if (!TOTAL_NUMBER.test(text)) return null;
      numbers++;
    }
    return numbers > 0 ? `no ${options.idColumn}, only numbers` : null;
  };
  const recordCell = (fields: string[]) => (i: number) => {
    const text = trimCell(fields[i]!);
    return text === '' ? null : text;
  };

  /** Reads a data row that is a parsed record. */
  const readRecord = (record: CsvRecord, syntax: boolean) => {
    rows++;
    if (!hasHeaderWidth(record.line, record.fields.length, syntax)) return;
    current = record;
    cursor.line = record.line;
    rowProblems = 0;
    onRow(cursor);
  };
  /** A row follows the held rows: they were no trailing totals after all. */
  const releaseHeld = () => {
    for (const { record } of held) readRecord(record, false);
    held.length = 0;
  };

  const onRecord = (record: CsvRecord) => {
    const syntax = syntaxProblem;
    syntaxProblem = false;
    if (isBlankRecord(record)) return;
    if (headers === null) {
      // A title row above the header found (reported once, above).
      if (headerLine !== null && record.line < headerLine) return;
      onHeader(record.fields, record.line);
      // Rows cannot be read against a broken header: report the header alone.
      headerBroken = log.count > 0;
      idAt = options.idColumn === undefined ? -1 : (index.get(options.idColumn) ?? -1);
      return;
    }
    if (headerBroken) {
      rows++;
      return;
    }
    if (!syntax) {
      const what = totalWhat(record.fields.length, recordCell(record.fields));
      if (what !== null) {
        held.push({ record, what });
        return;
      }
    }
    if (held.length > 0) releaseHeld();
    readRecord(record, syntax);
  };

  /**
   * Whether the plain line just split may be a total, told by one character for nearly every row: a
   * row whose id cell (or, with no id column, first cell) starts with neither a space nor t nor g
   * is none.
   */
  const plainMayBeTotal = (n: number): boolean => {
    const i = idAt >= 0 ? idAt : 0;
    if (i >= n || starts[i]! === ends[i]!) return true;
    const c = plainText.charCodeAt(starts[i]!);
    return !(c > 32 && c < 0xa0 && (c | 32) !== 116 && (c | 32) !== 103);
  };
  const plainCellText = (i: number): string | null => (plainCell(i) ? plainText.slice(cellStart, cellEnd) : null);

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
    if (headerBroken) {
      rows++;
      return;
    }
    // The cells' offsets, as many as there is room for (a row wider than that is ragged anyway).
    const room = starts.length;
    let n = 0;
    let from = start;
    for (;;) {
      const d = text.indexOf(delimiter, from);
      if (d === -1 || d >= end) {
        if (n < room) {
          starts[n] = from;
          ends[n] = end;
        }
        n++;
        break;
      }
      if (n < room) {
        starts[n] = from;
        ends[n] = d;
      }
      n++;
      from = d + 1;
    }
    plainText = text;
    if (n <= room && plainMayBeTotal(n)) {
      const what = totalWhat(n, plainCellText);
      if (what !== null) {
        const fields: string[] = [];
        for (let i = 0; i < n; i++) fields.push(text.slice(starts[i]!, ends[i]!));
        held.push({ record: { fields, line, quoted: [] }, what });
        return;
      }
    }
    if (held.length > 0) releaseHeld();
    rows++;
    if (!hasHeaderWidth(line, n, false)) return;
    current = null;
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
  for (const { record, what } of held) warnings.push(`${file}:${record.line}: a total row at the end of the file (${what}) was skipped`);

  if (headers === null) problem(null, null, null, 'the file is empty: expected a header row and at least one data row');
  else if (rows === 0 && log.count === 0) problem(null, null, null, 'the file has a header row but no data rows');
  for (const [column, seen] of serialDates) {
    warnings.push(`${file}: ${seen.count} ${column} value${seen.count === 1 ? ' is an Excel serial number' : 's are Excel serial numbers'} (${seen.first}), read as dates; format the column as dates when exporting to be sure`);
  }
  log.throwIfAny([...source.warnings, ...warnings]);
  return { columns: new Set(index.keys()), headers: headers ?? [], rows, delimiter, warnings };
}
