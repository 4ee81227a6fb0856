// Issue 10, "Real exports without pre-processing": FTE as a percentage or in hours, one person in two
// posts, impossible rows and the statutory agency rule.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseplan, folderWith, json } from './run.js';

function plan(staff: string, extra: string[] = [], config?: unknown, asOf = '2026-09-30') {
  const files: Record<string, string> = { 'staff.csv': staff };
  if (config !== undefined) files['config.json'] = JSON.stringify(config);
  const dir = folderWith(files);
  const args = ['plan', '--target', '19', '--cases', '60', '--as-of', asOf, '--format', 'json', '--staff', join(dir, 'staff.csv')];
  if (config !== undefined) args.push('--config', join(dir, 'config.json'));
  return { run: caseplan([...args, ...extra]), file: join(dir, 'staff.csv') };
}

const rows = (header: string, ...lines: string[]) => [header, ...lines].join('\n') + '\n';

describe('FTE on a 0-100 scale', () => {
  const staff = rows('staff_id,role,FTE %,qualified_date', 'A,social_worker,100.00,2010-01-01', 'B,social_worker,60.00,2020-01-01', 'C,social_worker,50%,2024-01-01');
  const aliases = { column_aliases: { 'FTE %': 'fte' } };

  it('reads the column as percentages when every value is over 1 and at most 100, with a warning', () => {
    const { run, file } = plan(staff, [], aliases);
    expect(json(run).current.case_holding_fte).toBeCloseTo(1 + 0.6 + 0.5, 12);
    expect(run.stderr).toContain(`caseplan: warning: ${file}: the fte column is on a 0-100 scale`);
  });

  it('reads it as percentages without a warning when fte_scale is 100', () => {
    const { run } = plan(staff, [], { ...aliases, fte_scale: 100 });
    expect(json(run).current.case_holding_fte).toBeCloseTo(2.1, 12);
    expect(run.stderr).not.toContain('0-100 scale');
  });

  it('with fte_scale 1, says a value over 1 looks like a percentage (exit 3)', () => {
    const { run, file } = plan(staff, [], { ...aliases, fte_scale: 1 });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${file}:2:3 (FTE %): "100.00" is not in (0, 1]: an FTE above 0 and at most 1; 100.00 looks like a percentage: write 100.00% or set "fte_scale": 100 in the config`);
    expect(run.stderr).toContain(`${file}:3:3 (FTE %): "60.00" is not in (0, 1]`);
  });

  it('reads a column of fractions with one 80 as fractions, and says 80 looks like a percentage', () => {
    const { run, file } = plan(rows('staff_id,role,fte,qualified_date', 'A,social_worker,1,2010-01-01', 'B,social_worker,80,2020-01-01', 'C,social_worker,0.8,2020-01-01'));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${file}:3:3 (fte): "80" is not in (0, 1]: an FTE above 0 and at most 1; 80 looks like a percentage: write 80% or set "fte_scale": 100 in the config`);
    expect(run.stderr).toContain('caseplan: 1 problem in the input');
  });

  it('reports a value over 100 with the other problems of the file at once', () => {
    const { run, file } = plan(rows('staff_id,role,fte,qualified_date', 'A,social_worker,150,2010-01-01', 'B,social_worker,0.5,20-20-2020'));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${file}:3:4 (qualified_date):`);
    expect(run.stderr).toContain(`${file}:2:3 (fte): "150" is not in (0, 1]`);
    expect(run.stderr).toContain('caseplan: 2 problems in the input');
  });
});

describe('FTE from contracted hours', () => {
  it('divides contracted_hours by full_time_hours (default 37) when the fte cell is empty', () => {
    const { run } = plan(rows('staff_id,role,fte,contracted_hours,qualified_date', 'A,social_worker,,37,2010-01-01', 'B,social_worker,,18.5,2020-01-01', 'C,social_worker,0.2,30,2024-01-01'));
    expect(json(run).current.case_holding_fte).toBeCloseTo(1.7, 12);
  });

  it('uses full_time_hours from the config', () => {
    const { run } = plan(rows('staff_id,role,contracted_hours,qualified_date', 'A,social_worker,36,2010-01-01', 'B,social_worker,18,2020-01-01'), [], { full_time_hours: 36 });
    expect(json(run).current.case_holding_fte).toBeCloseTo(1.5, 12);
  });

  it('refuses hours above full time', () => {
    const { run, file } = plan(rows('staff_id,role,contracted_hours,qualified_date', 'A,social_worker,40,2010-01-01'));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${file}:2:3 (contracted_hours): "40" is not hours a week above 0 and at most full time (37, full_time_hours in the config)`);
  });
});

