import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { caseplan, folderWith, json } from './run.js';

const COUNCIL = ['--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv', '--as-of', '2026-09-30'];
const COLUMNS = ['year', 'date', 'open_cases', 'case_holding_fte', 'experienced_fte', 'early_career_fte', 'experienced_share', 'average_caseload', 'team_manager_fte', 'leavers_fte', 'hires_experienced', 'hires_early_career', 'hires_team_manager', 'paybill', 'recruitment_cost', 'baseline_cost', 'additional_cost',
  // Issue 12: new columns at the end, so the old ones keep their places.
  'uncovered_cases', 'mix_shortfall_fte', 'agency_cover_fte', 'agency_cover_cost', 'retention_cost'];

describe('caseplan plan --years: the projection', () => {
  const args = ['plan', '--target', '19', '--mix', '50%', '--years', '5', '--pay-award', '3%', ...COUNCIL];
  const result = json(caseplan([...args, '--format', 'json']));
  const plan = json(caseplan(['plan', '--target', '19', '--mix', '50%', ...COUNCIL, '--format', 'json']));

  it('starts from year 0, whose hires are exactly the plan\'s', () => {
    expect(result.projection).toHaveLength(6);
    const y0 = result.projection[0];
    expect(y0).toMatchObject({ year: 0, date: '2026-09-30', hires_experienced: plan.hires.experienced, hires_early_career: plan.hires.early_career, hires_team_manager: plan.hires.team_manager });
    expect(result.hires).toEqual(plan.hires);
    expect(y0.case_holding_fte).toBe(plan.after.case_holding_fte);
    // Year-0 additional cost is the plan's annual plus one-off cost (no agency change, no pay award in year 0).
    expect(y0.additional_cost).toBeCloseTo(plan.cost.annual + plan.cost.one_off, 2);
  });

  it('has exactly the documented keys in every row, and the totals and rates', () => {
    for (const row of result.projection) expect(Object.keys(row)).toEqual(COLUMNS);
    expect(Object.keys(result.totals)).toEqual(expect.arrayContaining(['hires', 'paybill', 'recruitment_cost', 'baseline_cost', 'additional_cost']));
    expect(result.rates.pay_award).toMatchObject({ value: 0.03, source: 'flag' });
    expect(result.rates.growth.source).toBe('derived');
    expect(result.rates.growth.note).toMatch(/fixtures\/referrals\.csv/);
    expect(result.rates.turnover.source).toBe('derived');
    expect(result.rates.turnover.note).toMatch(/fixtures\/staff\.csv/);
  });

  it('keeps each year at or under the target and at or over the mix, and adds up', () => {
    for (const row of result.projection) {
      expect(row.average_caseload).toBeLessThanOrEqual(19 + 1e-9);
      expect(row.experienced_share).toBeGreaterThanOrEqual(0.5 - 1e-9);
      expect(Math.round((row.paybill + row.recruitment_cost - row.baseline_cost) * 100)).toBe(Math.round(row.additional_cost * 100));
    }
    const sum = (key: string) => Math.round(result.projection.reduce((s: number, r: Record<string, number>) => s + r[key]! * 100, 0));
    expect(Math.round(result.totals.paybill * 100)).toBe(sum('paybill'));
    expect(Math.round(result.totals.additional_cost * 100)).toBe(sum('additional_cost'));
    expect(result.totals.hires).toBe(['hires_experienced', 'hires_early_career', 'hires_team_manager'].reduce((s, k) => s + sum(k) / 100, 0));
  });

  it('csv: one row per year and a total row, the same numbers as the JSON', () => {
    const run = caseplan([...args, '--format', 'csv']);
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(COLUMNS);
    expect(rows.map((r) => r.year)).toEqual(['0', '1', '2', '3', '4', '5', 'total']);
    rows.slice(0, 6).forEach((row, i) => {
      for (const key of COLUMNS) {
        const expected = result.projection[i][key];
        expect(key === 'date' ? row[key] : Number(row[key])).toBe(expected);
      }
    });
    expect(Number(rows[6]!.additional_cost)).toBe(result.totals.additional_cost);
  });

  it('table and markdown: one row per year, a totals row, and the rates with their sources', () => {
    const md = caseplan([...args, '--format', 'markdown']).stdout;
    expect(md).toMatch(/\| Year \| Date \| Open cases \|.*\| Paybill \| Recruitment \| Baseline \| Additional \|/);
    expect(md).toMatch(/\| \*\*Total\*\* \|/);
    expect(md).toMatch(/demand growth: [\d.]+% a year \(derived from fixtures\/referrals\.csv/);
    expect(md).toMatch(/pay award: 3% a year \(given with --pay-award\)/);
    const table = caseplan(args).stdout;
    expect(table).toMatch(/turnover: [\d.]+% a year \(derived from fixtures\/staff\.csv/);
  });

  it('behaves exactly as before without --years', () => {
    expect(plan.projection).toBeUndefined();
  });
});

describe('rates and where they come from', () => {
  // Cases opened: 4 in the 12 months before 30 Sep 2025, 5 in the 12 months to 30 Sep 2026: growth 25%.
  const referrals = [
    'referral_id,received_date,outcome,closed_date',
    'A,2024-10-01,case,2024-11-01', 'B,2025-01-01,case,2025-02-01', 'C,2025-05-01,case,', 'D,2025-09-30,case,', 'X,2025-03-01,nfa,',
    'E,2025-10-01,case,', 'F,2026-01-01,case,', 'G,2026-03-01,case,', 'H,2026-06-01,case,', 'I,2026-09-30,case,',
  ].join('\n');
  const staff = 'staff_id,role,qualified_date,leave_date\n1,social_worker,2010-01-01,\n2,social_worker,2010-01-01,\n3,social_worker,2010-01-01,2026-03-01\n4,social_worker,2010-01-01,2025-09-30\n';
  const dir = folderWith({ 'staff.csv': staff, 'referrals.csv': referrals });
  const base = ['plan', '--target', '19', '--years', '2', '--as-of', '2026-09-30', '--staff', join(dir, 'staff.csv'), '--format', 'json'];

  it('derives growth from cases opened in the last 12 months against the 12 before', () => {
    const r = json(caseplan([...base, '--referrals', join(dir, 'referrals.csv')]));
    expect(r.rates.growth.value).toBeCloseTo(0.25, 12);
    expect(r.rates.growth.note).toMatch(/5 cases opened in the 12 months to 2026-09-30 against 4 in the 12 months before/);
    expect(r.projection.map((y: { open_cases: number }) => y.open_cases)).toEqual([7, 8.75, 10.9375]);
  });

  it('derives turnover from leave_date the DfE way: leavers FTE in the last 12 months over FTE in post', () => {
    const r = json(caseplan([...base, '--cases', '10']));
    // Staff 3 left 2026-03-01 (in the window), staff 4 on 2025-09-30 (before it): 1 leaver over 2 in post.
    expect(r.rates.turnover).toMatchObject({ value: 0.5, source: 'derived' });
  });

  it('falls back to 0 with a note saying why', () => {
    const short = folderWith({ 'referrals.csv': 'referral_id,received_date\nA,2026-01-01\n', 'staff.csv': 'staff_id,role,qualified_date\n1,social_worker,2010-01-01\n' });
    const r = json(caseplan(['plan', '--target', '19', '--years', '1', '--as-of', '2026-09-30', '--staff', join(short, 'staff.csv'), '--referrals', join(short, 'referrals.csv'), '--format', 'json']));
    expect(r.rates.growth).toMatchObject({ value: 0, source: 'default' });
    expect(r.rates.growth.note).toMatch(/does not cover both 12-month windows/);
    expect(r.rates.turnover).toMatchObject({ value: 0, source: 'default' });
    expect(r.rates.turnover.note).toMatch(/no leave_date column/);
  });

  it('takes flags over derived values, as 0.04 or 4%', () => {
    const a = json(caseplan([...base, '--referrals', join(dir, 'referrals.csv'), '--growth', '4%', '--turnover', '0.15']));
    expect(a.rates.growth).toMatchObject({ value: 0.04, source: 'flag' });
    expect(a.rates.turnover).toMatchObject({ value: 0.15, source: 'flag' });
  });
});

describe('projection usage errors', () => {
  it.each([
    [['--growth', '4%'], /--growth needs --years N/],
    [['--years', '5', '--mix-by', '2'], /--mix-by needs --mix/],
    [['--years', '2', '--mix', '50%', '--mix-by', '3'], /--mix-by 3 is after the last projected year/],
    [['--years', '0'], /from 1 to 30/],
    [['--years', '3', '--turnover', '150%'], /from 0% to 100%/],
  ])('%j', (extra, message) => {
    const run = caseplan(['plan', '--target', '19', ...COUNCIL, ...(extra as string[])]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('--convert-agency', () => {
  it('replaces agency FTE in year 1 and reports the saving', () => {
    const args = ['plan', '--target', '19', '--years', '5', ...COUNCIL, '--format', 'json'];
    const kept = json(caseplan(args));
    const converted = json(caseplan([...args, '--convert-agency']));
    expect(converted.agency_conversion.converted_fte).toBeGreaterThan(0);
    expect(converted.agency_conversion.hires).toBeGreaterThanOrEqual(Math.ceil(converted.agency_conversion.converted_fte - 1e-9));
    const total = (r: { totals: { paybill: number; recruitment_cost: number } }) => r.totals.paybill + r.totals.recruitment_cost;
    expect(converted.agency_conversion.saving).toBeCloseTo(total(kept) - total(converted), 2);
    expect(converted.agency_conversion.saving).toBeGreaterThan(0);
  });
});
