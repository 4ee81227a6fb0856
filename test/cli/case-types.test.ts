// Issue 15: case types, weighted caseloads and the early-career capacity, checked by hand on a
// three-type example, and "--weighted off gives today's figures exactly" on the sample council.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseplan, json } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'caseplan-types-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

// One team: 6 experienced FTE (qualified 2015), 4 early career (qualified 2025), 2 team managers.
const staff = file(
  'staff.csv',
  [
    'staff_id,role,fte,qualified_date',
    ...Array.from({ length: 6 }, (_, i) => `X${i},social worker,1,2015-06-01`),
    ...Array.from({ length: 4 }, (_, i) => `Y${i},social worker,1,2025-06-01`),
    'M1,team manager,1,2010-06-01',
    'M2,team manager,1,2010-06-01',
  ].join('\n'),
);
// Open at 2026-09-30: 60 children in need, 40 on protection plans, 20 looked after (120 cases).
const rows = (type: string, n: number, from: number) => Array.from({ length: n }, (_, i) => `R${from + i},2026-0${1 + (i % 8)}-15,case,,${type}`);
const referrals = file('referrals.csv', ['referral_id,received_date,outcome,closed_date,case_type', ...rows('cin', 60, 0), ...rows('Child Protection', 40, 100), ...rows('cla', 20, 200)].join('\n'));
const weights = file('weights.json', JSON.stringify({ case_weights: { cin: 1, cp: 1.5, cla: 2 }, case_type_aliases: { 'Child Protection': 'cp' } }));
const protectedYear = file('protected.json', JSON.stringify({ case_weights: { cin: 1, cp: 1.5, cla: 2 }, case_type_aliases: { 'Child Protection': 'cp' }, early_career_capacity: 0.75 }));
const base = ['plan', '--target', '12', '--staff', staff, '--referrals', referrals, '--as-of', '2026-09-30', '--format', 'json', '-q'];

