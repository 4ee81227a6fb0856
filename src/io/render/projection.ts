// The projection in every format, from the same values: blocks for table/markdown, CSV rows, JSON.
import type { ProjectionRun } from '../../core/results.js';
import { formatIso } from '../../core/dates.js';
import { formatPounds, sumMoney, toPounds, type Money } from '../../core/money.js';
import { exact, sumExact } from '../../core/exact.js';
import type { ProjectionYear } from '../../core/projection.js';
import type { Rate } from '../../core/rates.js';
import { GROUPS } from '../../core/workforce.js';
import type { CsvValue } from './csv.js';
import { columns, tableCsv, tableObjects, type DataTable } from './data-table.js';
import type { Block } from './document.js';
import { planJson } from './plan-json.js';
import { planBlocks, planSections, showsTargetRow, showsWeighted, type PlanSections } from './plan-text.js';
import { caseload, count, fte, plain, rate, share } from './numbers.js';
import { rangesBlocks, rangesJson } from './ranges.js';
import { CASE_TYPE_LABEL, CASE_TYPES } from '../../core/case-types.js';

const YEAR_COLUMNS = columns(
  ['year', 'Year', 'integer'], ['date', 'Date', 'date'], ['open_cases', 'Open cases', 'number'], ['case_holding_fte', 'Case-holding FTE', 'fte'],
  ['experienced_fte', 'Experienced FTE', 'fte'], ['early_career_fte', 'Early-career FTE', 'fte'], ['experienced_share', 'Experienced share', 'percent'],
  ['average_caseload', 'Average caseload', 'number'], ['team_manager_fte', 'Team manager FTE', 'fte'], ['leavers_fte', 'Leavers FTE', 'fte'],
  ['hires_experienced', 'Hires: experienced', 'integer'], ['hires_early_career', 'Hires: early career', 'integer'], ['hires_team_manager', 'Hires: team managers', 'integer'],
  ['paybill', 'Paybill', 'money'], ['recruitment_cost', 'Recruitment', 'money'], ['baseline_cost', 'Baseline', 'money'], ['additional_cost', 'Additional cost', 'money'],
  // Issue 12, at the end: what permanent staff could not cover (recruitment limits), and agency cover.
  ['uncovered_cases', 'Uncovered cases', 'number'], ['mix_shortfall_fte', 'Mix shortfall FTE', 'fte'], ['agency_cover_fte', 'Agency cover FTE', 'fte'], ['agency_cover_cost', 'Agency cover cost', 'money'],
  ['retention_cost', 'Retention payments', 'money'],
);
const PAYBILL_COLUMNS = columns(
  ['year', 'Year', 'integer'], ['date', 'Date', 'date'], ['experienced', 'Experienced', 'money'], ['early_career', 'Early career', 'money'],
  ['team_manager', 'Team managers', 'money'], ['agency_fte', 'of which agency FTE', 'fte'], ['paybill', 'Paybill', 'money'],
);

function yearValues(y: ProjectionYear): CsvValue[] {
  return [
    y.year,
    formatIso(y.date),
    y.openCases,
    plain(y.caseHoldingFte),
    plain(y.experiencedFte),
    plain(y.earlyCareerFte),
    y.experiencedShare,
    y.averageCaseload,
    plain(y.teamManagerFte),
    plain(y.leaversFte),
    y.hires.experienced,
    y.hires.earlyCareer,
    y.hires.teamManager,
    toPounds(y.paybill),
    toPounds(y.recruitmentCost),
    toPounds(y.baselineCost),
    toPounds(y.additionalCost),
    y.uncoveredCases,
    y.mixShortfallFte,
    y.agencyCoverFte,
    toPounds(y.agencyCoverCost),
    toPounds(y.retentionCost),
  ];
}

function totalValues(run: ProjectionRun): CsvValue[] {
  const t = run.totals;
  return ['total', null, null, null, null, null, null, null, null, plain(sumExact(run.years.map((y) => y.leaversFte))), t.hires.experienced, t.hires.earlyCareer, t.hires.teamManager, toPounds(t.paybill), toPounds(t.recruitmentCost), toPounds(t.baselineCost), toPounds(t.additionalCost), null, null, null, toPounds(t.agencyCoverCost), toPounds(t.retentionCost)];
}

