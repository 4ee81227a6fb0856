// Reading Ofsted's Annex A lists 6-9 (issue 15): the workbook (.xlsx, read with read-excel-file) or
// its lists saved as CSV, one per file. Header names vary between councils' exports, so each field
// is found by a pattern over the header's words, case and punctuation ignored (as the open Annex A
// tools match them: a child id is any header with "child" and "id"), and the header taken for each
// field is reported. The allocated worker's name is read only to tell whether a child is allocated.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { countAnnexOpen, LIST_NAME, type AnnexList, type AnnexOpenCases, type AnnexRecord } from '../core/annex-a.js';
import type { Day } from '../core/dates.js';
import { InputError, MAX_PROBLEMS_SHOWN, type InputProblem } from '../errors.js';
import { createCsvParser } from './csv-parser.js';
import { decodeDate, DATE_FORMATS } from './date-cells.js';
import { readWorkbook } from './render/xlsx.js';
import { createDecoder, describeFsError, displayName } from './source.js';
import { detectDelimiter, trimCell } from './table.js';

export type AnnexField = 'child_id' | 'start' | 'end' | 'team' | 'worker';
export const ANNEX_FIELDS: readonly AnnexField[] = ['child_id', 'start', 'end', 'team', 'worker'];

/** One list as read: where it came from and which header was taken for each field. */
export interface AnnexListRead {
  file: string;
  /** The workbook's sheet; null for a CSV file. */
  sheet: string | null;
  list: AnnexList;
  /** How the list was recognised: its sheet or file name, or its headers. */
  recognisedBy: 'name' | 'headers';
  rows: number;
  headers: Record<AnnexField, string | null>;
}

export interface AnnexAFile {
  files: string[];
  lists: AnnexListRead[];
  /** Data rows read over every list. */
  rows: number;
  open: AnnexOpenCases;
  warnings: string[];
}

/** A sheet or CSV file as rows of cells, each row with the line (or sheet row) it was on. */
interface Grid {
  file: string;
  sheet: string | null;
  rows: { line: number; cells: string[] }[];
}

