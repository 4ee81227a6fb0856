// The Department for Education's published workforce figures (issue 14): every council, region and
// England at 30 September 2017-2025, as typed values; finding a council by code or name; and the
// benchmark of one council against its statistical neighbours, its region and England. Pure: the
// files are read at the edge (io/dfe.ts).

/** The statistics service's symbols for a figure not published (and "low", a small figure withheld): never 0. */
export type Suppression = 'x' | 'z' | 'u' | 'c' | 'low';

export const SUPPRESSION_MEANING: Record<Suppression, string> = {
  x: 'not available or suppressed',
  z: 'not applicable',
  u: 'low reliability',
  c: 'confidential',
  low: 'low: a small figure not published',
};

/** A published figure, or the symbol published in its place. */
export type Figure = number | { suppressed: Suppression };

export const INDICATORS = [
  'inpost_fte',
  'case_holders_fte',
  'cases',
  'caseload_fte',
  'turnover_rate_fte',
  'agency_rate_fte',
  'vacancy_rate_fte',
  'starters_fte',
  'leavers_fte',
  'absence_rate_fte',
] as const;
export type Indicator = (typeof INDICATORS)[number];

export const INDICATOR_LABEL: Record<Indicator, string> = {
  inpost_fte: 'FTE in post',
  case_holders_fte: 'Case holders FTE',
  cases: 'Cases',
  caseload_fte: 'Caseload (cases per case holder FTE)',
  turnover_rate_fte: 'Turnover rate (FTE, %)',
  agency_rate_fte: 'Agency rate (FTE, %)',
  vacancy_rate_fte: 'Vacancy rate (FTE, %)',
  starters_fte: 'Starters FTE',
  leavers_fte: 'Leavers FTE',
  absence_rate_fte: 'Absence rate (FTE, %)',
};

export type AreaType = 'england' | 'region' | 'council';

/** One area in one year, as published. */
export interface AreaYear {
  year: number;
  type: AreaType;
  /** Old three-digit LA code ("384"; "940 / 941" for councils published together), region code, or England's. */
  code: string;
  /** ONS code (E08000036), for councils; the region's or England's code otherwise. */
  newCode: string;
  name: string;
  regionCode: string | null;
  regionName: string | null;
  values: Record<Indicator, Figure>;
}

export interface PublishedData {
  rows: AreaYear[];
  /** Each council's ten statistical neighbours, by old LA code, closest first. */
  neighbours: Map<string, string[]>;
  /** What was read, for every output: the release, the years, the licence. */
  source: { release: string; years: [number, number]; attribution: string };
}

/** A council as found: every year it was published under that code. */
export interface Council {
  code: string;
  newCode: string;
  name: string;
  regionCode: string | null;
  regionName: string | null;
  years: number[];
}

export function isPublished(f: Figure): f is number {
  return typeof f === 'number';
}

/** The parts of a code or name published for councils reported together ("940 / 941"). */
function parts(text: string): string[] {
  return text.split('/').map((p) => p.trim().toLowerCase()).filter((p) => p !== '');
}