/** Case types (issue 15), at the end and only when the run has them, so every other run's columns stay as they were. */
const TYPE_COLUMNS = columns(
  ...CASE_TYPES.map((t): [string, string, 'number'] => [`open_${t}`, `Open: ${CASE_TYPE_LABEL[t].toLowerCase()}`, 'number']),
  ['weighted_cases', 'Weighted cases', 'number'],
  ['weighted_caseload', 'Weighted caseload', 'number'],
);
const TARGET_COLUMNS = columns(['target_cases', 'Cases the target applies to', 'number'], ['target_caseload', 'Caseload against the target', 'number']);

/** Whether a run's years carry the case-type columns, and the target's own columns. */
function extraColumns(run: ProjectionRun): { types: boolean; target: boolean } {
  return {
    types: run.years[0]?.openCasesByType != null,
    target: run.plan.parameters.weighted === true || run.plan.parameters.config.early_career_capacity !== 1,
  };
}

/** The `years` section: the workforce and cost each year against the baseline, then the totals. */
export function yearsTable(run: ProjectionRun): DataTable {
  const extra = extraColumns(run);
  const more = (y: ProjectionYear): CsvValue[] => [
    ...(extra.types ? [...CASE_TYPES.map((t) => y.openCasesByType?.[t] ?? null), y.weightedCases, y.weightedCaseload] : []),
    ...(extra.target ? [y.targetCases, y.targetCaseload] : []),
  ];
  const blanks = [...(extra.types ? TYPE_COLUMNS : []), ...(extra.target ? TARGET_COLUMNS : [])].map(() => null);
  return {
    name: 'years',
    title: 'Years',
    columns: [...YEAR_COLUMNS, ...(extra.types ? TYPE_COLUMNS : []), ...(extra.target ? TARGET_COLUMNS : [])],
    rows: run.years.map((y) => [...yearValues(y), ...more(y)]),
    total: [...totalValues(run), ...blanks],
    notes: [],
  };
}

export function projectionCsv(run: ProjectionRun): Promise<string> {
  return tableCsv(yearsTable(run));
}

/** The `paybill` section: the paybill by group and year, with the agency FTE in it, then the total. */
export function paybillTable(run: ProjectionRun): DataTable {
  const rows: CsvValue[][] = run.years.map((y) => [
    y.year,
    formatIso(y.date),
    ...GROUPS.map((g) => toPounds(y.byGroup[g].paybill)),
    plain(sumExact(GROUPS.map((g) => y.byGroup[g].agencyFte))),
    toPounds(y.paybill),
  ]);
  const total = ['total', null, ...GROUPS.map((g) => toPounds(sumMoney(run.years.map((y) => y.byGroup[g].paybill)))), null, toPounds(run.totals.paybill)];
  return { name: 'paybill', title: 'Paybill by group', columns: PAYBILL_COLUMNS, rows, total, notes: ['salary + on-costs, agency FTE at the agency premium; pay award applied'] };
}

export function rateJson(r: Rate) {
  return { value: r.value.toNumber(), source: r.source, note: r.note };
}

export function projectionJson(run: ProjectionRun) {
  const t = run.totals;
  const plan = planJson(run.plan);
  return {
    ...plan,
    parameters: { ...plan.parameters, mix: run.mix, mix_by: run.mixBy },
    projection: tableObjects(yearsTable(run)),
    projection_by_group: run.years.map((y) => ({
      year: y.year,
      ...Object.fromEntries(
        GROUPS.map((g) => {
          const group = y.byGroup[g];
          return [g, { permanent_fte: plain(group.permanentFte), agency_fte: plain(group.agencyFte), unit_annual_cost: plain(group.unitAnnualCost), paybill: toPounds(group.paybill) }];
        }),
      ),
    })),
    totals: {
      hires: t.hires.total,
      hires_by_group: { experienced: t.hires.experienced, early_career: t.hires.earlyCareer, team_manager: t.hires.teamManager },
      paybill: toPounds(t.paybill),
      recruitment_cost: toPounds(t.recruitmentCost),
      baseline_cost: toPounds(t.baselineCost),
      additional_cost: toPounds(t.additionalCost),
      agency_cover_cost: toPounds(t.agencyCoverCost),
      retention_cost: toPounds(t.retentionCost),
    },
    retention:
      run.retention === null
        ? null
        : {
            cost: toPounds(run.retention.cost),
            saving: toPounds(run.retention.saving),
            net: toPounds(run.retention.net),
            payback_year: run.retention.paybackYear,
            by_year: run.retention.byYear.map((y) => ({
              year: y.year,
              cost: toPounds(y.cost),
              saving: toPounds(y.saving),
              net: toPounds(y.net),
              cumulative_cost: toPounds(y.cumulativeCost),
              cumulative_saving: toPounds(y.cumulativeSaving),
            })),
          },
    target_met_year: t.targetMetYear,
    recruitment_limits: {
      max_hires: run.market.limits.total,
      max_experienced_hires: run.market.limits.experienced,
      max_early_career_hires: run.market.limits.earlyCareer,
    },
    agency_cover: run.market.agencyCover,
    rates: {
      growth: rateJson(run.rates.growth),
      growth_by_type: run.rates.growthByType === null ? null : Object.fromEntries(CASE_TYPES.map((t) => [t, rateJson(run.rates.growthByType![t])])),
      turnover: rateJson(run.rates.turnover),
      turnover_by_group: Object.fromEntries(GROUPS.map((g) => [g, rateJson(run.rates.turnoverByGroup[g])])),
      pay_award: rateJson(run.rates.payAward),
      agency_share: rateJson(run.rates.agencyShare),
    },
    agency_conversion:
      run.agencyConversion === null
        ? null
        : { converted_fte: run.agencyConversion.convertedFte.toNumber(), hires: run.agencyConversion.hires, saving: toPounds(run.agencyConversion.saving) },
    // Only with --ranges, so every other output keeps its keys.
    ...(run.ranges ? { ranges: rangesJson(run.ranges) } : {}),
  };
}

