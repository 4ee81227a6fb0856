// `caseplan benchmark` in every format from the same values (issue 14): the council beside its
// statistical neighbours, its region and England in one year, and every year for the council, its
// region and England. A figure not published is shown as the symbol published, never as 0.
import { INDICATOR_LABEL, INDICATORS, isPublished, successorsOf, SUPPRESSION_MEANING, type AreaYear, type Benchmark, type Figure, type Indicator, type PublishedData, type Suppression } from '../../core/published.js';
import type { CsvValue } from './csv.js';
import { columns, type DataTable } from './data-table.js';
import type { Block } from './document.js';
import { grouped } from './numbers.js';

/** A published figure for people: 1 decimal where published with one, commas; a symbol as published. */
function shown(f: Figure | null | undefined): string {
  if (f === null || f === undefined) return '—';
  return isPublished(f) ? grouped(f, 0, 1) : f.suppressed;
}

/** For CSV and JSON: the number, or the symbol published in its place. */
function plainFigure(f: Figure | null | undefined): number | string | null {
  if (f === null || f === undefined) return null;
  return isPublished(f) ? f : f.suppressed;
}

function symbolsIn(figures: Iterable<Figure | null | undefined>): Suppression[] {
  const found = new Set<Suppression>();
  for (const f of figures) if (f !== null && f !== undefined && !isPublished(f)) found.add(f.suppressed);
  return [...found].sort();
}

function symbolNote(symbols: Suppression[]): string[] {
  return symbols.length === 0 ? [] : [`Not published: ${symbols.map((s) => `${s} = ${SUPPRESSION_MEANING[s]}`).join('; ')} (never counted as 0).`];
}

function titleOf(b: Benchmark): string {
  const c = b.council;
  return `${c.name} (${c.code}, ${c.newCode})${c.regionName === null ? '' : `, ${c.regionName}`}: children's social work workforce at 30 September ${b.year}`;
}

function sourceNote(data: PublishedData): string {
  return `Source: ${data.source.release}. ${data.source.attribution}.`;
}

/** The long table: every figure of the council, its neighbours, its region and England, every year. */
export function benchmarkTable(data: PublishedData, b: Benchmark): DataTable {
  const rows: CsvValue[][] = [];
  const add = (area: AreaYear, type: string) => {
    for (const indicator of INDICATORS) rows.push([area.name, type, area.year, indicator, plainFigure(area.values[indicator])]);
  };
  const neighbourCodes = new Set(b.neighbours.map((n) => n.code));
  const years = b.byYear.map((y) => y.year);
  for (const y of [...years].sort((p, q) => q - p)) {
    const inYear = data.rows.filter((r) => r.year === y);
    for (const r of inYear) if (r.type === 'council' && r.code === b.council.code) add(r, 'council');
    for (const r of inYear) if (r.type === 'council' && r.code !== b.council.code && r.code.split('/').some((p) => neighbourCodes.has(p.trim()))) add(r, 'neighbour');
    for (const r of inYear) if (r.type === 'region' && r.code === b.council.regionCode) add(r, 'region');
    for (const r of inYear) if (r.type === 'england') add(r, 'england');
  }
  // The neighbours' statistics in the benchmark's year, as the side-by-side table has them.
  for (const [stat, pick] of [['mean', (r: Benchmark['sideBySide'][number]) => r.neighbours.mean], ['lowest', (r: Benchmark['sideBySide'][number]) => r.neighbours.lowest], ['highest', (r: Benchmark['sideBySide'][number]) => r.neighbours.highest], ['rank', (r: Benchmark['sideBySide'][number]) => r.neighbours.rank]] as const) {
    for (const r of b.sideBySide) rows.push([`${b.council.name}'s neighbours: ${stat}`, `neighbours_${stat}`, b.year, r.indicator, pick(r)]);
  }
  if (b.yours !== undefined) for (const [indicator, v] of Object.entries(b.yours.values)) rows.push(['your files', 'your_files', b.year, indicator, v ?? null]);
  return {
    name: 'benchmark',
    title: 'Published figures',
    columns: columns(['area', 'Area', 'text'], ['area_type', 'Area type', 'text'], ['year', 'Year', 'integer'], ['indicator', 'Indicator', 'text'], ['value', 'Value', 'text']),
    rows,
    total: null,
    notes: [titleOf(b), sourceNote(data)],
  };
}

export function benchmarkJson(data: PublishedData, b: Benchmark) {
  const values = (area: AreaYear | null) => (area === null ? null : Object.fromEntries(INDICATORS.map((i) => [i, plainFigure(area.values[i])])));
  return {
    council: { old_la_code: b.council.code, new_la_code: b.council.newCode, name: b.council.name, region: b.council.regionName, published_years: b.council.years },
    year: b.year,
    published_in_year: b.published,
    neighbours: b.neighbours.map((n) => ({ old_la_code: n.code, name: n.name })),
    side_by_side: b.sideBySide.map((r) => ({
      indicator: r.indicator,
      council: plainFigure(r.council),
      neighbours: { mean: r.neighbours.mean, lowest: r.neighbours.lowest, highest: r.neighbours.highest, published: r.neighbours.published, rank: r.neighbours.rank, of: r.neighbours.of },
      region: plainFigure(r.region),
      england: plainFigure(r.england),
    })),
    by_year: b.byYear.map((y) => ({ year: y.year, council: values(y.council), region: values(y.region), england: values(y.england) })),
    your_files: b.yours === undefined ? null : { as_of: b.yours.asOf, files: b.yours.files, values: b.yours.values, difference: b.yours.difference, notes: b.yours.notes },
    symbols: SUPPRESSION_MEANING,
    source: { release: data.source.release, years: data.source.years, licence: data.source.attribution },
  };
}

