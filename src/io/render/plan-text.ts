// The plan for people: headline, current vs after, hires and cost by group, assumptions.
import { formatIso } from '../../core/dates.js';
import { exact, sumExact } from '../../core/exact.js';
import { formatPounds, pounds } from '../../core/money.js';
import type { Plan } from '../../core/plan.js';
import type { Constraint } from '../../core/hiring.js';
import { GROUPS, type Group } from '../../core/workforce.js';
import type { Block, Cell } from './document.js';
import { caseload, count, fte, rate, share } from './numbers.js';
import { CASE_TYPE_LABEL, CASE_TYPES } from '../../core/case-types.js';
import type { Config } from '../../core/config.js';

/** Weighted figures are shown when the open cases have types and weights are given (or --weighted). */
export function showsWeighted(plan: Plan): boolean {
  return plan.demand.weightedCases !== null && (plan.parameters.weighted === true || hasWeights(plan.parameters.config));
}

/** Weights other than 1 for some type: a scheme that counts cases differently. */
export function hasWeights(config: Config): boolean {
  return CASE_TYPES.some((t) => config.case_weights[t] !== 1);
}

/** What the target is measured against, when it is not plain open cases per FTE. */
export function showsTargetCaseload(plan: Plan): boolean {
  return plan.parameters.weighted === true || plan.parameters.config.early_career_capacity !== 1;
}

/**
 * A caseload of its own for the target, apart from the plain and weighted ones: only with an
 * early-career capacity below 1 (with --weighted alone the weighted caseload is the target's).
 */
export function showsTargetRow(plan: Plan): boolean {
  return plan.parameters.config.early_career_capacity !== 1;
}

/** "cin 1, cp 1.5, cla 1.5": the weights of the types the open cases have. */
export function weightsText(config: Config): string {
  return CASE_TYPES.map((t) => `${t} ${+config.case_weights[t].toFixed(6)}`).join(', ');
}

/** The assumptions of case types, weights and the early-career capacity (issue 15). */
export function caseAssumptions(plan: Plan): string[] {
  const { config } = plan.parameters;
  const items: string[] = [];
  if (plan.demand.byType !== null) {
    const by = CASE_TYPES.filter((t) => plan.demand.byType![t] > 0).map((t) => `${count(plan.demand.byType![t])} ${CASE_TYPE_LABEL[t].toLowerCase()}`);
    items.push(`open cases by type: ${by.join(', ') || 'none'}`);
  }
  if (showsWeighted(plan)) {
    items.push(
      `case weights (case_weights): ${weightsText(config)}; weighted cases ${caseload(plan.demand.weightedCases)} = the sum of each open case's weight; weighted caseload = weighted cases per case-holding FTE`,
    );
  }
  items.push(...[
    plan.parameters.weighted === true
      ? `the target${plan.parameters.rule.caps === null ? '' : ', the caps'} and every hire apply to weighted cases (--weighted): ${caseload(plan.demand.weightedCases)}, not the ${count(plan.demand.openCases)} open cases`
      : null,
    config.early_career_capacity !== 1
      ? `an early-career FTE counts as ${+config.early_career_capacity.toFixed(6)} of an FTE against the target (early_career_capacity); the caps are per FTE of each group and take no fraction`
      : null,
  ].filter((t): t is string => t !== null));
  return items;
}

export const GROUP_LABEL: Record<Group, string> = {
  experienced: 'Experienced social workers',
  early_career: 'Early-career social workers',
  team_manager: 'Team managers',
};

export function demandSourceText(plan: Plan): string {
  const source = plan.demand.source;
  switch (source.kind) {
    case 'flag':
      return `open cases: ${count(plan.demand.openCases)}, given with --cases`;
    case 'published':
      return `open cases: ${count(plan.demand.openCases)}, the cases published for ${source.label}`;
    case 'referrals':
      return `open cases: ${count(plan.demand.openCases)} referrals with outcome "case" open at ${formatIso(plan.parameters.asOf)}, of ${count(source.rows)} rows in ${source.file}`;
    case 'staff':
      return `open cases: ${count(plan.demand.openCases)}, the sum of the caseload column over case-holding staff in post in ${source.file}`;
    case 'annex_a':
      return `open cases: ${count(plan.demand.openCases)} ${plan.demand.openCases === 1 ? 'child' : 'children'} open at ${formatIso(plan.parameters.asOf)} on the Annex A lists 6-9 in ${source.files.join(', ')}, each child counted once as the most intensive type open (looked after, then protection plan, then child in need, then care leaver)`;
  }
}

