// The table reader has two paths: a plain line (no quote, no CR) split by offsets, and a parsed
// record. They must read every cell, blank row and ragged row the same way.
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { openSource, type ChunkSource } from '../../src/io/source.js';
import { STAFF_COLUMNS } from '../../src/io/staff-file.js';
import { isCellSpace, readTable, type ColumnSpec } from '../../src/io/table.js';

export function textSource(text: string, name = 'test.csv', chunk = 1 << 16): ChunkSource {
  return {
    name,
    size: text.length,
    bytesRead: 0,
    warnings: [],
    async *chunks() {
      for (let i = 0; i < text.length; i += chunk) yield text.slice(i, i + chunk);
    },
  };
}

const DATE_COLUMNS = new Set(['qualified_date', 'start_date', 'leave_date', 'received_date', 'closed_date']);

/** Everything the reader gives: each row's cells (text, equals, dates), then the warnings or the problems. */
async function readAll(source: ChunkSource, columns: readonly ColumnSpec[], plainLines: boolean, extra: { idColumn?: string; delimiter?: string } = {}) {
  const rows: unknown[] = [];
  try {
    const info = await readTable(source, { columns, columnAliases: {}, plainLines, ...extra }, (row) => {
      const cells: Record<string, unknown> = {};
      for (const { name } of columns) {
        const text = row.text(name);
        cells[name] = text;
        if (text !== null && !row.equals(name, text)) cells[`${name}=`] = 'equals disagrees with text';
        if (DATE_COLUMNS.has(name)) cells[`${name}@`] = row.date(name);
      }
      rows.push({ line: row.line, cells });
    });
    return { rows, info };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { rows, problems: error.problems, total: error.total, notes: error.notes };
  }
}

describe('one trimming rule', () => {
  it('trims exactly the characters String.prototype.trim removes: ASCII white space, NBSP, the Unicode spaces and U+FEFF, no other control character', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isCellSpace(c) !== (String.fromCharCode(c).trim() === '')) differ.push(c);
    expect(differ).toEqual([]);
    expect([0x20, 0x09, 0xa0, 0x2007, 0x202f, 0x3000, 0xfeff].every(isCellSpace)).toBe(true);
    expect([0x01, 0x1f, 0x85, 0x200b, 0x41].some(isCellSpace)).toBe(false);
  });

  it('reads " North\\u00a0" as North on a plain line and on a line with a quoted cell alike', async () => {
    const columns = [
      { name: 'id', required: true },
      { name: 'team', required: false },
    ];
    const { rows } = await readAll(textSource('id,team\n1, North\u00a0\n"2", North\u00a0\n3,\u00a0\u3000\n'), columns, true);
    expect(rows).toEqual([
      { line: 2, cells: { id: '1', team: 'North' } },
      { line: 3, cells: { id: '2', team: 'North' } },
      { line: 4, cells: { id: '3', team: null } },
    ]);
  });
});

