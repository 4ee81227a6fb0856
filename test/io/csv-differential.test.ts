// caseplan's own CSV parser against csv-parse, on generated CSV text: the same records, and the
// physical line each record starts on, counted here independently of both parsers.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvParser, type CsvRecord, type CsvSyntaxProblem } from '../../src/io/csv-parser.js';
import { createDecoder } from '../../src/io/source.js';

interface Field {
  quoted: boolean;
  value: string;
}

const DELIMITERS = [',', ';', '\t', '|'];

/** Unquoted text: no quote at the start, no line break, no delimiter (removed when written). */
const plainChar = fc.constantFrom('a', 'Z', '0', '7', ' ', '-', '.', '£', 'é', '’', '\u00a0', ',', ';', '\t', '|', '"', '😀');
/** Quoted text may hold anything: quotes (doubled when written), delimiters, CR, LF and CRLF. */
const quotedChar = fc.constantFrom('a', 'Z', '0', ' ', '"', ',', ';', '\t', '|', '\n', '\r', '\r\n', '£', '😀');

const field: fc.Arbitrary<Field> = fc.oneof(
  fc.array(plainChar, { maxLength: 6 }).map((cs) => ({ quoted: false, value: cs.join('') })),
  fc.array(quotedChar, { maxLength: 6 }).map((cs) => ({ quoted: true, value: cs.join('') })),
);
const record = fc.tuple(fc.array(field, { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n', '\r'));

/** Writes the records as CSV; returns the text and the offset where each record starts. */
function write(records: [Field[], string][], delimiter: string, finalBreak: boolean) {
  let text = '';
  const offsets: number[] = [];
  const rows = records.map(([fields]) =>
    fields
      .map((f) => {
        if (f.quoted) return `"${f.value.replace(/"/g, '""')}"`;
        // An unquoted value cannot hold the delimiter or start with a quote.
        return f.value.split(delimiter).join('').replace(/^"+/, '');
      })
      .join(delimiter),
  );
  const eols = records.map(([, eol], k) => (k < records.length - 1 || finalBreak ? eol : ''));
  // A CR, an empty line and that line's LF would make one CRLF: one line break, not two. Decided
  // from the end, as each change can make the line break before it start with an LF.
  for (let k = rows.length - 2; k >= 0; k--) if (eols[k] === '\r' && rows[k + 1] === '' && eols[k + 1]!.startsWith('\n')) eols[k] = '\n';
  rows.forEach((row, k) => {
    offsets.push(text.length);
    text += row + eols[k];
  });
  return { text, offsets, values: records.map(([fields]) => fields) };
}

/** The physical line of `offset`: 1 + the line breaks before it, a CRLF counted once. */
function lineAt(text: string, offset: number): number {
  return 1 + (text.slice(0, offset).match(/\r\n|\r|\n/g)?.length ?? 0);
}

/** caseplan's reading: bytes through the decoder (BOM stripped) in chunks, then the parser. */
function caseplanRecords(bytes: Buffer, delimiter: string, byteChunk: number, plainLines: boolean) {
  const records: CsvRecord[] = [];
  const problems: CsvSyntaxProblem[] = [];
  const plain = (text: string, start: number, end: number, line: number) =>
    records.push({ fields: text.slice(start, end).split(delimiter), line, quoted: [] });
  const parser = createCsvParser(delimiter, (r) => records.push(r), (p) => problems.push(p), plainLines ? plain : undefined);
  const decoder = createDecoder('generated.csv', []);
  for (let i = 0; i < bytes.length; i += byteChunk) parser.push(decoder.decode(bytes.subarray(i, i + byteChunk), false));
  parser.push(decoder.decode(Buffer.alloc(0), true));
  parser.end();
  return { records, problems };
}

describe('caseplan parser against csv-parse on generated CSV', () => {
  it('gives the same records as csv-parse and the right physical line for each, with a BOM or not, in any chunks, on either path', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DELIMITERS),
        fc.array(record, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        fc.boolean(),
        (delimiter, records, finalBreak, bom, byteChunk, plainLines) => {
          const { text, offsets } = write(records, delimiter, finalBreak);
          const bytes = Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]);
          const theirs: string[][] = parse(bytes, {
            delimiter,
            record_delimiter: ['\r\n', '\n', '\r'],
            relax_column_count: true,
            relax_quotes: true,
            skip_empty_lines: false,
            bom: true,
          });
          const ours = caseplanRecords(bytes, delimiter, byteChunk, plainLines);
          expect(ours.problems).toEqual([]);
          expect(ours.records.map((r) => r.fields)).toEqual(theirs);
          expect(ours.records.map((r) => r.line)).toEqual(offsets.slice(0, ours.records.length).map((o) => lineAt(text, o)));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
