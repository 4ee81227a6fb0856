// Issue 10, point 2: a constraint binds when dropping it alone gives a different, cheaper plan; the
// plan without it and the difference (its price) are reported, and --explain says why experienced
// staff are hired.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseplan, FLAT_ON_COSTS, folderWith, json } from './run.js';

/** Wakefield 2018's census shape: 164.7 case-holding FTE, 98.5 of them experienced. */
function wakefieldLike(): string {
  const rows = ['staff_id,role,fte,qualified_date'];
  const add = (n: number, fte: number, qualified: string) => {
    for (let i = 0; i < n; i++) rows.push(`S${rows.length},social_worker,${fte},${qualified}`);
  };
  add(98, 1, '2010-01-01');
  add(1, 0.5, '2010-01-01');
  add(66, 1, '2017-01-01');
  add(1, 0.2, '2017-01-01');
  return join(folderWith({ 'staff.csv': rows.join('\n') + '\n' }), 'staff.csv');
}

const staff = wakefieldLike();
const base = ['plan', '--target', '15', '--mix', '50%', '--staff', staff, '--cases', '3611', '--as-of', '2018-09-30', ...FLAT_ON_COSTS];

describe('binding constraints: dropping one alone would give a cheaper plan', () => {
  const plan = json(caseplan([...base, '--format', 'json']));

  it('hires 23 experienced and 54 early career for target 15 with a 50% mix', () => {
    expect(plan.hires).toMatchObject({ experienced: 23, early_career: 54 });
  });

  it('reports the mix as binding although it holds before hires, with the plan without it and its price', () => {
    expect(plan.constraints.mix).toMatchObject({
      met_now: true,
      binding: true,
      without: { hires: { experienced: 0, early_career: 77, team_manager: 35 } },
      annual_price: 214891.3,
    });
    // The price is the difference of the two plans' annual costs, to the penny.
    expect(Math.round((plan.cost.annual - plan.constraints.mix.without.annual_cost) * 100)).toBe(21489130);
  });

  it('reports both the target and the mix as binding', () => {
    expect(plan.binding_constraints).toEqual(['target', 'mix']);
    expect(plan.constraints.target.binding).toBe(true);
    expect(plan.constraints.target.without.hires).toEqual({ experienced: 0, early_career: 0, team_manager: 24 });
  });

  it('does not call a constraint binding when dropping it changes nothing (Sheffield: the target already holds)', () => {
    const sheffield = json(caseplan(['plan', '--target', '19', '--mix', '50%', '--staff', 'fixtures/sheffield-2017/staff.csv', '--as-of', '2017-09-30', '--format', 'json', ...FLAT_ON_COSTS]));
    expect(sheffield.binding_constraints).toEqual(['mix']);
    expect(sheffield.constraints.target).toMatchObject({ binding: false, annual_price: 0 });
    expect(sheffield.constraints.mix.annual_price).toBe(4846842);
  });

  it('reports no binding constraint when nobody is hired', () => {
    const idle = json(caseplan(['plan', '--target', '30', '--staff', staff, '--cases', '100', '--as-of', '2018-09-30', '--format', 'json']));
    expect(idle.binding_constraints).toEqual([]);
  });

  it('says in the table why the experienced hires are there, and the price of each binding constraint', () => {
    const table = caseplan(base).stdout;
    expect(table).toContain('binding constraint: mix: without it 0 experienced / 77 early career / 35 team managers would meet the target, £214,891.30 a year cheaper');
  });

  it('--explain says the experienced hires are there for the mix, not that the mix is "met already"', () => {
    const text = caseplan([...base, '--explain']).stdout;
    expect(text).not.toContain('met already');
    expect(text).toContain('The experienced hires are there for the mix (without it 0 experienced / 77 early career / 35 team managers would meet the target, £214,891.30 a year cheaper).');
    expect(text).toContain('The mix binds: without it');
  });
});

describe('average caseload (the target) and allocated caseload (the DfE measure)', () => {
  const COUNCIL = ['--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv', '--as-of', '2026-09-30'];

  it('reports both when open cases come from referrals and the staff file has caseloads', () => {
    const plan = json(caseplan(['plan', '--target', '19', ...COUNCIL, '--format', 'json']));
    expect(plan.current.open_cases).toBe(3604);
    expect(plan.current.allocated_cases).toBe(3384);
    expect(plan.current.average_caseload).toBeCloseTo(3604 / 177.3, 12);
    expect(plan.current.allocated_caseload).toBeCloseTo(3384 / 177.3, 12);
  });

  it('says in the table which one the target applies to', () => {
    const table = caseplan(['plan', '--target', '19', ...COUNCIL]).stdout;
    expect(table).toMatch(/allocated cases per FTE \(DfE measure\) │ +19\.1/);
    expect(table).toContain('the target applies to the average caseload: all 3,604 open cases, allocated or not, per case-holding FTE');
  });

  it('gives the two as one when open cases are the caseload sum (Sheffield)', () => {
    const plan = json(caseplan(['plan', '--target', '19', '--staff', 'fixtures/sheffield-2017/staff.csv', '--as-of', '2017-09-30', '--format', 'json']));
    expect(plan.current.allocated_caseload).toBe(plan.current.average_caseload);
  });

  it('has no allocated caseload without a caseload column', () => {
    const plan = json(caseplan(['plan', '--target', '15', '--staff', staff, '--cases', '3611', '--as-of', '2018-09-30', '--format', 'json']));
    expect(plan.current.allocated_caseload).toBeNull();
  });
});
