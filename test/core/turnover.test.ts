// Issue 12: turnover by group, derived from a small staff file by hand.
import { describe, expect, it } from 'vitest';
import { dayFromYmd, type Day } from '../../src/core/dates.js';
import { exact } from '../../src/core/exact.js';
import { deriveTurnover } from '../../src/core/rates.js';
import { deriveTurnoverByGroup } from '../../src/core/turnover.js';
import type { StaffMember } from '../../src/core/workforce.js';

const d = (text: string) => dayFromYmd(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))) as Day;
let line = 1;
function person(role: StaffMember['role'], fte: string, qualified: string | null, leave: string | null = null): StaffMember {
  return {
    staffId: `S${line}`, line: ++line, role, fte: exact(fte), qualifiedDate: qualified === null ? null : d(qualified),
    caseHolding: role !== 'team_manager', caseload: null, contract: 'permanent', team: null, annualSalary: null, startDate: null, leaveDate: leave === null ? null : d(leave),
  };
}

const asOf = d('2026-09-30');
const staff = [
  // In post at 2026-09-30: experienced 3.0 FTE (qualified by 2023-09-30), early career 2.0, team managers 2.0.
  person('social_worker', '1', '2015-01-01'),
  person('social_worker', '1', '2019-06-01'),
  person('senior_practitioner', '1', '2010-03-01'),
  person('social_worker', '1', '2024-02-01'),
  person('social_worker', '1', '2025-07-01'),
  person('team_manager', '1', '2005-01-01'),
  person('team_manager', '1', '2008-01-01'),
  // Leavers in the 12 months to 2026-09-30:
  // qualified 2022-11-15, left 2026-01-10: three years on was 2025-11-15, so experienced when leaving
  // (early career a year before the as-of date: this leaver progressed before leaving).
  person('social_worker', '0.5', '2022-11-15', '2026-01-10'),
  // qualified 2024-01-01, left 2026-03-01: early career when leaving.
  person('social_worker', '1', '2024-01-01', '2026-03-01'),
  person('social_worker', '0.5', '2025-01-01', '2026-09-30'),
  // a team manager who left
  person('team_manager', '1', '2001-01-01', '2026-05-05'),
  // left before the window: not counted
  person('social_worker', '1', '2010-01-01', '2025-09-30'),
];

describe('turnover by group (hand-worked)', () => {
  const pooled = deriveTurnover(staff, 'staff.csv', true, asOf);
  const byGroup = deriveTurnoverByGroup(staff, 'staff.csv', true, asOf, 3, pooled);

  it('decides a leaver\'s group at the leave date: one who progressed before leaving left as experienced', () => {
    // Experienced: 0.5 FTE left / 3.0 in post.
    expect(byGroup.experienced.value.toString()).toBe(exact('0.5').div(3).toString());
    // Early career: 1 + 0.5 FTE left / 2.0 in post = 75%.
    expect(byGroup.early_career.value.toNumber()).toBe(0.75);
    // Team managers: 1 left / 2 in post.
    expect(byGroup.team_manager.value.toNumber()).toBe(0.5);
    expect(byGroup.early_career.source).toBe('derived');
  });

  it('keeps the pooled rate as the Department measures it: 2.0 case-holding FTE left / 5.0 in post', () => {
    expect(pooled.value.toNumber()).toBe(0.4);
  });

  it('gives both social worker groups the pooled rate when a leaver has no qualified_date, and says so', () => {
    const undated = deriveTurnoverByGroup([...staff, person('social_worker', '1', null, '2026-02-02')], 'staff.csv', true, asOf, 3, pooled);
    expect(undated.experienced.value.toString()).toBe(pooled.value.toString());
    expect(undated.early_career.note).toContain('1 case-holding leaver in the 12 months had no qualified_date');
    expect(undated.team_manager.value.toNumber()).toBe(0.5);
  });

  it('caps a group at 100% when more left than are in post', () => {
    const many = deriveTurnoverByGroup([...staff, person('team_manager', '1', '2001-01-01', '2026-06-01'), person('team_manager', '1', '2001-01-01', '2026-07-01')], 'staff.csv', true, asOf, 3, pooled);
    expect(many.team_manager.value.toNumber()).toBe(1);
    expect(many.team_manager.note).toContain('capped at 100%');
  });
});
