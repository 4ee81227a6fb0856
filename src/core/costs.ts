// Unit costs and paybills. Spec: unit annual cost = salary * (1 + on_cost_rate); agency staff cost
// that times (1 + agency_premium); one-off cost = hires * recruitment_cost.
import type { Config } from './config.js';
import type { Day } from './dates.js';
import { exact, ONE, ZERO } from './exact.js';
import type { Money } from './money.js';
import { classify, type Group, type StaffMember } from './workforce.js';

export type UnitCosts = Record<Group, Money>;

export function salaryOf(config: Config, group: Group): Money {
  return exact(config.salaries[group]);
}

export function unitAnnualCosts(config: Config): UnitCosts {
  const onCost = ONE.plus(exact(config.on_cost_rate));
  return {
    experienced: salaryOf(config, 'experienced').times(onCost),
    early_career: salaryOf(config, 'early_career').times(onCost),
    team_manager: salaryOf(config, 'team_manager').times(onCost),
  };
}

export function agencyFactor(config: Config): Money {
  return ONE.plus(exact(config.agency_premium));
}

/**
 * Current paybill: over case-holding staff and team managers in post, annual_salary (or the group's
 * config salary) * fte * (1 + on_cost_rate), times (1 + agency_premium) for agency staff.
 */
export function currentPaybill(staff: readonly StaffMember[], asOf: Day, experienceYears: number, config: Config): Money {
  // Summed as salary x fte per contract, then multiplied once: exact, and a third of the work.
  const groupSalary: Record<Group, Money> = { experienced: salaryOf(config, 'experienced'), early_career: salaryOf(config, 'early_career'), team_manager: salaryOf(config, 'team_manager') };
  let permanent = ZERO;
  let agencyStaff = ZERO;
  for (const person of staff) {
    const { group, agency } = classify(person, asOf, experienceYears);
    if (group === null) continue;
    const cost = (person.annualSalary ?? groupSalary[group]).times(person.fte);
    if (agency) agencyStaff = agencyStaff.plus(cost);
    else permanent = permanent.plus(cost);
  }
  return permanent.plus(agencyStaff.times(agencyFactor(config))).times(ONE.plus(exact(config.on_cost_rate)));
}
