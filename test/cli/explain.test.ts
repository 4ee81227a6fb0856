import { describe, expect, it } from 'vitest';
import { caseplan, FLAT_ON_COSTS, json } from './run.js';

const COUNCIL = ['--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv', '--as-of', '2026-09-30', ...FLAT_ON_COSTS];

function at(object: unknown, path: string): unknown {
  return path.split('.').reduce((o: any, key) => (o === null || o === undefined ? undefined : o[key]), object);
}

describe('--explain', () => {
  const cases = [
    ['plan with a mix', ['plan', '--target', '19', '--mix', '50%', ...COUNCIL]],
    ['plan with caps', ['plan', '--target', '25', '--early-career-cap', '15', '--experienced-cap', '20', ...COUNCIL]],
    ['projection', ['plan', '--target', '19', '--years', '3', '--pay-award', '2%', ...COUNCIL]],
    ['Sheffield', ['plan', '--target', '19', '--mix', '50%', '--staff', 'fixtures/sheffield-2017/staff.csv', '--as-of', '2017-09-30']],
    ['a shortage market', ['plan', '--target', '19', '--mix', '50%', '--years', '2', '--max-hires', '10', '--agency-cover', '--turnover-early-career', 'derived', '--retention', 'experienced:3000:12%', ...COUNCIL]],
  ] as const;

  it.each(cases)('%s: every step\'s value equals the JSON field it names', (_, args) => {
    const result = json(caseplan([...args, '--explain', '--format', 'json']));
    expect(result.explanation.length).toBeGreaterThan(12);
    for (const step of result.explanation) {
      expect(at(result, step.step), step.step).toEqual(step.value);
    }
  });

  it('covers the source of open cases, who was counted, each constraint and which binds, the hires and each cost line', () => {
    const result = json(caseplan(['plan', '--target', '19', '--mix', '50%', ...COUNCIL, '--explain', '--format', 'json']));
    const steps = result.explanation.map((s: { step: string }) => s.step);
    expect(steps).toEqual(expect.arrayContaining([
      'inputs.staff.in_post', 'current.case_holding_fte', 'current.experienced_fte', 'current.open_cases', 'constraints.target.min_case_holding_fte',
      'constraints.mix.min_experienced_fte_after', 'binding_constraints', 'hires.experienced', 'hires.team_manager',
      'cost.by_group.experienced.annual', 'cost.by_group.early_career.annual', 'cost.by_group.team_manager.annual', 'cost.one_off',
    ]));
    const text = result.explanation.map((s: { text: string }) => s.text).join('\n');
    expect(text).toMatch(/of 12,376 rows in fixtures\/referrals\.csv/);
    expect(text).toMatch(/50 x £39,438\.00 salary x \(1 \+ 30% on-costs\) = £2,563,470\.00 a year/);
    expect(text).toMatch(/The mix binds: without it \d+ experienced/);
  });

  it('prints the same derivation after the table and in markdown', () => {
    const table = caseplan(['plan', '--target', '19', '--mix', '50%', ...COUNCIL, '--explain']).stdout;
    const md = caseplan(['plan', '--target', '19', '--mix', '50%', ...COUNCIL, '--explain', '--format', 'markdown']).stdout;
    expect(table).toMatch(/How these numbers were derived/);
    expect(table).toMatch(/ 1\. People in post at 2026-09-30: 215 of the 248 rows/);
    expect(md).toMatch(/^1\. People in post at 2026-09-30/m);
  });
});

describe('--explain with --years', () => {
  it('goes year by year: leavers, demand, experience, hires, paybill, baseline and additional cost, each equal to its JSON field', () => {
    const result = json(caseplan(['plan', '--target', '19', '--mix', '50%', '--mix-by', '3', '--years', '5', '--growth', '4%', '--turnover', '15%', '--pay-award', '3%', ...COUNCIL, '--explain', '--format', 'json']));
    const steps: { step: string; text: string; value: unknown }[] = result.explanation;
    for (let year = 0; year <= 5; year++) {
      for (const field of ['paybill', 'baseline_cost', 'additional_cost', ...(year > 0 ? ['leavers_fte', 'open_cases', 'experienced_fte', 'hires_experienced'] : [])]) {
        const step = steps.find((s) => s.step === `projection.${year}.${field}`);
        expect(step, `projection.${year}.${field}`).toBeDefined();
        expect(step!.value).toEqual(result.projection[year][field]);
      }
    }
    const year1 = steps.find((s) => s.step === 'projection.1.paybill')!.text;
    expect(year1).toContain('experienced social workers 66.81 FTE x £52,807.482 + 13.94 agency FTE x £52,807.482 x (1 + 33%) = £4,507,129.15');
  });
});

describe('--explain in a shortage market', () => {
  it('adds agency cover and retention payments into the additional cost, and says the year is short', () => {
    const result = json(caseplan(['plan', '--target', '19', '--years', '2', '--max-hires', '10', '--agency-cover', '--turnover-early-career', 'derived', '--retention', 'experienced:3000:12%', ...COUNCIL, '--explain', '--format', 'json']));
    const steps: { step: string; text: string }[] = result.explanation;
    const additional = steps.find((s) => s.step === 'projection.1.additional_cost')!.text;
    const y = result.projection[1];
    const pounds = (x: number) => `£${x.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    expect(additional).toContain(`${pounds(y.paybill)} paybill + ${pounds(y.recruitment_cost)} recruitment + ${pounds(y.agency_cover_cost)} agency cover + ${pounds(y.retention_cost)} retention payments - ${pounds(y.baseline_cost)} baseline = ${pounds(y.additional_cost)}`);
    expect(steps.find((s) => s.step === 'projection.1.hires_experienced')!.text).toContain('a short year');
    expect(steps.find((s) => s.step === 'shortage.uncovered_cases')!.text).toContain('The recruitment limits (at most 10 hires a year) leave this year short');
    expect(steps.find((s) => s.step === 'rates.turnover_by_group.early_career.value')!.text).toMatch(/^Turnover of early-career social workers: 13\.2/);
  });
});
