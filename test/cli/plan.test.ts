import { lstatSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { FLAT_ON_COSTS, caseplan, folderWith, json } from './run.js';

const SHEFFIELD = ['--staff', 'fixtures/sheffield-2017/staff.csv', '--as-of', '2017-09-30', ...FLAT_ON_COSTS];
const COUNCIL = ['--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv', '--as-of', '2026-09-30', ...FLAT_ON_COSTS];

describe('caseplan plan: the worked example', () => {
  it('needs 80 experienced hires and no early-career hires for target 19 and a 50% mix (Sheffield 2017)', () => {
    const result = json(caseplan(['plan', '--target', '19', '--mix', '50%', ...SHEFFIELD, '--format', 'json']));
    expect(result.current).toMatchObject({ case_holding_fte: 202, experienced_fte: 61, early_career_fte: 141, open_cases: 2992, team_manager_fte: 29 });
    expect(result.hires).toEqual({ experienced: 80, early_career: 0, team_manager: 12, total: 92 });
    expect(result.after).toMatchObject({ case_holding_fte: 282, experienced_fte: 141, experienced_share: 0.5, team_manager_fte: 41 });
    // 80 * 39,438 * 1.3 + 12 * 47,775 * 1.3; 92 hires * £6,000.
    expect(result.cost).toMatchObject({ annual: 4_846_842, one_off: 552_000 });
    expect(result.parameters).toMatchObject({ target: 19, mix: 0.5, experience_years: 3, early_career_cap: null, experienced_cap: null, on_cost_rate: 0.3 });
  });

  it('accepts the mix as a fraction or a percentage', () => {
    const a = json(caseplan(['plan', '--target', '19', '--mix', '0.5', ...SHEFFIELD, '--format', 'json']));
    const b = json(caseplan(['plan', '--target', '19', '--mix', '50%', ...SHEFFIELD, '--format', 'json']));
    expect(a.hires).toEqual(b.hires);
  });
});

describe('caseplan plan: output formats carry the same numbers', () => {
  const base = ['plan', '--target', '19', '--mix', '50%', ...COUNCIL];
  const result = json(caseplan([...base, '--format', 'json']));

  it('csv: one row per group and a total, plain numbers', () => {
    const run = caseplan([...base, '--format', 'csv']);
    expect(run.code).toBe(0);
    const rows = parse(run.stdout, { columns: true, cast: true }) as Record<string, string | number>[];
    expect(Object.keys(rows[0]!)).toEqual(['group', 'current_fte', 'hires', 'after_fte', 'unit_annual_cost', 'annual_cost', 'one_off_cost']);
    expect(rows.map((r) => r.group)).toEqual(['experienced', 'early_career', 'team_manager', 'total']);
    expect(rows[0]!.hires).toBe(result.hires.experienced);
    expect(rows[1]!.hires).toBe(result.hires.early_career);
    expect(rows[2]!.hires).toBe(result.hires.team_manager);
    expect(rows[3]!.hires).toBe(result.hires.total);
    expect(rows[3]!.annual_cost).toBe(result.cost.annual);
    expect(rows[3]!.one_off_cost).toBe(result.cost.one_off);
    expect(rows[0]!.unit_annual_cost).toBe(51269.4);
    expect(run.stdout).not.toMatch(/£/);
  });

  it('json: every documented field, with shares as fractions and nulls where unknown', () => {
    for (const key of ['case_holding_fte', 'experienced_fte', 'early_career_fte', 'experienced_share', 'team_manager_fte', 'agency_fte', 'open_cases', 'allocated_cases', 'unallocated_cases', 'average_caseload', 'paybill']) {
      expect(result.current).toHaveProperty(key);
      expect(result.current[key]).not.toBeUndefined();
    }
    expect(result.after.average_caseload).toBeLessThanOrEqual(19 + 1e-9);
    expect(result.after.experienced_share).toBeGreaterThanOrEqual(0.5 - 1e-9);
    expect(result.current.unallocated_cases).toBe(result.current.open_cases - result.current.allocated_cases);
    expect(result.as_of).toBe('2026-09-30');
  });

  it('markdown and table show the hires and the costs in pounds', () => {
    const md = caseplan([...base, '--format', 'markdown']).stdout;
    const table = caseplan(base).stdout;
    const pounds = (n: number) => `£${n.toLocaleString('en-GB', { minimumFractionDigits: 2 })}`;
    for (const text of [md, table]) {
      expect(text).toContain(pounds(result.cost.annual));
      expect(text).toContain(pounds(result.cost.one_off));
      expect(text).toContain(`Hire ${result.hires.experienced} experienced and ${result.hires.early_career} early-career`);
    }
    expect(md).toMatch(/^\| Group \| FTE now \| Hires/m);
    // Not a terminal: no colour codes.
    expect(table).not.toMatch(/\x1b\[/);
  });

  it('colours the table only when asked (FORCE_COLOR) and never with --no-color', () => {
    expect(caseplan(base, { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\x1b\[/);
    expect(caseplan([...base, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
    expect(caseplan(base, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
  });
});

describe('caseplan plan: where open cases come from', () => {
  const dir = folderWith({
    'staff.csv': 'staff_id,role,qualified_date,caseload\nA,social_worker,2010-01-01,20\nB,social_worker,2010-01-01,22\nC,social_worker,2025-01-01,10\n',
    'referrals.csv': 'referral_id,received_date,outcome,closed_date\n1,2026-01-01,case,\n2,2026-01-01,,\n3,2026-01-01,nfa,\n4,2026-01-01,case,2026-06-01\n5,2026-06-01,case,2026-09-30\n6,2026-10-01,case,\n',
  });
  const args = ['plan', '--target', '19', '--as-of', '2026-09-30', '--format', 'json', '--staff', join(dir, 'staff.csv')];

  it('uses --cases first', () => {
    const r = json(caseplan([...args, '--referrals', join(dir, 'referrals.csv'), '--cases', '100']));
    expect(r.current).toMatchObject({ open_cases: 100, allocated_cases: 52, unallocated_cases: 48 });
    expect(r.open_cases_source.kind).toBe('cases_flag');
  });

  it('then the referrals open at the as-of date (closed on the date = closed; received after = not yet open)', () => {
    const r = json(caseplan([...args, '--referrals', join(dir, 'referrals.csv')]));
    // Rows 1 and 2 (empty outcome = case) are open; 3 is nfa, 4 closed, 5 closed on the as-of date, 6 received after.
    expect(r.current).toMatchObject({ open_cases: 2, allocated_cases: 52, unallocated_cases: -50 });
    expect(r.open_cases_source).toMatchObject({ kind: 'referrals', rows: 6 });
  });

  it('then the sum of caseload over case-holding staff in post', () => {
    const r = json(caseplan(args));
    expect(r.current).toMatchObject({ open_cases: 52, allocated_cases: 52, unallocated_cases: null, average_caseload: 52 / 3 });
  });

  it('is a usage error (exit 2) when there is no source, saying which to give', () => {
    const bare = folderWith({ 'staff.csv': 'staff_id,role,qualified_date\nA,social_worker,2010-01-01\n' });
    const run = caseplan(['plan', '--target', '19', '--staff', join(bare, 'staff.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--cases N, or --referrals FILE.*caseload column/);
  });
});

describe('caseplan plan: who counts', () => {
  const staff = [
    'Staff ID,Role,FTE,Qualified Date,Case-Holding,Caseload,Contract,Annual Salary,Start Date,Leave Date,Name',
    'A,Social Worker,0.5,30/09/2023,,10,permanent,"£36,000",,,Alice',
    'B,Senior Practitioner,1,2023-10-01,,10,agency,,,,Bob',
    'C,social_worker,1,2010-01-01,,10,,,2026-10-01,,Carol',
    'D,social_worker,1,2010-01-01,,10,,,,2026-09-30,Dan',
    'E,social_worker,1,2010-01-01,,10,,,,2026-10-01,Eve',
    'F,team_manager,1,2000-01-01,,,,,,,Fay',
    'G,other,1,,,,,,,,Gus',
    'H,other,0.8,2015-01-01,yes,5,,,,,Hal',
  ].join('\n');
  const dir = folderWith({ 'staff.csv': staff });
  const r = json(caseplan(['plan', '--target', '100', '--as-of', '2026-09-30', '--format', 'json', '--staff', join(dir, 'staff.csv'), ...FLAT_ON_COSTS]));

  it('counts case-holding FTE of people in post only, with FTE fractions', () => {
    // In post and case-holding: A 0.5, B 1, E 1 (leaves after as-of), H 0.8 (other, case_holding yes).
    // C starts after as-of; D left on the as-of date.
    expect(r.current.case_holding_fte).toBeCloseTo(3.3, 12);
    expect(r.current.team_manager_fte).toBe(1);
    expect(r.current.allocated_cases).toBe(35);
  });

  it('splits experienced from early career on the third anniversary of qualifying', () => {
    // A qualified 30/09/2023: three years on the as-of date, experienced. B (2023-10-01) is not.
    expect(r.current.experienced_fte).toBeCloseTo(0.5 + 1 + 0.8, 12);
    expect(r.current.early_career_fte).toBeCloseTo(1, 12);
  });

  it('costs the current paybill from annual_salary or the group salary, with on-costs and the agency premium', () => {
    // A: 36,000 * 0.5 * 1.3 = 23,400; B (agency, early career): 32,251 * 1.3 * 1.33 = 55,761.979;
    // E: 39,438 * 1.3 = 51,269.40; H: 39,438 * 0.8 * 1.3 = 41,015.52; F: 47,775 * 1.3 = 62,107.50.
    expect(r.current.paybill).toBe(Math.round((23400 + 55761.979 + 51269.4 + 41015.52 + 62107.5) * 100) / 100);
    expect(r.current.agency_fte).toBe(1);
  });
});

describe('caseplan plan: caps and the unreachable plan', () => {
  it('applies --early-career-cap and --experienced-cap together', () => {
    const r = json(caseplan(['plan', '--target', '25', '--early-career-cap', '15', '--experienced-cap', '20', ...SHEFFIELD, '--format', 'json']));
    // Capacity now 141*15 + 61*20 = 3,335 >= 2,992: no hires.
    expect(r.hires.total).toBe(0);
    expect(r.parameters).toMatchObject({ early_career_cap: 15, experienced_cap: 20 });
    const tight = json(caseplan(['plan', '--target', '25', '--early-career-cap', '10', '--experienced-cap', '20', ...SHEFFIELD, '--format', 'json']));
    // 141*10 + 61*20 = 2,630: 362 short. Experienced hires add 20 cases each for £51,269.40, early-career 10
    // for £41,926.30: 18 experienced cover 360, and the last 2 cases are cheapest with one early-career hire.
    expect(tight.hires).toMatchObject({ experienced: 18, early_career: 1 });
  });

  it('refuses one cap without the other (exit 2)', () => {
    const run = caseplan(['plan', '--target', '25', '--early-career-cap', '15', ...SHEFFIELD]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/both --early-career-cap and --experienced-cap/);
  });

  it('exits 2 with a clear message when no hires can reach the mix', () => {
    const run = caseplan(['plan', '--target', '19', '--mix', '1', ...SHEFFIELD]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no hires can satisfy this plan: a mix of 100% needs every case-holding FTE to be experienced, but 141 early-career FTE/);
    expect(run.stdout).toBe('');
  });
});

describe('caseplan plan: usage errors exit 2', () => {
  it.each([
    [['plan', ...SHEFFIELD], /required option '--target <cases>'/],
    [['plan', '--target', '0', ...SHEFFIELD], /expected a number above 0/],
    [['plan', '--target', 'x', ...SHEFFIELD], /expected a number above 0/],
    [['plan', '--target', '19', '--mix', '150', ...SHEFFIELD], /from 0% to 100%/],
    [['plan', '--target', '19', '--as-of', '09/30/2017', '--staff', 'fixtures/staff.csv'], /09\/30\/2017 does not exist/],
    [['plan', '--target', '19', '--format', 'xml', ...SHEFFIELD], /Allowed choices are table, csv, json, markdown/],
    [['plan', '--target', '19'], /required option '--staff <file>'/],
    [['plan', '--target', '19', '--bogus', ...SHEFFIELD], /unknown option '--bogus'/],
  ])('%j', (args, message) => {
    const run = caseplan(args as string[]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('caseplan plan: stdin and --output', () => {
  it('reads the staff file from stdin as "-"', () => {
    const input = readFileSync('fixtures/sheffield-2017/staff.csv');
    const r = json(caseplan(['plan', '--target', '19', '--mix', '50%', '--staff', '-', '--as-of', '2017-09-30', '--format', 'json'], { input }));
    expect(r.hires.experienced).toBe(80);
  });

  it('writes --output atomically and leaves stdout empty', () => {
    const dir = folderWith({});
    const out = join(dir, 'plan.csv');
    const run = caseplan(['plan', '--target', '19', ...SHEFFIELD, '--format', 'csv', '--output', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFFgroup,current_fte,hires/);
  });

  it('refuses to write over an input file (exit 2) and leaves it untouched', () => {
    const dir = folderWith({ 'staff.csv': readFileSync('fixtures/sheffield-2017/staff.csv') });
    const before = readFileSync(join(dir, 'staff.csv'), 'utf8');
    const run = caseplan(['plan', '--target', '19', '--staff', join(dir, 'staff.csv'), '--output', join(dir, 'staff.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/never writes over its inputs/);
    expect(readFileSync(join(dir, 'staff.csv'), 'utf8')).toBe(before);
  });
});

describe('caseplan template', () => {
  it.each(['staff', 'referrals', 'config'])('prints a %s template that caseplan itself accepts', (kind) => {
    const run = caseplan(['template', kind]);
    expect(run.code).toBe(0);
    const dir = folderWith({ [kind]: run.stdout });
    const args = ['validate', '--as-of', '2026-09-30'];
    if (kind === 'staff') args.push('--staff', join(dir, kind));
    if (kind === 'referrals') args.push('--staff', 'fixtures/staff.csv', '--referrals', join(dir, kind));
    if (kind === 'config') args.push('--staff', 'fixtures/staff.csv', '--config', join(dir, kind));
    expect(caseplan(args).code).toBe(0);
    if (kind !== 'config') expect(run.stdout.trim().split('\n')).toHaveLength(3);
    else expect(JSON.parse(run.stdout)).toMatchObject({ salaries: { experienced: 39438 }, ni_rate: 0.15, ni_threshold: 5000, pension_rate: 0.211, levy_rate: 0.005, span_of_control: 7 });
  });

  it('refuses an unknown template (exit 2)', () => {
    const run = caseplan(['template', 'payroll']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/expected one of staff, referrals, config/);
  });
});

describe('--output keeps the old file when the run fails', () => {
  it('leaves an existing output file intact after a data error', () => {
    const dir = folderWith({ 'plan.csv': 'previous,result\n', 'staff.csv': 'staff_id,role\n1,wizard\n' });
    const run = caseplan(['plan', '--target', '19', '--cases', '10', '--staff', join(dir, 'staff.csv'), '--output', join(dir, 'plan.csv')]);
    expect(run.code).toBe(3);
    expect(readFileSync(join(dir, 'plan.csv'), 'utf8')).toBe('previous,result\n');
    expect(readdirSync(dir).sort()).toEqual(['plan.csv', 'staff.csv']);
  });
});

describe('--output to links, devices and a full disk', () => {
  const args = ['plan', '--target', '19', '--staff', 'fixtures/sheffield-2017/staff.csv', '--as-of', '2017-09-30', '--format', 'csv'];

  it('writes through a symbolic link to the file it points to, keeping the link', () => {
    const dir = folderWith({ 'real.csv': 'old\n' });
    symlinkSync(join(dir, 'real.csv'), join(dir, 'link.csv'));
    expect(caseplan([...args, '--output', join(dir, 'link.csv')]).code).toBe(0);
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.csv'), 'utf8')).toMatch(/^\uFEFFgroup,current_fte/);
    expect(readdirSync(dir).sort()).toEqual(['link.csv', 'real.csv']);
  });

  it('writes to a device such as /dev/null without replacing it', () => {
    const run = caseplan([...args, '--output', '/dev/null']);
    expect(run.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('refuses a folder as --output (exit 2)', () => {
    const dir = folderWith({});
    const run = caseplan([...args, '--output', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/it is a folder/);
  });

  it('reports a full disk on stdout as an error with exit 2, not a stack trace', () => {
    const run = spawnSync('sh', ['-c', `"${process.execPath}" bin/caseplan.js ${args.join(' ')} > /dev/full`], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('caseplan: error: cannot write to standard output: ENOSPC\n');
  });
});

describe('warnings that change what the numbers mean', () => {
  it('warns when some case-holders have no caseload, and when a qualified_date is after the as-of date', () => {
    const dir = folderWith({
      's.csv': 'staff_id,role,fte,qualified_date,caseload\n1,social_worker,1,2010-01-01,20\n2,social_worker,1,2027-01-01,\n3,social_worker,1,2015-01-01,\n',
    });
    const run = caseplan(['plan', '--target', '19', '--staff', join(dir, 's.csv'), '--as-of', '2026-09-30', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('s.csv: 1 in post with a qualified_date after the as-of date (staff 2 on line 3); counted as early career');
    expect(run.stderr).toContain('s.csv: caseload is empty for 2 of 3 case-holding staff in post (staff 2 on line 3, staff 3 on line 4); allocated cases count only the 1 with a value');
    expect(JSON.parse(run.stdout).current).toMatchObject({ open_cases: 20, allocated_cases: 20, early_career_fte: 1 });
  });

  it('says allocated cases are unknown when the caseload column is empty for every case-holder', () => {
    const dir = folderWith({ 's.csv': 'staff_id,role,fte,qualified_date,caseload\n1,social_worker,1,2010-01-01,\n' });
    const run = caseplan(['plan', '--target', '19', '--staff', join(dir, 's.csv'), '--referrals', 'fixtures/referrals.csv', '--as-of', '2026-09-30', '--format', 'json']);
    expect(run.stderr).toContain('the caseload column is empty for every case-holding member of staff in post; allocated cases are unknown');
    expect(JSON.parse(run.stdout).current).toMatchObject({ allocated_cases: null, unallocated_cases: null });
  });

  it('matches role_aliases values like roles: "Social Worker" is social_worker', () => {
    const dir = folderWith({
      's.csv': 'staff_id,role,fte,qualified_date\n1,Senior Practitioner,1,2010-01-01\n',
      'c.json': '{"role_aliases": {"Senior Practitioner": "Social Worker"}}',
    });
    const r = json(caseplan(['plan', '--target', '19', '--cases', '19', '--staff', join(dir, 's.csv'), '--config', join(dir, 'c.json'), '--as-of', '2026-09-30', '--format', 'json']));
    expect(r.current.experienced_fte).toBe(1);
  });
});

describe('usage mistakes', () => {
  it('prints the help on stderr and exits 2 when no command is given', () => {
    const run = caseplan([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Usage: caseplan \[options\] \[command\]/);
  });

  it('names the allowed range for --years and prefixes commander errors with caseplan:', () => {
    const run = caseplan(['plan', '--target', '19', ...SHEFFIELD, '--years', '2.5']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^caseplan: error: option '--years <n>' argument '2.5' is invalid. expected a whole number of years from 1 to 30, got "2.5"/);
  });

  it('says the delimiter is wrong instead of listing every column as missing', () => {
    const run = caseplan(['plan', '--target', '19', '--cases', '5', ...SHEFFIELD, '--delimiter', ';']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('staff.csv:1: the header was read as a single column with the semicolon delimiter, but it contains comma: check --delimiter');
    expect(run.stderr).not.toContain('missing required column');
  });
});

describe('checks that keep a projection and a plan honest', () => {
  it('caps a derived turnover over 100% (more left than are in post) and says so', () => {
    const dir = folderWith({
      's.csv': 'staff_id,role,fte,qualified_date,leave_date\n1,social_worker,1,2010-01-01,\n2,social_worker,1,2020-01-01,\n3,social_worker,1,2015-01-01,2026-03-01\n4,social_worker,1,2015-01-01,2026-04-01\n5,social_worker,0.5,2015-01-01,2026-05-01\n',
    });
    const r = json(caseplan(['plan', '--target', '19', '--cases', '30', '--years', '2', '--staff', join(dir, 's.csv'), '--as-of', '2026-09-30', '--format', 'json']));
    expect(r.rates.turnover.value).toBe(1);
    expect(r.rates.turnover.note).toMatch(/2\.5 case-holding FTE left .* more than the 2 FTE in post, so capped at 100%/);
    for (const year of r.projection) expect(year.experienced_fte).toBeGreaterThanOrEqual(0);
  });

  it('warns about referrals received after the as-of date and about more cases allocated than open', () => {
    const dir = folderWith({
      's.csv': 'staff_id,role,fte,qualified_date,caseload\n1,social_worker,1,2010-01-01,40\n',
      'r.csv': 'referral_id,received_date,outcome,closed_date\nA,2026-01-01,case,\nB,2026-12-01,case,\n',
    });
    const run = caseplan(['plan', '--target', '19', '--staff', join(dir, 's.csv'), '--referrals', join(dir, 'r.csv'), '--as-of', '2026-09-30', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('r.csv: 1 referral was received after the as-of date 2026-09-30 and is not counted (check --as-of)');
    expect(run.stderr).toContain('staff hold 40 cases (the caseload column of');
    expect(run.stderr).toContain('but only 1 are open in');
    expect(JSON.parse(run.stdout).current.unallocated_cases).toBe(-39);
  });

  it('validate --format json reports the problems as JSON on stdout, exit 3', () => {
    const run = caseplan(['validate', '--staff', 'test/corpus/ragged.csv', '--as-of', '2026-09-30', '--format', 'json']);
    expect(run.code).toBe(3);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ valid: false, problems_total: 3 });
    expect(report.problems[2]).toEqual({ file: 'test/corpus/ragged.csv', line: 5, column: 1, header: 'staff_id', message: 'duplicate staff_id "R1" (first seen on line 2)' });
  });
});

describe('config file mistakes', () => {
  it('suggests the key meant, and reads rates written as percentages like the flags', () => {
    const dir = folderWith({ 'bad.json': '{"salary": {"experienced": 40000}}', 'good.json': '{"on_cost_rate": "25%", "agency_premium": "40%"}' });
    const bad = caseplan(['plan', '--target', '19', '--cases', '10', '--staff', 'fixtures/staff.csv', '--config', join(dir, 'bad.json')]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('bad.json: (top level): Unrecognized key: "salary"; did you mean "salaries"?');
    const good = json(caseplan(['plan', '--target', '19', '--cases', '10', '--staff', 'fixtures/staff.csv', '--config', join(dir, 'good.json'), '--as-of', '2026-09-30', '--format', 'json']));
    expect(good.parameters).toMatchObject({ on_cost_rate: 0.25, agency_premium: 0.4 });
  });

  it('names teams with no staff, and open cases with no team, in plain words', () => {
    const dir = folderWith({
      's.csv': 'staff_id,role,fte,qualified_date,team\n1,social_worker,1,2010-01-01,A\n',
      'r.csv': 'referral_id,received_date,outcome,closed_date,team\nX,2026-01-01,case,,A\nY,2026-01-01,case,,B\nZ,2026-01-01,case,,\n',
    });
    const run = caseplan(['plan', '--target', '19', '--by', 'team', '--staff', join(dir, 's.csv'), '--referrals', join(dir, 'r.csv'), '--as-of', '2026-09-30', '--format', 'csv']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('1 open case in the referrals has no team, and everyone in post in');
    expect(run.stderr).toContain('referrals name team "B" (1 open case) but no one in post in');
  });
});

describe('a repeated option', () => {
  it('is refused (exit 2) rather than silently taking the last value', () => {
    const run = caseplan(['plan', '--target', '19', '--target', '20', ...SHEFFIELD]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('caseplan: error: --target is given more than once; give it once (for several targets or mixes use caseplan compare --target 15,17,19)\n');
  });
});
