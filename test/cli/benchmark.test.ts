// `caseplan benchmark` (issue 14) against the Department's file, read here independently with
// csv-parse: the council, its ten statistical neighbours, its region and England.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { caseplan, json, ROOT } from './run.js';

const census: Record<string, string>[] = parse(readFileSync(join(ROOT, 'data/dfe/csww_indicators_2017_to_2025.csv')), { columns: true });
const groups: string[][] = parse(readFileSync(join(ROOT, 'data/dfe/statistical_neighbours_2021.csv')), { bom: true, relax_column_count: true }).slice(1);
const row = (code: string, year: number) => census.find((r) => r.old_la_code === code && r.time_period === String(year));
const INDICATORS = ['inpost_fte', 'case_holders_fte', 'cases', 'caseload_fte', 'turnover_rate_fte', 'agency_rate_fte', 'vacancy_rate_fte', 'starters_fte', 'leavers_fte', 'absence_rate_fte'];
const value = (cell: string | undefined) => (cell === undefined ? null : /^-?[\d.]+$/.test(cell) ? Number(cell) : cell);

describe('caseplan benchmark', () => {
  it('Wakefield (384) in 2025 beside its neighbours, region and England, as the file has them', () => {
    const out = json(caseplan(['benchmark', '--la', '384', '--year', '2025', '--format', 'json']));
    const neighbours = groups.find((g) => g[0] === '384')!.filter((_, i) => i >= 5 && i % 2 === 1).slice(0, 10);
    expect(out.neighbours.map((n: { old_la_code: string }) => n.old_la_code)).toEqual(neighbours);
    const region = census.find((r) => r.geographic_level === 'Regional' && r.region_name === 'Yorkshire and The Humber' && r.time_period === '2025')!;
    const england = census.find((r) => r.geographic_level === 'National' && r.time_period === '2025')!;
    for (const indicator of INDICATORS) {
      const got = out.side_by_side.find((r: { indicator: string }) => r.indicator === indicator);
      const mine = value(row('384', 2025)![indicator]);
      const theirs = neighbours.map((c) => value(row(c, 2025)?.[indicator])).filter((v): v is number => typeof v === 'number');
      expect(got.council).toBe(mine);
      expect(got.region).toBe(value(region[indicator]));
      expect(got.england).toBe(value(england[indicator]));
      expect(got.neighbours.published).toBe(theirs.length);
      expect(got.neighbours.mean).toBeCloseTo(theirs.reduce((s, v) => s + v, 0) / theirs.length, 3);
      expect(got.neighbours.lowest).toBe(Math.min(...theirs));
      expect(got.neighbours.highest).toBe(Math.max(...theirs));
      expect(got.neighbours.rank).toBe(1 + theirs.filter((v) => v > (mine as number)).length);
    }
    // The figures the Department's README gives to check against.
    const caseload = out.side_by_side.find((r: { indicator: string }) => r.indicator === 'case_holders_fte');
    expect([caseload.council, caseload.england]).toEqual([150, 21105.4]);
    const y2018 = out.by_year.find((y: { year: number }) => y.year === 2018).council;
    expect([y2018.case_holders_fte, y2018.cases, y2018.caseload_fte, y2018.turnover_rate_fte, y2018.agency_rate_fte]).toEqual([164.7, 3611, 21.9, 16.4, 28.7]);
  });

  it('a figure not published is its symbol, never 0: Sunderland\'s agency rate is "low"', () => {
    const csv = caseplan(['benchmark', '--la', 'Sunderland', '--format', 'csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('area,area_type,year,indicator,value');
    expect(lines).toContain('Sunderland,council,2025,agency_rate_fte,low');
    expect(caseplan(['benchmark', '--la', 'Sunderland']).stdout).toContain('low = low: a small figure not published');
  });

  it('finds a council by old code, ONS code or name, any case, with a did-you-mean; says when one was not published', () => {
    for (const query of ['384', 'E08000036', 'wakefield', 'WAKEFIELD']) expect(json(caseplan(['benchmark', '--la', query, '--format', 'json'])).council.name).toBe('Wakefield');
    const typo = caseplan(['benchmark', '--la', 'Wakefeld']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean "Wakefield"?');
    // Northamptonshire split in 2021; the two new councils are published together.
    expect(json(caseplan(['benchmark', '--la', 'West Northamptonshire', '--format', 'json'])).council.old_la_code).toBe('940 / 941');
    const old = caseplan(['benchmark', '--la', 'Northamptonshire', '--year', '2025']);
    expect(old.stdout).toContain('Northamptonshire (928) was not published in 2025: it is published for 2017, 2018, 2019, 2020. In 2025: North Northamptonshire / West Northamptonshire (940 / 941).');
    expect(caseplan(['benchmark', '--la', '384', '--year', '2016']).stderr).toContain('the published figures run from 2017 to 2025');
  });

  it('with --staff, a "your files" column measured the same way, and its difference from the published figure', () => {
    // Sheffield's 2017 council report (202 social workers, 2,992 cases) against its census return (190.2, 3,376).
    const out = json(caseplan(['benchmark', '--la', 'Sheffield', '--year', '2017', '--staff', 'fixtures/sheffield-2017/staff.csv', '--format', 'json']));
    expect(out.your_files.as_of).toBe('2017-09-30');
    expect(out.your_files.values).toMatchObject({ case_holders_fte: 202, cases: 2992, caseload_fte: 14.8, agency_rate_fte: 0, turnover_rate_fte: null });
    expect(out.your_files.difference).toMatchObject({ case_holders_fte: 11.8, cases: -384, caseload_fte: -3 });
    const csv = caseplan(['benchmark', '--la', 'Sheffield', '--year', '2017', '--staff', 'fixtures/sheffield-2017/staff.csv', '--format', 'csv']).stdout;
    expect(csv).toContain('your files,your_files,2017,cases,2992');
    // The long table carries the neighbours' statistics of the year too.
    expect(csv).toContain("Sheffield's neighbours: rank,neighbours_rank,2017,caseload_fte,6");
  });

  it('joint entries: a neighbour named by both its codes counts once, and a council is never its own neighbour', () => {
    // City of London's neighbours include 314 and 318, published together as "314 / 318".
    const city = json(caseplan(['benchmark', '--la', '201', '--year', '2021', '--format', 'json']));
    const holders = city.side_by_side.find((r: { indicator: string }) => r.indicator === 'case_holders_fte');
    expect(holders.neighbours.published).toBe(9);
    expect(city.neighbours.filter((n: { name: string | null }) => n.name === 'Kingston upon Thames / Richmond upon Thames')).toHaveLength(1);
    // North and West Northamptonshire's grouping (940's) names 941, itself.
    const joint = json(caseplan(['benchmark', '--la', '940', '--year', '2025', '--format', 'json']));
    expect(joint.neighbours.map((n: { old_la_code: string }) => n.old_la_code)).not.toContain('941');
    // Cumbria (909), a neighbour, was not published in 2025: 8 neighbours and the council itself.
    expect(joint.side_by_side.find((r: { indicator: string }) => r.indicator === 'inpost_fte').neighbours).toMatchObject({ published: 8, of: 9, mean: 448.613 });
  });

  it('finds a council by an ONS code it had in earlier years, suggests names that contain what was typed, and says when a council has no neighbours', () => {
    expect(json(caseplan(['benchmark', '--la', 'E08000016', '--format', 'json'])).council.name).toBe('Barnsley');
    expect(caseplan(['benchmark', '--la', 'Hull']).stderr).toContain('did you mean "Kingston upon Hull, City of"');
    expect(caseplan(['benchmark', '--la', 'Cumberland']).stdout).toContain('Cumberland has no statistical neighbours in the Department\'s 2021 groupings');
  });
});
