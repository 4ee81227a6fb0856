// `--explain`: the derivation of every number a user will quote, in plain English. Each step is
// named by the JSON field whose value it explains, and carries that same value.
import { CASE_TYPES } from '../../core/case-types.js';
import type { PlanRun, ProjectionRun } from '../../core/results.js';
import type { Config } from '../../core/config.js';
import type { Group } from '../../core/workforce.js';
import { addYears, formatIso } from '../../core/dates.js';
import { exact } from '../../core/exact.js';
import { formatPounds, pounds, toPounds, type Money } from '../../core/money.js';
import { GROUPS } from '../../core/workforce.js';
import { caseload, count, fte, grouped, plain, rate, share } from './numbers.js';
import { demandSourceText, GROUP_LABEL, shortageText, withoutText } from './plan-text.js';

export interface ExplanationStep {
  /** The JSON field this step explains (a dotted path into the result). */
  step: string;
  text: string;
  value: number | string | boolean | null | string[];
}

export function explainPlan({ plan, workforce }: PlanRun, staffFile: string): ExplanationStep[] {
  const { asOf, experienceYears, rule, config } = plan.parameters;
  const { current, after, hires, constraints } = plan;
  const steps: ExplanationStep[] = [];
  const add = (step: string, value: ExplanationStep['value'], text: string) => steps.push({ step, text, value });
  const C = current.caseHoldingFte;

  add('inputs.staff.in_post', workforce.inPost,
    `People in post at ${formatIso(asOf)}: ${count(workforce.inPost)} of the ${count(workforce.rows)} rows in ${staffFile} ` +
      `(${count(workforce.excludedLeft)} had a leave_date on or before that date and ${count(workforce.excludedNotStarted)} a start_date after it; they are left out).`);
  add('current.case_holding_fte', plain(C),
    `Case-holding FTE: the sum of fte over the ${count(workforce.caseHoldingPeople)} case-holding people in post = ${fte(C)}.`);
  add('current.experienced_fte', plain(current.experiencedFte),
    `Experienced FTE: case-holding staff qualified on or before ${formatIso(addYears(asOf, -experienceYears))} (${experienceYears} whole years before ${formatIso(asOf)}) = ${fte(current.experiencedFte)}; ` +
      `the other ${fte(current.earlyCareerFte)} FTE are early career.`);
  add('current.open_cases', plan.demand.openCases, `${demandSourceText(plan).replace(/^open cases/, 'Open cases')}.`);
  if (plan.demand.unallocatedCases !== null) {
    add('current.unallocated_cases', plan.demand.unallocatedCases,
      plan.demand.source.kind === 'annex_a'
        ? `Unallocated cases: ${count(plan.demand.unallocatedCases)} of the ${count(plan.demand.openCases)} open children have no allocated worker on their Annex A list (an empty or "Unallocated" worker).`
        : `Unallocated cases: ${count(plan.demand.openCases)} open - ${count(plan.demand.allocatedCases)} allocated in the caseload column = ${count(plan.demand.unallocatedCases)}.`);
  }
  add('current.average_caseload', current.averageCaseload,
    current.averageCaseload === null
      ? 'Average caseload now: none, as no case-holding staff are in post.'
      : `Average caseload now: ${count(plan.demand.openCases)} open cases / ${fte(C)} FTE = ${caseload(current.averageCaseload)} cases per FTE${plan.parameters.weighted === true || config.early_career_capacity !== 1 ? '' : ` (target ${count(rule.target)})`}.`);
  if (plan.demand.unallocatedCases !== null && current.allocatedCaseload !== null) {
    add('current.allocated_caseload', current.allocatedCaseload,
      `Allocated caseload (the Department for Education's measure: cases held per case-holding FTE): ${count(plan.demand.allocatedCases)} / ${fte(C)} = ${caseload(current.allocatedCaseload)}. ` +
        `The target applies to the ${plan.parameters.weighted === true ? 'weighted caseload' : config.early_career_capacity !== 1 ? 'caseload counted against it' : 'average caseload above'}, which also counts the ${count(plan.demand.unallocatedCases)} unallocated cases.`);
  }
  const byType = plan.demand.byType;
  if (byType !== null && plan.demand.weightedCases !== null) {
    const terms = CASE_TYPES.filter((t) => byType[t] > 0).map((t) => `${count(byType[t])} ${t} x ${+config.case_weights[t].toFixed(6)}`);
    add('current.weighted_cases', plan.demand.weightedCases,
      `Weighted cases: each open case counts its type's weight (case_weights): ${terms.join(' + ') || '0'} = ${caseload(plan.demand.weightedCases)}; ` +
        `weighted caseload ${caseload(plan.demand.weightedCases)} / ${fte(C)} FTE = ${caseload(current.weightedCaseload)}.`);
  }
  const weighted = plan.parameters.weighted === true;
  const kappa = config.early_career_capacity;
  const what = weighted ? 'weighted cases' : 'open cases';
  const load = weighted ? (plan.demand.weightedCases ?? plan.demand.openCases) : plan.demand.openCases;
  const counted = kappa === 1 ? 'case-holding FTE' : `(experienced FTE + ${+kappa.toFixed(6)} x early-career FTE)`;
  add('constraints.target.min_case_holding_fte', constraints.target.minCaseHoldingFte,
    `Target: ${what} <= ${count(rule.target)} x ${counted}, so at least ${weighted ? caseload(load) : count(load)} / ${count(rule.target)} = ${fte(constraints.target.minCaseHoldingFte)} FTE${kappa === 1 ? '' : ' counted against the target'} are needed; ` +
      (kappa === 1 ? `${fte(C)} are in post` : `${fte(current.experiencedFte)} + ${+kappa.toFixed(6)} x ${fte(current.earlyCareerFte)} count now`) +
      ` (${constraints.target.metNow ? 'met already' : 'not met now'}).` +
      (kappa === 1 ? '' : ` An early-career FTE counts as ${+kappa.toFixed(6)} of an FTE (early_career_capacity): a protected allowance while they learn; the caps, per FTE of each group, take no fraction.`));
  if (constraints.mix !== null && rule.mix !== null) {
    add('constraints.mix.min_experienced_fte_after', constraints.mix.minExperiencedFteAfter,
      `Mix: experienced FTE >= ${rate(rule.mix)} of case-holding FTE. After hires that is ${rate(rule.mix)} x ${fte(after.caseHoldingFte)} = ${fte(constraints.mix.minExperiencedFteAfter)} experienced FTE; ` +
        `there will be ${fte(after.experiencedFte)} (${fte(current.experiencedFte)} now, ${share(current.experiencedShare)} of case-holding FTE: ${constraints.mix.metNow ? 'the mix holds now, before any hire, and the hires must keep it' : 'short of the mix now'}).`);
  }
  if (constraints.caps !== null && rule.caps !== null) {
    add('constraints.caps.capacity_after', constraints.caps.capacityAfter,
      `Caps: at most ${count(rule.caps.earlyCareer)} cases per early-career FTE and ${count(rule.caps.experienced)} per experienced FTE. ` +
        `Capacity now ${count(constraints.caps.capacityNow)} cases, after hires ${count(constraints.caps.capacityAfter)}, for ${weighted ? `${caseload(load)} weighted` : `${count(plan.demand.openCases)} open`} cases.`);
  }
  const active = (['target', 'mix', 'caps'] as const).filter((name) => constraints[name] !== null);
  const notBinding = active.filter((name) => !plan.binding.includes(name));
  add('binding_constraints', plan.binding,
    plan.binding.length === 0
      ? hires.experienced + hires.earlyCareer === 0 && !plan.shortage.short
        ? 'No constraint binds: the workforce in post already meets them all, so nobody is hired (nobody is ever removed).'
        : 'No constraint binds on its own: dropping any one of them would not give a cheaper plan.'
      : `A constraint binds when dropping it alone would give a cheaper plan. ` +
          plan.binding.map((name) => `The ${name} binds: ${withoutText(plan, name)}.`).join(' ') +
          (notBinding.length > 0 ? ` The ${notBinding.join(' and the ')} ${notBinding.length === 1 ? 'does' : 'do'} not: without ${notBinding.length === 1 ? 'it' : 'either'} the plan would cost the same or more.` : ''));
  // The target calls for hires of some kind; experienced hires over the cheapest way to meet it are
  // there for the mix or the caps: each that, dropped alone, would leave fewer experienced hires.
  const forExperienced = plan.binding.filter((name) => name !== 'target' && constraints[name]!.without.hires.experienced < hires.experienced);
  add('hires.experienced', hires.experienced,
    `Cheapest hires: an experienced social worker costs ${formatPounds(plan.unitCosts.experienced)} a year, an early-career one ${formatPounds(plan.unitCosts.early_career)}. ` +
      `Every number of experienced hires from 0 up to the fewest that meet every constraint on their own was tried, each with the fewest early-career hires that then meet the target and caps; ` +
      `the cheapest is ${hires.experienced} experienced and ${hires.earlyCareer} early career (on a tie: fewer people, then fewer experienced).` +
      (hires.experienced === 0
        ? ''
        : forExperienced.length > 0
          ? ` The experienced hires are there for ${forExperienced.map((name) => `the ${name} (${withoutText(plan, name)})`).join(' and ')}.`
          : ' The experienced hires are there because they meet the constraints at the lowest cost.'));
  add('hires.early_career', hires.earlyCareer, `Early-career hires: ${hires.earlyCareer}, newly qualified, 1.0 FTE each.`);
  const short = shortageText(plan);
  if (short !== null) {
    add('shortage.uncovered_cases', plan.shortage.uncoveredCases,
      `${short} Within the limits the hires are chosen by fewest uncovered cases, then smallest mix shortfall, then lowest cost; the binding constraints above are those of the plan without the limits.`);
  }
  add('team_managers_required', plan.teamManagersRequired,
    `Team managers: one per ${count(config.span_of_control)} case-holding FTE, so ceil(${fte(after.caseHoldingFte)} / ${count(config.span_of_control)}) = ${plan.teamManagersRequired} are needed after hires.`);
  add('hires.team_manager', hires.teamManager,
    `Team manager hires: ${plan.teamManagersRequired} needed - ${fte(current.teamManagerFte)} FTE in post, rounded up, not below 0 = ${hires.teamManager}.`);
  for (const group of GROUPS) {
    const g = plan.byGroup[group];
    add(`cost.by_group.${group}.annual`, toPounds(g.annualCost),
      `${GROUP_LABEL[group]}: ${g.hires} x ${unitCostText(config, group, g.unitAnnualCost)} = ${formatPounds(g.annualCost)} a year.`);
  }
  add('cost.annual', toPounds(plan.cost.annual), `Annual cost of the hires: ${GROUPS.map((g) => formatPounds(plan.byGroup[g].annualCost)).join(' + ')} = ${formatPounds(plan.cost.annual)}.`);
  add('cost.one_off', toPounds(plan.cost.oneOff), `One-off cost: ${hires.total} hires x ${formatPounds(pounds(config.recruitment_cost))} recruitment = ${formatPounds(plan.cost.oneOff)}.`);
  add('current.paybill', toPounds(current.paybill),
    `Current paybill: for each case-holding person and team manager in post, ${config.on_cost_rate !== null ? `annual_salary (or the group salary) x fte x (1 + ${rate(config.on_cost_rate)})` : `pay = annual_salary (or the group salary) x fte, plus ${onCostsText(config)} on that person's pay`}, ` +
      `x (1 + ${rate(config.agency_premium)}) for the ${fte(current.agencyFte)} agency FTE = ${formatPounds(current.paybill)}.`);
  return steps;
}

