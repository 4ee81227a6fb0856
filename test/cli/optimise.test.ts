// `caseplan optimise`, `report --optimise` and `compare --optimise` (issue 13), run as a user would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { caseplan, folderWith, json } from './run.js';

// The issue's case: 3 experienced and 10 early-career social workers, 243 cases, target 12, mix 50% from year 1.
const staff = [
  'staff_id,role,fte,qualified_date,contract',
  ...[1, 2, 3].map((i) => `e${i},social_worker,1,2015-06-01,permanent`),
  ...Array.from({ length: 10 }, (_, i) => `n${i},social_worker,1,2025-06-01,permanent`),
].join('\n');
const dir = folderWith({ 'staff.csv': `${staff}\n` });
const ISSUE = ['--target', '12', '--mix', '50%', '--mix-by', '1', '--years', '5', '--staff', join(dir, 'staff.csv'), '--cases', '243', '--as-of', '2026-09-30'];
const SAMPLE = ['--target', '19', '--mix', '50%', '--mix-by', '3', '--years', '5', '--growth', '4%', '--turnover', '15%', '--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv', '--as-of', '2026-09-30', '-q'];

describe('caseplan optimise', () => {
  it("hires experienced staff in year 0 where the rule hires early career and restores the mix in year 1, and says so", () => {
    const out = json(caseplan(['optimise', ...ISSUE, '--format', 'json', '--explain']));
    const o = out.optimisation;
    expect(o.status).toBe('optimal');
    expect(o.gap).toBe(0);
    expect(o.differences).toEqual([
      { year: 0, rule: { experienced: 0, early_career: 8, team_manager: 3 }, optimised: { experienced: 8, early_career: 0, team_manager: 3 } },
      { year: 1, rule: { experienced: 15, early_career: 0, team_manager: 3 }, optimised: { experienced: 0, early_career: 0, team_manager: 0 } },
    ]);
    // The totals are sums of the yearly figures shown, and the saving their difference.
    const sum = (f: (y: any) => number) => Math.round(o.by_year.reduce((s: number, y: any) => s + f(y) * 100, 0)) / 100;
    expect(o.rule_total).toBe(sum((y) => y.rule.present_value));
    expect(o.optimised_total).toBe(sum((y) => y.optimised.present_value));
    expect(o.saving).toBe(Math.round((o.rule_total - o.optimised_total) * 100) / 100);
    expect(o.saving).toBeGreaterThan(4_000_000);
    // The plan's own sections are the optimised plan's: year 0 hires 8 experienced.
    expect(out.hires).toMatchObject({ experienced: 8, early_career: 0, team_manager: 3 });
    expect(out.projection[1].hires_experienced).toBe(0);
    const why = out.explanation.find((s: any) => s.step === 'optimisation.differences[0]');
    expect(why.text).toContain('in year 0 the optimiser hires 8 experienced and 3 team managers instead of the rule\'s 8 early career and 3 team managers');
    expect(why.text).toContain('in year 1 the rule hires 15 experienced and 3 team managers where the optimiser hires nobody');
  });

  it('shows everything plan --years shows: the same CSV columns and JSON keys, and the same figures when the rule is already optimal', () => {
    const plan = caseplan(['plan', ...SAMPLE, '--format', 'csv']);
    const optimised = caseplan(['optimise', ...SAMPLE, '--format', 'csv']);
    expect(optimised.code).toBe(0);
    expect(optimised.stdout.split('\n')[0]).toBe(plan.stdout.split('\n')[0]);
    const planJson = json(caseplan(['plan', ...SAMPLE, '--format', 'json']));
    const optimisedJson = json(caseplan(['optimise', ...SAMPLE, '--format', 'json']));
    expect(Object.keys(optimisedJson)).toEqual([...Object.keys(planJson), 'optimisation']);
    if (optimisedJson.optimisation.differences.length === 0) {
      expect(optimised.stdout).toBe(plan.stdout);
      expect(optimisedJson.optimisation.saving).toBe(0);
    }
  });

  it('present values at --discount-rate: each year (1 + r)^-k of its cash, rounded once', () => {
    const o = json(caseplan(['optimise', ...ISSUE, '--format', 'json', '--discount-rate', '3.5%'])).optimisation;
    expect(o.discount_rate).toBe(0.035);
    for (const y of o.by_year) {
      expect(y.discount_factor).toBeCloseTo(1.035 ** -y.year, 12);
      expect(y.optimised.present_value).toBeCloseTo(y.optimised.cost * 1.035 ** -y.year, 2);
    }
    expect(o.cash.saving).toBe(Math.round((o.cash.rule_total - o.cash.optimised_total) * 100) / 100);
  });

  it('--budget: what it buys, year by year, and when the target is met', () => {
    const budgetDir = folderWith({
      'staff.csv': ['staff_id,role,fte,qualified_date', ...Array.from({ length: 10 }, (_, i) => `e${i},social_worker,1,2010-01-01`), 'm1,team_manager,1,2005-01-01', 'm2,team_manager,1,2005-01-01'].join('\n') + '\n',
      'config.json': JSON.stringify({ on_cost_rate: 0.25, salaries: { experienced: 40000, early_career: 30000, team_manager: 50000 } }),
    });
    const args = ['optimise', '--target', '20', '--years', '2', '--staff', join(budgetDir, 'staff.csv'), '--config', join(budgetDir, 'config.json'), '--cases', '300', '--as-of', '2026-09-30'];
    const out = json(caseplan([...args, '--budget', '£265,000', '--format', 'json']));
    expect(out.optimisation.budget).toBe(265000);
    expect(out.projection.map((y: any) => [y.hires_early_career, y.hires_team_manager, y.additional_cost])).toEqual([[4, 0, 174000], [1, 1, 262000], [0, 0, 250000]]);
    expect(out.optimisation.target_met_year.optimised).toBe(1);
    const text = caseplan([...args, '--budget', '265k']);
    expect(text.stdout).toContain('With at most £265,000.00 a year more than the baseline, the average caseload is 21.4 in year 0, 20.0 in year 1, 20.0 in year 2; the target of 20 is met from year 1 on.');
    const none = caseplan([...args, '--budget', '0']);
    expect(none.stdout).toContain('the target of 20 is not met within the 2 years');
  });

  it('finds a plan the year-by-year rule cannot reach, and refuses one nobody can', () => {
    // A mix of 100% from year 2: the rule's year-0 early-career hires are still early career then.
    const all = ISSUE.map((a) => (a === '50%' ? '100%' : a === '1' ? '2' : a));
    const out = json(caseplan(['optimise', ...all, '--format', 'json']));
    expect(out.optimisation.rule_unreachable).toContain('in year 2 (2028-09-30): a mix of 100% needs every case-holding FTE to be experienced');
    expect(out.optimisation.saving).toBe(null);
    expect(out.projection.map((y: any) => y.experienced_share)).toEqual([11 / 21, 11 / 21, 1, 1, 1, 1]);
    expect(out.projection[0].hires_experienced).toBe(8);
    // From year 0 the ten early-career staff in post are early career: no plan, as plan --years says.
    const none = caseplan(['optimise', ...ISSUE.map((a) => (a === '50%' ? '100%' : a === '1' ? '0' : a))]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('a mix of 100% needs every case-holding FTE to be experienced, but 10 early-career FTE are in post');
  });

  it('a budget no plan keeps to: refused, naming the smallest that works', () => {
    // One experienced social worker, one qualified in January 2024 (experienced from year 0 + 3 years
    // after: her pay rises in year 2) and a team manager; 40 cases, target 18: nobody to hire.
    const small = folderWith({ 'staff.csv': 'staff_id,role,fte,qualified_date\na,social_worker,1,2010-01-01\nb,social_worker,1,2024-01-01\nm,team_manager,1,2005-01-01\n' });
    const run = caseplan(['optimise', '--staff', join(small, 'staff.csv'), '--cases', '40', '--target', '18', '--years', '3', '--as-of', '2026-09-30', '--budget', '5000']);
    expect(run.code).toBe(2);
    // The early-career salary's unit cost is £43,304.87, the experienced £53,122.31: £9,817.44 more a year.
    expect(run.stderr).toContain('no plan keeps within a budget of £5,000.00 a year: the smallest any plan keeps to is £9,817.44 a year');
    expect(caseplan(['optimise', '--staff', join(small, 'staff.csv'), '--cases', '40', '--target', '18', '--years', '3', '--as-of', '2026-09-30', '--budget', '9817.44']).code).toBe(0);
  });

  it('a time limit that stops HiGHS early gives the best plan found, marked as such', () => {
    const out = json(caseplan(['optimise', ...SAMPLE.map((a) => (a === '5' ? '10' : a)), '--time-limit', '0.05', '--format', 'json']));
    expect(out.optimisation.status).toBe('time_limit');
    expect(out.optimisation.gap === null || out.optimisation.gap > 0).toBe(true);
    expect(caseplan(['optimise', ...SAMPLE.map((a) => (a === '5' ? '10' : a)), '--time-limit', '0.05']).stdout).toContain('this is the best plan found, not proven optimal');
  });

  it('--table optimisation, the workbook sheet, and the optimize spelling', async () => {
    const csv = caseplan(['optimize', ...ISSUE, '--format', 'csv', '--table', 'optimisation']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toBe('year,discount_factor,rule_hires_experienced,rule_hires_early_career,rule_hires_team_manager,rule_cost,rule_present_value,optimised_hires_experienced,optimised_hires_early_career,optimised_hires_team_manager,optimised_cost,optimised_present_value,optimised_average_caseload');
    const out = join(dir, 'plan.xlsx');
    expect(caseplan(['optimise', ...ISSUE, '--format', 'xlsx', '--output', out]).code).toBe(0);
    const sheets = await readXlsxFile(readFileSync(out));
    expect(sheets.map((s: { sheet: string }) => s.sheet)).toContain('Optimised vs rule');
  });

  it('refuses what it cannot do, with exit 2', () => {
    const noYears = caseplan(['optimise', '--target', '12', '--staff', join(dir, 'staff.csv'), '--cases', '243']);
    expect(noYears.code).toBe(2);
    expect(noYears.stderr).toContain("required option '--years <n>' not specified");
    const notOptimising = caseplan(['compare', '--target', '12,14', '--years', '5', '--discount-rate', '3.5%', '--staff', join(dir, 'staff.csv'), '--cases', '243']);
    expect(notOptimising.code).toBe(2);
    expect(notOptimising.stderr).toContain('--discount-rate is for the optimiser: add --optimise');
    expect(caseplan(['plan', '--target', '12', '--budget', '1m', '--staff', join(dir, 'staff.csv'), '--cases', '243']).code).toBe(2);
    const badBudget = caseplan(['optimise', ...ISSUE, '--budget', 'lots']);
    expect(badBudget.code).toBe(2);
    expect(badBudget.stderr).toContain('expected an amount of pounds');
    expect(caseplan(['optimise', ...ISSUE, '--time-limit', '0']).code).toBe(2);
    const unreachable = caseplan(['optimise', ...ISSUE.map((a) => (a === '50%' ? '100%' : a))]);
    expect(unreachable.code).toBe(2);
  });
});

describe('report --optimise and compare --optimise', () => {
  it('the report has the optimiser section and one chart of both plans', () => {
    const html = join(dir, 'report.html');
    const run = caseplan(['report', '--optimise', '--html', html, ...ISSUE]);
    expect(run.code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('data-section="optimisation"');
    expect(page).toContain('Cost per year: the optimised plan against the year-by-year rule');
    expect(page).toContain('Year 1: hire nobody instead of 15 experienced and 3 team managers.');
  });

  it('compare optimises every scenario, with its saving against the rule', () => {
    const rows = json(caseplan(['compare', '--optimise', '--target', '12,14', '--mix', '50%', '--mix-by', '1', '--years', '5', '--staff', join(dir, 'staff.csv'), '--cases', '243', '--as-of', '2026-09-30', '--format', 'json'])).scenarios;
    expect(rows.map((r: any) => r.optimisation_status)).toEqual(['optimal', 'optimal']);
    const single = json(caseplan(['optimise', ...ISSUE, '--format', 'json']));
    expect(rows[0].saving).toBe(single.optimisation.saving);
    expect(rows[0].additional_cost).toBe(single.totals.additional_cost);
    expect(rows[0].hires_experienced).toBe(8);
  });
});
