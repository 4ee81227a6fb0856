// Issue 10, "Value mappings": a council's own wording for roles, contracts and outcomes, mapped in the
// config by title, glob or regular expression, first match wins in the order written.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseplan, folderWith, json } from './run.js';

const STAFF = [
  'staff_id,role,fte,qualified_date,contract',
  'E1,Senior Social Worker,1,2010-01-01,Fixed Term',
  'E2,Social Worker (ASYE),1,2025-01-01,Secondment',
  'E3,Advanced Practitioner,1,2012-01-01,Agency Social Worker',
  'E4,Team Manager - Children in Need,1,2005-01-01,Permanent',
].join('\n');
const REFERRALS = [
  'referral_id,received_date,outcome,closed_date',
  'R1,2026-01-05,Progress to assessment,',
  'R2,2026-02-05,No Further Action,2026-02-06',
  'R3,2026-03-05,  signposted to  early help ,',
  'R4,2026-04-05,,',
].join('\n');

function run(config: unknown, extra: string[] = []) {
  const dir = folderWith({ 'staff.csv': STAFF, 'referrals.csv': REFERRALS, 'config.json': JSON.stringify(config) });
  return caseplan([
    'plan', '--target', '19', '--as-of', '2026-09-30', '--format', 'json', '--staff', join(dir, 'staff.csv'),
    '--referrals', join(dir, 'referrals.csv'), '--config', join(dir, 'config.json'), ...extra,
  ]);
}

const CONFIG = {
  role_aliases: { 'Team Manager*': 'team_manager', '*Social Worker*': 'social_worker', '/^advanced/': 'senior_practitioner' },
  contract_aliases: { 'Fixed Term': 'permanent', Secondment: 'permanent', 'Agency Social Worker': 'agency' },
  outcome_aliases: { 'Progress to assessment': 'case', 'No Further Action': 'nfa', 'Signposted to Early Help': 'nfa' },
};

describe('value mappings in the config', () => {
  const plan = json(run(CONFIG));

  it('maps job titles by glob and regular expression: three case holders and one team manager', () => {
    expect(plan.current.case_holding_fte).toBe(3);
    expect(plan.current.team_manager_fte).toBe(1);
  });

  it('maps contract values: one agency FTE', () => {
    expect(plan.current.agency_fte).toBe(1);
  });

  it('maps outcomes ignoring case and repeated spaces: two open cases (one by alias, one empty)', () => {
    expect(plan.current.open_cases).toBe(2);
  });

  it('takes the first alias that matches, in the order written', () => {
    // "Team Manager - Children in Need" would match nothing else, but put a catch-all first and it wins.
    const first = json(run({ ...CONFIG, role_aliases: { '*': 'social_worker', ...CONFIG.role_aliases } }));
    expect(first.current.team_manager_fte).toBe(0);
    expect(first.current.case_holding_fte).toBe(4);
  });

  it('reports the aliases in the JSON parameters, plain titles normalised and patterns as written', () => {
    expect(plan.parameters.outcome_aliases).toEqual({ progress_to_assessment: 'case', no_further_action: 'nfa', signposted_to_early_help: 'nfa' });
    expect(Object.keys(plan.parameters.role_aliases)).toEqual(['Team Manager*', '*Social Worker*', '/^advanced/']);
  });

  it('names the outcome_aliases setting when an outcome is not known', () => {
    const r = run({ ...CONFIG, outcome_aliases: {} });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/\(outcome\): "Progress to assessment" is not case or nfa .*map your own outcomes with outcome_aliases in the config/);
  });

  it('refuses a regular expression that does not compile', () => {
    const r = run({ ...CONFIG, role_aliases: { '/[a-/': 'social_worker' } });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('role_aliases./[a-/: not a valid regular expression');
  });

  it('warns about an outcome alias that matches nothing', () => {
    const r = run({ ...CONFIG, outcome_aliases: { ...CONFIG.outcome_aliases, 'Closed - NFA': 'nfa' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('outcome_aliases: "closed_nfa" matches no outcome in');
  });
});
