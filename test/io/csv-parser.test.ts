import { describe, expect, it } from 'vitest';
import { createCsvParser, type CsvRecord, type CsvSyntaxProblem } from '../../src/io/csv-parser.js';

function parse(text: string | string[], delimiter = ',') {
  const records: CsvRecord[] = [];
  const problems: CsvSyntaxProblem[] = [];
  const parser = createCsvParser(delimiter, (r) => records.push(r), (p) => problems.push(p));
  for (const chunk of Array.isArray(text) ? text : [text]) parser.push(chunk);
  parser.end();
  return { rows: records.map((r) => [r.line, ...r.fields]), problems };
}

describe('CSV parsing with physical line numbers', () => {
  it('gives each record the line it starts on, with LF, CRLF or CR endings', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      expect(parse(`a,b${eol}1,2${eol}${eol}3,4${eol}`).rows).toEqual([
        [1, 'a', 'b'],
        [2, '1', '2'],
        [3, ''],
        [4, '3', '4'],
      ]);
    }
  });

  it('counts a line break inside quotes once, CRLF included, so later lines stay right', () => {
    const { rows } = parse('id,note\r\n1,"two\r\nlines"\r\n2,"x"\r\n');
    expect(rows).toEqual([
      [1, 'id', 'note'],
      [2, '1', 'two\r\nlines'],
      [4, '2', 'x'],
    ]);
  });

  it('reads doubled quotes, delimiters inside quotes, and a last line without a line break', () => {
    expect(parse('a,b\n"say ""hi""","1,2"\nx,y').rows).toEqual([
      [1, 'a', 'b'],
      [2, 'say "hi"', '1,2'],
      [3, 'x', 'y'],
    ]);
  });

  it('gives the same result however the input is split into chunks', () => {
    const text = 'a;b\r\n"q;\r\nr";2\r\n3;"4"""\r\n';
    const whole = parse(text, ';').rows;
    for (let cut = 1; cut < text.length; cut++) {
      expect(parse([text.slice(0, cut), text.slice(cut)], ';').rows).toEqual(whole);
    }
  });

  it('reads an empty line that starts a chunk as an empty record, not as the start of the next line', () => {
    // Found by the table's two-path property test: with no CR in the chunk, the LF at index 0 was
    // taken for the end of a CRLF at index -1, and the record became "\nz".
    expect(parse(['a', 'b\n', '\nz\n']).rows).toEqual([
      [1, 'ab'],
      [2, ''],
      [3, 'z'],
    ]);
  });

  it('reports an unclosed quote at the line where the value started', () => {
    const { problems } = parse('a,b\n1,"open\n2,3\n');
    expect(problems).toEqual([{ line: 2, column: 2, message: expect.stringMatching(/never closed/) }]);
  });

  it('reports text after a closing quote but keeps reading', () => {
    const { rows, problems } = parse('a,b\n"x"y,2\n3,4\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, column: 1 });
    expect(rows[2]).toEqual([3, '3', '4']);
  });
});
