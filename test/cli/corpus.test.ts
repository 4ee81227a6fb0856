// Real-world awkward exports, one test per file in test/corpus, asserting the exact result or the exact messages.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FLAT_ON_COSTS, caseplan, folderWith, json } from './run.js';

const plan = (file: string, extra: string[] = []) =>
  // A flat 30% on-costs unless the case brings its own config: the figures were worked out with it.
  caseplan(['plan', '--target', '19', '--as-of', '2026-09-30', '--staff', `test/corpus/${file}`, '--format', 'json', ...(extra.includes('--config') ? [] : FLAT_ON_COSTS), ...extra]);

describe('awkward files that must be read', () => {
  it('excel-uk-bom-crlf.csv: BOM, CRLF, title-case headers and roles, DD/MM/YYYY, £ with separators, FTE as %', () => {
    const run = plan('excel-uk-bom-crlf.csv');
    expect(run.stderr).toBe('');
    const r = json(run);
    expect(r.current).toMatchObject({ case_holding_fte: 2.8, experienced_fte: 2, early_career_fte: 0.8, team_manager_fte: 1, agency_fte: 1, open_cases: 50 });
    // 39,438 x 1.3 + 32,251 x 0.8 x 1.3 + 39,438 x 1.3 x 1.33 (agency, config salary) + 47,775 x 1.3.
    expect(r.current.paybill).toBe(215106.24);
  });

  it('windows-1252.csv: read as Windows-1252 with a warning naming the file; £ read correctly', () => {
    const run = plan('windows-1252.csv');
    expect(run.stderr).toMatch(/^caseplan: warning: test\/corpus\/windows-1252\.csv: not valid UTF-8; read as Windows-1252/);
    const r = json(run);
    // £40,000 x 1.3 + £30,000 x 0.5 x 1.3.
    expect(r.current).toMatchObject({ case_holding_fte: 1.5, paybill: 71500 });
  });

  it('excel-unicode-text-utf16le.txt: Excel\'s "Unicode text" (UTF-16 LE with a BOM, tab-delimited, CRLF) read without a warning; £, ’ and an emoji read right', () => {
    const run = plan('excel-unicode-text-utf16le.txt');
    expect(run.stderr).toBe('');
    // £39,438 x 1.3 + £32,251 x 0.6 x 1.3 + 47,775 x 1.3 (team manager, config salary).
    expect(json(run).current).toMatchObject({ case_holding_fte: 1.6, experienced_fte: 1, early_career_fte: 0.6, team_manager_fte: 1, open_cases: 27, paybill: 138532.68 });
    const byTeam = caseplan(['plan', '--target', '19', '--as-of', '2026-09-30', '--staff', 'test/corpus/excel-unicode-text-utf16le.txt', '--by', 'team', '--format', 'csv', ...FLAT_ON_COSTS]);
    expect(byTeam.stdout.split('\n')[1]).toBe('Children’s Services North,1.6,1,0.6,1,27,16.875,0,0,0,0,0,');
  });

  it('utf16be-bom.csv: UTF-16 BE with a BOM, comma-delimited, a quoted comma and accented team names', () => {
    const run = caseplan(['plan', '--target', '19', '--as-of', '2026-09-30', '--staff', 'test/corpus/utf16be-bom.csv', '--by', 'team', '--format', 'csv', ...FLAT_ON_COSTS]);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n').slice(1, 4)).toEqual([
      'Fostering — Sud (Équipe 2),1,0,1,0,10,10,0,0,1,62107.5,6000,',
      '"Fostering, Nord-Est",1,1,0,0,20,20,0,1,1,104033.8,12000,',
      'total,2,1,1,0,30,15,0,1,2,166141.3,18000,',
    ]);
  });

  it('semicolon.csv: semicolon delimiter detected, quoted semicolons kept in their field', () => {
    expect(json(plan('semicolon.csv')).current).toMatchObject({ case_holding_fte: 1.6, experienced_fte: 1, open_cases: 27 });
  });

  it('tab.tsv: tab delimiter detected', () => {
    expect(json(plan('tab.tsv')).current).toMatchObject({ case_holding_fte: 2, experienced_fte: 1, open_cases: 29 });
  });

  it('--delimiter overrides detection', () => {
    const run = plan('semicolon.csv', ['--delimiter', 'comma']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('semicolon.csv:1: the header was read as a single column with the comma delimiter, but it contains semicolon: check --delimiter');
  });

  it('cr-only.csv: CR line endings, spaces around values, an all-empty row and trailing blank lines', () => {
    expect(json(plan('cr-only.csv')).current).toMatchObject({ case_holding_fte: 2, experienced_fte: 1, open_cases: 29 });
  });

  it('title-rows.csv: an Excel report title, a date line and a blank row above the header are skipped with a warning naming them', () => {
    const run = plan('title-rows.csv');
    expect(run.stderr).toBe('caseplan: warning: test/corpus/title-rows.csv: lines 1-3 are above the header row (line 4) and were skipped as a title\n');
    const r = json(run);
    expect(r.inputs.staff.rows).toBe(3);
    expect(r.current).toMatchObject({ case_holding_fte: 1.6, experienced_fte: 1, early_career_fte: 0.6, team_manager_fte: 1, open_cases: 27, paybill: 138532.68 });
  });

  it('establishment-report.tsv: title lines with commas above a tab-delimited header that needs column_aliases, and a "Grand Total" row at the end', () => {
    const dir = folderWith({ 'config.json': JSON.stringify({ on_cost_rate: 0.3, column_aliases: { 'Employee Number': 'staff_id', 'Job Title': 'role' } }) });
    const run = plan('establishment-report.tsv', ['--config', join(dir, 'config.json')]);
    expect(run.stderr).toBe(
      'caseplan: warning: test/corpus/establishment-report.tsv: lines 1-3 are above the header row (line 4) and were skipped as a title\n' +
        'caseplan: warning: test/corpus/establishment-report.tsv:7: a total row at the end of the file ("Grand Total") was skipped\n',
    );
    const r = json(run);
    expect(r.inputs.staff.rows).toBe(2);
    // 39,438 x 1.3 + 32,251 x 0.8 x 1.3.
    expect(r.current).toMatchObject({ case_holding_fte: 1.8, experienced_fte: 1, early_career_fte: 0.8, open_cases: 30, paybill: 84810.44 });
  });

  it('total-row.csv: a last row with no staff_id and only numbers (the sums) is skipped with a warning, blank lines after it or not', () => {
    const run = plan('total-row.csv');
    expect(run.stderr).toBe('caseplan: warning: test/corpus/total-row.csv:5: a total row at the end of the file (no staff_id, only numbers) was skipped\n');
    const r = json(run);
    expect(r.inputs.staff.rows).toBe(3);
    expect(r.current).toMatchObject({ case_holding_fte: 1.5, experienced_fte: 1, early_career_fte: 0.5, team_manager_fte: 1, open_cases: 26 });
  });

  it('mixed-dates.csv: every documented date style, day first; 30-Sep-23 is three years to the day', () => {
    expect(json(plan('mixed-dates.csv')).current).toMatchObject({ case_holding_fte: 10, experienced_fte: 10 });
    const later = json(caseplan(['plan', '--target', '19', '--as-of', '2026-09-29', '--staff', 'test/corpus/mixed-dates.csv', '--format', 'json']));
    expect(later.current.experienced_fte).toBe(9);
  });
});

