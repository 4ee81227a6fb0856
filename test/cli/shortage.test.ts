// Issue 12 (in part): recruitment limits, short years, agency cover and turnover by group, from the
// command line, on hand-worked cases.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseplan, FLAT_ON_COSTS, folderWith, json } from './run.js';

// 100 experienced case-holding social workers, no team managers; 3,400 cases; target 20 needs 170 FTE.
const rows = ['staff_id,role,fte,qualified_date', ...Array.from({ length: 100 }, (_, i) => `S${i},social_worker,1,2010-01-01`)];
const staff = join(folderWith({ 'staff.csv': rows.join('\n') + '\n' }), 'staff.csv');
const BASE = ['plan', '--target', '20', '--cases', '3400', '--staff', staff, '--as-of', '2026-09-30', '--years', '5', '--growth', '0', '--turnover', '0', ...FLAT_ON_COSTS, '--format', 'json'];

describe('recruitment limits: 20 hires a year', () => {
  const run = json(caseplan([...BASE, '--max-hires', '20']));

  it('hires 20 a year until the target is met, in year 3 (170 FTE needed, 100 in post)', () => {
    expect(run.projection.map((y: any) => y.hires_early_career + y.hires_experienced)).toEqual([20, 20, 20, 10, 0, 0]);
    expect(run.target_met_year).toBe(3);
  });

  it('reports the cases permanent staff cannot cover each short year: 3,400 - 20 x FTE', () => {
    expect(run.projection.map((y: any) => y.uncovered_cases)).toEqual([1000, 600, 200, 0, 0, 0]);
    expect(run.projection.map((y: any) => y.agency_cover_fte)).toEqual([0, 0, 0, 0, 0, 0]);
    // Without agency cover the average caseload of a short year is above the target.
    expect(run.projection[0].average_caseload).toBeCloseTo(3400 / 120, 9);
  });

  it('applies to the plan for now too (year 0), which says what is left uncovered', () => {
    const plan = json(caseplan(['plan', '--target', '20', '--cases', '3400', '--staff', staff, '--as-of', '2026-09-30', '--max-hires', '20', '--format', 'json']));
    expect(plan.hires.early_career + plan.hires.experienced).toBe(20);
    expect(plan.shortage).toEqual({ short: true, uncovered_cases: 1000, mix_shortfall_fte: 0 });
  });

  it('changes nothing when the limit does not bind', () => {
    const free = json(caseplan([...BASE]));
    const generous = json(caseplan([...BASE, '--max-hires', '70']));
    expect(generous.projection).toEqual(free.projection);
    expect(free.target_met_year).toBe(0);
  });
});

describe('agency cover for the gap', () => {
  const run = json(caseplan([...BASE, '--max-hires', '20', '--agency-cover']));

  it('covers the uncovered cases with the least agency FTE: uncovered / target', () => {
    expect(run.projection.map((y: any) => y.agency_cover_fte)).toEqual([50, 30, 10, 0, 0, 0]);
  });

  it('costs it at the experienced unit cost and the agency premium, in the additional cost', () => {
    // 50 x £39,438 x 1.3 x 1.33 = £3,409,415.10, and so on.
    expect(run.projection.map((y: any) => y.agency_cover_cost)).toEqual([3409415.1, 2045649.06, 681883.02, 0, 0, 0]);
    expect(run.totals.agency_cover_cost).toBe(6136947.18);
    const y0 = run.projection[0];
    expect(Math.round((y0.paybill + y0.recruitment_cost + y0.agency_cover_cost - y0.baseline_cost) * 100)).toBe(Math.round(y0.additional_cost * 100));
  });

  it('says when the target is met and what cover costs until then', () => {
    const md = caseplan([...BASE.slice(0, -2), '--max-hires', '20', '--agency-cover', '--format', 'markdown']).stdout;
    expect(md).toContain('Within the recruitment limits, permanent staff meet the target from year 3 on. Agency cover for the gap: £6,136,947.18 over the horizon');
    expect(md).toContain('| 0 | 1,000 | 0.00 | 50.00 | £3,409,415.10 |');
  });
});

