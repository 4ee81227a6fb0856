// Turnover by group (issue 12): the Department's measure, per group. Spec: FTE of the group's
// leavers in the 12 months to the as-of date / the group's FTE in post at the as-of date. A leaver's
// group is decided at their leave_date: team managers by role; case-holding social workers
// experienced when qualified `experienceYears` whole years before it. When a case-holding leaver in
// the window has no qualified_date, both social worker groups take the pooled rate, with a note
// saying how many leavers lacked it. Capped at 100%.
import { addMonths, formatIso, type Day } from './dates.js';
import { ONE, ZERO, type Exact } from './exact.js';
import type { Rate } from './rates.js';
import { experiencedFrom, isInPost, type Group, type StaffMember } from './workforce.js';

export type TurnoverByGroup = Record<Group, Rate>;

const LABEL: Record<Group, string> = { experienced: 'experienced social workers', early_career: 'early-career social workers', team_manager: 'team managers' };

/** Each group's own rate from the staff file's leavers, or null when the file cannot give one. */
export function deriveTurnoverByGroup(
  staff: readonly StaffMember[],
  file: string,
  hasLeaveDates: boolean,
  asOf: Day,
  experienceYears: number,
  pooled: Rate,
): TurnoverByGroup {
  const all = (note: string): TurnoverByGroup => ({
    experienced: { ...pooled, note: `${pooled.note}; ${note}` },
    early_career: { ...pooled, note: `${pooled.note}; ${note}` },
    team_manager: { ...pooled, note: `${pooled.note}; ${note}` },
  });
  if (!hasLeaveDates) return all('the pooled rate, as there are no leave dates');
  const yearAgo = addMonths(asOf, -12);
  const leavers: Record<Group, Exact> = { experienced: ZERO, early_career: ZERO, team_manager: ZERO };
  const inPost: Record<Group, Exact> = { experienced: ZERO, early_career: ZERO, team_manager: ZERO };
  let undated = 0;
  for (const person of staff) {
    const manager = person.role === 'team_manager';
    if (!manager && !person.caseHolding) continue;
    const left = person.leaveDate !== null && person.leaveDate > yearAgo && person.leaveDate <= asOf;
    if (left) {
      if (manager) leavers.team_manager = leavers.team_manager.plus(person.fte);
      else if (person.qualifiedDate === null) undated++;
      else {
        const group = experiencedFrom(person.qualifiedDate, experienceYears) <= person.leaveDate! ? 'experienced' : 'early_career';
        leavers[group] = leavers[group].plus(person.fte);
      }
    }
    if (isInPost(person, asOf)) {
      if (manager) inPost.team_manager = inPost.team_manager.plus(person.fte);
      else if (person.qualifiedDate !== null) {
        const group = experiencedFrom(person.qualifiedDate, experienceYears) <= asOf ? 'experienced' : 'early_career';
        inPost[group] = inPost[group].plus(person.fte);
      }
    }
  }
  const rateOf = (group: Group): Rate => {
    const window = `the 12 months to ${formatIso(asOf)}`;
    if (inPost[group].isZero()) {
      return { ...pooled, note: `${pooled.note}; the pooled rate for ${LABEL[group]}, as none are in post in ${file}` };
    }
    if (leavers[group].gt(inPost[group])) {
      return {
        value: ONE,
        source: 'derived',
        note: `derived from ${file}: ${leavers[group].toString()} FTE of ${LABEL[group]} left in ${window}, more than the ${inPost[group].toString()} FTE in post, so capped at 100%`,
      };
    }
    return {
      value: leavers[group].div(inPost[group]),
      source: 'derived',
      note: `derived from ${file}: ${leavers[group].toString()} FTE of ${LABEL[group]} left in ${window} (group at the leave date), against ${inPost[group].toString()} FTE in post`,
    };
  };
  const byGroup: TurnoverByGroup = { experienced: rateOf('experienced'), early_career: rateOf('early_career'), team_manager: rateOf('team_manager') };
  if (undated > 0) {
    const note = `${pooled.note}; the pooled rate for social workers, as ${undated} case-holding leaver${undated === 1 ? '' : 's'} in the 12 months had no qualified_date`;
    byGroup.experienced = { ...pooled, note };
    byGroup.early_career = { ...pooled, note };
  }
  return byGroup;
}