describe('one person, two posts', () => {
  it('counts each post when the role or team differs and the FTEs add up to at most 1, warning once', () => {
    const { run, file } = plan(rows('staff_id,role,fte,qualified_date,team', 'A,social_worker,0.5,2010-01-01,North', 'A,social_worker,0.5,2010-01-01,South', 'B,team_manager,0.6,2005-01-01,North', 'B,social_worker,0.4,2005-01-01,North'));
    const result = json(run);
    expect(result.current.case_holding_fte).toBeCloseTo(1.4, 12);
    expect(result.current.team_manager_fte).toBeCloseTo(0.6, 12);
    expect(run.stderr).toContain(`caseplan: warning: ${file}: 2 people hold more than one post (staff A on lines 2 and 3, staff B on lines 4 and 5)`);
  });

  it('refuses posts whose FTEs add up to more than 1', () => {
    const { run, file } = plan(rows('staff_id,role,fte,qualified_date,team', 'A,social_worker,0.8,2010-01-01,North', 'A,social_worker,0.5,2010-01-01,South'));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${file}:3:3 (fte): staff A holds posts on lines 2, 3 whose FTEs add up to 1.3; one person's posts are at most 1.0 FTE together`);
  });

  it('still refuses the same post twice as a duplicate', () => {
    const { run, file } = plan(rows('staff_id,role,fte,qualified_date,team', 'A,social_worker,0.5,2010-01-01,North', 'A,Social Worker,0.5,2010-01-01, north'));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${file}:3:1 (staff_id): duplicate staff_id "A" (first seen on line 2)`);
  });
});

describe('rows that cannot be right', () => {
  it('refuses a leave_date before the start_date', () => {
    const { run, file } = plan(rows('staff_id,role,qualified_date,start_date,leave_date', 'A,social_worker,2010-01-01,2024-05-01,2023-05-01'));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${file}:2:5 (leave_date): "2023-05-01" is before start_date "2024-05-01": the row could never be in post`);
  });

  it('warns about early-career agency social workers in post after 1 October 2025', () => {
    const staff = rows('staff_id,role,qualified_date,contract', 'A,social_worker,2024-01-01,agency', 'B,social_worker,2010-01-01,agency');
    const { run, file } = plan(staff);
    expect(run.stderr).toContain(`caseplan: warning: ${file}: 1 agency social worker in post with under three years since qualifying (staff A on line 2)`);
    const before = plan(staff, [], undefined, '2025-09-30').run;
    expect(before.code).toBe(0);
    expect(before.stderr).not.toContain('agency social worker in post');
  });

  it('refuses a caseload beyond what can be counted exactly', () => {
    const { run } = plan(rows('staff_id,role,qualified_date,caseload', 'A,social_worker,2010-01-01,90071992547409930'));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('is not a whole number >= 0 no larger than 9,007,199,254,740,991 (this one is too large to count exactly)');
  });
});

describe('dates as spreadsheets write them', () => {
  it('reads Excel serial numbers in a date column with one warning per column', () => {
    const { run, file } = plan(rows('staff_id,role,qualified_date', 'A,social_worker,40179', 'B,social_worker,45000', 'C,social_worker,30/09/24'));
    const result = json(run);
    // 40179 is 2010-01-01: experienced; 45000 is 2023-03-15: experienced by 2026-09-30; 30/09/24 is early career.
    expect(result.current.experienced_fte).toBe(2);
    expect(run.stderr).toContain(`caseplan: warning: ${file}: 2 qualified_date values are Excel serial numbers (line 2: 40179 = 2010-01-01), read as dates`);
  });
});

describe('a staff file with no qualified_date column', () => {
  it('says so once, not once per person', () => {
    const { run, file } = plan(rows('staff_id,role,fte', 'A,social_worker,1', 'B,social_worker,1', 'C,team_manager,1'));
    expect(run.code).toBe(3);
    expect(run.stderr.trim().split('\n')).toEqual([
      `${file}: no qualified_date column: the 2 case-holding staff in post need the date they qualified, to tell experienced from early career (if your export calls it something else, map it with column_aliases, e.g. "Date Qualified": "qualified_date")`,
      'caseplan: 1 problem in the input; nothing was calculated',
    ]);
  });
});
