import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { caseplan, folderWith, json } from './run.js';

const COUNCIL = ['--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv', '--as-of', '2026-09-30'];

describe('caseplan compare', () => {
  const result = json(caseplan(['compare', '--target', '17,19,21', '--mix', '40%,50%', '--years', '3', '--turnover', '15%', ...COUNCIL, '--format', 'json']));

  it('has one row per combination, in order, with the mix as a fraction', () => {
    expect(result.scenarios.map((s: { target: number; mix: number }) => [s.target, s.mix])).toEqual([
      [17, 0.4], [17, 0.5], [19, 0.4], [19, 0.5], [21, 0.4], [21, 0.5],
    ]);
  });

  it('gives each row exactly what a separate plan run gives', () => {
    for (const s of result.scenarios) {
      const plan = json(caseplan(['plan', '--target', String(s.target), '--mix', String(s.mix), '--years', '3', '--turnover', '15%', ...COUNCIL, '--format', 'json']));
      expect(s).toMatchObject({
        hires_experienced: plan.hires.experienced,
        hires_early_career: plan.hires.early_career,
        hires_team_manager: plan.hires.team_manager,
        annual_cost: plan.cost.annual,
        one_off_cost: plan.cost.one_off,
        additional_cost: plan.totals.additional_cost,
      });
    }
  });

  it('csv: the documented columns, additional_cost empty without --years, mix empty when not given', () => {
    const run = caseplan(['compare', '--target', '17,19', ...COUNCIL, '--format', 'csv']);
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['target', 'mix', 'hires_experienced', 'hires_early_career', 'hires_team_manager', 'annual_cost', 'one_off_cost', 'additional_cost', 'feasible', 'reason', 'max_hires', 'target_met_year']);
    expect(rows.map((r) => [r.target, r.mix, r.additional_cost, r.feasible, r.reason, r.max_hires, r.target_met_year])).toEqual([['17', '', '', 'true', '', '', '0'], ['19', '', '', 'true', '', '', '0']]);
    const plan = json(caseplan(['plan', '--target', '19', ...COUNCIL, '--format', 'json']));
    expect(Number(rows[1]!.annual_cost)).toBe(plan.cost.annual);
  });

  it('keeps going past an unreachable scenario, marking it with its reason', () => {
    const r = json(caseplan(['compare', '--target', '19', '--mix', '50%,100%', ...COUNCIL, '--format', 'json']));
    expect(r.scenarios[1]).toMatchObject({ mix: 1, feasible: false, hires_experienced: null });
    expect(r.scenarios[1].reason).toMatch(/needs every case-holding FTE to be experienced/);
    const all = caseplan(['compare', '--target', '19', '--mix', '100%', ...COUNCIL]);
    expect(all.code).toBe(2);
  });

  it('shows the growth, turnover and pay award its additional cost rests on (JSON rates, markdown note), as plan --years derives them', () => {
    const compared = json(caseplan(['compare', '--target', '17,19', '--years', '5', ...COUNCIL, '--format', 'json']));
    const plan = json(caseplan(['plan', '--target', '19', '--years', '5', ...COUNCIL, '--format', 'json']));
    expect(compared.rates).toEqual({ growth: plan.rates.growth, growth_by_type: plan.rates.growth_by_type, turnover: plan.rates.turnover, turnover_by_group: plan.rates.turnover_by_group, pay_award: plan.rates.pay_award });
    expect(compared.rates.growth.source).toBe('derived');
    const md = caseplan(['compare', '--target', '17,19', '--years', '5', ...COUNCIL, '--format', 'markdown']).stdout;
    expect(md).toMatch(/^- demand growth: 3\.637% a year \(derived from fixtures\/referrals\.csv/m);
    expect(md).toMatch(/^- turnover: 17\.4845% a year \(derived from fixtures\/staff\.csv/m);
    expect(json(caseplan(['compare', '--target', '17,19', ...COUNCIL, '--format', 'json'])).rates).toBeNull();
  });

  it('csv: an unreachable scenario is marked feasible=false with its reason, and stderr counts them', () => {
    const run = caseplan(['compare', '--target', '19', '--mix', '50%,100%', ...COUNCIL, '--format', 'csv']);
    expect(run.code).toBe(0);
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.feasible)).toEqual(['true', 'false']);
    expect(rows[1]!.annual_cost).toBe('');
    expect(rows[1]!.reason).toMatch(/^a mix of 100% needs every case-holding FTE to be experienced/);
    expect(run.stderr).toContain('caseplan: warning: 1 of 2 scenarios could not be reached');
  });

  it('refuses a bad list (exit 2)', () => {
    const run = caseplan(['compare', '--target', '19,x', ...COUNCIL]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/expected a number above 0, got "x"/);
  });
});