/** Header words: camelCase split, lower case, every run of punctuation or space one space. */
export function headerWords(header: string): string[] {
  return header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    // "CINStartDate", "CPPEndDate": an abbreviation, then a word.
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

const START = new Set(['start', 'started', 'starting', 'began', 'begin', 'commenced', 'entered', 'opened', 'open', 'became']);
const END = new Set(['end', 'ended', 'ending', 'closure', 'closed', 'close', 'ceased', 'cease', 'left', 'finish', 'finished']);
/** Words of dates that are not the episode's own: a placement, a birth, a review, a visit. */
const NOT_EPISODE = new Set(['placement', 'birth', 'dob', 'review', 'visit', 'assessment', 'referral', 'legal', 'latest', 'previous', 'last', 'adoption', 'pathway', 'conference']);
const LIST_WORDS: Record<AnnexList, Set<string>> = {
  6: new Set(['cin', 'need']),
  7: new Set(['cp', 'cpp', 'protection', 'plan']),
  8: new Set(['looked', 'lac', 'cla', 'care', 'period']),
  9: new Set(['leaver', 'leaving', 'care']),
};

const has = (words: readonly string[], set: Set<string>) => words.some((w) => set.has(w));

/** Child id: "Child Unique ID", "ChildID", "CHILD_UNIQUE_ID", "Unique Child Identifier". */
function isChildId(words: string[]): boolean {
  const joined = words.join('');
  return (words.includes('child') && (words.includes('id') || words.includes('identifier') || words.includes('uid'))) || /child(unique)?id/.test(joined);
}

/**
 * The header taken for each field: of those the field's pattern accepts, the best scored (the
 * list's own words and "date" count for a date), the first in the file on a tie.
 */
export function matchHeaders(headers: readonly string[], list: AnnexList): Record<AnnexField, number | null> {
  const words = headers.map(headerWords);
  const best = (score: (w: string[]) => number): number | null => {
    let at: number | null = null;
    let top = 0;
    words.forEach((w, i) => {
      const s = score(w);
      if (s > top) {
        top = s;
        at = i;
      }
    });
    return at;
  };
  const dateScore = (moment: Set<string>, other: Set<string>) => (w: string[]) => {
    if (!has(w, moment) || has(w, NOT_EPISODE) || isChildId(w)) return 0;
    // "Date started to be looked after" is a start, not an end, though it has no end word; a header
    // with both kinds of word ("start and end date") is taken for neither.
    if (has(w, other)) return 0;
    return 1 + (has(w, LIST_WORDS[list]) ? 2 : 0) + (w.includes('date') ? 1 : 0);
  };
  const childId = best((w) => (isChildId(w) ? 1 : 0));
  return {
    child_id: childId,
    start: list === 9 ? null : best(dateScore(START, END)),
    end: list === 9 ? null : best(dateScore(END, START)),
    team: best((w) => (w.includes('team') && !w.includes('manager') ? 1 + (w.includes('allocated') ? 1 : 0) : 0)),
    worker: best((w) => {
      // A team, a manager, or a date ("Date of Last SW Visit") is not the allocated worker.
      if (w.includes('team') || w.includes('manager') || w.includes('date') || has(w, NOT_EPISODE)) return 0;
      const worker = w.includes('worker') || w.includes('adviser') || w.includes('advisor') || (w.includes('allocated') && w.length <= 2) || w.includes('sw');
      return worker ? 1 + (w.includes('allocated') ? 1 : 0) : 0;
    }),
  };
}

/**
 * The list a sheet or file name names: its number ("List 6", "list_7", "L8 children looked after",
 * "List9.csv"), else its words ("careleavers.csv", "Child Protection", "Children in Care"); null for
 * another list (List 3, L10, "Adoption") or none.
 */
export function listFromName(name: string): AnnexList | null {
  const numbered = listNumberOf(name);
  if (numbered !== null) return numbered >= 6 && numbered <= 9 ? (numbered as AnnexList) : null;
  const words = name.replace(/\.[a-z]+$/i, '').toLowerCase().replace(/[^a-z]+/g, ' ');
  if (/adopt/.test(words)) return null;
  if (/care ?leav/.test(words)) return 9;
  if (/looked ?after|\b(?:cla|lac)\b|children in care/.test(words)) return 8;
  if (/protection|\bcpp?\b/.test(words)) return 7;
  if (/in ?need|\bcin\b/.test(words)) return 6;
  return null;
}

/** Any list number in a name ("List 3 Referrals": 3, "L10": 10). */
function listNumberOf(name: string): number | null {
  const match = /(?:^|[^a-z])(?:list|l)[\s_.-]*0?(\d{1,2})(?![0-9])/i.exec(name);
  return match === null ? null : Number(match[1]);
}

/** The list a sheet holds, from its headers: the episode dates each list alone has. */
function listFromHeaders(headers: readonly string[]): AnnexList | null {
  const words = headers.map(headerWords);
  const dated = (list: AnnexList) => words.some((w) => has(w, START) && has(w, LIST_WORDS[list]) && !has(w, NOT_EPISODE));
  if (words.some((w) => (w.includes('looked') && w.includes('after')) || w.includes('lac') || w.includes('cla')) && dated(8)) return 8;
  if (dated(7) && words.some((w) => w.includes('protection') || w.includes('cp') || w.includes('cpp'))) return 7;
  if (dated(6) && words.some((w) => w.includes('cin') || w.includes('need'))) return 6;
  if (words.some((w) => w.includes('leaver') || (w.includes('in') && w.includes('touch')))) return 9;
  return null;
}

/** The header row: the first of the first 20 rows with a child id header. */
function headerRow(grid: Grid): number | null {
  for (let i = 0; i < Math.min(grid.rows.length, 20); i++) if (grid.rows[i]!.cells.some((c) => isChildId(headerWords(c)))) return i;
  return null;
}

/** A worker cell that says nobody: empty, "Unallocated", "Unallocated - Duty", "Not yet allocated", "None", "N/A", "-". */
const UNALLOCATED = /^(?:un-?allocated\b.*|not (?:yet )?allocated\b.*|awaiting allocation\b.*|no (?:allocated )?worker\b.*|none|n\/a|-+)$/i;

export async function readAnnexA(paths: readonly string[], asOf: Day): Promise<AnnexAFile> {
  const problems: InputProblem[] = [];
  let total = 0;
  const problem = (p: InputProblem) => {
    total++;
    if (problems.length < MAX_PROBLEMS_SHOWN) problems.push(p);
  };
  const warnings: string[] = [];
  const lists: AnnexListRead[] = [];
  const records: AnnexRecord[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const name = displayName(path);
    if (seen.has(path)) {
      warnings.push(`${name}: given twice to --annex-a: read once`);
      continue;
    }
    seen.add(path);
    let grids: Grid[];
    try {
      grids = await readGrids(path, name, warnings);
    } catch (error) {
      if (error instanceof InputError) throw error;
      problem({ file: name, line: null, column: null, header: null, message: (error as Error).message });
      continue;
    }
    let found = 0;
    for (const grid of grids) {
      const where = grid.sheet === null ? grid.file : `${grid.file} [${grid.sheet}]`;
      const ownName = grid.sheet ?? grid.file.replace(/^.*[\\/]/, '');
      const numbered = listNumberOf(ownName);
      const named = listFromName(ownName);
      // A sheet (or file) of another list (List 1-5, 10, 11, adoption) is skipped.
      if (named === null && (numbered !== null || /adopt/i.test(ownName))) {
        if (grid.sheet === null) warnings.push(`${where}: not one of the Annex A lists 6-9 by its name: skipped`);
        continue;
      }
      const at = headerRow(grid);
      const headers = at === null ? [] : grid.rows[at]!.cells;
      const list = named ?? listFromHeaders(headers);
      if (list === null) {
        // A cover sheet, notes, a sheet with no list: skipped in a workbook.
        if (grid.sheet !== null) continue;
        problem({ file: where, line: null, column: null, header: null, message: 'cannot tell which Annex A list this is: name the file for its list ("List 6", "List 7", "List 8" or "List 9"), or give the list its headers (CIN Start Date, Child Protection Plan Start Date, Date Started to be Looked After)' });
        continue;
      }
      found++;
      if (at === null) {
        problem({ file: where, line: null, column: null, header: null, message: `${LIST_NAME[list]}: no header with the child's id in the first 20 rows (a header containing "child" and "id", e.g. Child Unique ID)` });
        continue;
      }
      const fields = matchHeaders(headers, list);
      const headerOf = (f: AnnexField) => (fields[f] === null ? null : headers[fields[f]!]!);
      if (list !== 9 && fields.start === null) {
        problem({ file: where, line: grid.rows[at]!.line, column: null, header: null, message: `${LIST_NAME[list]}: no start date header (a header with "start", e.g. ${list === 6 ? 'CIN Start Date' : list === 7 ? 'Child Protection Plan Start Date' : 'Date Started to be Looked After'}); headers found: ${headers.filter((h) => h !== '').join(', ')}` });
        continue;
      }
      const read: AnnexListRead = { file: grid.file, sheet: grid.sheet, list, recognisedBy: named === null ? 'headers' : 'name', rows: 0, headers: { child_id: headerOf('child_id'), start: headerOf('start'), end: headerOf('end'), team: headerOf('team'), worker: headerOf('worker') } };
      lists.push(read);
      if (list !== 9 && fields.end === null) warnings.push(`${where}: ${LIST_NAME[list]} has no end date header: every row started on or before the as-of date is counted as open`);
      if (fields.worker === null) warnings.push(`${where}: ${LIST_NAME[list]} has no allocated worker header: its children are not counted as unallocated`);
      const cell = (cells: string[], i: number | null) => (i === null ? '' : trimCell(cells[i] ?? ''));
      // In a CSV list a row with more cells than the others has shifted its cells (an unquoted comma
      // in a name): it is reported, not read, and its cells are not shown (one may hold a name).
      const dataRows = grid.rows.slice(at + 1).filter((row) => !row.cells.every((c) => trimCell(c) === ''));
      // An export that ends every data row (not the header) with a comma is not shifted.
      const trailingComma = dataRows.length > 1 && dataRows.every((row) => row.cells.length === headers.length + 1 && trimCell(row.cells[headers.length]!) === '');
      const needed = Math.max(...ANNEX_FIELDS.map((f) => fields[f] ?? -1));
      for (const row of dataRows) {
        read.rows++;
        if (grid.sheet === null) {
          const extra = row.cells.slice(headers.length).some((c) => trimCell(c) !== '');
          if (extra || (row.cells.length > headers.length && !trailingComma)) {
            problem({ file: where, line: row.line, column: null, header: null, message: `the row has ${row.cells.length} cells for ${headers.length} headers (an unquoted comma in a name or a team?): quote the cell, or save the list again from the spreadsheet` });
            continue;
          }
          if (row.cells.length <= needed) {
            problem({ file: where, line: row.line, column: null, header: null, message: `the row has ${row.cells.length} cells for ${headers.length} headers: a cell caseplan reads is missing` });
            continue;
          }
        }
        const cellProblem = (field: AnnexField, message: string) =>
          problem({ file: where, line: row.line, column: fields[field]! + 1, header: headerOf(field), message });
        const childId = cell(row.cells, fields.child_id);
        if (childId === '') cellProblem('child_id', 'the child id is empty: every row needs one');
        const date = (field: 'start' | 'end'): Day | null => {
          const text = cell(row.cells, fields[field]);
          if (text === '') return null;
          // A date-time as an Excel serial with a fraction of a day (46037.604): its day.
          const serial = /^([2-7]\d{4})\.\d+$/.exec(text);
          const decoded = decodeDate(serial === null ? text : serial[1]!);
          if (decoded.ok) return decoded.value;
          // A cell with no digit is text, perhaps a name: it is not repeated.
          cellProblem(field, `${/\d/.test(text) ? JSON.stringify(text) : 'the cell (text with no digit, not shown)'} is not ${DATE_FORMATS}`);
          return null;
        };
        const start = list === 9 ? null : date('start');
        const end = list === 9 ? null : date('end');
        if (list !== 9 && start === null && cell(row.cells, fields.start) === '') cellProblem('start', `the start date is empty: every row of ${LIST_NAME[list]} needs one`);
        if (start !== null && end !== null && end < start) cellProblem('end', `${JSON.stringify(cell(row.cells, fields.end))} is before the start date ${JSON.stringify(cell(row.cells, fields.start))}`);
        const team = cell(row.cells, fields.team);
        const worker = fields.worker === null ? null : cell(row.cells, fields.worker);
        records.push({ list, childId, start, end, team: team === '' ? null : team.replace(/\s+/g, ' '), unallocated: worker !== null && (worker === '' || UNALLOCATED.test(worker)) });
      }
    }
    if (found === 0 && grids.some((g) => g.sheet !== null)) {
      problem({ file: name, line: null, column: null, header: null, message: `no sheet of the workbook is one of the Annex A lists 6-9 (sheets: ${grids.map((g) => g.sheet).join(', ')}); name the sheets "List 6" to "List 9"` });
    }
  }
  if (total > 0) throw new InputError(problems, total);
  // A list not given is work not counted: said, as a council may send the lists one at a time.
  const missing = ([6, 7, 8, 9] as const).filter((list) => !lists.some((l) => l.list === list));
  if (missing.length > 0) {
    warnings.push(`Annex A: no ${missing.map((list) => LIST_NAME[list]).join(', ')} among the files given: ${missing.length === 1 ? 'its' : 'their'} children are not counted`);
  }
  const open = countAnnexOpen(records.filter((r) => r.childId !== ''), asOf);
  return { files: paths.map(displayName), lists, rows: records.length, open, warnings };
}

/** A workbook's sheets, or a CSV file, as grids of text cells. */
async function readGrids(path: string, name: string, warnings: string[]): Promise<Grid[]> {
  let bytes: Buffer;
  try {
    bytes = path === '-' ? readFileSync(0) : await readFile(path);
  } catch (error) {
    throw new InputError([{ file: name, line: null, column: null, header: null, message: `cannot read the file: ${describeFsError(error)}` }]);
  }
  // A workbook is a zip: "PK\x03\x04".
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4) {
    const sheets = await readWorkbook(bytes);
    return sheets.map((sheet) => ({
      file: name,
      sheet: sheet.name,
      // A sheet's row n is line n, as Excel numbers them.
      // A date cell with a time of day (2024-04-13T09:30:00Z) is its date.
      rows: sheet.rows.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => (c === null ? '' : String(c).replace(/^(\d{4}-\d{2}-\d{2})T[\d:.]+Z$/, '$1'))) })),
    }));
  }
  if (/\.xlsx?$/i.test(name)) throw new Error('not a readable .xlsx workbook (an .xls workbook must be saved as .xlsx or its lists as CSV)');
  const text = createDecoder(name, warnings).decode(bytes, true);
  const rows: Grid['rows'] = [];
  const syntax: InputProblem[] = [];
  const parser = createCsvParser(
    detectDelimiter(text),
    (record) => rows.push({ line: record.line, cells: record.fields }),
    (p) => syntax.push({ file: name, line: p.line, column: p.column, header: null, message: p.message }),
  );
  parser.push(text);
  parser.end();
  if (syntax.length > 0) throw new InputError(syntax);
  return [{ file: name, sheet: null, rows }];
}