function keyOf(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Every ONS code and name a council code was published under (codes and names change over the years). */
function aliasesOf(data: PublishedData, code: string): string[] {
  return [...new Set(data.rows.filter((r) => r.type === 'council' && r.code === code).flatMap((r) => [r.newCode, r.name]))];
}

function councilsOf(data: PublishedData): Council[] {
  const byCode = new Map<string, Council>();
  for (const row of data.rows) {
    if (row.type !== 'council') continue;
    const council = byCode.get(row.code);
    if (council === undefined) byCode.set(row.code, { code: row.code, newCode: row.newCode, name: row.name, regionCode: row.regionCode, regionName: row.regionName, years: [row.year] });
    else {
      council.years.push(row.year);
      // The latest year's name and codes.
      if (row.year > Math.max(...council.years.slice(0, -1))) Object.assign(council, { newCode: row.newCode, name: row.name, regionCode: row.regionCode, regionName: row.regionName });
    }
  }
  return [...byCode.values()].map((c) => ({ ...c, years: [...c.years].sort((a, b) => a - b) }));
}

export type FindOutcome = { ok: true; council: Council } | { ok: false; message: string };

/**
 * A council by old code (384), ONS code (E08000036) or name (Wakefield), case-insensitive; a part of
 * a joint entry ("940", "West Northamptonshire") finds the joint entry. Several entries (a council
 * that changed code) are resolved to the one published in `year`, else the latest.
 */
export function findCouncil(data: PublishedData, query: string, year: number | null): FindOutcome {
  const q = keyOf(query);
  const councils = councilsOf(data);
  const matches = councils.filter((c) => [c.code, ...aliasesOf(data, c.code)].some((field) => keyOf(field) === q || parts(field).includes(q)));
  if (matches.length > 0) {
    const inYear = year === null ? [] : matches.filter((c) => c.years.includes(year));
    const chosen = (inYear.length > 0 ? inYear : matches).sort((a, b) => Math.max(...b.years) - Math.max(...a.years))[0]!;
    return { ok: true, council: chosen };
  }
  const names = [...new Set(councils.flatMap((c) => aliasesOf(data, c.code).filter((a) => !/^E\d{8}$/.test(a))).flatMap((n) => [n, ...(n.includes('/') ? n.split('/').map((p) => p.trim()) : [])]))];
  // Names that contain what was typed ("Hull" in "Kingston upon Hull, City of"), else the closest by edit distance.
  const containing = names.filter((n) => keyOf(n).includes(q));
  const suggestions = containing.length > 0 ? containing.slice(0, 3) : [closest(query, names)].filter((s): s is string => s !== null);
  return {
    ok: false,
    message: `no council "${query}" in the Department for Education's figures (${data.source.years[0]}-${data.source.years[1]})${suggestions.length === 0 ? '.' : `: did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?`} Give an old LA code (384), an ONS code (E08000036) or a name.`,
  };
}

/** The closest of `choices` to `text` by edit distance, when close enough to be a likely typo. */
function closest(text: string, choices: readonly string[]): string | null {
  const a = keyOf(text);
  let best: { choice: string; distance: number } | null = null;
  for (const choice of choices) {
    const b = keyOf(choice);
    const d = editDistance(a, b);
    if (best === null || d < best.distance) best = { choice, distance: d };
  }
  return best !== null && best.distance <= Math.max(2, Math.floor(a.length / 3)) ? best.choice : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Where a council not published in `year` went: the councils published that year whose name holds
 * its name (Northamptonshire: "North Northamptonshire / West Northamptonshire"). Empty when none does.
 */
export function successorsOf(data: PublishedData, council: Council, year: number): string[] {
  const name = council.name.toLowerCase();
  return data.rows.filter((r) => r.type === 'council' && r.year === year && r.code !== council.code && r.name.toLowerCase().includes(name)).map((r) => `${r.name} (${r.code})`);
}

/** A row of one area in one year, or null when it was not published then. */
export function areaYear(data: PublishedData, type: AreaType, code: string, year: number): AreaYear | null {
  return data.rows.find((r) => r.type === type && r.code === code && r.year === year) ?? null;
}

export function latestYear(data: PublishedData): number {
  return data.source.years[1];
}

export interface NeighbourStats {
  /** The mean, lowest and highest of the neighbours' published figures; null when none is published. */
  mean: number | null;
  lowest: number | null;
  highest: number | null;
  /** How many of the ten published a figure. */
  published: number;
  /** The council's place among itself and the neighbours that published, 1 = highest; null when it did not publish. */
  rank: number | null;
  of: number;
}

export interface BenchmarkRow {
  indicator: Indicator;
  council: Figure | null;
  neighbours: NeighbourStats;
  region: Figure | null;
  england: Figure | null;
}

export interface Benchmark {
  council: Council;
  year: number;
  /** The council's row in the year, null when it was not published then (the message says so). */
  published: boolean;
  neighbours: { code: string; name: string | null }[];
  sideBySide: BenchmarkRow[];
  /** The council, its region and England, every year, latest first (null where not published). */
  byYear: { year: number; council: AreaYear | null; region: AreaYear | null; england: AreaYear | null }[];
  neighbourRows: AreaYear[];
  /** With --staff: the council's own files measured the same way. */
  yours?: YourFigures;
}

/** The council against its statistical neighbours, its region and England, in `year` and over the years. */
export function benchmark(data: PublishedData, council: Council, year: number): Benchmark {
  const mine_ = areaYear(data, 'council', council.code, year);
  // A joint entry ("940 / 941") takes its first part's grouping; neighbours that are the council itself
  // (a part of its own joint entry) are left out, and a joint neighbour named by both its codes counts once.
  const own = new Set(parts(council.code));
  const neighbourCodes = [...new Set((data.neighbours.get(council.code.split('/')[0]!.trim()) ?? []).filter((code) => !own.has(code.toLowerCase())))];
  const rowOf = (code: string) => data.rows.find((r) => r.type === 'council' && r.year === year && (r.code === code || parts(r.code).includes(code))) ?? null;
  const seen = new Set<string>();
  const entries: { code: string; row: AreaYear | null }[] = [];
  for (const code of neighbourCodes) {
    const row = rowOf(code);
    if (row !== null && seen.has(row.code)) continue;
    if (row !== null) seen.add(row.code);
    entries.push({ code, row });
  }
  const neighbourRows = entries.map((e) => e.row);
  const region = council.regionCode === null ? null : areaYear(data, 'region', council.regionCode, year);
  const england = data.rows.find((r) => r.type === 'england' && r.year === year) ?? null;
  const sideBySide = INDICATORS.map((indicator): BenchmarkRow => {
    const values = neighbourRows.flatMap((r) => (r !== null && isPublished(r.values[indicator]) ? [r.values[indicator] as number] : []));
    const mine = mine_?.values[indicator] ?? null;
    const rank = mine !== null && isPublished(mine) ? 1 + values.filter((v) => v > mine).length : null;
    return {
      indicator,
      council: mine,
      neighbours: {
        mean: values.length === 0 ? null : Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 1000) / 1000,
        lowest: values.length === 0 ? null : Math.min(...values),
        highest: values.length === 0 ? null : Math.max(...values),
        published: values.length,
        rank,
        of: values.length + (mine !== null && isPublished(mine) ? 1 : 0),
      },
      region: region?.values[indicator] ?? null,
      england: england?.values[indicator] ?? null,
    };
  });
  const years = [...new Set(data.rows.map((r) => r.year))].sort((a, b) => b - a);
  return {
    council,
    year,
    published: mine_ !== null,
    neighbours: entries.map((e) => ({ code: e.code, name: e.row?.name ?? null })),
    sideBySide,
    byYear: years.map((y) => ({
      year: y,
      council: areaYear(data, 'council', council.code, y),
      region: council.regionCode === null ? null : areaYear(data, 'region', council.regionCode, y),
      england: data.rows.find((r) => r.type === 'england' && r.year === y) ?? null,
    })),
    neighbourRows: neighbourRows.filter((r): r is AreaYear => r !== null),
  };
}

/** A council's own staff file measured the Department's way at a date ("your files"). */
export interface YourFigures {
  asOf: string;
  files: string;
  values: Partial<Record<Indicator, number | null>>;
  /** Your figure minus the published one in the benchmark's year, where both exist. */
  difference: Partial<Record<Indicator, number | null>>;
  notes: string[];
}

/** The differences of your figures from the council's published row. */
export function withDifferences(yours: Omit<YourFigures, 'difference'>, published: AreaYear | null): YourFigures {
  const difference: Partial<Record<Indicator, number | null>> = {};
  for (const [key, value] of Object.entries(yours.values) as [Indicator, number | null][]) {
    const theirs = published?.values[key];
    difference[key] = value === null || theirs === undefined || !isPublished(theirs) ? null : Math.round((value - theirs) * 1000) / 1000;
  }
  return { ...yours, difference };
}

/** Each year (oldest first): the council's figure, its neighbours' lowest and highest, and England's. */
export function seriesOf(data: PublishedData, b: Benchmark, indicator: Indicator): { year: number; council: number | null; lowest: number | null; highest: number | null; england: number | null }[] {
  const codes = new Set(b.neighbours.map((n) => n.code));
  const value = (f: Figure | undefined) => (f !== undefined && isPublished(f) ? f : null);
  return [...b.byYear]
    .reverse()
    .map((y) => {
      const theirs = data.rows
        .filter((r) => r.type === 'council' && r.year === y.year && r.code !== b.council.code && r.code.split('/').some((p) => codes.has(p.trim())))
        .map((r) => value(r.values[indicator]))
        .filter((v): v is number => v !== null);
      return {
        year: y.year,
        council: value(y.council?.values[indicator]),
        lowest: theirs.length === 0 ? null : Math.min(...theirs),
        highest: theirs.length === 0 ? null : Math.max(...theirs),
        england: value(y.england?.values[indicator]),
      };
    });
}
