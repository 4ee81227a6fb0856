// Issue 11, "A workbook for finance officers": --format xlsx and report --xlsx write the report's
// tables as sheets; read back, every cell equals the JSON output.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { readWorkbook } from '../../src/io/render/xlsx.js';
import { caseplan, FLAT_ON_COSTS, folderWith, json, ROOT } from './run.js';

const COUNCIL = ['--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv', '--as-of', '2026-09-30', '-q', ...FLAT_ON_COSTS];
const FIVE_YEARS = ['plan', '--target', '19', '--mix', '50%', '--mix-by', '3', '--years', '5', '--pay-award', '3%', ...COUNCIL];
const dir = folderWith({});

async function sheetsOf(args: string[], file: string) {
  const run = caseplan([...args, '--format', 'xlsx', '--output', join(dir, file)]);
  expect(run.code, run.stderr).toBe(0);
  const sheets = await readWorkbook(readFileSync(join(dir, file)));
  return Object.fromEntries(sheets.map((s) => [s.name, s.rows]));
}

const pence = (x: unknown) => Math.round((x as number) * 100);

describe('--format xlsx: a plan with a projection', async () => {
  const sheets = await sheetsOf(FIVE_YEARS, 'plan.xlsx');
  const result = json(caseplan([...FIVE_YEARS, '--format', 'json']));

  it('has a sheet per table: Summary, Cost by group, Years, Paybill by group, Assumptions and sources', () => {
    expect(Object.keys(sheets)).toEqual(['Summary', 'Cost by group', 'Years', 'Paybill by group', 'Assumptions and sources']);
  });

  it('Years: every cell of every year equals the JSON projection, and the totals row its totals', () => {
    const [header, ...rows] = sheets.Years!;
    expect(header![0]).toBe('Year');
    for (const [year, y] of result.projection.entries()) {
      const row = rows[year]!;
      expect(row[0]).toBe(y.year);
      expect(row[1]).toBe(y.date);
      expect(row[2]).toBeCloseTo(y.open_cases, 9);
      expect(row[3]).toBeCloseTo(y.case_holding_fte, 9);
      expect(row[6]).toBeCloseTo(y.experienced_share, 12);
      expect(row.slice(10, 13)).toEqual([y.hires_experienced, y.hires_early_career, y.hires_team_manager]);
      expect(row.slice(13, 17).map(pence)).toEqual([y.paybill, y.recruitment_cost, y.baseline_cost, y.additional_cost].map(pence));
    }
    const total = rows[result.projection.length]!;
    expect(total[0]).toBe('Total');
    expect(total.slice(13, 17).map(pence)).toEqual([result.totals.paybill, result.totals.recruitment_cost, result.totals.baseline_cost, result.totals.additional_cost].map(pence));
  });

  it('Cost by group equals the JSON cost by group, with its total', () => {
    const [, ...rows] = sheets['Cost by group']!;
    for (const [i, group] of ['experienced', 'early_career', 'team_manager'].entries()) {
      const g = result.cost.by_group[group];
      expect(rows[i]![0]).toBe(group);
      expect(rows[i]![2]).toBe(g.hires);
      expect(pence(rows[i]![5])).toBe(pence(g.annual));
      expect(pence(rows[i]![6])).toBe(pence(g.one_off));
    }
    expect(pence(rows[3]![5])).toBe(pence(result.cost.annual));
  });

  it('Paybill by group equals the JSON paybill of each group and year', () => {
    const [, ...rows] = sheets['Paybill by group']!;
    for (const [year, groups] of result.projection_by_group.entries()) {
      expect(rows[year]!.slice(2, 5).map(pence)).toEqual([groups.experienced.paybill, groups.early_career.paybill, groups.team_manager.paybill].map(pence));
    }
  });

  it('Summary has the workforce now and after hires, and the headline', () => {
    const rows = sheets.Summary!;
    expect(rows[1]).toEqual(['Case-holding FTE', result.current.case_holding_fte, result.after.case_holding_fte]);
    expect(rows.flat()).toContain('Hire 0 experienced and 13 early-career social workers and 4 team managers: £793,471.90 a year, plus £102,000.00 one-off.');
  });

  it('Assumptions and sources has each assumption with its source', () => {
    const rows = sheets['Assumptions and sources']!;
    expect(rows).toContainEqual(['turnover', result.rates.turnover.value, 'derived', result.rates.turnover.note]);
  });
});

describe('--format xlsx for compare and --by team', async () => {
  it('compare: the Scenarios sheet equals the JSON scenarios', async () => {
    const args = ['compare', '--target', '17,19', '--mix', '40%,100%', ...COUNCIL];
    const sheets = await sheetsOf(args, 'compare.xlsx');
    const result = json(caseplan([...args, '--format', 'json']));
    const [, ...rows] = sheets.Scenarios!;
    expect(rows.slice(0, 4).map((r) => [r[0], r[1], r[2], r[3], r[8]])).toEqual(
      result.scenarios.map((s: any) => [s.target, s.mix, s.hires_experienced, s.hires_early_career, s.feasible]),
    );
  });

  it('--by team: the Teams sheet has each team and the sum of the team plans as SUM totals', async () => {
    const args = ['plan', '--target', '19', '--by', 'team', ...COUNCIL];
    const sheets = await sheetsOf(args, 'teams.xlsx');
    const result = json(caseplan([...args, '--format', 'json']));
    const rows = sheets.Teams!;
    expect(rows.slice(1, 9).map((r) => r[0])).toEqual(result.teams.map((t: any) => t.team));
    expect(rows[9]![0]).toBe('Total');
    expect(pence(rows[9]![10])).toBe(pence(result.total.annual_cost));
  });
});

describe('where a workbook goes', () => {
  it('report --xlsx writes the same workbook as plan --format xlsx', () => {
    const report = caseplan(['report', '--xlsx', join(dir, 'report.xlsx'), ...FIVE_YEARS.slice(1)]);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain(`caseplan: report written to ${join(dir, 'report.xlsx')}, years 0 to 5`);
    caseplan([...FIVE_YEARS, '--format', 'xlsx', '--output', join(dir, 'same.xlsx')]);
    expect(readFileSync(join(dir, 'report.xlsx')).equals(readFileSync(join(dir, 'same.xlsx')))).toBe(true);
  });

  it('writes the same bytes to a pipe as to a file (the as-of date is the created date)', () => {
    const piped = spawnSync(process.execPath, [join(ROOT, 'bin/caseplan.js'), ...FIVE_YEARS, '--format', 'xlsx'], { cwd: ROOT });
    expect(piped.status).toBe(0);
    expect(Buffer.from(piped.stdout).equals(readFileSync(join(dir, 'same.xlsx')))).toBe(true);
  });

  it('refuses to print a workbook on a terminal (exit 2)', async () => {
    const sink = () => Object.assign(new Writable({ write: (_c, _e, done) => done() }), { isTTY: true, columns: 100 });
    const stderr: string[] = [];
    const err = Object.assign(new Writable({ write: (c, _e, done) => (stderr.push(String(c)), done()) }), { isTTY: false });
    const code = await main(['node', 'caseplan', ...FIVE_YEARS, '--format', 'xlsx'], { stdout: sink(), stderr: err, env: {} });
    expect(code).toBe(2);
    expect(stderr.join('')).toContain('--format xlsx writes a workbook, not text for a terminal: add --output plan.xlsx');
  });
});
