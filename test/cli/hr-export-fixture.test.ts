// Issue 10, "Done means": a real-looking HR export (title rows, FTE %, job titles, contract and outcome
// wording, UK dates, a total row) read with one config file and no pre-processing gives exactly the
// plan of the clean sample files it was made from (scripts/hr-export-fixture.mjs).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseplan, json } from './run.js';

const CLEAN = ['--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv', '--as-of', '2026-09-30'];
const HR = ['--staff', 'fixtures/hr-export/staff.csv', '--referrals', 'fixtures/hr-export/referrals.csv', '--config', 'fixtures/hr-export/config.json', '--as-of', '2026-09-30'];
const PLAN = ['plan', '--target', '19', '--mix', '50%', '--mix-by', '3', '--years', '5', '--pay-award', '3%', '--format', 'json'];

describe('the sample council as an HR export', () => {
  const clean = json(caseplan([...PLAN, ...CLEAN]));
  const hr = caseplan([...PLAN, ...HR]);
  const fromExport = json(hr);

  it('gives the same workforce, hires, costs and projection as the clean files', () => {
    for (const section of ['current', 'hires', 'after', 'cost', 'constraints', 'projection', 'projection_by_group', 'totals']) {
      expect(fromExport[section], section).toEqual(clean[section]);
    }
    expect(fromExport.rates.growth.value).toBe(clean.rates.growth.value);
    expect(fromExport.rates.turnover.value).toBe(clean.rates.turnover.value);
  });

  it('says what it skipped: the title rows and the total row', () => {
    expect(hr.stderr).toMatch(/fixtures\/hr-export\/staff\.csv: lines 1-3 .*title/);
    expect(hr.stderr).toMatch(/fixtures\/hr-export\/staff\.csv:253: .*total row/);
  });
});

describe('the README shows the HR export as it is', () => {
  const readme = readFileSync('README.md', 'utf8');

  it('shows the config file exactly', () => {
    expect(readme).toContain('```json\n' + readFileSync('fixtures/hr-export/config.json', 'utf8') + '```');
  });

  it('shows the first lines of the staff file exactly', () => {
    const head = readFileSync('fixtures/hr-export/staff.csv', 'utf8').split('\r\n').slice(0, 6).join('\n');
    expect(readme).toContain('```text\n' + head + '\n```');
  });
});

describe('the HR export without its config', () => {
  it('points at the row that looks like the header, and at column_aliases', () => {
    const run = caseplan(['plan', '--target', '19', '--staff', 'fixtures/hr-export/staff.csv', '--cases', '100', '--as-of', '2026-09-30']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('fixtures/hr-export/staff.csv:1: missing required column "staff_id" (columns found: Establishment Report - Children\'s Social Care); line 4 looks like the header row (Employee Number, Job Title, Team Name, FTE %, Qualified Date, Case Holder, ...): map its headers to caseplan\'s columns with column_aliases in the config');
  });
});
