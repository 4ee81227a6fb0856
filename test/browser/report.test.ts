// The HTML report in a real browser: headless Chromium (Debian's `chromium`, or $CHROMIUM) loads it
// with no console errors and no requests beyond the file itself, draws every chart point, and lays
// it out within an A4 page's width when printed. Without Chromium the tests are skipped with a
// message, unless CASEPLAN_REQUIRE_BROWSER=1 (CI), when they fail.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseplan, folderWith } from '../cli/run.js';

/** $CHROMIUM if set (a path that does not exist means none), else the chromium on the PATH. */
function findChromium(): string | null {
  const chosen = process.env.CHROMIUM;
  if (chosen !== undefined && chosen !== '') return existsSync(chosen) ? chosen : null;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

const executablePath = findChromium();
const required = process.env.CASEPLAN_REQUIRE_BROWSER === '1';
if (executablePath === null && !required) {
  console.warn('test/browser: SKIPPED: no chromium found (apt-get install chromium, or set CHROMIUM=/path); set CASEPLAN_REQUIRE_BROWSER=1 to make this a failure');
}

const YEARS = 5;
const OPTIONS = ['--target', '19', '--mix', '50%', '--mix-by', '3', '--years', String(YEARS), '--growth', '4%', '--turnover', '15%', '--pay-award', '3%', '--as-of', '2026-09-30', '--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv'];

function writeReport(options: string[]): string {
  const file = join(folderWith({}), 'report.html');
  const run = caseplan(['report', '--html', file, ...options]);
  if (run.code !== 0) throw new Error(`caseplan report: exit ${run.code}: ${run.stderr}`);
  return file;
}

interface Loaded {
  page: Page;
  errors: string[];
  requests: string[];
}

describe('the HTML report in headless Chromium', () => {
  it.runIf(executablePath === null && required)('needs chromium (CASEPLAN_REQUIRE_BROWSER=1)', () => {
    expect.fail('chromium is not installed: .ci/run installs it with apt-get install chromium; or set CHROMIUM=/path/to/chromium');
  });

  describe.skipIf(executablePath === null)('with chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: executablePath!, args: ['--no-sandbox', '--disable-gpu'] });
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    async function load(file: string, options: { print?: boolean; width?: number } = {}): Promise<Loaded> {
      const page = await browser.newPage({ viewport: { width: options.width ?? 1000, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') errors.push(`${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
      page.on('request', (request) => requests.push(request.url()));
      if (options.print) await page.emulateMedia({ media: 'print' });
      const response = await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      expect(response?.ok() ?? true).toBe(true);
      return { page, errors, requests };
    }

    it('loads with no console errors and fetches nothing but the file', async () => {
      const file = writeReport(OPTIONS);
      const { page, errors, requests } = await load(file);
      expect(errors).toEqual([]);
      expect(requests).toEqual([pathToFileURL(file).href]);
      expect(await page.title()).toContain('Bringing the average caseload to 19');
      await page.close();
    });

    it('draws every chart with one visible point per year', async () => {
      const { page } = await load(writeReport(OPTIONS));
      for (const name of ['caseload', 'fte', 'cost']) {
        const chart = page.locator(`svg[data-chart="${name}"]`);
        await expect.poll(() => chart.count()).toBe(1);
        const box = await chart.boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(300);
        const points = chart.locator('[data-point]');
        expect(await points.count()).toBe(YEARS + 1);
        for (const point of await points.all()) {
          const p = await point.boundingBox();
          expect(p, `${name} point`).not.toBeNull();
          expect(p!.width).toBeGreaterThan(0);
          expect(p!.y).toBeGreaterThanOrEqual(box!.y - 1);
          expect(p!.y + p!.height).toBeLessThanOrEqual(box!.y + box!.height + 1);
        }
      }
      // The year-by-year table: a row per year, as shown.
      expect(await page.locator('table[data-table="years"] tbody tr').count()).toBe(YEARS + 1);
      await page.close();
    });

    it('fits an A4 page when printed and makes a PDF', async () => {
      // A4 is 210 mm wide; less 15 mm margins each side leaves 180 mm, 680 CSS pixels.
      const { page, errors } = await load(writeReport(OPTIONS), { print: true, width: 680 });
      expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(680);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(errors).toEqual([]);
      await page.close();
    });

    it('shows a shortage market: the short years and invest to save, and still fits A4 when printed', async () => {
      const file = writeReport([...OPTIONS, '--max-hires', '20', '--agency-cover', '--retention', 'experienced:3000:12%']);
      const { page, errors } = await load(file, { print: true, width: 680 });
      expect(errors).toEqual([]);
      expect(await page.locator('table[data-table="short-years"] tbody tr').count()).toBeGreaterThan(0);
      expect(await page.locator('table[data-table="retention"] tbody tr').count()).toBe(YEARS + 1);
      expect(await page.locator('text=Within the recruitment limits').count()).toBe(1);
      expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(680);
      await page.close();
    });

    it('loads cleanly without --years too, with no charts', async () => {
      const { page, errors } = await load(writeReport(OPTIONS.filter((_, i) => i < 4 || i > 13)));
      expect(errors).toEqual([]);
      expect(await page.locator('svg[data-chart]').count()).toBe(0);
      expect(await page.locator('[data-figure="hires"]').count()).toBe(1);
      await page.close();
    });
  });
});
