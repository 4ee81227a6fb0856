// Issue 10, "Output a finance officer can use as it is": a byte-order mark for Excel, every table of
// the projection as CSV, the assumptions as a table, no needless warnings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { caseplan, folderWith, json } from './run.js';

const COUNCIL = ['--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv', '--as-of', '2026-09-30', '-q'];
const FIVE_YEARS = ['plan', '--target', '19', '--mix', '50%', '--mix-by', '3', '--years', '5', '--pay-award', '3%', ...COUNCIL];
const BOM = '\uFEFF';

describe('a byte-order mark on CSV written to a file', () => {
  const dir = folderWith({});

  it('starts a CSV file written with --output with a UTF-8 byte-order mark, and stdout without one', () => {
    const file = join(dir, 'plan.csv');
    expect(caseplan(['plan', '--target', '19', ...COUNCIL, '--format', 'csv', '--output', file]).code).toBe(0);
    const written = readFileSync(file, 'utf8');
    expect(written.startsWith(`${BOM}group,current_fte`)).toBe(true);
    const stdout = caseplan(['plan', '--target', '19', ...COUNCIL, '--format', 'csv']).stdout;
    expect(stdout.startsWith('group,current_fte')).toBe(true);
    expect(written).toBe(BOM + stdout);
  });

  it('puts one on stdout with --bom, and leaves it out of a file with --no-bom', () => {
    expect(caseplan(['plan', '--target', '19', ...COUNCIL, '--format', 'csv', '--bom']).stdout.startsWith(BOM)).toBe(true);
    const file = join(dir, 'nobom.csv');
    caseplan(['compare', '--target', '17,19', ...COUNCIL, '--format', 'csv', '--output', file, '--no-bom']);
    expect(readFileSync(file, 'utf8').startsWith('target,mix')).toBe(true);
  });

  it('writes JSON and markdown files without one', () => {
    const file = join(dir, 'plan.json');
    caseplan(['plan', '--target', '19', ...COUNCIL, '--format', 'json', '--output', file]);
    expect(readFileSync(file, 'utf8').startsWith('{')).toBe(true);
  });
});

describe('--table: every table of a projection as CSV', () => {
  const result = json(caseplan([...FIVE_YEARS, '--format', 'json']));
  const table = (name: string) => parse(caseplan([...FIVE_YEARS, '--format', 'csv', '--table', name]).stdout, { columns: true, cast: true }) as Record<string, any>[];

  it('years is the default table', () => {
    expect(caseplan([...FIVE_YEARS, '--format', 'csv']).stdout).toBe(caseplan([...FIVE_YEARS, '--format', 'csv', '--table', 'years']).stdout);
  });

  it('paybill: the paybill by group and year, each row adding up, with a total row', () => {
    const rows = table('paybill');
    expect(rows).toHaveLength(7);
    for (const [year, row] of rows.slice(0, 6).entries()) {
      const groups = result.projection_by_group[year];
      expect(row.experienced).toBe(groups.experienced.paybill);
      expect(row.early_career).toBe(groups.early_career.paybill);
      expect(row.team_manager).toBe(groups.team_manager.paybill);
      expect(row.paybill).toBe(result.projection[year].paybill);
      expect(Math.round((row.experienced + row.early_career + row.team_manager) * 100)).toBe(Math.round(row.paybill * 100));
    }
    expect(rows[6]!.year).toBe('total');
    expect(rows[6]!.paybill).toBe(result.totals.paybill);
  });

  it('groups: the year-0 cost by group', () => {
    const rows = table('groups');
    expect(rows.map((r) => r.group)).toEqual(['experienced', 'early_career', 'team_manager', 'total']);
    expect(rows[3]!.annual_cost).toBe(result.cost.annual);
  });

  it('assumptions: every assumption with its value and source, as the JSON has them', () => {
    const rows = Object.fromEntries(table('assumptions').map((r) => [r.assumption, r]));
    expect(rows.target!.value).toBe(19);
    expect(rows.mix!.value).toBe(0.5);
    expect(rows.mix_by!.value).toBe(3);
    expect(rows['salaries.experienced']).toMatchObject({ value: 39438, source: 'default' });
    expect(rows.turnover).toMatchObject({ value: result.rates.turnover.value, source: 'derived' });
    expect(rows.pay_award).toMatchObject({ value: 0.03, source: 'flag' });
  });

  it('says a salary came from the config file', () => {
    const dir = folderWith({ 'c.json': '{"salaries": {"experienced": 41000}}' });
    const rows = parse(caseplan(['plan', '--target', '19', ...COUNCIL, '--config', join(dir, 'c.json'), '--format', 'csv', '--table', 'assumptions']).stdout, { columns: true, cast: true }) as Record<string, any>[];
    expect(rows.find((r) => r.assumption === 'salaries.experienced')).toMatchObject({ value: 41000, source: 'config' });
    expect(rows.find((r) => r.assumption === 'salaries.early_career')).toMatchObject({ source: 'default' });
  });

  it('refuses --table with another format, and a projection table without --years', () => {
    const md = caseplan([...FIVE_YEARS, '--table', 'paybill', '--format', 'markdown']);
    expect(md.code).toBe(2);
    expect(md.stderr).toContain('--table cannot be written with --format markdown (it picks one table for CSV; the other formats show every table): use --format csv');
    const noYears = caseplan(['plan', '--target', '19', ...COUNCIL, '--format', 'csv', '--table', 'paybill']);
    expect(noYears.code).toBe(2);
    expect(noYears.stderr).toContain('--table paybill is a table of the projection: add --years N');
  });
});

describe('needless warnings', () => {
  it('says nothing about an empty caseload column when open cases are given with --cases', () => {
    const dir = folderWith({ 's.csv': 'staff_id,role,qualified_date,caseload\nA,social_worker,2010-01-01,\nB,social_worker,2020-01-01,\n' });
    const withCases = caseplan(['plan', '--target', '19', '--staff', join(dir, 's.csv'), '--cases', '40', '--as-of', '2026-09-30']);
    expect(withCases.code).toBe(0);
    expect(withCases.stderr).not.toContain('caseload column is empty');
    const withReferrals = caseplan(['plan', '--target', '19', '--staff', join(dir, 's.csv'), '--referrals', 'fixtures/referrals.csv', '--as-of', '2026-09-30']);
    expect(withReferrals.stderr).toContain('the caseload column is empty for every case-holding member of staff in post');
  });
});

describe('--output into a folder that does not exist', () => {
  it('says the folder is missing (exit 2)', () => {
    const run = caseplan(['plan', '--target', '19', ...COUNCIL, '--format', 'csv', '--output', '/nonexistent-folder/plan.csv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('caseplan: error: cannot write --output /nonexistent-folder/plan.csv: no such folder /nonexistent-folder');
  });
});
