// The optimiser's own section (issue 13), beside everything the projection shows: the two plans'
// cost in cash and present value year by year, the saving, the years their hires differ, the solver's
// status, and with a budget what it buys. One table (`optimisation`) for CSV, JSON and the workbook.
import type { OptimisationRun, YearHires } from '../../core/results.js';
import { hasLimits } from '../../core/limits.js';
import { formatPounds, subtractMoney, sumMoney, toPounds, ZERO_POUNDS, type Money } from '../../core/money.js';

const negate = (m: Money): Money => subtractMoney(ZERO_POUNDS, m);
const money = (m: Money | undefined | null) => (m === undefined || m === null ? null : toPounds(m));
import { columns, type DataTable } from './data-table.js';
import type { Block } from './document.js';
import { caseload, count, fte as fteText, rate } from './numbers.js';
import type { ExplanationStep } from './explain.js';

const OPTIMISATION_COLUMNS = columns(
  ['year', 'Year', 'integer'], ['discount_factor', 'Discount factor', 'number'],
  ['rule_hires_experienced', 'Rule: experienced hires', 'integer'], ['rule_hires_early_career', 'Rule: early-career hires', 'integer'], ['rule_hires_team_manager', 'Rule: team manager hires', 'integer'],
  ['rule_cost', 'Rule: cost', 'money'], ['rule_present_value', 'Rule: present value', 'money'],
  ['optimised_hires_experienced', 'Optimised: experienced hires', 'integer'], ['optimised_hires_early_career', 'Optimised: early-career hires', 'integer'], ['optimised_hires_team_manager', 'Optimised: team manager hires', 'integer'],
  ['optimised_cost', 'Optimised: cost', 'money'], ['optimised_present_value', 'Optimised: present value', 'money'],
  ['optimised_average_caseload', 'Optimised: average caseload', 'number'],
);

/** The `optimisation` section: both plans year by year, each cost in cash and present value, with totals. */
export function optimisationTable(run: OptimisationRun): DataTable {
  const o = run.optimisation;
  const rows = o.byYear.map((y, i) => [
    y.year,
    y.discountFactor.toNumber(),
    y.rule?.hires.experienced ?? null, y.rule?.hires.earlyCareer ?? null, y.rule?.hires.teamManager ?? null,
    y.rule === null ? null : toPounds(y.rule.cost), y.rule === null ? null : toPounds(y.rule.presentValue),
    y.optimised.hires.experienced, y.optimised.hires.earlyCareer, y.optimised.hires.teamManager,
    toPounds(y.optimised.cost), toPounds(y.optimised.presentValue),
    run.years[i]!.averageCaseload,
  ]);
  const sum = (f: (y: (typeof o.byYear)[number]) => number) => o.byYear.reduce((s, y) => s + f(y), 0);
  const ruleSum = (f: (h: YearHires) => number) => (o.rule === null ? null : sum((y) => f(y.rule!.hires)));
  const total = [
    'total', null,
    ruleSum((h) => h.experienced), ruleSum((h) => h.earlyCareer), ruleSum((h) => h.teamManager),
    o.rule === null ? null : toPounds(o.rule.cash), o.rule === null ? null : toPounds(o.rule.presentValue),
    sum((y) => y.optimised.hires.experienced), sum((y) => y.optimised.hires.earlyCareer), sum((y) => y.optimised.hires.teamManager),
    toPounds(o.optimised.cash), toPounds(o.optimised.presentValue),
    null,
  ];
  return { name: 'optimisation', title: 'Optimised vs rule', columns: OPTIMISATION_COLUMNS, rows, total, notes: [headline(run), statusText(run)] };
}

