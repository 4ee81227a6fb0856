import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseplan, folderWith, json } from './run.js';

function planOn(files: Record<string, string | Buffer>, extra: string[] = []) {
  const dir = folderWith(files);
  const args = ['plan', '--target', '19', '--as-of', '2026-09-30', '--cases', '100', '--staff', join(dir, 'staff.csv')];
  if (files['referrals.csv'] !== undefined) args.push('--referrals', join(dir, 'referrals.csv'));
  if (files['config.json'] !== undefined) args.push('--config', join(dir, 'config.json'));
  return { run: caseplan([...args, ...extra]), dir };
}

describe('bad staff files: exit 3, every problem as FILE:LINE:COLUMN (header): message', () => {
  const { run, dir } = planOn({
    'staff.csv': [
      'Staff ID,Role,FTE,Qualified Date,Caseload,Contract,Name',
      'A1,social worker,1.5,2020-01-01,10,permanent,Ann Smith',
      'A2,Chief,1,2020-13-01,x,temp,Bob Jones',
      'A1,social_worker,0.5,2019-01-01,3,,Cy Brown',
      'A3,social_worker,1,2019-01-01,4',
    ].join('\r\n'),
  });
  const file = join(dir, 'staff.csv');
  const lines = run.stderr.trim().split('\n');

  it('exits 3 and writes nothing to stdout', () => {
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
  });

  it('reports each bad cell with its line, column, header, the value seen and what was expected', () => {
    expect(lines).toContain(`${file}:2:3 (FTE): "1.5" is not in (0, 1]: an FTE above 0 and at most 1`);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${file}:3:2 \\(Role\\): "Chief" is not one of social_worker, senior_practitioner, team_manager, other`)));
    expect(lines).toContain(`${file}:3:4 (Qualified Date): "2020-13-01" is not a real date (2020-13-01 does not exist)`);
    expect(lines).toContain(`${file}:3:5 (Caseload): "x" is not a whole number >= 0`);
    expect(lines).toContain(`${file}:3:6 (Contract): "temp" is not permanent or agency; map your own contract types with contract_aliases in the config`);
    expect(lines).toContain(`${file}:4:1 (Staff ID): duplicate staff_id "A1" (first seen on line 2)`);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${file}:5: this row has 5 fields but the header has 7`)));
    expect(lines.at(-1)).toBe('caseplan: 7 problems in the input; nothing was calculated');
  });

  it('never shows a person\'s name', () => {
    expect(run.stderr).not.toMatch(/Ann|Bob|Cy Brown/);
  });
});

describe('file-level problems', () => {
  it('names a missing required column, the columns found and the nearest match', () => {
    const { run } = planOn({ 'staff.csv': 'Staff No,Role\n1,social_worker\n' });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/:1: missing required column "staff_id" \(columns found: Staff No, Role\); did you mean "Staff No"\?/);
  });

  it('refuses an empty file and a header-only file', () => {
    expect(planOn({ 'staff.csv': '' }).run.stderr).toMatch(/staff\.csv: the file is empty/);
    expect(planOn({ 'staff.csv': 'staff_id,role\n\n' }).run.stderr).toMatch(/staff\.csv: the file has a header row but no data rows/);
  });

  it('refuses a binary file', () => {
    const { run } = planOn({ 'staff.csv': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]) });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/binary file/);
  });

  it('reports a file that cannot be read', () => {
    const run = caseplan(['plan', '--target', '19', '--staff', 'no/such/file.csv', '--cases', '1']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^no\/such\/file\.csv: cannot read the file: no such file/m);
  });

  it('caps the list at 20 problems per file and counts the rest', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `S${i},social_worker,2,2020-01-01`);
    const { run } = planOn({ 'staff.csv': ['staff_id,role,fte,qualified_date', ...rows].join('\n') });
    const lines = run.stderr.trim().split('\n');
    expect(lines.filter((l) => l.includes('(fte)'))).toHaveLength(20);
    expect(run.stderr).toMatch(/\.\.\. and 10 more problems/);
    expect(lines.at(-1)).toBe('caseplan: 30 problems in the input; nothing was calculated');
  });

  it('reports problems in the staff and the referrals file in one run', () => {
    const { run } = planOn({
      'staff.csv': 'staff_id,role,qualified_date\n1,social_worker,2020-02-30\n',
      'referrals.csv': 'referral_id,received_date,outcome,closed_date\nR1,2026-01-05,maybe,\nR2,2026-02-01,case,2026-01-01\nR2,2026-02-01,case,\n',
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/staff\.csv:2:3 \(qualified_date\): "2020-02-30" is not a real date/);
    expect(run.stderr).toMatch(/referrals\.csv:2:3 \(outcome\): "maybe" is not case or nfa/);
    expect(run.stderr).toMatch(/referrals\.csv:3:4 \(closed_date\): "2026-01-01" is before received_date "2026-02-01"/);
    expect(run.stderr).toMatch(/referrals\.csv:4:1 \(referral_id\): duplicate referral_id "R2" \(first seen on line 3\)/);
  });

  it('validates the config with every problem listed, unknown keys included', () => {
    const { run } = planOn({
      'staff.csv': 'staff_id,role,qualified_date\n1,social_worker,2020-01-01\n',
      'config.json': JSON.stringify({ salaries: { experienced: 'lots' }, on_cost: 0.3 }),
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/config\.json: salaries\.experienced: .*expected number/);
    expect(run.stderr).toMatch(/config\.json: .*Unrecognized key: "on_cost"/);
  });
});

describe('tolerant reading where the meaning is certain', () => {
  it('maps a council\'s own job titles through role_aliases and headers through column_aliases', () => {
    const { run } = planOn({
      'staff.csv': 'Employee Number,Job Title,Qualified Date\n1,ASYE,2025-09-01\n2,Advanced Practitioner,2010-01-01\n3,Social Worker,2019-01-01\n',
      'config.json': JSON.stringify({ role_aliases: { ASYE: 'social_worker', 'Advanced Practitioner': 'senior_practitioner' }, column_aliases: { 'Employee Number': 'staff_id', 'Job Title': 'role' } }),
    }, ['--format', 'json']);
    const r = json(run);
    expect(r.current).toMatchObject({ case_holding_fte: 3, experienced_fte: 2, early_career_fte: 1 });
    expect(r.parameters.role_aliases).toEqual({ asye: 'social_worker', advanced_practitioner: 'senior_practitioner' });
  });
});

describe('caseplan validate', () => {
  it('summarises valid files', () => {
    const run = caseplan(['validate', '--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv', '--as-of', '2026-09-30', '--format', 'json']);
    const r = json(run);
    expect(r.valid).toBe(true);
    expect(r.staff.rows).toBeGreaterThan(200);
    expect(r.referrals.rows).toBeGreaterThan(5000);
    const plan = json(caseplan(['plan', '--target', '19', '--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv', '--as-of', '2026-09-30', '--format', 'json']));
    expect(r.staff.case_holding_fte).toBe(plan.current.case_holding_fte);
    expect(r.referrals.open_cases).toBe(plan.current.open_cases);
  });

  it('lists every problem and exits 3', () => {
    const dir = folderWith({ 'staff.csv': 'staff_id,role,fte\n1,social_worker,0\n2,nurse,1\n' });
    const run = caseplan(['validate', '--staff', join(dir, 'staff.csv')]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/:2:3 \(fte\): "0" is not in \(0, 1\]/);
    expect(run.stderr).toMatch(/:3:2 \(role\): "nurse" is not one of/);
  });
});
