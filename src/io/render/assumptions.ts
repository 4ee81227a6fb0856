// The assumptions behind a plan, one row each with its value, where it came from and why: the
// finance officer's audit trail as a table (`--table assumptions`), from the same values as the JSON.
import { CASE_TYPE_LABEL, CASE_TYPES } from '../../core/case-types.js';
import { annexItems, showsWeighted } from './plan-text.js';
import type { OptimisationRun, ProjectionRun } from '../../core/results.js';
import { toPounds } from '../../core/money.js';
import { DEFAULT_SOURCES } from '../../core/config.js';
import { formatIso } from '../../core/dates.js';
import type { Plan } from '../../core/plan.js';
import type { Rate } from '../../core/rates.js';
import type { CsvValue } from './csv.js';
import { columns, type DataTable } from './data-table.js';
import { demandSourceText } from './plan-text.js';

export interface AssumptionRow {
  assumption: string;
  value: number | string | null;
  /** `option`: a command-line option (or its default); `config` or `default` for config keys; `flag`, `derived` or `default` for rates. */
  source: string;
  note: string;
}

const ASSUMPTION_COLUMNS = columns(['assumption', 'Assumption', 'text'], ['value', 'Value', 'text'], ['source', 'Source', 'text'], ['note', 'Note', 'text']);

export function assumptionRows(plan: Plan, projection: ProjectionRun | null): AssumptionRow[] {
  const { asOf, experienceYears, rule, config } = plan.parameters;
  const option = (assumption: string, value: AssumptionRow['value'], note: string): AssumptionRow => ({ assumption, value, source: 'option', note });
  const configured = (key: keyof typeof DEFAULT_SOURCES, value: number): AssumptionRow => ({
    assumption: key,
    value,
    source: config.given.includes(key) ? 'config' : 'default',
    note: config.given.includes(key) ? 'set in the config file' : `illustrative default: ${DEFAULT_SOURCES[key]}`,
  });
  const rate = (assumption: string, r: Rate): AssumptionRow => ({ assumption, value: r.value.toNumber(), source: r.source, note: r.note });
  const rows: AssumptionRow[] = [
    plan.demand.source.kind === 'published'
      ? { assumption: 'as_of', value: formatIso(asOf), source: 'published', note: 'the census date of the published figures (30 September of --year)' }
      : option('as_of', formatIso(asOf), 'the date planned at (--as-of, or today)'),
    option('target', rule.target, `${plan.parameters.weighted === true ? 'weighted caseload to reach: weighted cases' : 'average caseload to reach: open cases'} per ${config.early_career_capacity === 1 ? 'case-holding FTE' : 'FTE counted against the target (early-career FTE at early_career_capacity)'}`),
    // With --mix-by the year-0 plan is planned without the mix; the mix asked for is the projection's.
    option('mix', projection === null ? rule.mix : projection.mix, 'minimum experienced share of case-holding FTE after hires (empty: none)'),
    ...(projection === null ? [] : [option('mix_by', projection.mixBy, 'the projection year from which the mix applies')]),
    option('experience_years', experienceYears, 'whole years after qualifying at which a social worker counts as experienced'),
    option('early_career_cap', rule.caps?.earlyCareer ?? null, 'most cases per early-career FTE (empty: no caps)'),
    option('experienced_cap', rule.caps?.experienced ?? null, 'most cases per experienced FTE (empty: no caps)'),
    { assumption: 'open_cases', value: plan.demand.openCases, source: plan.demand.source.kind === 'flag' ? 'option' : plan.demand.source.kind === 'published' ? 'published' : 'files', note: demandSourceText(plan) },
    // Planning from published figures: what was taken and what was assumed, a row each.
    ...(plan.demand.source.kind === 'published' ? plan.demand.source.assumptions.map((text, i): AssumptionRow => ({ assumption: `published.${i + 1}`, value: null, source: 'published', note: text })) : []),
    // Case types (issue 15): rows only when the run has them, so every other run's table is as it was.
    ...caseRows(plan),
    configured('salaries.experienced', config.salaries.experienced),
    configured('salaries.early_career', config.salaries.early_career),
    configured('salaries.team_manager', config.salaries.team_manager),
    ...(config.on_cost_rate !== null
      ? [{ assumption: 'on_cost_rate', value: config.on_cost_rate, source: 'config', note: 'a flat rate of employer on-costs on salary, replacing the itemised ones' }]
      : [configured('ni_rate', config.ni_rate), configured('ni_threshold', config.ni_threshold), configured('pension_rate', config.pension_rate), configured('levy_rate', config.levy_rate)]),
    configured('recruitment_cost', config.recruitment_cost),
    option('max_hires', plan.parameters.limits?.total ?? null, 'most case-holding hires a year, both groups (empty: no limit)'),
    option('max_experienced_hires', plan.parameters.limits?.experienced ?? null, 'most experienced hires a year (empty: no limit)'),
    option('max_early_career_hires', plan.parameters.limits?.earlyCareer ?? null, 'most early-career hires a year (empty: no limit)'),
    configured('span_of_control', config.span_of_control),
    configured('agency_premium', config.agency_premium),
  ];
  if (projection !== null) {
    rows.push(
      option('years', projection.years.length - 1, 'projection horizon: years 0 (now) to N'),
      rate('growth', projection.rates.growth),
      ...(projection.rates.growthByType === null ? [] : CASE_TYPES.filter((t) => (plan.demand.byType?.[t] ?? 0) > 0).map((t) => rate(`growth.${t}`, projection.rates.growthByType![t]))),
      rate('turnover', projection.rates.turnover),
      // Each group's rate in use (issue 12): the pooled rate above unless given or derived for the group.
      ...(['experienced', 'early_career', 'team_manager'] as const).map((g) => rate(`turnover.${g}`, projection.rates.turnoverByGroup[g])),
      option('agency_cover', projection.market.agencyCover ? 'yes' : 'no', 'agency FTE cover what permanent staff cannot in a short year'),
      rate('pay_award', projection.rates.payAward),
      rate('agency_share', projection.rates.agencyShare),
      ...projection.market.retention.map((m, i): AssumptionRow => ({
        assumption: `retention.${i + 1}`,
        value: `${m.group}: £${m.annualPayment} a year per FTE, turnover ${m.turnover}, from year ${m.fromYear}`,
        source: i < plan.parameters.config.retention.length ? 'config' : 'option',
        note: 'a retention measure: the group leaves at this rate and each permanent FTE costs the payment plus on-costs',
      })),
    );
  }
  if (projection !== null && 'optimisation' in projection) {
    const o = (projection as OptimisationRun).optimisation;
    rows.push(
      option('discount_rate', o.discountRate.toNumber(), "year k's costs weighed by (1 + r)^-k in the optimiser's objective and the present values (0: cash)"),
      option('budget', o.budget === null ? null : toPounds(o.budget), 'most additional cost in any one year against the baseline (empty: none)'),
      option('time_limit_seconds', o.timeLimitSeconds, 'the most time HiGHS may take before it gives the best plan found'),
      option('optimality_tolerance', o.tolerance.relative, `a plan is called optimal when HiGHS proves no plan costs less by more than this share (or £${o.tolerance.absolute.toFixed(2)})`),
    );
  }
  return rows;
}