export function optimisationJson(run: OptimisationRun) {
  const o = run.optimisation;
  const hires = (h: YearHires) => ({ experienced: h.experienced, early_career: h.earlyCareer, team_manager: h.teamManager });
  return {
    status: o.status,
    objective: toPounds(o.objective),
    gap: o.gap,
    solve_ms: Math.round(o.solveMs),
    stages: o.stages.map((st) => ({ name: st.name, status: st.status, ms: Math.round(st.ms) })),
    stopped_in: o.stoppedIn,
    time_limit_seconds: o.timeLimitSeconds,
    tolerance: { relative_gap: o.tolerance.relative, absolute_gap: o.tolerance.absolute },
    discount_rate: o.discountRate.toNumber(),
    budget: o.budget === null ? null : toPounds(o.budget),
    constraints_met_every_year: !o.gaps,
    rule_kept: o.ruleKept,
    // The objective's terms: present value at the discount rate (cash when it is 0). The rule's
    // figures are null when the rule cannot reach the plan (rule_unreachable says why).
    rule_unreachable: o.ruleUnreachable,
    rule_total: money(o.rule?.presentValue),
    optimised_total: toPounds(o.optimised.presentValue),
    saving: money(o.saving?.presentValue),
    cash: { rule_total: money(o.rule?.cash), optimised_total: toPounds(o.optimised.cash), saving: money(o.saving?.cash) },
    additional_cost: { rule: money(o.rule?.additionalCost), optimised: toPounds(o.optimised.additionalCost) },
    target_met_year: { rule: o.rule?.targetMetYear ?? null, optimised: o.optimised.targetMetYear },
    uncovered_cases: { rule: o.rule?.uncoveredCases ?? null, optimised: o.optimised.uncoveredCases },
    mix_shortfall_fte: { rule: o.rule?.mixShortfallFte ?? null, optimised: o.optimised.mixShortfallFte },
    differences: o.differences.map((d) => ({ year: d.year, rule: hires(d.rule), optimised: hires(d.optimised) })),
    by_year: o.byYear.map((y, i) => ({
      year: y.year,
      discount_factor: y.discountFactor.toNumber(),
      average_caseload: run.years[i]!.averageCaseload,
      rule: y.rule === null ? null : { hires: hires(y.rule.hires), cost: toPounds(y.rule.cost), present_value: toPounds(y.rule.presentValue) },
      optimised: { hires: hires(y.optimised.hires), cost: toPounds(y.optimised.cost), present_value: toPounds(y.optimised.presentValue) },
    })),
  };
}