const pounds = (m: ProjectionYear['paybill']) => formatPounds(m);

/** "turnover: 15% a year (derived from ...)" */
export function rateItem(name: string, r: Rate): string {
  return `${name}: ${rate(r.value.toNumber())} a year (${r.source === 'default' ? 'default; ' : ''}${r.note})`;
}

type TableBlock = Extract<Block, { kind: 'table' }>;

/** The projection's own sections, after the year-0 plan's; every display format picks them by name. */
export interface ProjectionSections {
  plan: PlanSections;
  title: Extract<Block, { kind: 'heading' }>;
  additional: Extract<Block, { kind: 'paragraph' }>;
  years: TableBlock;
  paybillTitle: Extract<Block, { kind: 'paragraph' }>;
  paybill: TableBlock;
  rates: string[];
  /** With retention measures: what they cost, what they save, and when they pay back. */
  retention: { headline: Extract<Block, { kind: 'paragraph' }>; table: TableBlock } | null;
  /** With recruitment limits or agency cover: when the target is met, and each short year. */
  market: { headline: Extract<Block, { kind: 'paragraph' }>; shortYears: TableBlock | null } | null;
}

/** The projection as a document: the plan's sections, then its own, in reading order. */
export function projectionBlocks(run: ProjectionRun): Block[] {
  const s = projectionSections(run);
  return [
    ...planBlocks(run.plan),
    s.title,
    s.additional,
    ...(s.market === null ? [] : [s.market.headline, ...(s.market.shortYears === null ? [] : [s.market.shortYears])]),
    s.years,
    ...rangesBlocks(run),
    s.paybillTitle,
    s.paybill,
    ...(s.retention === null ? [] : [s.retention.headline, s.retention.table]),
    { kind: 'paragraph', text: 'Rates used', emphasis: 'strong' },
    { kind: 'list', items: s.rates },
  ];
}

const GROUP_NAMES: Record<(typeof GROUPS)[number], string> = { experienced: 'experienced social workers', early_career: 'early-career social workers', team_manager: 'team managers' };