describe('caseplan plan --by team', () => {
  const whole = json(caseplan(['plan', '--target', '19', ...COUNCIL, '--format', 'json']));
  const byTeam = json(caseplan(['plan', '--target', '19', '--by', 'team', ...COUNCIL, '--format', 'json']));

  it('splits FTE and open cases so the team sums equal the whole-service counts', () => {
    const sum = (f: (t: { current: Record<string, number> }) => number | undefined) => byTeam.teams.reduce((s: number, t: { current: Record<string, number> }) => s + (f(t) ?? 0), 0);
    expect(sum((t) => t.current.case_holding_fte)).toBeCloseTo(whole.current.case_holding_fte, 9);
    expect(sum((t) => t.current.experienced_fte)).toBeCloseTo(whole.current.experienced_fte, 9);
    expect(sum((t) => t.current.team_manager_fte)).toBeCloseTo(whole.current.team_manager_fte, 9);
    expect(sum((t) => t.current.open_cases)).toBe(whole.current.open_cases);
    expect(byTeam.total.open_cases).toBe(whole.current.open_cases);
    expect(byTeam.total.case_holding_fte).toBeCloseTo(whole.current.case_holding_fte, 9);
  });

  it('writes the CSV total row from exact sums: the whole-service FTE, with no floating-point residue', () => {
    const csv = caseplan(['plan', '--target', '19', '--by', 'team', ...COUNCIL, '--format', 'csv']).stdout.trim().split('\n');
    const header = csv[0]!.split(',');
    const total = csv.at(-1)!.split(',');
    const column = (name: string) => total[header.indexOf(name)];
    expect(column('case_holding_fte')).toBe(String(whole.current.case_holding_fte));
    expect(column('experienced_fte')).toBe(String(whole.current.experienced_fte));
    expect(column('early_career_fte')).toBe(String(whole.current.early_career_fte));
  });

  it('plans each team with the plan rule on its own numbers, and says the total is not the whole-service plan', () => {
    for (const team of byTeam.teams) {
      const N = team.after.case_holding_fte;
      expect(team.current.open_cases).toBeLessThanOrEqual(19 * N + 1e-9);
      expect(team.hires.team_manager).toBe(Math.max(0, Math.ceil(Math.ceil(N / 7 - 1e-9) - team.current.team_manager_fte - 1e-9)));
    }
    expect(byTeam.total.hires_experienced + byTeam.total.hires_early_career).toBeGreaterThanOrEqual(whole.hires.experienced + whole.hires.early_career);
    expect(byTeam.total_note).toMatch(/not the whole-service plan/);
    expect(byTeam.whole_service.hires).toEqual(whole.hires);
  });

  it('puts staff and referrals with no team in "(no team)" and lists referral teams without staff, with a warning', () => {
    const dir = folderWith({
      'staff.csv': 'staff_id,role,qualified_date,team\n1,social_worker,2010-01-01,North\n2,social_worker,2010-01-01,\n3,social_worker,2025-01-01, north \n',
      'referrals.csv': 'referral_id,received_date,team\nA,2026-01-01,North\nB,2026-01-01,\nC,2026-01-01,Ghost Team\nD,2026-01-02,Ghost Team\n',
    });
    const run = caseplan(['plan', '--target', '19', '--by', 'team', '--as-of', '2026-09-30', '--staff', join(dir, 'staff.csv'), '--referrals', join(dir, 'referrals.csv'), '--format', 'csv']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/referrals name team "Ghost Team" \(2 open cases\) but no one in post .* is in it/);
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.team, r.case_holding_fte, r.open_cases])).toEqual([
      ['(no team)', '1', '1'],
      ['Ghost Team', '0', '2'],
      ['North', '2', '1'],
      ['total', '3', '4'],
    ]);
    // A team with no staff is planned from nothing: one early-career hire for 2 cases, and a manager.
    expect(rows[1]).toMatchObject({ hires_early_career: '1', hires_team_manager: '1' });
  });

  it('refuses --cases, which cannot be split by team (exit 2)', () => {
    const run = caseplan(['plan', '--target', '19', '--by', 'team', '--cases', '100', ...COUNCIL]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--cases cannot be split by team/);
  });

  it('projects each team with the service-wide rates when --years is given', () => {
    const r = json(caseplan(['plan', '--target', '19', '--by', 'team', '--years', '2', ...COUNCIL, '--format', 'json']));
    const service = json(caseplan(['plan', '--target', '19', '--years', '2', ...COUNCIL, '--format', 'json']));
    for (const team of r.teams) {
      expect(team.projection).toHaveLength(3);
      expect(team.rates.turnover.value).toBe(service.rates.turnover.value);
      expect(team.rates.growth.value).toBe(service.rates.growth.value);
    }
  });
});

describe('markdown tables are well formed', () => {
  it.each([
    ['plan --by team', ['plan', '--target', '19', '--by', 'team']],
    ['plan --by team --years 2', ['plan', '--target', '19', '--by', 'team', '--years', '2']],
    ['plan --years 2', ['plan', '--target', '19', '--mix', '50%', '--years', '2']],
    ['compare', ['compare', '--target', '17,19', '--years', '2']],
  ])('%s: every row has as many cells as the header', (_name, args) => {
    const run = caseplan([...args, ...COUNCIL, '--format', 'markdown']);
    expect(run.code).toBe(0);
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length - 2;
    let header: number | null = null;
    let tables = 0;
    for (const line of run.stdout.split('\n')) {
      if (!line.startsWith('|')) {
        header = null;
        continue;
      }
      if (header === null) {
        header = cells(line);
        tables++;
      } else expect(cells(line)).toBe(header);
    }
    expect(tables).toBeGreaterThan(0);
  });
});
