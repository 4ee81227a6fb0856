// Unit costs and paybills. Spec (issue 12, on-costs as payroll works them out): a person's employer
// cost = pay + ni_rate * max(0, pay - ni_threshold) + (pension_rate + levy_rate) * pay, pay = salary x
// fte, so part-timers pay less NI; unit annual cost = that for 1.0 FTE. A config's on_cost_rate
// replaces the itemised on-costs with a flat pay * (1 + on_cost_rate), as before. Agency staff cost
// that times (1 + agency_premium); one-off cost = hires * recruitment_cost.
import type { Config } from './config.js';
import type { Day } from './dates.js';
import { exact, ONE, type Exact } from './exact.js';
import { addMoney, multiplyMoney, pounds, subtractMoney, ZERO_POUNDS, type Money } from './money.js';
import { classify, type Group, type StaffMember } from './workforce.js';

/** The unit annual cost of 1.0 FTE of each group: the one unit-cost type (the plan rule reads two of them). */
export type UnitCosts = Record<Group, Money>;

export function salaryOf(config: Config, group: Group): Money {
  return pounds(config.salaries[group]);
}

/** One person's employer cost a year on their pay (salary x fte): pay plus on-costs. */
export function employerCost(config: Config, pay: Money): Money {
  if (config.on_cost_rate !== null) return multiplyMoney(pay, ONE.plus(exact(config.on_cost_rate)));
  const aboveThreshold = pay.gt(config.ni_threshold) ? subtractMoney(pay, pounds(config.ni_threshold)) : ZERO_POUNDS;
  return addMoney(addMoney(pay, multiplyMoney(aboveThreshold, exact(config.ni_rate))), multiplyMoney(pay, exact(config.pension_rate).plus(config.levy_rate)));
}

/** On-costs on pay over a full-time salary (a retention payment): the flat rate, or NI + pension + levy. */
export function marginalOnCostRate(config: Config): Exact {
  return config.on_cost_rate !== null ? exact(config.on_cost_rate) : exact(config.ni_rate).plus(config.pension_rate).plus(config.levy_rate);
}

export function unitAnnualCosts(config: Config): UnitCosts {
  return {
    experienced: employerCost(config, salaryOf(config, 'experienced')),
    early_career: employerCost(config, salaryOf(config, 'early_career')),
    team_manager: employerCost(config, salaryOf(config, 'team_manager')),
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
  // Itemised on-costs depend on each person's own pay (the NI threshold), so they are added per person.
  const perPerson = config.on_cost_rate === null;
  for (const person of staff) {
    const { group, agency } = classify(person, asOf, experienceYears);
    if (group === null) continue;
    const pay = multiplyMoney(person.annualSalary ?? groupSalary[group], person.fte);
    const cost = perPerson ? employerCost(config, pay) : pay;
    if (agency) agencyStaff = addMoney(agencyStaff, cost);
    else permanent = addMoney(permanent, cost);
  }
  const total = addMoney(permanent, multiplyMoney(agencyStaff, agencyFactor(config)));
  return perPerson ? total : multiplyMoney(total, ONE.plus(exact(config.on_cost_rate!)));
}