export function projectionSections(run: ProjectionRun): ProjectionSections {
  // Agency cover and retention payments get their own columns when there are any, so each row adds up:
  // paybill + recruitment + agency cover + retention - baseline = additional.
  const coverColumn = run.market.agencyCover;
  const retentionColumn = run.retention !== null;
  const weightedColumn = showsWeighted(run.plan);
  const targetColumn = showsTargetRow(run.plan);
  const caseColumns = [...(weightedColumn ? [''] : []), ...(targetColumn ? [''] : [])];
  const extra = (cover: Money, retention: Money) => [...(coverColumn ? [pounds(cover)] : []), ...(retentionColumn ? [pounds(retention)] : [])];
  const rows = run.years.map((y) => [
    // A short year is marked where it is read: the target (or mix) is not met by permanent staff.
    y.short ? { text: `${y.year} short`, emphasis: 'warn' as const } : String(y.year),
    formatIso(y.date),
    count(Math.round(y.openCases * 10) / 10),
    `${fte(y.caseHoldingFte)} (${fte(y.experiencedFte)} / ${fte(y.earlyCareerFte)})`,
    share(y.experiencedShare),
    caseload(y.averageCaseload),
    ...(weightedColumn ? [caseload(y.weightedCaseload)] : []),
    ...(targetColumn ? [caseload(y.targetCaseload)] : []),
    fte(y.teamManagerFte),
    fte(y.leaversFte),
    `${y.hires.experienced} / ${y.hires.earlyCareer} / ${y.hires.teamManager}`,
    pounds(y.paybill),
    pounds(y.recruitmentCost),
    ...extra(y.agencyCoverCost, y.retentionCost),
    pounds(y.baselineCost),
    pounds(y.additionalCost),
  ]);
  const t = run.totals;
  rows.push(['Total', '', '', '', '', '', ...caseColumns, '', fte(sumExact(run.years.map((y) => y.leaversFte))), `${t.hires.experienced} / ${t.hires.earlyCareer} / ${t.hires.teamManager}`, pounds(t.paybill), pounds(t.recruitmentCost), ...extra(t.agencyCoverCost, t.retentionCost), pounds(t.baselineCost), pounds(t.additionalCost)]);

  const byType = run.rates.growthByType;
  const openTypes = CASE_TYPES.filter((t) => (run.plan.demand.byType?.[t] ?? 0) > 0);
  const items = [
    rateItem('demand growth', run.rates.growth),
    ...(byType === null ? [] : openTypes.filter((t) => !byType[t].value.eq(run.rates.growth.value) || byType[t].source !== run.rates.growth.source).map((t) => rateItem(`growth of ${CASE_TYPE_LABEL[t].toLowerCase()} cases`, byType[t]))),
    rateItem('turnover', run.rates.turnover),
    // Each group's rate, where one differs from the pooled rate above.
    ...GROUPS.filter((g) => !run.rates.turnoverByGroup[g].value.eq(run.rates.turnover.value)).map((g) => rateItem(`turnover of ${GROUP_NAMES[g]}`, run.rates.turnoverByGroup[g])),
    rateItem('pay award', run.rates.payAward),
    `agency share now: ${rate(run.rates.agencyShare.value.toNumber())} (${run.rates.agencyShare.note}); agency FTE cost ${rate(run.plan.parameters.config.agency_premium)} more`,
  ];
  if (run.mix !== null) items.push(`the mix of ${rate(run.mix)} applies from year ${run.mixBy}${run.mixBy > 0 ? ' (not to the year-0 plan above)' : ''}`);
  const { limits } = run.market;
  const limitWords = [limits.total === null ? null : `${limits.total} hires`, limits.experienced === null ? null : `${limits.experienced} experienced`, limits.earlyCareer === null ? null : `${limits.earlyCareer} early career`].filter((w) => w !== null);
  if (limitWords.length > 0) items.push(`recruitment limits: at most ${limitWords.join(', ')} a year (team managers not limited)`);
  if (run.market.agencyCover) items.push('agency cover: in a short year, experienced agency FTE cover what permanent staff cannot, at the agency premium; not hires');
  if (run.retention !== null) items.push('retention measures: see the invest-to-save table above; payments are per permanent FTE of the group after hires, plus on-costs');
  if (run.agencyConversion !== null) {
    items.push(
      `--convert-agency: ${fte(run.agencyConversion.convertedFte)} agency FTE replaced by permanent staff in year 1 (${run.agencyConversion.hires} hires); ` +
        `saving over the horizon against keeping agency staff: ${formatPounds(run.agencyConversion.saving)}`,
    );
  }
  return {
    plan: planSections(run.plan),
    title: { kind: 'heading', text: `Projection: ${run.years.length - 1} years from ${formatIso(run.plan.parameters.asOf)}` },
    additional: {
      kind: 'paragraph',
      text: `Additional cost over the baseline (the current workforce, leavers replaced like for like): ${formatPounds(t.additionalCost)} over ${run.years.length} years (years 0 to ${run.years.length - 1}).`,
      emphasis: 'strong',
    },
    years: {
      kind: 'table',
      head: ['Year', 'Date', 'Open cases', 'Case-holding FTE (exp / early)', 'Exp. share', 'Avg caseload', ...(weightedColumn ? ['Wtd caseload'] : []), ...(targetColumn ? ['Caseload against target'] : []), 'TM FTE', 'Leavers FTE', 'Hires (exp / early / TM)', 'Paybill', 'Recruitment', ...(coverColumn ? ['Agency cover'] : []), ...(retentionColumn ? ['Retention'] : []), 'Baseline', 'Additional'],
      align: ['right', 'left', 'right', 'right', 'right', 'right', ...caseColumns.map(() => 'right' as const), 'right', 'right', 'right', 'right', 'right', ...(coverColumn ? ['right' as const] : []), ...(retentionColumn ? ['right' as const] : []), 'right', 'right'],
      rows,
      totalRow: true,
      // On a narrow terminal: workforce columns, then cost columns, each with the year.
      splitAfter: 9 + caseColumns.length,
    },
    paybillTitle: { kind: 'paragraph', text: 'Paybill by group (salary + on-costs, agency FTE at the agency premium; pay award applied)', emphasis: 'strong' },
    paybill: {
      kind: 'table',
      head: ['Year', 'Experienced', 'Early career', 'Team managers', 'of which agency', 'Paybill'],
      align: ['right', 'right', 'right', 'right', 'right', 'right'],
      rows: [
        ...run.years.map((y) => [
          String(y.year),
          pounds(y.byGroup.experienced.paybill),
          pounds(y.byGroup.early_career.paybill),
          pounds(y.byGroup.team_manager.paybill),
          `${fte(sumExact(GROUPS.map((g) => y.byGroup[g].agencyFte)))} FTE`,
          pounds(y.paybill),
        ]),
        ['Total', ...GROUPS.map((g) => pounds(sumMoney(run.years.map((y) => y.byGroup[g].paybill)))), '', pounds(t.paybill)],
      ],
      totalRow: true,
    },
    rates: items,
    market: marketSection(run),
    retention: retentionSection(run),
  };
}

