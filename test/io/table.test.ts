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
