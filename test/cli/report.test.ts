// `caseplan report --html FILE`: one self-contained HTML page with the same numbers as `plan`.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseplan, folderWith, json, ROOT } from './run.js';

const COUNCIL = ['--as-of', '2026-09-30', '--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv'];
const OPTIONS = ['--target', '19', '--mix', '50%', '--mix-by', '3', '--years', '5', '--growth', '4%', '--turnover', '15%', '--pay-award', '3%', ...COUNCIL];

function report(options: string[], name = 'report.html'): { html: string; file: string; stdout: string } {
  const file = join(folderWith({}), name);
  const run = caseplan(['report', '--html', file, ...options]);
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return { html: readFileSync(file, 'utf8'), file, stdout: run.stdout };
}

/** The markup of one element, from its opening tag (matched by `opening`) to its closing tag. */
function element(html: string, tag: string, opening: string): string {
  const start = html.indexOf(`<${tag} ${opening}`);
  if (start < 0) return '';
  return html.slice(start, html.indexOf(`</${tag}>`, start) + tag.length + 3);
}

/** A table's body and footer rows as the text of their cells. */
function rows(table: string): string[][] {
  return [...table.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].slice(1).map((m) => [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((c) => c[1]!.replace(/<[^>]+>/g, '')));
}

/** A displayed number ("£1,234.56", "190.3", "33.5%") as a number. */
const amount = (text: string) => Number(text.replace(/[£,%]/g, ''));

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;
const figure = (html: string, name: string) => Number(html.match(new RegExp(`data-figure="${name}" data-value="([^"]+)"`))?.[1]);
const pounds = (n: number) => `£${n.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

describe('caseplan report --html', () => {
  const { html, file, stdout } = report(OPTIONS);
  const plan = json(caseplan(['plan', ...OPTIONS, '--format', 'json']));

  it('writes the file and says where', () => {
    expect(existsSync(file)).toBe(true);
    expect(stdout.trim()).toBe(`caseplan: report written to ${file}, years 0 to 5`);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('is self-contained: no scripts, nothing fetched, print CSS for A4', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).toContain('@media print');
    expect(html).toContain('@page { size: A4; margin: 15mm; }');
  });

  it('has the headline numbers of `plan --format json` with the same options', () => {
    expect(figure(html, 'hires')).toBe(plan.hires.total);
    expect(figure(html, 'annual-cost')).toBe(plan.cost.annual);
    expect(figure(html, 'caseload-after')).toBe(plan.after.average_caseload);
    expect(figure(html, 'additional-cost')).toBe(plan.totals.additional_cost);
    expect(html).toContain(pounds(plan.cost.annual));
    expect(html).toContain(pounds(plan.cost.one_off));
    expect(html).toContain(pounds(plan.totals.additional_cost));
    expect(html).toContain(
      `Hire ${plan.hires.experienced} experienced and ${plan.hires.early_career} early-career social workers and ${plan.hires.team_manager} team managers`,
    );
  });

  it('has the current and after-hires figures', () => {
    const table = rows(element(html, 'table', 'data-table="now-after"'));
    const row = (label: string) => table.find((r) => r[0]!.trim() === label)!.slice(1).map(amount);
    const [fteNow, fteAfter] = row('Case-holding FTE');
    expect(Math.abs(fteNow! - plan.current.case_holding_fte)).toBeLessThan(0.01);
    expect(Math.abs(fteAfter! - plan.after.case_holding_fte)).toBeLessThan(0.01);
    const [caseloadNow, caseloadAfter] = row('Average caseload (cases per FTE)');
    expect(Math.abs(caseloadNow! - plan.current.average_caseload)).toBeLessThan(0.05);
    expect(Math.abs(caseloadAfter! - plan.after.average_caseload)).toBeLessThan(0.05);
  });

  it('has a year-by-year table with a row per year, years 0 to N, and a total row', () => {
    for (const name of ['years', 'years-cost']) {
      const table = element(html, 'table', `data-table="${name}"`);
      const body = table.slice(table.indexOf('<tbody>'), table.indexOf('</tbody>'));
      expect(count(body, /<tr>/g)).toBe(6);
      expect(table).toMatch(/<tfoot><tr class="total"><td[^>]*>Total<\/td>/);
    }
    const years = rows(element(html, 'table', 'data-table="years"'));
    expect(years.slice(0, 6).map((r) => [r[0], r[1]])).toEqual(plan.projection.map((y: { year: number; date: string }) => [String(y.year), y.date]));
    const cost = rows(element(html, 'table', 'data-table="years-cost"'));
    const additional = cost.map((r) => amount(r.at(-1)!));
    plan.projection.forEach((y: { additional_cost: number }, i: number) => expect(Math.abs(additional[i]! - y.additional_cost)).toBeLessThanOrEqual(0.5));
    expect(Math.abs(additional[6]! - plan.totals.additional_cost)).toBeLessThanOrEqual(0.5);
  });

  it('draws each chart with one point per year', () => {
    for (const name of ['caseload', 'fte', 'cost']) {
      const svg = element(html, 'svg', `data-chart="${name}"`);
      expect(svg, name).not.toBe('');
      expect(count(svg, /data-point/g), name).toBe(6);
    }
    // The caseload line against the target line.
    expect(element(html, 'svg', 'data-chart="caseload"')).toContain('data-reference');
    // FTE stacked by group; the fixtures have agency staff, so four segments a year.
    expect(count(element(html, 'svg', 'data-chart="fte"'), /<rect [^>]*height/g)).toBe(6 * 4 + 4);
  });

  it('without --years: the headline and now vs after, and a note that the year-by-year section needs --years', () => {
    const oneYear = report(['--target', '19', '--mix', '50%', ...COUNCIL]);
    const json1 = json(caseplan(['plan', '--target', '19', '--mix', '50%', ...COUNCIL, '--format', 'json']));
    expect(oneYear.stdout).toContain('no year-by-year section: add --years N');
    expect(figure(oneYear.html, 'hires')).toBe(json1.hires.total);
    expect(figure(oneYear.html, 'annual-cost')).toBe(json1.cost.annual);
    expect(oneYear.html).toContain('data-table="now-after"');
    expect(oneYear.html).not.toContain('data-chart=');
    expect(oneYear.html).not.toContain('data-table="years"');
    expect(oneYear.html).toContain('data-note="needs-years"');
  });

  it('escapes file names and other text for HTML', () => {
    const dir = folderWith({});
    const staff = join(dir, 'staff <b>&"x".csv');
    copyFileSync(join(ROOT, 'fixtures/staff.csv'), staff);
    const run = caseplan(['report', '--html', join(dir, 'r.html'), '--target', '19', '--staff', staff, '--cases', '3400', '--as-of', '2026-09-30']);
    expect(run.code).toBe(0);
    const page = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(page).toContain('staff &lt;b&gt;&amp;&quot;x&quot;.csv');
    expect(page).not.toContain('<b>');
  });

  it('refuses to write over an input, and needs --html and --target', () => {
    const over = caseplan(['report', '--html', 'fixtures/staff.csv', ...OPTIONS]);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('--html fixtures/staff.csv is one of the input files');
    expect(caseplan(['report', ...OPTIONS]).code).toBe(2);
    expect(caseplan(['report', '--html', join(folderWith({}), 'r.html'), ...COUNCIL]).code).toBe(2);
    const noYears = caseplan(['report', '--html', join(folderWith({}), 'r.html'), '--target', '19', '--growth', '4%', ...COUNCIL]);
    expect(noYears.code).toBe(2);
    expect(noYears.stderr).toContain('--growth needs --years N');
  });
});