const FIELD_WORDS: Record<string, string> = { child_id: 'child id', start: 'start', end: 'end', team: 'team', worker: 'allocated worker' };

/** Annex A: each list read and the header taken for each field; the unallocated children, counted (never named). */
export function annexItems(source: Extract<Plan['demand']['source'], { kind: 'annex_a' }>): string[] {
  return [
    ...source.lists.map((l) => {
      const fields = Object.entries(l.headers).map(([field, header]) => `${FIELD_WORDS[field] ?? field} ${header === null ? '(none)' : JSON.stringify(header)}`);
      return `Annex A List ${l.list} from ${l.file}${l.sheet === null ? '' : ` [${l.sheet}]`}: ${count(l.rows)} row${l.rows === 1 ? '' : 's'}; headers taken: ${fields.join(', ')}`;
    }),
    `${count(source.unallocated)} open ${source.unallocated === 1 ? 'child has' : 'children have'} no allocated worker (an empty or "Unallocated" worker); ${count(source.onSeveralLists)} ${source.onSeveralLists === 1 ? 'is' : 'are'} on more than one list and counted once`,
  ];
}

export function assumptionItems(plan: Plan): string[] {
  const { config, experienceYears, rule } = plan.parameters;
  const items = [
    demandSourceText(plan),
    ...(plan.demand.source.kind === 'published' ? plan.demand.source.assumptions : []),
    ...(plan.demand.source.kind === 'annex_a' ? annexItems(plan.demand.source) : []),
    ...(plan.demand.unallocatedCases === null
      ? []
      : [`the target applies to the ${plan.parameters.weighted === true ? 'weighted caseload: all open cases, allocated or not, weighted,' : 'average caseload: all ' + count(plan.demand.openCases) + ' open cases, allocated or not,'} per ${config.early_career_capacity === 1 ? 'case-holding FTE' : 'FTE counted against the target'}; the Department for Education's caseload counts only the ${count(plan.demand.allocatedCases)} cases held (${caseload(plan.current.allocatedCaseload)} per FTE)`]),
    ...caseAssumptions(plan),
    `experienced = qualified ${experienceYears} or more whole years before ${formatIso(plan.parameters.asOf)}`,
    `salaries per 1.0 FTE: experienced ${formatPounds(pounds(config.salaries.experienced))}, early career ${formatPounds(pounds(config.salaries.early_career))}, team manager ${formatPounds(pounds(config.salaries.team_manager))}`,
    `employer on-costs ${config.on_cost_rate !== null ? `${rate(config.on_cost_rate)} of salary` : `itemised: NI ${rate(config.ni_rate)} above ${formatPounds(pounds(config.ni_threshold))} a year, pension ${rate(config.pension_rate)}, levy ${rate(config.levy_rate)}`}; recruitment ${formatPounds(pounds(config.recruitment_cost))} per hire; agency premium ${rate(config.agency_premium)}`,
    `one team manager per ${count(config.span_of_control)} case-holding FTE (${count(plan.teamManagersRequired)} needed after hires)`,
  ];
  if (rule.mix !== null) items.push(`experienced share at least ${rate(rule.mix)} after hires${plan.shortage.mixShortfallFte > 0 ? ' (not met within the recruitment limits)' : ''}`);
  if (rule.caps !== null) items.push(`caseload caps: ${count(rule.caps.earlyCareer)} per early-career FTE, ${count(rule.caps.experienced)} per experienced FTE`);
  const limits = plan.parameters.limits;
  const limited = limits !== undefined && (limits.total !== null || limits.experienced !== null || limits.earlyCareer !== null) ? ' (without the recruitment limits)' : '';
  // The optimiser's year 0 is chosen for the whole horizon, not by this year's constraints alone.
  if (plan.parameters.fixed !== undefined) items.push("this year's hires are the optimiser's, chosen for every year together (see the comparison with the year-by-year rule): not by this year's constraints alone");
  else for (const name of plan.binding) items.push(`binding constraint${limited}: ${name}: ${withoutText(plan, name)}`);
  return items;
}