describe('weighted caseloads: a three-type example worked by hand', () => {
  it('reports the weighted caseload beside the plain one, and --weighted hires for weighted cases', () => {
    // Plain: 120 cases / 10 FTE = 12, the target: no hires.
    const plain = json(caseplan([...base, '--config', weights]));
    expect(plain.current.open_cases).toBe(120);
    expect(plain.current.open_cases_by_type).toEqual({ cin: 60, cp: 40, cla: 20, care_leaver: 0, assessment: 0, other: 0 });
    // Weighted: 60 x 1 + 40 x 1.5 + 20 x 2 = 160 points, 16 per FTE.
    expect(plain.current.weighted_cases).toBe(160);
    expect(plain.current.weighted_caseload).toBe(16);
    expect(plain.parameters.target_applies_to).toBe('open_cases');
    expect(plain.hires).toEqual({ experienced: 0, early_career: 0, team_manager: 0, total: 0 });

    // --weighted: 160 / 12 = 13.33 FTE, so 4 more; early career is cheaper (£43,304.87 against
    // £53,122.31 a year). 14 FTE need ceil(14 / 7) = 2 team managers: in post.
    const weighted = json(caseplan([...base, '--config', weights, '--weighted']));
    expect(weighted.parameters.target_applies_to).toBe('weighted_cases');
    expect(weighted.hires).toEqual({ experienced: 0, early_career: 4, team_manager: 0, total: 4 });
    expect(weighted.after.weighted_caseload).toBeCloseTo(160 / 14, 12);
    expect(weighted.after.target_caseload).toBeCloseTo(160 / 14, 12);
    expect(weighted.cost.annual).toBe(173219.46); // 4 x £43,304.865, rounded once
  });

  it('counts an early-career FTE as early_career_capacity of an FTE against the target', () => {
    // Needed: 6 + x + 0.75 (4 + y) >= 160 / 12, i.e. x + 0.75 y >= 4.333. The cheapest whole hires:
    //   y 0: x 5 £265,611.55   y 1: x 4 £255,794.11   y 2: x 3 £245,976.67   y 3: x 3 £289,281.54
    //   y 4: x 2 £279,464.10   y 5: x 1 £269,646.66   y 6: x 0 £259,829.22
    // so 3 experienced and 2 early career; 15 FTE need 3 team managers, one more.
    const out = json(caseplan([...base, '--config', protectedYear, '--weighted']));
    expect(out.parameters.early_career_capacity).toBe(0.75);
    expect(out.hires).toEqual({ experienced: 3, early_career: 2, team_manager: 1, total: 6 });
    expect(out.after.target_caseload).toBeCloseTo(160 / (9 + 0.75 * 6), 12);
    expect(out.current.target_caseload).toBeCloseTo(160 / (6 + 0.75 * 4), 12);
    // On plain cases: x + 0.75 y >= 1, one experienced (£53,122.31) is cheaper than two early career.
    const plainCases = json(caseplan([...base, '--config', protectedYear]));
    expect(plainCases.hires).toEqual({ experienced: 1, early_career: 0, team_manager: 0, total: 1 });
  });

  it('applies the caps to weighted cases too', () => {
    // Caps 8 per early-career FTE and 20 per experienced: capacity 4 x 8 + 6 x 20 = 152. Plain, 120
    // cases fit; weighted, 160 do not: one early-career hire adds 8 (160, enough) for £43,304.87,
    // cheaper than an experienced one (20) for £53,122.31. The target of 20 holds either way.
    const capped = [...base.slice(0, 2), '20', ...base.slice(3), '--config', weights, '--early-career-cap', '8', '--experienced-cap', '20'];
    expect(json(caseplan(capped)).hires).toEqual({ experienced: 0, early_career: 0, team_manager: 0, total: 0 });
    const weightedCaps = json(caseplan([...capped, '--weighted']));
    expect(weightedCaps.hires).toEqual({ experienced: 0, early_career: 1, team_manager: 0, total: 1 });
    expect(weightedCaps.constraints.caps).toMatchObject({ capacity_now: 152, capacity_after: 160, binding: true });
  });

  it('says which caseload the target applies to in the table', () => {
    const table = caseplan([...base.slice(0, -3), '-q', '--config', protectedYear, '--weighted']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('weighted caseload to 12');
    expect(table.stdout).toMatch(/Weighted caseload \(weighted cases per FTE\)\s*│\s*16\.0/);
    expect(table.stdout).toContain('Caseload against the target (early-career FTE counted in part)');
    expect(table.stdout).toContain('apply to weighted cases (--weighted)');
    expect(table.stdout).toContain('an early-career FTE counts as 0.75 of an FTE against the target');
  });

  it('refuses --weighted when the open cases have no types, and a weight for a type that is not one', () => {
    const refused = caseplan(['plan', '--target', '12', '--staff', staff, '--cases', '100', '--weighted', '--as-of', '2026-09-30']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--weighted applies the target to weighted cases, and the open cases (given with --cases) have no types');
    const typo = caseplan([...base, '--config', file('typo.json', JSON.stringify({ case_weights: { cpp: 2 } }))]);
    expect(typo.code).toBe(3);
    expect(typo.stderr).toContain('case_weights: Unrecognized key: "cpp"; did you mean "cp"?');
    const badType = caseplan([...base.slice(0, 5), '--referrals', file('bad.csv', 'referral_id,received_date,case_type\nR1,2026-01-01,LAC\n'), '--as-of', '2026-09-30']);
    expect(badType.code).toBe(3);
    expect(badType.stderr).toContain('"LAC" is not a case type: cin, cp, cla, care_leaver, assessment, other; map your own wording');
  });
});

describe('--weighted off gives the figures of before case types', () => {
  it('the sample council with a case_type column: every figure as without it', () => {
    const original = readFileSync('fixtures/referrals.csv', 'utf8').trimEnd().split(/\r?\n/);
    const types = ['cin', 'cp', 'cla', 'care_leaver', 'assessment', 'other'];
    const typed = file('typed.csv', [`${original[0]},case_type`, ...original.slice(1).map((line, i) => `${line},${types[i % types.length]}`)].join('\n'));
    const args = (referralsFile: string) => ['plan', '--target', '19', '--mix', '50%', '--mix-by', '3', '--years', '5', '--growth', '4%', '--turnover', '15%', '--staff', 'fixtures/staff.csv', '--referrals', referralsFile, '--as-of', '2026-09-30', '--format', 'json', '-q'];
    const before = json(caseplan(args('fixtures/referrals.csv')));
    const after = json(caseplan(args(typed)));
    // Only the new case-type figures differ: the cases by type, and the years' type columns.
    expect(after.current.open_cases_by_type).not.toBeNull();
    const strip = (out: any) => {
      delete out.current.open_cases_by_type;
      delete out.current.weighted_cases;
      delete out.current.weighted_caseload;
      delete out.after.weighted_caseload;
      delete out.rates.growth_by_type;
      delete out.open_cases_source.file;
      out.projection = out.projection.map((y: any) => Object.fromEntries(Object.entries(y).filter(([k]) => !k.startsWith('open_') || k === 'open_cases').filter(([k]) => !k.startsWith('weighted_'))));
      return out;
    };
    expect(strip(after)).toEqual(strip(before));
    // And the CSV of the years: the same columns and figures, the type columns at the end.
    const csvBefore = caseplan([...args('fixtures/referrals.csv').slice(0, -3), '--format', 'csv', '-q']).stdout.trim().split('\n');
    const csvAfter = caseplan([...args(typed).slice(0, -3), '--format', 'csv', '-q']).stdout.trim().split('\n');
    const width = csvBefore[0]!.split(',').length;
    expect(csvAfter.map((line) => line.split(',').slice(0, width).join(','))).toEqual(csvBefore);
  });
});

describe('growth per case type', () => {
  // Cases opened in the two windows before 2026-09-30: child in need 25 then 30 (+20%), protection
  // plans 20 then 40 (+100%), looked after 3 then 9 (too few for a rate of its own); all still open.
  const dated = (type: string, n: number, start: string, from: number) =>
    Array.from({ length: n }, (_, i) => `G${from + i},${start}-${String(1 + (i % 28)).padStart(2, '0')},case,,${type}`);
  const history = file(
    'history.csv',
    ['referral_id,received_date,outcome,closed_date,case_type', ...dated('cin', 25, '2025-01', 0), ...dated('cp', 20, '2025-02', 100), ...dated('cla', 3, '2025-03', 400),
      ...dated('cin', 30, '2026-03', 200), ...dated('cp', 40, '2026-04', 300), ...dated('cla', 9, '2026-05', 500),
      // The windows must be covered from end to end: one case at each end.
      'G900,2024-10-05,nfa,,', 'G901,2026-09-20,nfa,,'].join('\n'),
  );
  const args = ['plan', '--target', '12', '--staff', staff, '--referrals', history, '--as-of', '2026-09-30', '--years', '2', '--format', 'json', '-q'];

  it('is derived per type from the referrals, and open cases grow type by type', () => {
    const out = json(caseplan(args));
    const pooled = 79 / 48 - 1;
    expect(out.rates.growth_by_type.cin.value).toBeCloseTo(0.2, 12);
    expect(out.rates.growth_by_type.cp.value).toBeCloseTo(1, 12);
    expect(out.rates.growth_by_type.cp.note).toContain('40 cp cases opened in the 12 months to 2026-09-30 against 20');
    // 3 looked-after cases in the earlier window are too few: the pooled rate, 79 against 48.
    expect(out.rates.growth_by_type.cla.value).toBeCloseTo(pooled, 12);
    expect(out.rates.growth_by_type.cla.note).toContain('only 3 cla cases opened in the earlier 12 months (fewer than 20)');
    // 55 children in need, 60 protection plans and 12 looked after open now.
    expect(out.projection[1].open_cin).toBeCloseTo(55 * 1.2, 9);
    expect(out.projection[2].open_cp).toBeCloseTo(60 * 4, 9);
    expect(out.projection[2].open_cases).toBeCloseTo(55 * 1.44 + 240 + 12 * (1 + pooled) ** 2, 9);
    // The pooled rate reported is what the types imply in year 1.
    expect(out.rates.growth.value).toBeCloseTo((55 * 1.2 + 120 + 12 * (1 + pooled)) / 127 - 1, 12);
    // --growth for one type keeps the other's derived rate; one rate for all makes them alike.
    const cpGiven = json(caseplan([...args, '--growth', 'cp:10%']));
    expect(cpGiven.rates.growth_by_type.cp).toMatchObject({ value: 0.1, source: 'flag' });
    expect(cpGiven.rates.growth_by_type.cin.value).toBeCloseTo(0.2, 12);
    const one = json(caseplan([...args, '--growth', '5%']));
    expect(one.projection[2].open_cases).toBeCloseTo(127 * 1.05 ** 2, 9);
  });

  it('--ranges with no spread and no binomial draw gives the central projection, types and weights included', () => {
    const out = json(caseplan([...args, '--config', weights, '--weighted', '--ranges', '--runs', '5', '--growth-sd', '0', '--turnover-sd', '0', '--no-binomial']));
    for (const [k, y] of out.ranges.by_year.entries()) {
      expect(y.open_cases.p50).toBeCloseTo(out.projection[k].open_cases, 6);
      expect(y.hires_early_career.p10).toBe(out.projection[k].hires_early_career);
      expect(y.hires_early_career.p90).toBe(out.projection[k].hires_early_career);
      // The weighted caseload the target applies to has its own percentiles with --weighted.
      expect(y.target_caseload.p50).toBeCloseTo(out.projection[k].target_caseload, 9);
    }
    const plain = json(caseplan([...args, '--ranges', '--runs', '5']));
    expect(plain.ranges.by_year[0].target_caseload).toBeUndefined();
    const spread = json(caseplan([...args, '--config', weights, '--weighted', '--ranges', '--runs', '200', '--growth-sd', '5']));
    expect(spread.ranges.by_year[2].open_cases.p10).toBeLessThan(spread.projection[2].open_cases);
    expect(spread.ranges.by_year[2].open_cases.p90).toBeGreaterThan(spread.projection[2].open_cases);
  });

  it('refuses a bare growth above 1, which would be over 100% a year', () => {
    const bare = caseplan([...args, '--growth', '3']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('"3" would be 300% a year: write 3% for 3% a year (or 300% if you mean it)');
    expect(caseplan([...args, '--growth', 'cp:6,cin:2%']).stderr).toContain('"6" would be 600% a year');
    expect(json(caseplan([...args, '--growth', '0.03'])).rates.growth.value).toBe(0.03);
    expect(caseplan([...args, '--growth', '1']).stderr).toContain('"1" would be 100% a year: write 1% for 1% a year (or 100% if you mean it)');
    expect(json(caseplan([...args, '--growth', '100%'])).rates.growth.value).toBe(1);
  });

  it('says when --weighted changes nothing: every weight 1', () => {
    const out = caseplan([...args.slice(0, -3), '--weighted']);
    expect(out.code).toBe(0);
    expect(out.stderr).toContain('--weighted: every case type weighs 1 (no --config), so the weighted cases are the open cases');
  });

  it('refuses a type that is not one, and types given to a file without them', () => {
    expect(caseplan([...args, '--growth', 'lac:5%']).stderr).toContain('expected TYPE:RATE pairs such as cp:6%,cin:2%');
    const untyped = caseplan(['plan', '--target', '12', '--staff', staff, '--cases', '100', '--as-of', '2026-09-30', '--years', '2', '--growth', 'cp:5%']);
    expect(untyped.code).toBe(2);
    expect(untyped.stderr).toContain('--growth by case type needs open cases with types');
  });
});