const BY_YEAR_INDICATORS: Indicator[] = ['inpost_fte', 'case_holders_fte', 'cases', 'caseload_fte', 'turnover_rate_fte', 'agency_rate_fte', 'vacancy_rate_fte', 'starters_fte', 'leavers_fte', 'absence_rate_fte'];
const SHORT: Record<Indicator, string> = {
  inpost_fte: 'FTE in post', case_holders_fte: 'Case holders FTE', cases: 'Cases', caseload_fte: 'Caseload', turnover_rate_fte: 'Turnover %',
  agency_rate_fte: 'Agency %', vacancy_rate_fte: 'Vacancy %', starters_fte: 'Starters FTE', leavers_fte: 'Leavers FTE', absence_rate_fte: 'Absence %',
};

export function benchmarkBlocks(data: PublishedData, b: Benchmark): Block[] {
  const c = b.council;
  const successors = b.published ? [] : successorsOf(data, c, b.year);
  const stat = (v: number | null) => (v === null ? '—' : grouped(v, 0, 1));
  const yours = b.yours;
  const signed = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v > 0 ? '+' : ''}${grouped(v, 0, 1)}`);
  const side: Block = {
    kind: 'table',
    head: ['Indicator', c.name, ...(yours === undefined ? [] : [`Your files (${yours.asOf})`, 'Difference']), 'Neighbours: mean', 'lowest', 'highest', 'Rank (1 = highest)', c.regionName ?? 'Region', 'England'],
    align: ['left', 'right', ...(yours === undefined ? [] : ['right' as const, 'right' as const]), 'right', 'right', 'right', 'right', 'right', 'right'],
    rows: b.sideBySide.map((r) => [
      INDICATOR_LABEL[r.indicator],
      shown(r.council),
      ...(yours === undefined ? [] : [r.indicator in yours.values ? shown(yours.values[r.indicator] ?? null) : '', r.indicator in yours.values ? signed(yours.difference[r.indicator]) : '']),
      stat(r.neighbours.mean),
      stat(r.neighbours.lowest),
      stat(r.neighbours.highest),
      r.neighbours.rank === null ? '—' : `${r.neighbours.rank} of ${r.neighbours.of}`,
      shown(r.region),
      shown(r.england),
    ]),
  };
  const years: Block = {
    kind: 'table',
    head: ['Year', ...BY_YEAR_INDICATORS.map((i) => SHORT[i])],
    align: ['right', ...BY_YEAR_INDICATORS.map(() => 'right' as const)],
    rows: b.byYear.map((y) => [String(y.year), ...BY_YEAR_INDICATORS.map((i) => (y.council === null ? 'not published' : shown(y.council.values[i])))]),
  };
  const figures = [...b.sideBySide.flatMap((r) => [r.council, r.region, r.england]), ...b.byYear.flatMap((y) => (y.council === null ? [] : BY_YEAR_INDICATORS.map((i) => y.council!.values[i])))];
  const missing = b.byYear.filter((y) => y.council === null).map((y) => y.year);
  return [
    { kind: 'heading', text: titleOf(b) },
    ...(b.published ? [] : [{ kind: 'paragraph' as const, text: `${c.name} (${c.code}) was not published in ${b.year}: it is published for ${c.years.join(', ')}.${successors.length === 0 ? '' : ` In ${b.year}: ${successors.join(', ')}.`}`, emphasis: 'warn' as const }]),
    side,
    {
      kind: 'paragraph',
      text:
        b.neighbours.length === 0
          ? `${c.name} has no statistical neighbours in the Department's 2021 groupings (a council created since, or grouped under its predecessor's code): only its region and England are beside it.`
          : `Statistical neighbours (the Department's 2021 groupings, closest first): ${b.neighbours.map((n) => `${n.name ?? 'not published'} (${n.code})`).join(', ')}. Their mean, lowest and highest are of those that published the figure; the rank places ${c.name} among itself and them.`,
      emphasis: 'dim',
    },
    ...(yours === undefined ? [] : [{ kind: 'paragraph' as const, text: `Your files: ${yours.files}. ${yours.notes.join(' ')} Difference: your figure minus the published one for ${b.year}.`, emphasis: 'dim' as const }]),
    { kind: 'paragraph', text: `${c.name}, every year (latest first)`, emphasis: 'strong' },
    years,
    ...(missing.length === 0 ? [] : [{ kind: 'paragraph' as const, text: `Not published under code ${c.code} in ${missing.join(', ')} (a council that merged, split or changed code is published under its other code in those years).`, emphasis: 'dim' as const }]),
    ...symbolNote(symbolsIn(figures)).map((text) => ({ kind: 'paragraph' as const, text, emphasis: 'dim' as const })),
    { kind: 'paragraph', text: sourceNote(data), emphasis: 'dim' },
  ];
}