/** "£39,438.00 salary x (1 + 30% on-costs)", or the itemised on-costs of a 1.0 FTE salary with their sum. */
function unitCostText(config: Config, group: Group, unit: Money): string {
  const salary = pounds(config.salaries[group]);
  if (config.on_cost_rate !== null) return `${formatPounds(salary)} salary x (1 + ${rate(config.on_cost_rate)} on-costs)`;
  const above = Math.max(0, config.salaries[group] - config.ni_threshold);
  return `(${formatPounds(salary)} salary + ${rate(config.ni_rate)} NI on ${formatPounds(pounds(above))} above the ${formatPounds(pounds(config.ni_threshold))} threshold + ${rate(config.pension_rate)} pension + ${rate(config.levy_rate)} levy on the salary = ${formatPounds(unit)})`;
}

/** The on-costs in words: a flat rate, or NI above the threshold, pension and levy. */
export function onCostsText(config: Config): string {
  return config.on_cost_rate !== null
    ? `${rate(config.on_cost_rate)} on-costs`
    : `employer NI ${rate(config.ni_rate)} above ${formatPounds(pounds(config.ni_threshold))} a year, pension ${rate(config.pension_rate)} and apprenticeship levy ${rate(config.levy_rate)}`;
}

export function explainProjection(run: ProjectionRun, staffFile: string): ExplanationStep[] {
  const steps = explainPlan(run, staffFile);
  const rateStep = (key: string, name: string, r: ProjectionRun['rates']['growth']) =>
    steps.push({ step: `rates.${key}.value`, value: r.value.toNumber(), text: `${name}: ${rate(r.value.toNumber())} a year (${r.note}).` });
  rateStep('growth', 'Demand growth', run.rates.growth);
  rateStep('turnover', 'Turnover', run.rates.turnover);
  rateStep('pay_award', 'Pay award', run.rates.payAward);
  const { config } = run.plan.parameters;
  const turnover = run.rates.turnover.value;
  const byGroup = run.rates.turnoverByGroup;
  // One rate for every group (as without --turnover-GROUP or retention measures), or each group's own.
  const oneRate = GROUPS.every((g) => byGroup[g].value.eq(turnover)) && (run.retention === null);
  if (!oneRate) {
    for (const g of GROUPS) {
      steps.push({ step: `rates.turnover_by_group.${g}.value`, value: byGroup[g].value.toNumber(), text: `Turnover of ${GROUP_LABEL[g].toLowerCase()}: ${rate(byGroup[g].value.toNumber())} a year (${byGroup[g].note}).` });
    }
  }
  const leaving = oneRate
    ? `${rate(turnover.toNumber())} of the FTE`
    : `each group's rate (retention measures from their year) of its FTE`;
  const growth = run.rates.growth.value;
  const payAward = run.rates.payAward.value;
  for (const y of run.years) {
    const at = (field: string) => `projection.${y.year}.${field}`;
    const when = `Year ${y.year} (${formatIso(y.date)})`;
    if (y.year > 0) {
      steps.push({ step: at('leavers_fte'), value: plain(y.leaversFte),
        text: `${when}: ${leaving} in post at the end of year ${y.year - 1} leave (agency and permanent alike; a case-holding team manager once, as a team manager) = ${fte(y.leaversFte)} FTE.` });
      const types = y.openCasesByType;
      const perType = run.rates.growthByType !== null && types !== null && !CASE_TYPES.every((t) => run.rates.growthByType![t].value.eq(growth));
      steps.push({ step: at('open_cases'), value: y.openCases,
        text: perType
          ? `${when}: each case type at its own growth, ${CASE_TYPES.filter((t) => (run.plan.demand.byType?.[t] ?? 0) > 0).map((t) => `${t} ${count(run.plan.demand.byType![t])} x (1 + ${rate(run.rates.growthByType![t].value.toNumber())})^${y.year} = ${caseload(types[t])}`).join('; ')}: ${count(y.openCases)} open cases${y.weightedCases === null ? '' : `, ${caseload(y.weightedCases)} weighted`}.`
          : `${when}: open cases ${count(run.plan.demand.openCases)} x (1 + ${rate(growth.toNumber())})^${y.year} = ${count(y.openCases)}${y.weightedCases === null ? '' : ` (${caseload(y.weightedCases)} weighted)`}.` });
      steps.push({ step: at('experienced_fte'), value: plain(y.experiencedFte),
        text: `${when}: after leavers, progression (staff reaching ${run.plan.parameters.experienceYears} years since qualifying become experienced) and hires, ${fte(y.experiencedFte)} experienced and ${fte(y.earlyCareerFte)} early-career case-holding FTE.` });
      steps.push({ step: at('hires_experienced'), value: y.hires.experienced,
        text: `${when}: the plan rule (target ${count(run.plan.parameters.rule.target)}${y.mixApplied && run.mix !== null ? `, mix ${rate(run.mix)}` : ''}${run.plan.parameters.rule.caps ? ', caps' : ''}) ${y.short ? 'within the recruitment limits ' : ''}hires ${y.hires.experienced} experienced and ${y.hires.earlyCareer} early career${y.short ? ` (a short year: ${count(Math.round(y.uncoveredCases * 10) / 10)} cases uncovered, mix ${fte(exact(y.mixShortfallFte))} FTE short${y.agencyCoverFte > 0 ? `; ${fte(exact(y.agencyCoverFte))} agency FTE cover the gap at ${formatPounds(y.agencyCoverCost)}` : ''})` : ''}, giving ${fte(y.caseHoldingFte)} case-holding FTE and an average caseload of ${caseload(y.averageCaseload)}${y.targetCaseload !== y.averageCaseload ? ` (${caseload(y.targetCaseload)} against the target)` : ''}; team managers: ceil(${fte(y.caseHoldingFte)} / ${count(config.span_of_control)}) needed, ${y.hires.teamManager} hired.` });
    }
    const groups = GROUPS.map((g) => {
      const b = y.byGroup[g];
      const unit = `£${grouped(b.unitAnnualCost, 2, 6)}`;
      const agency = b.agencyFte.isZero() ? '' : ` + ${grouped(b.agencyFte, 2, 6)} agency FTE x ${unit} x (1 + ${rate(config.agency_premium)})`;
      return `${GROUP_LABEL[g].toLowerCase()} ${grouped(b.permanentFte, 2, 6)} FTE x ${unit}${agency} = ${formatPounds(b.paybill)}`;
    });
    steps.push({ step: at('paybill'), value: toPounds(y.paybill),
      text: `${when}: paybill (FTE to 6 decimals; unit cost = salary x (1 + on-costs) x (1 + ${rate(payAward.toNumber())})^${y.year}): ${groups.join('; ')}; total ${formatPounds(y.paybill)}.` });
    steps.push({ step: at('baseline_cost'), value: toPounds(y.baselineCost),
      text: `${when}: baseline: today's workforce before hires (the same FTE per group) at this year's unit costs${y.year > 0 ? `, plus replacing ${oneRate ? rate(turnover.toNumber()) : "each group's rate"} of it at ${formatPounds(pounds(config.recruitment_cost))} a hire` : ''} = ${formatPounds(y.baselineCost)}.` });
    steps.push({ step: at('additional_cost'), value: toPounds(y.additionalCost),
      text: `${when}: additional cost = ${formatPounds(y.paybill)} paybill + ${formatPounds(y.recruitmentCost)} recruitment${y.agencyCoverCost.isZero() ? '' : ` + ${formatPounds(y.agencyCoverCost)} agency cover`}${y.retentionCost.isZero() ? '' : ` + ${formatPounds(y.retentionCost)} retention payments`} - ${formatPounds(y.baselineCost)} baseline = ${formatPounds(y.additionalCost)}.` });
  }
  const last = run.years.length - 1;
  steps.push({
    step: 'totals.additional_cost',
    value: toPounds(run.totals.additionalCost),
    text: `Additional cost over years 0-${last}: ${formatPounds(run.totals.paybill)} paybill + ${formatPounds(run.totals.recruitmentCost)} recruitment${run.totals.agencyCoverCost.isZero() ? '' : ` + ${formatPounds(run.totals.agencyCoverCost)} agency cover`}${run.totals.retentionCost.isZero() ? '' : ` + ${formatPounds(run.totals.retentionCost)} retention payments`} - ${formatPounds(run.totals.baselineCost)} baseline = ${formatPounds(run.totals.additionalCost)}.`,
  });
  return steps;
}