/** Invest to save: the measures' cost against the saving they bring, year by year. */
function retentionSection(run: ProjectionRun): ProjectionSections['retention'] {
  const r = run.retention;
  if (r === null) return null;
  return {
    headline: {
      kind: 'paragraph',
      emphasis: 'strong',
      text:
        `Retention measures: ${formatPounds(r.cost)} over the horizon, saving ${formatPounds(r.saving)} in paybill, recruitment and agency cover against the same plan without them; net ${formatPounds(r.net)}. ` +
        (r.paybackYear === null ? `They do not pay back within the ${run.years.length - 1} years.` : `They pay back in year ${r.paybackYear}.`),
    },
    table: {
      kind: 'table',
      head: ['Year', 'Cost of measures', 'Saving', 'Net', 'Cumulative cost', 'Cumulative saving'],
      align: ['right', 'right', 'right', 'right', 'right', 'right'],
      rows: [
        ...r.byYear.map((y) => [String(y.year), pounds(y.cost), pounds(y.saving), pounds(y.net), pounds(y.cumulativeCost), pounds(y.cumulativeSaving)]),
        ['Total', pounds(r.cost), pounds(r.saving), pounds(r.net), '', ''],
      ],
      totalRow: true,
    },
  };
}

/** "Target and mix met by permanent staff in year 3", and the years the limits left short. */
function marketSection(run: ProjectionRun): ProjectionSections['market'] {
  const { limits, agencyCover } = run.market;
  if (limits.total === null && limits.experienced === null && limits.earlyCareer === null && !agencyCover) return null;
  const met = run.totals.targetMetYear;
  const short = run.years.filter((y) => y.short);
  const cover = agencyCover ? ` Agency cover for the gap: ${formatPounds(run.totals.agencyCoverCost)} over the horizon (included in the additional cost).` : '';
  return {
    headline: {
      kind: 'paragraph',
      emphasis: 'strong',
      text:
        (met === null
          ? `Within the recruitment limits, permanent staff do not meet the target${run.mix === null ? '' : ' and the mix'} by year ${run.years.length - 1}.`
          : `Within the recruitment limits, permanent staff meet the target${run.mix === null ? '' : ' and the mix'} from year ${met} on.`) + cover,
    },
    shortYears:
      short.length === 0
        ? null
        : {
            kind: 'table',
            head: ['Short year', run.plan.parameters.weighted === true ? 'Uncovered weighted cases' : 'Uncovered cases', 'Mix shortfall FTE', 'Agency cover FTE', 'Agency cover cost'],
            align: ['right', 'right', 'right', 'right', 'right'],
            rows: short.map((y) => [String(y.year), count(Math.round(y.uncoveredCases * 10) / 10), fte(exact(y.mixShortfallFte)), fte(exact(y.agencyCoverFte)), pounds(y.agencyCoverCost)]),
          },
  };
}
