// Issue 10, point 1: a config or alias that would change nothing because of a typo never passes silently.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseplan, folderWith, json } from './run.js';

const STAFF = [
  'Employee Number,Job Title,FTE,Qualified,Team Name',
  'E1,Social Worker,0.5,2010-01-01,North',
  'E2,ASYE,0.5,2025-01-01,North',
  'E3,Social Worker,1,2012-01-01,South',
].join('\n');
const GOOD_ALIASES = { 'Employee Number': 'staff_id', 'Job Title': 'role', Qualified: 'qualified_date', 'Team Name': 'team' };

function planWith(config: unknown, quiet = false) {
  const dir = folderWith({ 'staff.csv': STAFF, 'config.json': JSON.stringify(config) });
  const run = caseplan([
    'plan', '--target', '19', '--cases', '60', '--as-of', '2026-09-30', '--format', 'json',
    '--staff', join(dir, 'staff.csv'), '--config', join(dir, 'config.json'), ...(quiet ? ['-q'] : []),
  ]);
  return { run, config: join(dir, 'config.json'), staff: join(dir, 'staff.csv') };
}

describe('column aliases are checked against the columns caseplan reads and the headers of the files', () => {
  it('reads the file through correct aliases (the FTE column counts: 2.0 FTE, not 3)', () => {
    const plan = json(planWith({ column_aliases: GOOD_ALIASES, role_aliases: { ASYE: 'social_worker' } }).run);
    expect(plan.current.case_holding_fte).toBe(2);
  });

  it('refuses an alias whose target is not a column caseplan reads, with the column meant, even with -q', () => {
    const { run, config } = planWith({ column_aliases: { ...GOOD_ALIASES, FTE: 'ftee' }, role_aliases: { ASYE: 'social_worker' } }, true);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${config}: column_aliases.FTE: "ftee" is not a column caseplan reads; did you mean "fte"?`);
  });

  it('refuses an alias whose header is in none of the files it applies to, naming the header meant', () => {
    const { run, config, staff } = planWith({ column_aliases: { ...GOOD_ALIASES, 'Team Nme': 'team' }, role_aliases: { ASYE: 'social_worker' } });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${config}: column_aliases: the header "team_nme" (for team) is not in ${staff}; did you mean "Team Name"?`);
  });

  it('accepts an alias for a referrals column when no referrals file is read (it has nothing to apply to)', () => {
    const run = planWith({ column_aliases: { ...GOOD_ALIASES, 'Referral Ref': 'referral_id' }, role_aliases: { ASYE: 'social_worker' } }).run;
    expect(run.code).toBe(0);
  });

  it('refuses a role alias whose value is not a role, suggesting the role meant', () => {
    const { run, config } = planWith({ column_aliases: GOOD_ALIASES, role_aliases: { ASYE: 'socal worker' } });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${config}: role_aliases.ASYE:`);
    expect(run.stderr).toContain('(given "socal worker"); did you mean "social_worker"?');
  });

  it('reports a negative salary once, not once per failed check', () => {
    const { run, config } = planWith({ salaries: { experienced: -1 } });
    expect(run.code).toBe(3);
    expect(run.stderr.split('\n').filter((l) => l.startsWith(`${config}: salaries.experienced`))).toHaveLength(1);
    expect(run.stderr).toContain('caseplan: 1 problem in the input');
  });

  it('warns about a role alias that matches no role in the staff file', () => {
    const { run, config, staff } = planWith({ column_aliases: GOOD_ALIASES, role_aliases: { ASYE: 'social_worker', 'Senior SW': 'senior_practitioner' } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`caseplan: warning: ${config}: role_aliases: "senior_sw" matches no role in ${staff}; the alias changes nothing`);
  });
});

describe('config messages a person can act on', () => {
  it('says a rate written as a percentage number looks like one', () => {
    const { run, config } = planWith({ on_cost_rate: 30 });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${config}: on_cost_rate: Too big: expected number to be <=5; 30 looks like a percentage: write 0.3 or "30%"`);
  });

  it('gives the line and column of a JSON syntax error', () => {
    const dir = folderWith({ 'staff.csv': STAFF, 'config.json': '{\n  "on_cost_rate": 0.3,\n  "agency_premium" 0.33\n}\n' });
    const run = caseplan(['plan', '--target', '19', '--cases', '60', '--staff', join(dir, 'staff.csv'), '--config', join(dir, 'config.json')]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(new RegExp(`^${join(dir, 'config.json')}:3:20: not valid JSON`, 'm'));
  });
});
