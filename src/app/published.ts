// Planning from published figures (issue 14): `--la COUNCIL --year YYYY` instead of `--staff`. The
// council's census figures become the inputs every planning use case reads: the case holders as a
// workforce (split by --experienced-share, agency at the published rate), team managers assumed at
// the span of control, open cases the published cases, and the published turnover and growth as the
// projection's defaults. Every assumption is said.
import type { Config } from '../core/config.js';
import { addYears, dayFromYmd, type Day } from '../core/dates.js';
import { exact, ZERO, type Exact } from '../core/exact.js';
import { areaYear, findCouncil, isPublished, latestYear, successorsOf, type AreaYear, type Council, type PublishedData } from '../core/published.js';
import { lessChance, sampleSd, type Rate } from '../core/rates.js';
import type { StaffMember } from '../core/workforce.js';
import { UsageError } from '../errors.js';
import type { Inputs } from './inputs.js';

export interface PublishedSource {
  council: Council;
  year: number;
  asOf: Day;
  /** "Wakefield (384), 30 September 2018, Department for Education ..." */
  label: string;
  cases: number;
  /** The published FTE turnover rate as a fraction, when published. */
  turnover: Rate | null;
  /** The average yearly change in published cases over the last three years, when published. */
  growth: Rate | null;
  /** What was assumed, in words, for every output. */
  assumptions: string[];
}

/** The council's published figures as caseplan's inputs. */
export function publishedInputs(data: PublishedData, query: string, yearAsked: number | null, experiencedShare: number | null, experienceYears: number, config: Config): { inputs: Inputs; source: PublishedSource } {
  const [first, last] = data.source.years;
  if (yearAsked !== null && (yearAsked < first || yearAsked > last)) throw new UsageError(`--year ${yearAsked}: the published figures run from ${first} to ${last} (the census at 30 September each year)`);
  const year = yearAsked ?? latestYear(data);
  const found = findCouncil(data, query, year);
  if (!found.ok) throw new UsageError(found.message);
  const council = found.council;
  const row = areaYear(data, 'council', council.code, year);
  if (row === null) {
    const successors = successorsOf(data, council, year);
    throw new UsageError(`${council.name} (${council.code}) was not published in ${year}: it is published for ${council.years.join(', ')}${successors.length === 0 ? '' : `; in ${year}: ${successors.join(', ')}`}`);
  }
  return areaInputs(data, row, experiencedShare, experienceYears, config);
}

