import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/io/render/csv.js';
import { neutraliseFormula, renderMarkdown } from '../../src/io/render/document.js';

describe('spreadsheet formula neutralisation (OWASP rule)', () => {
  it('prefixes text cells starting with = + - @ tab or CR with an apostrophe', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+SUM(A1)', '-cmd', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    }
  });

  it('leaves ordinary text and numbers written as text alone', () => {
    for (const text of ['Child Protection', '-1,234', '-£5.00', '+44', '12%', '']) expect(neutraliseFormula(text)).toBe(text);
  });

  it('neutralises CSV text cells, quotes where needed, and leaves numbers as numbers', async () => {
    expect(await toCsv(['team', 'cases'], [['=1+2', -5], ['North, East', 3], ['say "hi"', null]])).toBe(
      `team,cases\n'=1+2,-5\n"North, East",3\n"say ""hi""",\n`,
    );
  });

  it('neutralises markdown table cells and escapes pipes', () => {
    const md = renderMarkdown([{ kind: 'table', head: ['team'], align: ['left'], rows: [['=cmd|x']] }]);
    expect(md).toContain("| '=cmd\\|x |");
  });
});
