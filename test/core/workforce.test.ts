import { describe, expect, it } from 'vitest';
import { dayFromYmd, formatIso, type Day } from '../../src/core/dates.js';
import { exact } from '../../src/core/exact.js';
import { classify, countWorkforce, experiencedFrom, type StaffMember } from '../../src/core/workforce.js';

const d = (text: string): Day => dayFromYmd(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
const asOf = d('2026-09-30');
function person(fields: Partial<StaffMember>): StaffMember {
  return {
    staffId: 'S1', line: 2, role: 'social_worker', fte: exact(1), qualifiedDate: d('2015-01-01'), caseHolding: true, caseload: null,
    contract: 'permanent', team: null, annualSalary: null, startDate: null, leaveDate: null, ...fields,
  };
}

describe('who counts, and as what', () => {
  it('counts a case-holding team manager in the caseload and by experience, and costs them as a team manager', () => {
    expect(classify(person({ role: 'team_manager', qualifiedDate: d('2024-01-01') }), asOf, 3)).toEqual({
      inPost: true, caseHolding: true, teamManager: true, agency: false, counted: true, experienced: false, group: 'team_manager',
    });
  });

  it('puts a case holder in a group by the anniversary rule, and a team manager who holds no cases in the team manager group', () => {
    expect(classify(person({ qualifiedDate: d('2023-09-30') }), asOf, 3).group).toBe('experienced');
    expect(classify(person({ qualifiedDate: d('2023-10-01') }), asOf, 3).group).toBe('early_career');
    expect(classify(person({ role: 'team_manager', caseHolding: false }), asOf, 3)).toMatchObject({ counted: true, experienced: false, group: 'team_manager' });
  });

  it('does not count anyone who neither holds cases nor manages a team, nor anyone not in post', () => {
    expect(classify(person({ role: 'other', caseHolding: false }), asOf, 3)).toMatchObject({ inPost: true, counted: false, group: null });
    expect(classify(person({ leaveDate: asOf }), asOf, 3)).toMatchObject({ inPost: false, caseHolding: true, counted: false, experienced: false, group: null });
    expect(classify(person({ startDate: d('2026-10-01'), contract: 'agency' }), asOf, 3)).toMatchObject({ inPost: false, agency: true, counted: false });
  });

  it('asks experience only of those it counts for: a leaver qualified in 9999 is no error', () => {
    expect(classify(person({ qualifiedDate: d('9999-06-01'), leaveDate: d('2020-01-01') }), asOf, 3).group).toBeNull();
  });

  it('adds up the same rule: agency FTE only among case holders and team managers in post', () => {
    const staff = [
      person({ contract: 'agency', fte: exact('0.5') }),
      person({ role: 'team_manager', caseHolding: false, contract: 'agency' }),
      person({ role: 'other', caseHolding: false, contract: 'agency' }),
      person({ qualifiedDate: d('2025-01-01'), caseload: 12 }),
      person({ leaveDate: d('2026-01-01'), caseload: 30 }),
    ];
    const counts = countWorkforce(staff, asOf, 3);
    expect(counts).toMatchObject({ inPost: 4, excludedLeft: 1, caseHoldingPeople: 2, allocatedCases: 12 });
    expect([counts.caseHoldingFte, counts.experiencedFte, counts.earlyCareerFte, counts.teamManagerFte, counts.agencyFte].map(String)).toEqual(['1.5', '0.5', '1', '1', '1.5']);
  });
});

describe('the anniversary on which a qualification becomes experience', () => {
  it('is answered for each number of years on its own, however large, whatever was asked before', () => {
    // A key of date * 256 + years made (date, 256) the same question as (date + 1, 0).
    const qualified = dayFromYmd(2020, 1, 1);
    const next = dayFromYmd(2020, 1, 2);
    expect(formatIso(experiencedFrom(next, 0))).toBe('2020-01-02');
    expect(formatIso(experiencedFrom(qualified, 256))).toBe('2276-01-01');
    expect(formatIso(experiencedFrom(qualified, 3))).toBe('2023-01-01');
    expect(formatIso(experiencedFrom(next, 0))).toBe('2020-01-02');
  });
});