/** An area's published row (a council, a region or England) as caseplan's inputs. */
export function areaInputs(data: PublishedData, row: AreaYear, experiencedShare: number | null, experienceYears: number, config: Config): { inputs: Inputs; source: PublishedSource } {
  const year = row.year;
  const council: Council = { code: row.code, newCode: row.newCode, name: row.name, regionCode: row.regionCode, regionName: row.regionName, years: [year] };
  const label = `${council.name} (${council.code}) at 30 September ${year}, from ${data.source.release}`;
  const need = (indicator: 'case_holders_fte' | 'cases') => {
    const f = row.values[indicator];
    if (!isPublished(f)) throw new UsageError(`${council.name}'s ${indicator === 'cases' ? 'cases' : 'case holders FTE'} in ${year} were not published ("${f.suppressed}"): it cannot be planned from the published figures`);
    return f;
  };
  const caseHolders = need('case_holders_fte');
  const cases = need('cases');
  const agencyFigure = row.values.agency_rate_fte;
  const agencyShare = isPublished(agencyFigure) ? agencyFigure / 100 : 0;
  const asOf = dayFromYmd(year, 9, 30);
  const share = experiencedShare ?? 1;
  const span = config.span_of_control;
  const managers = Math.ceil(caseHolders / span - 1e-9);

  // The workforce: experienced and early-career case holders (early career spread evenly over the
  // experience years, so that a share of them becomes experienced each year), permanent and agency.
  const staff: StaffMember[] = [];
  const person = (id: string, fte: Exact, qualified: Day, contract: 'permanent' | 'agency', role: StaffMember['role'] = 'social_worker', caseHolding = true): StaffMember => ({
    staffId: id, line: 0, role, fte, qualifiedDate: qualified, caseHolding, caseload: null, contract, team: null, annualSalary: null, startDate: null, leaveDate: null,
  });
  const split = (id: string, fte: Exact, qualified: Day) => {
    if (fte.isZero()) return;
    const agency = fte.times(agencyShare);
    if (!fte.minus(agency).isZero()) staff.push(person(`${id}-permanent`, fte.minus(agency), qualified, 'permanent'));
    if (!agency.isZero()) staff.push(person(`${id}-agency`, agency, qualified, 'agency'));
  };
  const C = exact(caseHolders);
  split('experienced', C.times(share), addYears(asOf, -(experienceYears + 10)));
  const early = C.times(1 - share);
  const cohorts = Math.max(1, experienceYears);
  for (let k = 0; k < cohorts; k++) split(`early-${k}`, early.div(cohorts), addYears(asOf, -k));
  staff.push(person('team-managers', exact(managers), addYears(asOf, -20), 'permanent', 'team_manager', false));

  const percent = (v: number) => `${+v.toFixed(4)}%`;
  const turnoverFigure = row.values.turnover_rate_fte;
  // A council's turnover not published: its region's, else England's, said so (never 0 by default).
  const regionRow = row.regionCode === null ? null : areaYear(data, 'region', row.regionCode, year);
  const englandRow = data.rows.find((r) => r.type === 'england' && r.year === year) ?? null;
  const fallback = [regionRow, englandRow].find((r) => r !== null && r !== undefined && isPublished(r.values.turnover_rate_fte)) ?? null;
  const turnover: Rate | null = isPublished(turnoverFigure)
    ? { value: exact(turnoverFigure).div(100), source: 'published', note: `${council.name}'s published FTE turnover rate, ${percent(turnoverFigure)} in the year to 30 September ${year}` }
    : fallback !== null
      ? {
          value: exact(fallback.values.turnover_rate_fte as number).div(100),
          source: 'published',
          note: `${council.name}'s turnover was not published ("${turnoverFigure.suppressed}"): ${fallback.name}'s published FTE turnover rate, ${percent(fallback.values.turnover_rate_fte as number)}, instead`,
        }
      : null;
  const earlier = areaYear(data, row.type, row.code, year - 3);
  const then = earlier === null ? null : earlier.values.cases;
  const growthGap =
    year - 3 < data.source.years[0]
      ? `the published figures begin in ${data.source.years[0]}, fewer than three years before ${year}`
      : earlier === null
      ? `${council.name} (${council.code}) was not published in ${year - 3} (under that code)`
      : then !== null && !isPublished(then)
        ? `${council.name}'s cases in ${year - 3} were not published ("${then.suppressed}")`
        : null;
  const growth: Rate | null =
    then !== null && isPublished(then) && then > 0
      ? {
          value: exact(cases).div(then).pow(exact(1).div(3)).minus(1).toDecimalPlaces(6),
          source: 'published',
          note: `the average yearly change in ${council.name}'s published cases over the last three years: ${then} at 30 September ${year - 3} to ${cases} at 30 September ${year}`,
        }
      : growthGap === null
        ? null
        : { value: ZERO, source: 'default', note: `no --growth, and ${growthGap}: demand held flat` };
  // The spread of the council's own published series up to the year (issue 16, --ranges).
  // The last five years to --year, published years only (a break further back, such as a change of
  // recording, does not dominate); the years used are named.
  const series = data.rows.filter((r) => r.type === row.type && r.code === row.code && r.year <= year && r.year > year - 5).sort((a, b) => a.year - b.year);
  const turnoverYears = series.filter((r) => isPublished(r.values.turnover_rate_fte));
  const turnovers = turnoverYears.map((r) => (r.values.turnover_rate_fte as number) / 100);
  const changeYears = series.slice(1).filter((r, i) => isPublished(r.values.cases) && isPublished(series[i]!.values.cases) && r.year === series[i]!.year + 1 && (series[i]!.values.cases as number) > 0);
  const changes = changeYears.map((r) => (r.values.cases as number) / (series.find((s) => s.year === r.year - 1)!.values.cases as number) - 1);
  const inPost = isPublished(row.values.inpost_fte) ? row.values.inpost_fte : caseHolders;
  const years = (rows: { year: number }[]) => rows.map((r) => r.year).join(', ');
  const turnoverSd = turnovers.length >= 3 ? sampleSd(turnovers) : null;
  const spreads = {
    turnover:
      turnoverSd !== null
        ? {
            value: lessChance(turnoverSd, turnovers.reduce((a, b) => a + b, 0) / turnovers.length, inPost),
            note: `the spread of ${council.name}'s published FTE turnover in ${years(turnoverYears)}, ${+(turnoverSd * 100).toFixed(2)} points, less the chance variation of ${Math.round(inPost)} people, which the binomial draw of leavers adds back`,
          }
        : { value: null, note: `fewer than three of ${council.name}'s last five years of turnover published` },
    growth:
      changes.length >= 3
        ? { value: sampleSd(changes), note: `the spread of the yearly change in ${council.name}'s published cases to ${years(changeYears)}` }
        : { value: null, note: `fewer than three yearly changes in ${council.name}'s published cases over the last five years` },
  };
  const assumptions = [
    `figures published by the Department for Education for ${council.name} (${council.code}, ${council.newCode}) at 30 September ${year}: ${caseHolders} case holders FTE, ${cases} cases, agency rate ${isPublished(agencyFigure) ? percent(agencyFigure) : `not published ("${agencyFigure.suppressed}"): none assumed`}`,
    experiencedShare === null
      ? 'experience of the case holders is not published: all counted as experienced (costed at the experienced salary, no progression); give --experienced-share for a split'
      : `experienced share of case holders ${percent(experiencedShare * 100)} (--experienced-share); the early-career FTE spread evenly over the ${experienceYears} years before they count as experienced`,
    `team managers in post are not published: assumed ⌈${caseHolders} / ${span}⌉ = ${managers}, so team manager hires are what a larger workforce adds`,
    `${data.source.attribution}`,
  ];
  const name = `published figures: ${council.name} (${council.code}), ${year}`;
  const inputs: Inputs = {
    config,
    staff: {
      name,
      staff,
      info: { columns: new Set(['staff_id', 'role', 'fte', 'qualified_date', 'contract']), headers: [], rows: staff.length, delimiter: ',', warnings: [] },
      warnings: [],
      allocationWarnings: [],
      idColumn: { column: null, header: null },
      aliasesUsed: { role: new Set(), contract: new Set() },
    },
    referrals: null,
    annexA: null,
    warnings: [],
    published: {
      label,
      cases,
      assumptions,
      growth,
      turnover,
      spreads,
      ...(experiencedShare === null ? { experienceAssumed: true } : {}),
      agencyShare: isPublished(agencyFigure)
        ? { value: exact(agencyFigure).div(100), source: 'published', note: `${council.name}'s published agency rate (FTE) at 30 September ${year}, applied to its case holders` }
        : { value: ZERO, source: 'default', note: `${council.name}'s agency rate was not published ("${agencyFigure.suppressed}"): none assumed` },
    },
  };
  return { inputs, source: { council, year, asOf, label, cases, turnover, growth, assumptions } };
}
