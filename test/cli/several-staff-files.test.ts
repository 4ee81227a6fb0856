// Issue 10: an agency supplier's list is often a separate file; `--staff` may be given more than once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseplan, folderWith, json } from './run.js';

const [header, ...rows] = readFileSync('fixtures/staff.csv', 'utf8').trim().split('\n');
const dir = folderWith({
  'hr.csv': [header, ...rows.filter((r) => !r.includes(',agency,'))].join('\n') + '\n',
  'agency.csv': [header, ...rows.filter((r) => r.includes(',agency,'))].join('\n') + '\n',
});
const REFERRALS = ['--referrals', 'fixtures/referrals.csv', '--as-of', '2026-09-30', '--format', 'json'];

describe('several staff files', () => {
  it('reads an HR list and an agency list as one staff list: the same plan as the single file', () => {
    const split = json(caseplan(['plan', '--target', '19', '--years', '3', '--staff', join(dir, 'hr.csv'), '--staff', join(dir, 'agency.csv'), ...REFERRALS]));
    const whole = json(caseplan(['plan', '--target', '19', '--years', '3', '--staff', 'fixtures/staff.csv', ...REFERRALS]));
    for (const section of ['current', 'hires', 'cost', 'projection', 'totals']) expect(split[section], section).toEqual(whole[section]);
    expect(split.rates.turnover.value).toBe(whole.rates.turnover.value);
  });

  it('refuses a staff_id found in two files, naming both, with the line in each', () => {
    const run = caseplan(['plan', '--target', '19', '--staff', join(dir, 'agency.csv'), '--staff', 'fixtures/staff.csv', ...REFERRALS]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`fixtures/staff.csv:2:1 (staff_id): staff_id "E00001" is also in ${join(dir, 'agency.csv')} (line 2): ids must be unique across the staff files`);
    expect(run.stderr).toContain('caseplan: 38 problems in the input');
  });

  it('names its own file in each problem', () => {
    const bad = folderWith({ 'a.csv': 'staff_id,role,fte,qualified_date\nA,social_worker,2,2010-01-01\n', 'b.csv': 'staff_id,role,fte,qualified_date\nB,chief,1,2010-01-01\n' });
    const run = caseplan(['plan', '--target', '19', '--cases', '10', '--staff', join(bad, 'a.csv'), '--staff', join(bad, 'b.csv')]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${join(bad, 'a.csv')}:2:3 (fte):`);
    expect(run.stderr).toContain(`${join(bad, 'b.csv')}:2:2 (role):`);
  });
});

describe('--as-of takes the date styles of the files', () => {
  it('plans the same at 30/09/2026, 30 September 2026 and 2026-09-30', () => {
    const plans = ['2026-09-30', '30/09/2026', '30 September 2026'].map((d) =>
      json(caseplan(['plan', '--target', '19', '--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv', '--as-of', d, '--format', 'json'])));
    expect(plans[1].as_of).toBe('2026-09-30');
    expect(plans[2]).toEqual(plans[0]);
  });

  it('refuses an impossible date and a bare number, saying what it expected', () => {
    const impossible = caseplan(['plan', '--target', '19', '--staff', 'fixtures/staff.csv', '--cases', '9', '--as-of', '31/02/2026']);
    expect(impossible.code).toBe(2);
    expect(impossible.stderr).toContain('31/02/2026 does not exist');
    const serial = caseplan(['plan', '--target', '19', '--staff', 'fixtures/staff.csv', '--cases', '9', '--as-of', '45000']);
    expect(serial.code).toBe(2);
    expect(serial.stderr).toContain('expected a date such as 2026-09-30 or 30/09/2026, got "45000"');
  });
});