/** "without it 0 experienced / 77 early career / 11 team managers would be hired, £214,891.30 a year cheaper" */
export function withoutText(plan: Plan, name: Constraint): string {
  const status = plan.constraints[name];
  if (status === null) return 'not asked for';
  const { hires, annualPrice } = status.without;
  const what = `${hires.experienced} experienced / ${hires.earlyCareer} early career / ${hires.teamManager} team manager${hires.teamManager === 1 ? '' : 's'}`;
  if (hires.experienced + hires.earlyCareer + hires.teamManager === 0) return `without it no hires would be needed, ${formatPounds(annualPrice)} a year cheaper`;
  const others = (['target', 'mix', 'caps'] as const).filter((other) => other !== name && plan.constraints[other] !== null);
  const meets = others.length === 0 ? 'would be hired' : `would meet the ${others.join(' and the ')}`;
  return `without it ${what} ${meets}, ${formatPounds(annualPrice)} a year cheaper`;
}

/** A plan the recruitment limits leave short: what permanent staff cannot cover, said plainly. */
export function shortageText(plan: Plan): string | null {
  const { short, uncoveredCases, mixShortfallFte } = plan.shortage;
  if (!short) return null;
  const limits = plan.parameters.limits;
  const asked = [
    limits?.total != null ? `at most ${limits.total} hires` : null,
    limits?.experienced != null ? `${limits.experienced} experienced` : null,
    limits?.earlyCareer != null ? `${limits.earlyCareer} early career` : null,
  ].filter((x) => x !== null);
  const gaps = [
    uncoveredCases > 0 ? `${count(Math.round(uncoveredCases * 10) / 10)} ${plan.parameters.weighted === true ? 'weighted' : 'open'} cases are not covered by permanent staff (${showsTargetCaseload(plan) ? `caseload against the target ${caseload(plan.after.targetCaseload)}` : `average caseload ${caseload(plan.after.averageCaseload)}`}, target ${count(plan.parameters.rule.target)})` : null,
    mixShortfallFte > 0 ? `the experienced share is ${fte(exact(mixShortfallFte))} FTE short of the mix (${share(plan.after.experiencedShare)})` : null,
  ].filter((x) => x !== null);
  return `The recruitment limits (${asked.join(', ')} a year) leave this year short: ${gaps.join(', and ')}.`;
}

export function headline(plan: Plan): string {
  const { hires, cost } = plan;
  if (hires.total === 0 && !plan.shortage.short) return `No hires needed: the workforce in post already meets every constraint.`;
  return `Hire ${hires.experienced} experienced and ${hires.earlyCareer} early-career social worker${hires.experienced + hires.earlyCareer === 1 && hires.earlyCareer === 1 ? '' : 's'} and ${hires.teamManager} team manager${hires.teamManager === 1 ? '' : 's'}: ${formatPounds(cost.annual)} a year, plus ${formatPounds(cost.oneOff)} one-off.`;
}

type TableBlock = Extract<Block, { kind: 'table' }>;

/** The plan's report, section by section; every display format picks its sections by name. */
export interface PlanSections {
  title: Extract<Block, { kind: 'heading' }>;
  headline: Extract<Block, { kind: 'paragraph' }>;
  nowAfter: TableBlock;
  byGroup: TableBlock;
  assumptions: string[];
}

/** The plan as a document for a terminal or markdown: its sections in reading order. */
export function planBlocks(plan: Plan): Block[] {
  const s = planSections(plan);
  return [s.title, s.headline, s.nowAfter, s.byGroup, { kind: 'paragraph', text: 'Assumptions', emphasis: 'strong' }, { kind: 'list', items: s.assumptions }];
}