describe('turnover by group', () => {
  const COUNCIL = ['plan', '--target', '19', '--years', '2', '--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv', '--as-of', '2026-09-30', '--format', 'json', '-q'];

  it('gives each group its own rate, overriding --turnover for that group', () => {
    const run = json(caseplan([...COUNCIL, '--turnover', '10%', '--turnover-early-career', '30%']));
    expect(run.rates.turnover_by_group.early_career).toMatchObject({ value: 0.3, source: 'flag', note: 'given with --turnover-early-career' });
    expect(run.rates.turnover_by_group.experienced).toMatchObject({ value: 0.1, source: 'flag' });
    expect(run.rates.turnover.value).toBe(0.1);
    // Year 1's leavers: 10% of the experienced and team managers, 30% of the early career (after year 0's hires).
    const g = run.projection_by_group[0];
    const fte = (x: any) => x.permanent_fte + x.agency_fte;
    expect(run.projection[1].leavers_fte).toBeCloseTo(0.1 * fte(g.experienced) + 0.3 * fte(g.early_career) + 0.1 * fte(g.team_manager), 9);
  });

  it('gives exactly the pooled figures when every group has the pooled rate', () => {
    const pooled = json(caseplan([...COUNCIL, '--turnover', '15%']));
    const same = json(caseplan([...COUNCIL, '--turnover', '15%', '--turnover-experienced', '15%', '--turnover-early-career', '0.15', '--turnover-team-manager', '15%']));
    expect(same.projection).toEqual(pooled.projection);
    expect(same.totals).toEqual(pooled.totals);
  });

  it('derives a group\'s rate from the staff file\'s leavers with "derived"', () => {
    const run = json(caseplan([...COUNCIL, '--turnover-early-career', 'derived']));
    expect(run.rates.turnover_by_group.early_career.source).toBe('derived');
    expect(run.rates.turnover_by_group.early_career.note).toContain('early-career social workers left in the 12 months to 2026-09-30 (group at the leave date)');
    expect(run.rates.turnover_by_group.experienced).toEqual(run.rates.turnover);
  });

  it('refuses a group rate without --years', () => {
    const r = caseplan(['plan', '--target', '19', '--staff', 'fixtures/staff.csv', '--cases', '10', '--turnover-early-career', '20%']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--turnover-early-career needs --years N');
  });
});

describe('retention measures: invest to save (hand-worked)', () => {
  // 20 experienced social workers, 400 cases at a target of 20: met exactly; 20% leave a year.
  const dir = folderWith({
    'staff.csv': ['staff_id,role,fte,qualified_date', ...Array.from({ length: 20 }, (_, i) => `E${i},social_worker,1,2010-01-01`)].join('\n') + '\n',
    'config.json': JSON.stringify({ recruitment_cost: 40000, on_cost_rate: 0.3 }),
  });
  const args = ['plan', '--target', '20', '--cases', '400', '--staff', join(dir, 'staff.csv'), '--config', join(dir, 'config.json'), '--as-of', '2026-09-30',
    '--years', '1', '--growth', '0', '--turnover', '20%', '--format', 'json'];
  const run = json(caseplan([...args, '--retention', 'experienced:1000:10%']));

  it('keeps experienced staff at the measure\'s rate: 2 leave instead of 4, so 2 early-career hires instead of 4', () => {
    expect(run.projection[1].hires_early_career).toBe(2);
    expect(json(caseplan(args)).projection[1].hires_early_career).toBe(4);
  });

  it('costs the payment plus on-costs per permanent experienced FTE after hires: 18 x £1,000 x 1.3', () => {
    expect(run.projection[1].retention_cost).toBe(23400);
    expect(run.totals.retention_cost).toBe(23400);
  });

  it('saves paybill and recruitment against the same plan without it, and pays back in year 1', () => {
    // Without: paybill 16 x £51,269.40 + 4 x £41,926.30 + 3.4 TM x £62,107.50 = £1,199,181.10, recruitment 5 x £40,000.
    // With:    paybill 18 x £51,269.40 + 2 x £41,926.30 + 3.4 TM x £62,107.50 = £1,217,867.30, recruitment 3 x £40,000.
    // Saving = (1,199,181.10 + 200,000) - (1,217,867.30 + 120,000) = £61,313.80; net = 61,313.80 - 23,400.
    expect(run.retention.by_year[1]).toEqual({ year: 1, cost: 23400, saving: 61313.8, net: 37913.8, cumulative_cost: 23400, cumulative_saving: 61313.8 });
    expect(run.retention).toMatchObject({ cost: 23400, saving: 61313.8, net: 37913.8, payback_year: 1 });
    // The payments are in the plan's additional cost.
    const y = run.projection[1];
    expect(Math.round((y.paybill + y.recruitment_cost + y.retention_cost - y.baseline_cost) * 100)).toBe(Math.round(y.additional_cost * 100));
  });

  it('does not pay back when the payment is larger than the saving', () => {
    const dear = json(caseplan([...args, '--retention', 'experienced:3000:10%']));
    expect(dear.retention.payback_year).toBeNull();
  });

  it('reads measures from the config as well', () => {
    const withConfig = folderWith({ 'config.json': JSON.stringify({ recruitment_cost: 40000, on_cost_rate: 0.3, retention: [{ group: 'experienced', annual_payment: 1000, turnover: '10%' }] }) });
    const fromConfig = json(caseplan([...args.slice(0, 7), '--config', join(withConfig, 'config.json'), ...args.slice(9)]));
    expect(fromConfig.retention).toEqual(run.retention);
  });

  it('refuses a measure it cannot read', () => {
    const r = caseplan([...args, '--retention', 'managers:1000:10%']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected GROUP:PAYMENT:TURNOVER[:FROM_YEAR] such as experienced:3000:12%');
  });
});

describe('compare --max-hires: recruitment limits as a scenario axis', () => {
  const args = ['compare', '--target', '20', '--cases', '3400', '--staff', staff, '--as-of', '2026-09-30', '--years', '5', '--growth', '0', '--turnover', '0', '--max-hires', '20,40,none', ...FLAT_ON_COSTS];

  it('plans every limit, with when the target is met, as separate plan runs give', () => {
    const result = json(caseplan([...args, '--format', 'json']));
    expect(result.scenarios.map((s: any) => [s.max_hires, s.target_met_year])).toEqual([[20, 3], [40, 1], [null, 0]]);
    for (const s of result.scenarios) {
      const plan = json(caseplan([...BASE, ...(s.max_hires === null ? [] : ['--max-hires', String(s.max_hires)])]));
      expect(s.additional_cost).toBe(plan.totals.additional_cost);
    }
  });

  it('adds max_hires and target_met_year at the end of the CSV', () => {
    const csv = caseplan([...args, '--format', 'csv']).stdout.split('\n');
    expect(csv[0]).toBe('target,mix,hires_experienced,hires_early_career,hires_team_manager,annual_cost,one_off_cost,additional_cost,feasible,reason,max_hires,target_met_year');
    expect(csv[3]!.endsWith(',true,,,0')).toBe(true);
  });

  it('shows the limit and the year the target is met in the table', () => {
    const md = caseplan([...args, '--format', 'markdown']).stdout;
    expect(md).toContain('| Target | Mix | Most hires a year | Hires (exp / early / TM) |');
    expect(md).toMatch(/\| 20 \| — \| 20 \| 0 \/ 20 \/ \d+ \| .* \| 3 \|/);
  });
});

describe('refusals around recruitment limits and workbooks', () => {
  it('refuses recruitment limits with --by team (they are service-wide)', () => {
    const r = caseplan(['plan', '--target', '19', '--by', 'team', '--max-hires', '3', '--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv', '--as-of', '2026-09-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('recruitment limits are for the whole service');
  });

  it('refuses writing a table into a file named .xlsx', () => {
    const r = caseplan(['plan', '--target', '19', '--staff', 'fixtures/staff.csv', '--cases', '3000', '--output', join(folderWith({}), 'plan.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('names a workbook but the format is table: add --format xlsx');
  });

  it('says a plan the limits leave short is short, in the table', () => {
    const out = caseplan(['plan', '--target', '20', '--cases', '3400', '--staff', staff, '--as-of', '2026-09-30', '--max-hires', '20']).stdout;
    expect(out).toContain('The recruitment limits (at most 20 hires a year) leave this year short: 1,000 open cases are not covered by permanent staff (average caseload 28.3, target 20)');
  });
});

describe('on-costs as payroll works them out (hand-worked)', () => {
  const dir = folderWith({ 'staff.csv': 'staff_id,role,fte,qualified_date\nA,social_worker,0.5,2010-01-01\nB,social_worker,1,2010-01-01\n' });
  const run = json(caseplan(['plan', '--target', '19', '--cases', '100', '--staff', join(dir, 'staff.csv'), '--as-of', '2026-09-30', '--format', 'json']));

  it('costs a hire at salary + 15% NI above £5,000 + 21.1% pension + 0.5% levy', () => {
    // £39,438 + 0.15 x £34,438 + 0.216 x £39,438 = £53,122.308
    expect(run.cost.by_group.experienced.unit_annual_cost).toBe(53122.308);
    expect(run.parameters).toMatchObject({ on_cost_rate: null, ni_rate: 0.15, ni_threshold: 5000, pension_rate: 0.211, levy_rate: 0.005 });
  });

  it('applies the NI threshold to each person\'s own pay, so a 0.5 FTE person pays less than half', () => {
    // A: pay £19,719: NI 0.15 x £14,719 = £2,207.85, pension and levy 0.216 x £19,719 = £4,259.304 -> £26,186.154.
    // B: £53,122.308. Together £79,308.462, to the penny £79,308.46.
    expect(run.current.paybill).toBe(79308.46);
  });

  it('gives the old flat figures with "on_cost_rate": 0.3', () => {
    const flat = json(caseplan(['plan', '--target', '19', '--cases', '100', '--staff', join(dir, 'staff.csv'), '--as-of', '2026-09-30', '--format', 'json', ...FLAT_ON_COSTS]));
    expect(flat.cost.by_group.experienced.unit_annual_cost).toBe(51269.4);
    expect(flat.current.paybill).toBe(Math.round(1.5 * 39438 * 1.3 * 100) / 100);
  });
});

describe('review fixes: service-wide group rates for teams and compare, prices with limits, assumptions', () => {
  const COUNCIL = ['--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv', '--as-of', '2026-09-30', '-q'];

  it('plans each team with the service\'s derived group rates, not 0% from a team list with no leavers', () => {
    const whole = json(caseplan(['plan', '--target', '19', '--years', '2', '--turnover-early-career', 'derived', ...COUNCIL, '--format', 'json']));
    const teams = json(caseplan(['plan', '--target', '19', '--years', '2', '--turnover-early-career', 'derived', '--by', 'team', ...COUNCIL, '--format', 'json']));
    for (const team of teams.teams) expect(team.rates.turnover_by_group.early_career.value).toBe(whole.rates.turnover_by_group.early_career.value);
    expect(whole.rates.turnover_by_group.early_career.value).toBeGreaterThan(0);
  });

  it('shows compare\'s per-group rates', () => {
    const compared = json(caseplan(['compare', '--target', '17,19', '--years', '2', '--turnover-early-career', '30%', ...COUNCIL, '--format', 'json']));
    expect(compared.rates.turnover_by_group.early_career).toMatchObject({ value: 0.3, source: 'flag' });
  });

  it('prices constraints against the plan without the limits, never below zero', () => {
    const plan = json(caseplan(['plan', '--target', '19', '--mix', '45%', '--max-hires', '5', ...COUNCIL, '--format', 'json']));
    expect(plan.shortage.short).toBe(true);
    expect(plan.constraints.target.annual_price).toBeGreaterThanOrEqual(0);
    expect(plan.constraints.mix.annual_price).toBeGreaterThanOrEqual(0);
    expect(plan.binding_constraints.length).toBeGreaterThan(0);
  });

  it('lists the limits and every retention measure in the assumptions table, flags included', () => {
    const csv = caseplan(['plan', '--target', '19', '--years', '2', '--max-hires', '5', '--retention', 'experienced:3000:12%', ...COUNCIL, '--format', 'csv', '--table', 'assumptions']).stdout;
    expect(csv).toContain('max_hires,5,option,');
    expect(csv).toContain('retention.1,"experienced: £3000 a year per FTE, turnover 0.12, from year 1",option,');
    const noYears = caseplan(['plan', '--target', '19', '--max-hires', '5', ...COUNCIL, '--format', 'csv', '--table', 'assumptions']).stdout;
    expect(noYears).toContain('max_hires,5,option,');
  });
});

describe('a config setting the run cannot use', () => {
  it('says the config\'s retention measures need --years, rather than drop them silently', () => {
    const dir = folderWith({ 'config.json': JSON.stringify({ retention: [{ group: 'experienced', annual_payment: 1000, turnover: '10%' }] }) });
    const run = caseplan(['plan', '--target', '19', '--cases', '100', '--staff', staff, '--as-of', '2026-09-30', '--config', join(dir, 'config.json')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`caseplan: warning: ${join(dir, 'config.json')}: the retention measures apply to a projection only: add --years N to use them`);
  });
});