describe('awkward files that must be refused with exact messages (exit 3)', () => {
  const refused = (file: string) => {
    const run = plan(file);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    return run.stderr.trim().split('\n');
  };

  it('multiline-notes.csv: line numbers are physical lines after quoted line breaks', () => {
    expect(refused('multiline-notes.csv')).toEqual([
      'test/corpus/multiline-notes.csv:5:3 (qualified_date): "2015-13-01" is not a real date (2015-13-01 does not exist)',
      'test/corpus/multiline-notes.csv:6:4 (caseload): "ten" is not a whole number >= 0',
      'test/corpus/multiline-notes.csv:8:3 (qualified_date): "31/02/2020" is not a real date, day first (31/02/2020 does not exist)',
      'caseplan: 3 problems in the input; nothing was calculated',
    ]);
  });

  it('ragged.csv: short and long rows and a duplicate id', () => {
    expect(refused('ragged.csv')).toEqual([
      'test/corpus/ragged.csv:3: this row has 3 fields but the header has 4; check for a missing or extra ",", or an unquoted value containing one',
      'test/corpus/ragged.csv:4: this row has 5 fields but the header has 4; check for a missing or extra ",", or an unquoted value containing one',
      'test/corpus/ragged.csv:5:1 (staff_id): duplicate staff_id "R1" (first seen on line 2)',
      'caseplan: 3 problems in the input; nothing was calculated',
    ]);
  });

  it('blank-id-mid-file.csv: a row with no staff_id in the middle is still an error; only the total row at the end is skipped', () => {
    const run = plan('blank-id-mid-file.csv');
    expect(run.code).toBe(3);
    expect(run.stderr.trim().split('\n')).toEqual([
      'caseplan: warning: test/corpus/blank-id-mid-file.csv:5: a total row at the end of the file ("Total") was skipped',
      'test/corpus/blank-id-mid-file.csv:3:1 (staff_id): staff_id is empty: every row needs an id',
      'test/corpus/blank-id-mid-file.csv:3:2 (role): role is empty: expected one of social_worker, senior_practitioner, team_manager, other',
      'caseplan: 2 problems in the input; nothing was calculated',
    ]);
  });

  it('establishment-report.tsv without its column_aliases: no row in the first 20 has staff_id and role, so the first non-blank row is reported as the header, pointing at the row that looks like one', () => {
    const looks = "; line 4 looks like the header row (Employee Number, Job Title, FTE, Qualified Date, Caseload, Team): map its headers to caseplan's columns with column_aliases in the config";
    expect(refused('establishment-report.tsv')).toEqual([
      `test/corpus/establishment-report.tsv:1: missing required column "staff_id" (columns found: Establishment Report, Children's Services)${looks}`,
      `test/corpus/establishment-report.tsv:1: missing required column "role" (columns found: Establishment Report, Children's Services)${looks}`,
      'caseplan: 2 problems in the input; nothing was calculated',
    ]);
  });

  it('duplicate-header.csv', () => {
    expect(refused('duplicate-header.csv')).toEqual([
      'test/corpus/duplicate-header.csv:1:3 (Role): duplicate column: "role" is also column 2 (role)',
      'caseplan: 1 problem in the input; nothing was calculated',
    ]);
  });

  it('binary.csv: a spreadsheet saved under a .csv name', () => {
    expect(refused('binary.csv')[0]).toBe(
      'test/corpus/binary.csv: this looks like a binary file (it contains NUL bytes), not a CSV text file; save it from the spreadsheet as CSV',
    );
  });

  it('empty.csv and header-only.csv', () => {
    expect(refused('empty.csv')[0]).toBe('test/corpus/empty.csv: the file is empty: expected a header row and at least one data row');
    expect(refused('header-only.csv')[0]).toBe('test/corpus/header-only.csv: the file has a header row but no data rows');
  });

  it('unclosed-quote.csv: names the line and column where the quote opened, once (no second message about the row width)', () => {
    expect(refused('unclosed-quote.csv')).toEqual([
      'test/corpus/unclosed-quote.csv:3:2 (role): a quoted value is never closed (missing ")',
      'caseplan: 1 problem in the input; nothing was calculated',
    ]);
  });
});
