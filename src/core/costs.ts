// Unit costs and paybills. Spec: unit annual cost = salary * (1 + on_cost_rate); agency staff cost
// that times (1 + agency_premium); one-off cost = hires * recruitment_cost.
import type { Config } from './config.js';
import type { Day } from './dates.js';
import { exact, ONE, type Exact } from './exact.js';
import { addMoney, multiplyMoney, pounds, ZERO_POUNDS, type Money } from './money.js';
import { classify, type Group, type StaffMember } from './workforce.js';

/** The unit annual cost of 1.0 FTE of each group: the one unit-cost type (the plan rule reads two of them). */
export type UnitCosts = Record<Group, Money>;

export function salaryOf(config: Config, group: Group): Money {
  return pounds(config.salaries[group]);
}

export function unitAnnualCosts(config: Config): UnitCosts {
  const onCost = ONE.plus(exact(config.on_cost_rate));
  return {
    experienced: multiplyMoney(salaryOf(config, 'experienced'), onCost),
    early_career: multiplyMoney(salaryOf(config, 'early_career'), onCost),
    team_manager: multiplyMoney(salaryOf(config, 'team_manager'), onCost),
  };
}

/** 1 + agency_premium: a factor, not money. */
export function agencyFactor(config: Config): Exact {
  return ONE.plus(exact(config.agency_premium));
}

/**
 * Current paybill: over case-holding staff and team managers in post, annual_salary (or the group's
 * config salary) * fte * (1 + on_cost_rate), times (1 + agency_premium) for agency staff.
 */
export function currentPaybill(staff: readonly StaffMember[], asOf: Day, experienceYears: number, config: Config): Money {
  // Summed as salary x fte per contract, then multiplied once: exact, and a third of the work.
  const groupSalary: Record<Group, Money> = { experienced: salaryOf(config, 'experienced'), early_career: salaryOf(config, 'early_career'), team_manager: salaryOf(config, 'team_manager') };
  let permanent = ZERO_POUNDS;
  let agencyStaff = ZERO_POUNDS;
  for (const person of staff) {
    const { group, agency } = classify(person, asOf, experienceYears);
    if (group === null) continue;
    const cost = multiplyMoney(person.annualSalary ?? groupSalary[group], person.fte);
    if (agency) agencyStaff = addMoney(agencyStaff, cost);
    else permanent = addMoney(permanent, cost);
  }
  return multiplyMoney(addMoney(permanent, multiplyMoney(agencyStaff, agencyFactor(config))), ONE.plus(exact(config.on_cost_rate)));
}
