#!/usr/bin/env node
// Regenerates docs/report.png, the README's picture of `caseplan report`: builds the report from the
// fixtures (worked example 2) and screenshots it in headless Chromium (Debian's `chromium`, or the
// browser at $CHROMIUM). Run after `npm run build`:  node scripts/report-screenshot.mjs [out.png]
// With --print it screenshots the page as printed (print CSS, A4 width) instead.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const print = args.includes('--print');
const out = resolve(args.find((a) => !a.startsWith('--')) ?? join(root, 'docs/report.png'));
const html = join(mkdtempSync(join(tmpdir(), 'caseplan-report-')), 'report.html');

const run = spawnSync(
  process.execPath,
  [
    join(root, 'bin/caseplan.js'), 'report', '--html', html,
    '--target', '19', '--mix', '50%', '--mix-by', '3', '--years', '5', '--growth', '4%', '--turnover', '15%', '--pay-award', '3%',
    '--as-of', '2026-09-30', '--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv',
  ],
  { cwd: root, encoding: 'utf8' },
);
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  process.exit(1);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  // A4 at 96 dpi is 794 px wide; the screen view is shown at a laptop's width.
  const page = await browser.newPage({ viewport: { width: print ? 794 : 1000, height: 1200 }, deviceScaleFactor: 1 });
  if (print) await page.emulateMedia({ media: 'print' });
  await page.goto(pathToFileURL(html).href);
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out, fullPage: true });
  process.stdout.write(`wrote ${out}\n`);
} finally {
  await browser.close();
}
