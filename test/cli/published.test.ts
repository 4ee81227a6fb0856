// Planning from published figures (issue 14): `--la COUNCIL --year YYYY` instead of --staff.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseplan, json } from './run.js';

describe('plan --la', () => {
  it('Wakefield 2018 at 19: 164.7 case holders FTE and 3,611 cases need 26 early-career hires', () => {
    const out = json(caseplan(['plan', '--la', 'Wakefield', '--year', '2018', '--target', '19', '--format', 'json']));
    expect(out.as_of).toBe('2018-09-30');
    expect(out.current.case_holding_fte).toBe(164.7);
    expect(out.current.open_cases).toBe(3611);
    expect(out.open_cases_source.kind).toBe('published');
    // 3,611 / 19 = 190.05 FTE: 26 more than 164.7; team managers assumed ⌈164.7 / 7⌉ = 24, 28 needed after.
    expect(out.hires).toEqual({ experienced: 0, early_career: 26, team_manager: 4, total: 30 });
    expect(out.current.team_manager_fte).toBe(24);
    // The published agency rate, 28.7%, of the case holders.
    expect(out.current.agency_fte).toBeCloseTo(0.287 * 164.7, 9);
    const text = caseplan(['plan', '--la', '384', '--year', '2018', '--target', '19']).stdout;
    expect(text).toContain('the cases published for Wakefield (384) at 30 September 2018');
    expect(text).toContain('team managers in post are not published: assumed ⌈164.7 / 7⌉ = 24');
    // Without --experienced-share the split is an assumption, not a figure: the table says so.
    expect(text).toMatch(/Experienced share\s+│\s+not published\s+│\s+not published/);
  });

  it("the projection's defaults are the council's published turnover and its cases' average yearly change over three years", () => {
    const out = json(caseplan(['plan', '--la', 'E08000036', '--year', '2025', '--target', '19', '--years', '2', '--format', 'json']));
    expect(out.rates.turnover).toMatchObject({ value: 0.126, source: 'published' });
    expect(out.rates.growth.source).toBe('published');
    expect(out.rates.growth.value).toBeCloseTo((2927 / 2445) ** (1 / 3) - 1, 6);
  });

  it('a mix needs --experienced-share; with it the experienced FTE are that share', () => {
    const refused = caseplan(['plan', '--la', 'Wakefield', '--target', '19', '--mix', '50%']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--mix needs --experienced-share S with --la');
    const out = json(caseplan(['plan', '--la', 'Wakefield', '--year', '2018', '--target', '19', '--mix', '50%', '--experienced-share', '40%', '--format', 'json']));
    expect(out.current.experienced_fte).toBeCloseTo(0.4 * 164.7, 9);
    expect(out.after.experienced_share).toBeGreaterThanOrEqual(0.5);
  });

  it('refuses what --la replaces, and its companions without it', () => {
    expect(caseplan(['plan', '--la', '384', '--staff', 'fixtures/staff.csv', '--target', '19']).stderr).toContain('leave out --staff');
    expect(caseplan(['plan', '--target', '19', '--year', '2018', '--staff', 'fixtures/staff.csv']).stderr).toContain('--year picks the published year to plan from: it needs --la COUNCIL');
    expect(caseplan(['plan', '--target', '19']).stderr).toContain("required option '--staff <file>' not specified");
    const old = caseplan(['plan', '--la', 'Northamptonshire', '--year', '2025', '--target', '19']);
    expect(old.code).toBe(2);
    expect(old.stderr).toContain('Northamptonshire (928) was not published in 2025');
  });

  it('compare, optimise and report take --la too', () => {
    const rows = json(caseplan(['compare', '--la', 'Wakefield', '--year', '2018', '--target', '15,19', '--format', 'json'])).scenarios;
    expect(rows.map((r: { hires_early_career: number }) => r.hires_early_career)).toEqual([Math.ceil(3611 / 15 - 164.7), 26]);
    expect(caseplan(['optimise', '--la', 'Wakefield', '--year', '2018', '--target', '19', '--years', '2', '-q']).code).toBe(0);
  });

  it('report --la has the benchmark section, with caseload and turnover over the years against the neighbours and England', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caseplan-la-'));
    const html = join(dir, 'wakefield.html');
    expect(caseplan(['report', '--la', 'Wakefield', '--year', '2025', '--target', '17', '--html', html]).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('data-section="benchmark"');
    expect(page).toContain('data-chart="benchmark-caseload-fte"');
    expect(page).toContain('data-chart="benchmark-turnover-rate-fte"');
    // One point per year, 2017 to 2025, each with the figures in its tooltip.
    expect(page).toContain('2018: Wakefield 21.9, neighbours');
    expect(page).toContain('Contains public sector information licensed under the Open Government Licence v3.0');
  });

  it('plan --by la: every council, whose rows sum to their region and England rows; England as one pool beside the sum', () => {
    const out = json(caseplan(['plan', '--by', 'la', '--target', '15', '--year', '2025', '--format', 'json']));
    const areas = out.areas as Record<string, any>[];
    const councils = areas.filter((a) => a.area_type === 'council' && a.planned);
    const sumOf = (rows: Record<string, any>[], key: string) => Math.round(rows.reduce((s, r) => s + r[key] * 100, 0)) / 100;
    for (const region of areas.filter((a) => a.area_type === 'region')) {
      const mine = councils.filter((c) => c.region === region.name);
      for (const key of ['hires_experienced', 'hires_early_career', 'hires_team_manager', 'annual_cost', 'one_off_cost', 'cases']) expect(region[key]).toBe(sumOf(mine, key));
      expect(region.councils).toBe(mine.length);
    }
    const england = areas.find((a) => a.area_type === 'england')!;
    for (const key of ['hires_early_career', 'hires_team_manager', 'annual_cost', 'one_off_cost']) expect(england[key]).toBe(sumOf(councils, key));
    const pooled = areas.find((a) => a.area_type === 'england_pooled')!;
    // England 2025: 21,105.4 case holders FTE and 321,661 cases, so ⌈321,661 / 15 - 21,105.4⌉ = 339 hires.
    expect([pooled.case_holders_fte, pooled.cases, pooled.hires_early_career]).toEqual([21105.4, 321661, 339]);
    expect(england.hires_early_career).toBeGreaterThan(pooled.hires_early_career);
    // Westminster and Kensington and Chelsea published no case holders or cases in 2025: listed, not planned.
    const notPlanned = areas.filter((a) => a.area_type === 'council' && !a.planned);
    expect(notPlanned.map((a) => a.name).sort()).toEqual(['Kensington and Chelsea', 'Westminster']);
    expect(notPlanned[0]!.reason).toContain('not published');
    expect(notPlanned[0]!.hires_early_career).toBe(null);
  });

  it('compare --la all: each scenario\'s sum of council plans and England as one pool, as plan --by la gives them', () => {
    const rows = json(caseplan(['compare', '--la', 'all', '--target', '15,17', '--year', '2025', '--format', 'json'])).scenarios as Record<string, any>[];
    const national = json(caseplan(['plan', '--by', 'la', '--target', '17', '--year', '2025', '--format', 'json'])).areas as Record<string, any>[];
    const sum17 = rows.find((r) => r.target === 17 && r.area === 'england_sum_of_councils')!;
    const england = national.find((a) => a.area_type === 'england')!;
    expect([sum17.hires_early_career, sum17.hires_team_manager, sum17.annual_cost, sum17.one_off_cost]).toEqual([england.hires_early_career, england.hires_team_manager, england.annual_cost, england.one_off_cost]);
    expect(rows.map((r) => r.area)).toEqual(['england_sum_of_councils', 'england_one_pool', 'england_sum_of_councils', 'england_one_pool']);
  });

  it('a figure not published is said, never taken as 0: the agency rate, and turnover from the region instead', () => {
    const sunderland = json(caseplan(['plan', '--la', 'Sunderland', '--year', '2025', '--target', '15', '--years', '1', '--format', 'json']));
    expect(sunderland.rates.agency_share).toMatchObject({ value: 0, source: 'default' });
    expect(sunderland.rates.agency_share.note).toContain('not published ("low")');
    const scilly = json(caseplan(['plan', '--la', 'Isles of Scilly', '--year', '2022', '--target', '15', '--years', '1', '--format', 'json']));
    expect(scilly.rates.turnover.note).toContain('turnover was not published ("z"): South West\'s published FTE turnover rate');
    expect(scilly.rates.turnover.value).toBeGreaterThan(0);
  });

  it('refuses what the published figures cannot carry: teams, a projection of every council, and --explain', () => {
    expect(caseplan(['plan', '--la', 'Wakefield', '--target', '15', '--by', 'team']).stderr).toContain('the published figures have no teams');
    expect(caseplan(['plan', '--by', 'la', '--target', '15', '--years', '2']).stderr).toContain('leave out --years');
    expect(caseplan(['plan', '--la', 'Wakefield', '--target', '15', '--explain']).code).toBe(2);
    const compare = json(caseplan(['compare', '--la', 'Wakefield', '--target', '15,17', '--format', 'json']));
    expect(compare.published.label).toContain('Wakefield (384) at 30 September 2025');
    expect(compare.published.assumptions).toContain('Contains public sector information licensed under the Open Government Licence v3.0');
  });

  it('the assumptions table (CSV, workbook) says the figures are published and what was assumed', () => {
    const csv = caseplan(['plan', '--la', 'Wakefield', '--year', '2018', '--target', '19', '--format', 'csv', '--table', 'assumptions']).stdout;
    expect(csv).toContain('as_of,2018-09-30,published,the census date of the published figures');
    expect(csv).toContain('published.3,,published,"team managers in post are not published: assumed ⌈164.7 / 7⌉ = 24');
    expect(csv).toContain('Contains public sector information licensed under the Open Government Licence v3.0');
  });
});
