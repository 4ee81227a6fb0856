// The CSV writer (csv-stringify with caseplan's options) against the rules of the writer it replaced,
// kept here as the oracle: the same text, byte for byte, on generated values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv, type CsvValue } from '../../src/io/render/csv.js';
import { neutraliseFormula } from '../../src/io/render/document.js';

/** caseplan's writer before csv-stringify (src/io/render/csv.ts until it was replaced), unchanged. */
function oracleField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutraliseFormula(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function oracleCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => row.map(oracleField).join(',')).join('\n') + '\n';
}

/** Pieces that decide quoting and neutralisation, with ordinary and unusual text around them. */
const piece = fc.constantFrom(
  ',', '"', '""', '\r', '\n', '\r\n', '\n\r', ' ', '  ', '\t', '\v', '\f',
  '=', '+', '-', '@', "'", '=1+2', '+44', '-1,234', '-£5.00', '12%', '@SUM(A1)', '=HYPERLINK("x","y")',
  'a', 'Z', '0', '7', '.', ';', '|', '£', 'é', '’', '😀', '\u00a0', '\u2028', '\u2029', '\u3000', '\ufeff',
  '\u200b', '\ud800', '\udc00', '\uff1d', 'Child Protection', 'total',
);
const pieced = fc.array(piece, { maxLength: 8 }).map((ps) => ps.join(''));
const text = fc.oneof(
  { weight: 4, arbitrary: pieced },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  // Numbers written as text, as the renderers do for some cells.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('', '-', '+', '-£', '£', '='), fc.nat(), fc.constantFrom('', '.5', '%', ',000')).map((ps) => ps.join('')) },
);
const number = fc.oneof(
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  fc.double(), // NaN, ±Infinity, -0, subnormals and exponents both ways
  fc.constantFrom(0, -0, 0.1 + 0.2, -1.5, 1e21, -1e21, 1e-7, 123456789.125, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, NaN, Infinity, -Infinity),
);
const value: fc.Arbitrary<CsvValue> = fc.oneof(
  { weight: 5, arbitrary: text },
  { weight: 3, arbitrary: number },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);
const header = fc.array(text, { maxLength: 6 });
const rows = fc.array(fc.array(value, { maxLength: 7 }), { maxLength: 6 });

describe('CSV writer (csv-stringify) against the replaced writer', () => {
  it('writes the same text for generated headers and rows', async () => {
    await fc.assert(
      fc.asyncProperty(header, rows, async (h, rs) => {
        expect(await toCsv(h, rs)).toBe(oracleCsv(h, rs));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes the same text for a single cell of every kind', async () => {
    await fc.assert(
      fc.asyncProperty(value, async (v) => {
        expect(await toCsv(['x'], [[v]])).toBe(oracleCsv(['x'], [[v]]));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees on the cases that need an option beyond the defaults', async () => {
    const cells: CsvValue[] = [
      '', ' ', ' lead', 'trail ', '\tx', 'x\t', 'a\rb', '\r', 'a\nb', 'a\r\nb', '\u00a0x', 'x\u2028',
      '=1+2', '-cmd', '-1,234', '+44', 'say "hi"', 'North, East', null, true, false,
      -5, 0, -0, 2.5, -0.125, 1e21, 1e-7, NaN, Infinity, -Infinity,
    ];
    for (const cell of cells) expect(await toCsv(['h'], [[cell]]), JSON.stringify(cell)).toBe(oracleCsv(['h'], [[cell]]));
    // No rows, an empty row, a row of one empty cell.
    for (const rs of [[], [[]], [['']], [[], ['a'], []]] as CsvValue[][][]) expect(await toCsv(['a', 'b'], rs)).toBe(oracleCsv(['a', 'b'], rs));
    expect(await toCsv([], [])).toBe('\n');
  });
});