describe('both reading paths give identical cells', () => {
  it.each(readdirSync('test/corpus'))('test/corpus/%s: the same rows, cells, warnings and problems with and without plain lines', async (file) => {
    const fast = await readAll(await openSource(`test/corpus/${file}`), STAFF_COLUMNS, true, { idColumn: 'staff_id' });
    const parsed = await readAll(await openSource(`test/corpus/${file}`), STAFF_COLUMNS, false, { idColumn: 'staff_id' });
    expect(fast).toEqual(parsed);
  });

  // Cells with every kind of padding, and rows that are blank (only spaces and delimiters), ragged,
  // or have a quoted cell (which sends them down the record path even with plain lines on).
  const pad = fc.constantFrom('', ' ', '  ', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u000b', '\u0001', '\u200b');
  const word = fc.constantFrom('', 'North', 'R1', '2015-09-01', '01/09/2015', '31/02/2020', '0.8', 'a b', 'x\u00a0y', 'Total');
  const cell = fc.tuple(pad, word, pad).map(([a, w, b]) => a + w + b);

  it('on generated rows: both paths agree with each other and with String.prototype.trim, for comma, semicolon and tab files with LF or CRLF', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.tuple(fc.array(cell, { minLength: 0, maxLength: 6 }), fc.boolean()), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 40 }),
        async (delimiter, eol, width, rows, chunk) => {
          const names = Array.from({ length: width }, (_, i) => `c${i}`);
          const columns = names.map((name, i) => ({ name, required: i === 0 }));
          const clean = (text: string) => (delimiter === '\t' ? text.replace(/\t/g, ' ') : text);
          const lines = rows.map(([cells, quoteOne]) =>
            cells.map((c, i) => (quoteOne && i === cells.length - 1 ? `"${clean(c)}"` : clean(c))).join(delimiter),
          );
          const text = names.join(delimiter) + eol + lines.join(eol) + eol;
          const fast = await readAll(textSource(text, 'test.csv', chunk), columns, true, { delimiter });
          const parsed = await readAll(textSource(text, 'test.csv', chunk), columns, false, { delimiter });
          expect(fast).toEqual(parsed);
          // And what they agree on is the rule: each cell trimmed like String.prototype.trim.
          for (const row of fast.rows as { line: number; cells: Record<string, string | null> }[]) {
            const [cells, quoteOne] = rows[row.line - 2]!;
            names.forEach((name, i) => {
              const raw = clean(cells[i]!);
              expect(row.cells[name]).toBe(raw.trim() === '' ? null : raw.trim());
            });
            expect(quoteOne || cells.some((c) => clean(c).trim() !== '')).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

const STAFF: ColumnSpec[] = [
  { name: 'staff_id', required: true },
  { name: 'role', required: true },
  { name: 'fte', required: false },
];

/** Reads `text` as a staff-like table: the rows seen (line and id), then the warnings or the problems. */
async function read(text: string, options: { delimiter?: string; columnAliases?: Record<string, string>; idColumn?: string | null } = {}) {
  const seen: [number, string | null][] = [];
  try {
    const info = await readTable(
      textSource(text),
      { columns: STAFF, columnAliases: options.columnAliases ?? {}, delimiter: options.delimiter, idColumn: options.idColumn === null ? undefined : (options.idColumn ?? 'staff_id') },
      (row) => seen.push([row.line, row.text('staff_id')]),
    );
    return { rows: seen, delimiter: info.delimiter, headers: info.headers, warnings: info.warnings };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { rows: seen, problems: error.problems.map((p) => `${p.line ?? ''}:${p.column ?? ''}: ${p.message}`), notes: error.notes };
  }
}

describe('title rows above the header', () => {
  it('skips a title line, a date line and a blank line, and warns naming them', async () => {
    expect(await read('Establishment Report\n30/09/2026\n\nstaff_id,role\nE1,social_worker\n')).toEqual({
      rows: [[5, 'E1']],
      delimiter: ',',
      headers: ['staff_id', 'role'],
      warnings: ['test.csv: lines 1-3 are above the header row (line 4) and were skipped as a title'],
    });
  });

  it('says "line" for one title line, and nothing at all for blank lines alone above the header', async () => {
    expect((await read('Staff list\nstaff_id,role\nE1,x\n')).warnings).toEqual(['test.csv: line 1 is above the header row (line 2) and was skipped as a title']);
    expect((await read('\n , \n\nstaff_id,role\nE1,x\n')).warnings).toEqual([]);
  });

  it('finds the header on row 20 but not on row 21, where the first non-blank row gets the missing-column errors as before', async () => {
    const titles = (n: number) => Array.from({ length: n }, (_, i) => `Report line ${i + 1}`).join('\n') + '\n';
    expect((await read(titles(19) + 'staff_id,role\nE1,x\n')).rows).toEqual([[21, 'E1']]);
    expect((await read(titles(20) + 'staff_id,role\nE1,x\n')).problems).toEqual([
      '1:: missing required column "staff_id" (columns found: Report line 1)',
      '1:: missing required column "role" (columns found: Report line 1)',
    ]);
  });

  it('uses the column aliases when looking for the header', async () => {
    const text = 'HR export\nEmployee Number,Job Title\nE1,x\n';
    expect((await read(text, { columnAliases: { employee_number: 'staff_id', job_title: 'role' } })).rows).toEqual([[3, 'E1']]);
    expect((await read(text)).problems).toEqual([
      '1:: missing required column "staff_id" (columns found: HR export)',
      '1:: missing required column "role" (columns found: HR export)',
    ]);
  });

  it('detects the delimiter from the header found, not from a title line full of commas', async () => {
    const found = await read('Establishment Report, all teams, 30/09/2026\nstaff_id;role;fte\nE1;social_worker;1\n');
    expect(found).toMatchObject({ rows: [[3, 'E1']], delimiter: ';', headers: ['staff_id', 'role', 'fte'] });
    // With --delimiter only that delimiter is tried: no header is found, so line 1 is reported.
    expect((await read('Report, x\nstaff_id;role\nE1;y\n', { delimiter: ',' })).problems).toEqual([
      '1:: missing required column "staff_id" (columns found: Report, x)',
      '1:: missing required column "role" (columns found: Report, x)',
    ]);
  });
});

describe('a total row at the end of the file', () => {
  it.each(['Total', 'TOTAL', 'Totals', 'Grand Total', 'grand total:'])('skips a last row labelled %j in the id column, with a warning naming its line', async (label) => {
    expect(await read(`staff_id,role,fte\nE1,social_worker,1\n${label},,1\n\n`)).toMatchObject({
      rows: [[2, 'E1']],
      warnings: [`test.csv:3: a total row at the end of the file (${JSON.stringify(label)}) was skipped`],
    });
  });

  it('skips a last row labelled Total in the first cell when the id column is elsewhere, and one with no id and only numbers', async () => {
    expect(await read('name,staff_id,role,fte\nA,E1,social_worker,1\nGrand Total,,,1\n')).toMatchObject({ rows: [[2, 'E1']] });
    expect(await read('staff_id,role,fte\nE1,social_worker,1\n,,"1,234.50"\n,, £12 \n')).toMatchObject({
      rows: [[2, 'E1']],
      warnings: [
        'test.csv:3: a total row at the end of the file (no staff_id, only numbers) was skipped',
        'test.csv:4: a total row at the end of the file (no staff_id, only numbers) was skipped',
      ],
    });
  });

  it('reads such rows like any other when a row follows them: a row with no id in the middle is the reader\'s to report', async () => {
    expect(await read('staff_id,role,fte\nE1,social_worker,1\n,,1\nTotal,,2\nE2,social_worker,1\n')).toMatchObject({
      rows: [
        [2, 'E1'],
        [3, null],
        [4, 'Total'],
        [5, 'E2'],
      ],
      warnings: [],
    });
  });

  it('is no total when the row has an id, even with Total in its first cell (a team called Total)', async () => {
    expect((await read('team,staff_id,role\nNorth,E1,social_worker\nTotal,E2,social_worker\n')).rows).toEqual([
      [2, 'E1'],
      [3, 'E2'],
    ]);
  });

  it('is no total when its id-less cells hold anything but numbers, and without an id column only a Total label counts', async () => {
    expect((await read('staff_id,role,fte\nE1,social_worker,1\n,social_worker,1\n')).rows).toEqual([
      [2, 'E1'],
      [3, null],
    ]);
    expect((await read('staff_id,role,fte\nE1,social_worker,1\n,,1\n', { idColumn: null })).rows).toEqual([
      [2, 'E1'],
      [3, null],
    ]);
    expect((await read('staff_id,role,fte\nE1,social_worker,1\nTotal,,1\n', { idColumn: null })).rows).toEqual([[2, 'E1']]);
  });

  it('a file whose only row is a total has no data rows, and the warning says why', async () => {
    expect(await read('staff_id,role,fte\nTotal,,0\n')).toEqual({
      rows: [],
      problems: [':: the file has a header row but no data rows'],
      notes: ['test.csv:2: a total row at the end of the file ("Total") was skipped'],
    });
  });
});