/** Open cases by type, their weights, the early-career capacity, the Annex A lists read. */
function caseRows(plan: Plan): AssumptionRow[] {
  const { config } = plan.parameters;
  const source = plan.demand.source;
  const files = (assumption: string, value: AssumptionRow['value'], note: string): AssumptionRow => ({ assumption, value, source: 'files', note });
  const fromConfig = (key: string): AssumptionRow['source'] => (config.given.includes(key) ? 'config' : 'default');
  const byType = plan.demand.byType;
  return [
    ...(source.kind === 'annex_a' ? annexItems(source).map((text, i) => files(`annex_a.${i + 1}`, null, text)) : []),
    ...(byType === null ? [] : CASE_TYPES.filter((t) => byType[t] > 0).map((t) => files(`open_cases.${t}`, byType[t], `${CASE_TYPE_LABEL[t].toLowerCase()} cases open at the as-of date`))),
    ...(showsWeighted(plan)
      ? [
          ...CASE_TYPES.map((t): AssumptionRow => ({ assumption: `case_weights.${t}`, value: config.case_weights[t], source: fromConfig('case_weights'), note: 'points per open case of this type (1 unless set)' })),
          files('weighted_cases', plan.demand.weightedCases, "the sum of each open case's weight"),
        ]
      : []),
    ...(plan.parameters.weighted === true ? [{ assumption: 'target_applies_to', value: 'weighted_cases', source: 'option', note: 'the target, the caps and every hire apply to weighted cases (--weighted)' } as AssumptionRow] : []),
    ...(config.early_career_capacity !== 1
      ? [{ assumption: 'early_career_capacity', value: config.early_career_capacity, source: 'config', note: 'the fraction of an FTE an early-career social worker counts for against the target; the caps take no fraction' } as AssumptionRow]
      : []),
  ];
}

/** The `assumptions` section: every assumption with its value, where it came from and why. */
export function assumptionsTable(rows: readonly AssumptionRow[]): DataTable {
  return { name: 'assumptions', title: 'Assumptions and sources', columns: ASSUMPTION_COLUMNS, rows: rows.map((r): CsvValue[] => [r.assumption, r.value, r.source, r.note]), total: null, notes: [] };
}