export function planSections(plan: Plan): PlanSections {
  const { current, after, demand } = plan;
  const target = plan.parameters.rule.target;
  // The caseload the target applies to is the one marked: the plain one unless --weighted or an early-career capacity.
  const plainMarked = !showsTargetCaseload(plan);
  const afterCaseload: Cell = { text: caseload(after.averageCaseload), emphasis: plainMarked ? 'good' : 'plain' };
  const nowCaseload: Cell = {
    text: caseload(current.averageCaseload),
    emphasis: plainMarked && current.averageCaseload !== null && current.averageCaseload > target + 1e-9 ? 'warn' : 'plain',
  };
  const nowTarget: Cell = {
    text: caseload(current.targetCaseload),
    emphasis: current.targetCaseload !== null && current.targetCaseload > target + 1e-9 ? 'warn' : 'plain',
  };
  // With --weighted alone the weighted caseload is the one the target applies to: it is marked.
  const weightedMarked = plan.parameters.weighted === true && !showsTargetRow(plan);
  const nowWeighted: Cell = { ...nowTarget, text: caseload(current.weightedCaseload) };
  const costRows = GROUPS.map((group) => {
    const g = plan.byGroup[group];
    return [GROUP_LABEL[group], fte(g.currentFte), { text: String(g.hires), emphasis: g.hires > 0 ? 'good' : 'plain' } as Cell, fte(g.afterFte), formatPounds(g.unitAnnualCost), formatPounds(g.annualCost), formatPounds(g.oneOffCost)];
  });
  const totalCurrent = sumExact(GROUPS.map((group) => plan.byGroup[group].currentFte));
  const totalAfter = sumExact(GROUPS.map((group) => plan.byGroup[group].afterFte));
  costRows.push(['Total', fte(totalCurrent), String(plan.hires.total), fte(totalAfter), '', formatPounds(plan.cost.annual), formatPounds(plan.cost.oneOff)]);

  return {
    title: { kind: 'heading', text: `caseplan: ${plan.parameters.weighted === true ? 'weighted caseload' : 'average caseload'} to ${count(target)} at ${formatIso(plan.parameters.asOf)}` },
    headline: { kind: 'paragraph', text: [headline(plan), shortageText(plan)].filter((t) => t !== null).join(' '), emphasis: 'strong' },
    nowAfter: {
      kind: 'table',
      head: ['', 'Now', 'After hires'],
      align: ['left', 'right', 'right'],
      rows: [
        ['Case-holding FTE', fte(current.caseHoldingFte), fte(after.caseHoldingFte)],
        ['  experienced', fte(current.experiencedFte), fte(after.experiencedFte)],
        ['  early career', fte(current.earlyCareerFte), fte(after.earlyCareerFte)],
        // From published figures without --experienced-share the split is assumed, not known: say so.
        plan.demand.source.kind === 'published' && plan.demand.source.experienceAssumed === true
          ? ['Experienced share', 'not published', 'not published']
          : ['Experienced share', share(current.experiencedShare), share(after.experiencedShare)],
        ['Team manager FTE', fte(current.teamManagerFte), fte(after.teamManagerFte)],
        ['Agency FTE', fte(current.agencyFte), ''],
        ['Open cases', count(demand.openCases), count(demand.openCases)],
        ...(demand.byType === null ? [] : CASE_TYPES.filter((t) => demand.byType![t] > 0).map((t) => [`  ${CASE_TYPE_LABEL[t].toLowerCase()}`, count(demand.byType![t]), count(demand.byType![t])])),
        ['  allocated to staff', count(demand.allocatedCases), ''],
        [demand.source.kind === 'annex_a' ? '  unallocated (no worker on the Annex A list)' : '  unallocated', count(demand.unallocatedCases), ''],
        ...(showsWeighted(plan) ? [['Weighted cases (case_weights)', caseload(demand.weightedCases), caseload(demand.weightedCases)]] : []),
        ['Average caseload (cases per FTE)', nowCaseload, afterCaseload],
        ...(showsWeighted(plan)
          ? [['Weighted caseload (weighted cases per FTE)', weightedMarked ? { ...nowWeighted } : caseload(current.weightedCaseload), weightedMarked ? ({ text: caseload(after.weightedCaseload), emphasis: 'good' } as Cell) : caseload(after.weightedCaseload)]]
          : []),
        ...(showsTargetRow(plan) ? [['Caseload against the target (early-career FTE counted in part)', { ...nowTarget }, { text: caseload(after.targetCaseload), emphasis: 'good' } as Cell]] : []),
        // Only where it differs in kind: with open cases from the caseload column the two are one.
        ...(demand.unallocatedCases === null ? [] : [['  allocated cases per FTE (DfE measure)', caseload(current.allocatedCaseload), '']]),
        ['Paybill now (salary + on-costs)', formatPounds(current.paybill), ''],
      ],
    },
    byGroup: {
      kind: 'table',
      head: ['Group', 'FTE now', 'Hires', 'FTE after', 'Unit annual cost', 'Annual cost', 'One-off cost'],
      align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
      rows: costRows,
      totalRow: true,
    },
    assumptions: assumptionItems(plan),
  };
}