/** "8 experienced and 3 team managers", "nobody". */
export function hiresText(h: YearHires): string {
  const parts = [
    h.experienced > 0 ? `${h.experienced} experienced` : null,
    h.earlyCareer > 0 ? `${h.earlyCareer} early career` : null,
    h.teamManager > 0 ? `${h.teamManager} team manager${h.teamManager === 1 ? '' : 's'}` : null,
  ].filter((p) => p !== null);
  if (parts.length === 0) return 'nobody';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function pv(run: OptimisationRun): string {
  return `present value at ${rate(run.optimisation.discountRate.toNumber())}`;
}

/** The headline: what the optimised plan costs against the rule, or with a budget what it buys. */
export function headline(run: OptimisationRun): string {
  const o = run.optimisation;
  const last = run.years.length - 1;
  const discounted = !o.discountRate.isZero();
  // "£1,000.00 (present value at 3.5%: £900.00)", or the cash alone when there is no discounting.
  const both = (cash: Money, value: Money, label = true) => (discounted ? `${formatPounds(cash)} (${label ? `${pv(run)}: ` : ''}${formatPounds(value)})` : formatPounds(cash));
  const spends = `The optimised plan spends ${both(o.optimised.cash, o.optimised.presentValue)} on the workforce over years 0 to ${last}`;
  const uncovered = (n: number) => `${count(n)} uncovered case-year${n === 1 ? '' : 's'}`;
  const rule = o.rule;
  if (o.budget !== null) {
    const target = run.plan.parameters.rule.target;
    const met = o.optimised.targetMetYear;
    const caseloads = run.years.map((y) => `${caseload(y.averageCaseload)} in year ${y.year}`).join(', ');
    const without =
      rule === null
        ? `The year-by-year rule cannot reach the plan even without the budget (${o.ruleUnreachable}).`
        : `Without the budget, the year-by-year rule would spend ${both(rule.cash, rule.presentValue, false)} ${rule.targetMetYear === null ? 'without meeting the target' : `and meet the target from year ${rule.targetMetYear}`}.`;
    return (
      `With at most ${formatPounds(o.budget)} a year more than the baseline, the average caseload is ${caseloads}; ` +
      (met === null ? `the target of ${count(target)} is not met within the ${last} years (${uncovered(o.optimised.uncoveredCases)} over the horizon). ` : `the target of ${count(target)} is met from year ${met} on. `) +
      `${spends}. ${without}`
    );
  }
  if (rule === null || o.saving === null) return `${spends}. The year-by-year rule cannot reach this plan: ${o.ruleUnreachable}; the optimiser, choosing every year's hires together, can.`;
  const saving = o.saving.presentValue;
  const difference =
    saving.isZero() && o.saving.cash.isZero()
      ? 'the rule is already optimal (saving £0.00).'
      : saving.isNegative()
        ? `${both(negate(o.saving.cash), negate(saving), false)} more.`
        : `a saving of ${both(o.saving.cash, saving, false)}.`;
  // With limits the plans may leave different gaps: say which, and that gaps come before cost.
  const fewerUncovered = o.optimised.uncoveredCases !== rule.uncoveredCases;
  const lessShort = o.optimised.mixShortfallFte !== rule.mixShortfallFte;
  const gaps =
    fewerUncovered || lessShort
      ? ` Within the limits it leaves ${uncovered(o.optimised.uncoveredCases)} and ${fteText(o.optimised.mixShortfallFte)} FTE-years short of the mix over the horizon, against the rule's ${count(rule.uncoveredCases)} and ${fteText(rule.mixShortfallFte)}: ` +
        (fewerUncovered ? 'the fewest uncovered cases come first, then the cost.' : 'with as few uncovered cases, the smallest mix shortfall comes first, then the cost.')
      : '';
  return `${spends}, against ${both(rule.cash, rule.presentValue, false)} for the year-by-year rule: ${difference}${gaps}`;
}

/** A small share as a percentage: 0.0067%. */
function percent(share: number): string {
  return `${+(share * 100).toPrecision(2)}%`;
}

function statusText(run: OptimisationRun): string {
  const o = run.optimisation;
  const closed = o.gap !== null && o.gap <= 1e-9;
  const solver =
    o.status === 'optimal'
      ? closed
        ? `HiGHS proved the plan optimal (no plan costs less).`
        : `HiGHS proved the plan optimal to within ${percent(o.gap ?? 0)} of the least possible cost (the tolerance: ${percent(o.tolerance.relative)}).`
      : o.stoppedIn !== null
        ? `HiGHS stopped at the time limit (${o.timeLimitSeconds} s) while finding the plan with the least ${o.stoppedIn}: this is the best plan found for that, not proven, and its cost was not weighed. Give a longer --time-limit.`
        : `HiGHS stopped at the time limit (${o.timeLimitSeconds} s): this is the best plan found, not proven optimal (${o.gap === null ? 'no lower bound on the cost proved yet' : `it may cost up to ${percent(o.gap)} more than the best possible`}). Give a longer --time-limit to prove it.`;
  const gaps = o.gaps && o.stoppedIn === null ? ' The constraints cannot all be met every year: the plan leaves the fewest uncovered cases over the horizon, then the smallest mix shortfall, then costs least.' : o.gaps ? ' The constraints cannot all be met every year.' : '';
  const kept = o.ruleKept ? " The year-by-year rule's own hires are optimal here (replayed to the penny they cost no more than the solver's)." : '';
  const conversions = run.years.some((y) => y.agencyConversions > 0) && hasLimits(run.market.limits) ? ' Agency conversions (--convert-agency, year 1) are hires outside the recruitment limits.' : '';
  return solver + gaps + kept + conversions;
}

/** "Year 0: hire 8 experienced and 3 team managers instead of 8 early career and 3 team managers". */
export function differenceItems(run: OptimisationRun): string[] {
  return run.optimisation.differences.map((d) => `Year ${d.year}: hire ${hiresText(d.optimised)} instead of ${hiresText(d.rule)}.`);
}

/** The section as a document: headline, status, the differing years, and the year-by-year costs. */
export function optimisationBlocks(run: OptimisationRun): Block[] {
  const o = run.optimisation;
  const discounted = !o.discountRate.isZero();
  const hires = (h: YearHires) => `${h.experienced} / ${h.earlyCareer} / ${h.teamManager}`;
  // Present values only when discounting: at 0% they are the cash again.
  const cells = (side: { hires: YearHires; cost: Money; presentValue: Money } | null) =>
    side === null ? ['—', '—', ...(discounted ? ['—'] : [])] : [hires(side.hires), formatPounds(side.cost), ...(discounted ? [formatPounds(side.presentValue)] : [])];
  const rows = o.byYear.map((y) => [String(y.year), ...cells(y.rule), ...cells(y.optimised)]);
  const total = (t: { cash: Money; presentValue: Money } | null) => (t === null ? ['', '—', ...(discounted ? ['—'] : [])] : ['', formatPounds(t.cash), ...(discounted ? [formatPounds(t.presentValue)] : [])]);
  rows.push(['Total', ...total(o.rule), ...total(o.optimised)]);
  const side = (who: string) => [`${who} hires (exp / early / TM)`, `${who} cost`, ...(discounted ? [`${who} PV`] : [])];
  const head = ['Year', ...side('Rule'), ...side('Optimised')];
  const differences = differenceItems(run);
  return [
    { kind: 'heading', text: 'Optimised over the whole horizon, against the year-by-year rule' },
    { kind: 'paragraph', text: headline(run), emphasis: 'strong' },
    { kind: 'paragraph', text: statusText(run) },
    ...(differences.length === 0 ? [] : [{ kind: 'list' as const, items: differences }]),
    { kind: 'table', head, align: head.map(() => 'right' as const), rows, totalRow: true },
  ];
}

/** "in present value", or nothing when there is no discounting (the cash is the present value). */
function inPv(run: OptimisationRun): string {
  return run.optimisation.discountRate.isZero() ? '' : ' in present value';
}

/**
 * --explain: why the first differing decision is cheaper, with the figures: that year's cost against
 * the rule's, then what the later years cost each way, and what the mix has to do with it.
 */
export function explainOptimisation(run: OptimisationRun): ExplanationStep[] {
  const o = run.optimisation;
  const steps: ExplanationStep[] = [];
  const first = o.differences[0];
  const weighed = o.discountRate.isZero() ? 'in cash (no discounting)' : `each year's cost weighted by (1 + ${rate(o.discountRate.toNumber())})^-year`;
  steps.push({
    step: 'optimisation.status',
    value: o.status,
    text: `The optimiser chooses every year's hires together (HiGHS, a mixed-integer linear programme): the least total cost over years 0 to ${run.years.length - 1}, ${weighed}, with the target${run.mix === null ? '' : ', the mix'} and every other constraint met each year as the projection counts them. ${statusText(run)}`,
  });
  if (o.saving === null) {
    steps.push({ step: 'optimisation.rule_unreachable', value: o.ruleUnreachable, text: `The year-by-year rule cannot reach this plan: ${o.ruleUnreachable}. Hiring for each year alone, it makes choices a later year cannot undo (nobody is removed); choosing every year together avoids them.` });
    return steps;
  }
  if (first === undefined) {
    steps.push({ step: 'optimisation.saving', value: toPounds(o.saving.presentValue), text: "The year-by-year rule's hires are already the cheapest over the horizon: the two plans hire the same in every year." });
    return steps;
  }
  const at = o.byYear.find((y) => y.year === first.year)!;
  const later = o.byYear.filter((y) => y.year > first.year);
  const laterRule = sumMoney(later.map((y) => y.rule!.presentValue));
  const laterOptimised = sumMoney(later.map((y) => y.optimised.presentValue));
  const thisYear = subtractMoney(at.optimised.presentValue, at.rule!.presentValue);
  const afterwards = subtractMoney(laterRule, laterOptimised);
  const moreOrLess = (m: Money, positive: string, negative: string) => (m.isNegative() ? `${formatPounds(negate(m))} ${negative}` : `${formatPounds(m)} ${positive}`);
  const laterDifferences = o.differences.slice(1).map((d) => `in year ${d.year} the rule hires ${hiresText(d.rule)} where the optimiser hires ${hiresText(d.optimised)}`);
  // Why experienced hires earlier: the mix counts early-career hires as early career for years.
  const X = run.plan.parameters.experienceYears;
  const mixSoon = run.mix !== null && first.optimised.experienced > first.rule.experienced && run.mixBy < first.year + X;
  const why = mixSoon
    ? ` Experienced hires count towards the mix of ${rate(run.mix!)} (from year ${run.mixBy}) at once; early-career staff hired in year ${first.year} count as experienced only from year ${first.year + X}, so a plan that hires them must hire experienced staff later to keep the mix, and pays for both.`
    : '';
  steps.push({
    step: 'optimisation.differences[0]',
    value: first.year,
    text:
      `The first decision that differs: in year ${first.year} the optimiser hires ${hiresText(first.optimised)} instead of the rule's ${hiresText(first.rule)}. ` +
      `That year costs ${formatPounds(at.optimised.cost)} against ${formatPounds(at.rule!.cost)} (${moreOrLess(thisYear, 'more', 'less')}${inPv(run)}). ` +
      (later.length === 0
        ? ''
        : `Years ${first.year + 1} to ${run.years.length - 1} then cost ${formatPounds(laterOptimised)} against ${formatPounds(laterRule)}${inPv(run)} (${moreOrLess(afterwards, 'less', 'more')})` +
          (laterDifferences.length === 0 ? '.' : `: ${laterDifferences.join('; ')}.`)) +
      why +
      ` Over the horizon the optimised plan ${o.saving.presentValue.isNegative() ? 'costs' : 'saves'} ${formatPounds(o.saving.presentValue.isNegative() ? negate(o.saving.presentValue) : o.saving.presentValue)}${o.saving.presentValue.isNegative() ? ' more' : ''}${inPv(run)}${o.discountRate.isZero() ? '' : ` (${formatPounds(o.saving.cash)} in cash)`}.`,
  });
  return steps;
}
