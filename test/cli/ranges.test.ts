// --ranges (issue 16) through the CLI: the central projection unchanged, the percentiles beside it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseplan, json } from './run.js';

const SAMPLE = ['plan', '--target', '19', '--years', '5', '--growth', '4%', '--turnover', '15%', '--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv', '--as-of', '2026-09-30', '-q'];

describe('plan --ranges', () => {
  it('leaves the central projection as it is and adds the percentiles, reproducibly', () => {
    const central = json(caseplan([...SAMPLE, '--format', 'json']));
    const args = [...SAMPLE, '--ranges', '--growth-sd', '2', '--turnover-sd', '3', '--runs', '300', '--format', 'json'];
    const out = json(caseplan(args));
    const { ranges, ...rest } = out;
    expect(rest).toEqual(central);
    expect(ranges.runs).toBe(300);
    expect(ranges.seed).toBe(1);
    expect(ranges.sources.growth).toContain('2 percentage points');
    for (const y of ranges.by_year) {
      for (const key of ['open_cases', 'average_caseload', 'additional_cost', 'hires_early_career']) {
        expect(y[key].p10).toBeLessThanOrEqual(y[key].p50);
        expect(y[key].p50).toBeLessThanOrEqual(y[key].p90);
      }
    }
    // Year 0 is now: not drawn.
    expect(ranges.by_year[0].open_cases).toEqual({ p10: 3604, p50: 3604, p90: 3604 });
    expect(ranges.total_additional_cost.p10).toBeLessThan(central.totals.additional_cost);
    expect(ranges.total_additional_cost.p90).toBeGreaterThan(central.totals.additional_cost);
    expect(json(caseplan(args))).toEqual(out);
    expect(json(caseplan([...args.slice(0, -2), '--seed', '2', '--format', 'json'])).ranges).not.toEqual(ranges);
  });

  it('CSV --table ranges has the percentile columns; the flags are refused without --ranges or --years', () => {
    const csv = caseplan([...SAMPLE, '--ranges', '--runs', '50', '--format', 'csv', '--table', 'ranges']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toContain('year,open_cases_p10,open_cases_p50,open_cases_p90,');
    expect(caseplan([...SAMPLE, '--runs', '50']).stderr).toContain('--runs is for --ranges: add --ranges');
    expect(caseplan(['plan', '--target', '19', '--staff', 'fixtures/staff.csv', '--cases', '3000', '--ranges']).stderr).toContain('--ranges needs --years N');
  });

  it('report --ranges draws fan charts of the caseload and the additional cost', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caseplan-ranges-'));
    const html = join(dir, 'ranges.html');
    const args = SAMPLE.filter((a) => a !== 'plan');
    expect(caseplan(['report', '--html', html, ...args, '--ranges', '--runs', '100', '--growth-sd', '2']).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('data-chart="fan-caseload"');
    expect(page).toContain('data-chart="fan-additional-cost"');
    expect(page).toContain('data-band');
  });

  it('derives the spreads it is not given: from the council\'s published series, or says it cannot', () => {
    const sd = (v: number[]) => { const m = v.reduce((a, b) => a + b, 0) / v.length; return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1)); };
    // Wakefield's published FTE turnover in the last five years to 2025 (the file, as the benchmark shows
    // it), less the chance variation of its 230.7 FTE in post, which the binomial draw adds back.
    const years = json(caseplan(['benchmark', '--la', 'Wakefield', '--format', 'json'])).by_year.filter((y: any) => y.year >= 2021);
    const rates = years.map((y: any) => y.council.turnover_rate_fte / 100);
    const mean = rates.reduce((a: number, b: number) => a + b, 0) / rates.length;
    const expected = Math.sqrt(sd(rates) ** 2 - (mean * (1 - mean)) / 230.7);
    const out = json(caseplan(['plan', '--la', 'Wakefield', '--target', '19', '--years', '2', '--ranges', '--runs', '20', '--format', 'json', '-q']));
    expect(out.ranges.sources.turnover).toContain(`${+(expected * 100).toFixed(4)} percentage points a year`);
    expect(out.ranges.sources.turnover).toContain("the spread of Wakefield's published FTE turnover in 2021, 2022, 2023, 2024, 2025");
    const own = json(caseplan([...SAMPLE, '--ranges', '--runs', '20', '--format', 'json']));
    expect(own.ranges.sources.turnover).toContain('not varied: no --turnover-sd, and it cannot be derived');
  });

  it('derives the growth spread from referrals covering four or more whole years', () => {
    // Cases received in the five years to 30 September 2026, latest first: 100, 90, 95, 80, 70 (all closed).
    const counts = [100, 90, 95, 80, 70];
    const rows = ['referral_id,received_date,outcome,closed_date'];
    counts.forEach((n, j) => {
      for (let i = 0; i < n; i++) rows.push(`R${j}-${i},${2026 - j}-0${1 + (i % 8)}-15,case,${2026 - j}-09-20`);
    });
    // The earliest referral must reach back to the start of the oldest window: one in October 2021.
    rows.push('R-first,2021-10-02,nfa,2021-10-03');
    const dir = mkdtempSync(join(tmpdir(), 'caseplan-growth-'));
    writeFileSync(join(dir, 'referrals.csv'), `${rows.join('\n')}\n`);
    const out = json(caseplan(['plan', '--target', '19', '--years', '2', '--ranges', '--runs', '20', '--staff', 'fixtures/staff.csv', '--referrals', join(dir, 'referrals.csv'), '--cases', '3000', '--as-of', '2026-09-30', '-q', '--format', 'json']));
    const changes = counts.slice(0, -1).map((c, j) => c / counts[j + 1]! - 1);
    const mean = changes.reduce((a, b) => a + b, 0) / changes.length;
    const sd = Math.sqrt(changes.reduce((a, b) => a + (b - mean) ** 2, 0) / (changes.length - 1));
    expect(out.ranges.sources.growth).toContain(`${+(sd * 100).toFixed(4)} percentage points a year`);
    expect(out.ranges.sources.growth).toContain('the spread of 4 yearly changes in cases received');
  });

  it('compare --ranges: each scenario\'s additional cost range, as a separate plan --ranges gives it', () => {
    const common = ['--years', '3', '--growth', '4%', '--turnover', '15%', '--ranges', '--runs', '100', '--growth-sd', '2', '--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv', '--as-of', '2026-09-30', '-q', '--format', 'json'];
    const rows = json(caseplan(['compare', '--target', '17,19', ...common])).scenarios;
    const single = json(caseplan(['plan', '--target', '17', ...common])).ranges.total_additional_cost;
    expect([rows[0].additional_cost_p10, rows[0].additional_cost_p50, rows[0].additional_cost_p90]).toEqual([single.p10, single.p50, single.p90]);
  });

  it('with no spread and --no-binomial every run is the central projection; compare refuses --optimise with --ranges', () => {
    const out = json(caseplan([...SAMPLE, '--ranges', '--growth-sd', '0', '--turnover-sd', '0', '--no-binomial', '--runs', '30', '--format', 'json']));
    for (const [k, y] of out.ranges.by_year.entries()) {
      expect(y.additional_cost).toEqual({ p10: out.projection[k].additional_cost, p50: out.projection[k].additional_cost, p90: out.projection[k].additional_cost });
    }
    expect(out.ranges.total_additional_cost.p50).toBe(out.totals.additional_cost);
    const refused = caseplan(['compare', '--target', '17,19', '--years', '3', '--optimise', '--ranges', '--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv', '--as-of', '2026-09-30']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("the optimiser's hires are chosen for one future");
  });
});
