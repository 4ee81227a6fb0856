// The Department for Education's published files, bundled in data/dfe/ (copied unmodified from the
// Department's releases; see data/dfe/README.md): read into the typed values of core/published.ts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INDICATORS, type AreaType, type AreaYear, type Figure, type Indicator, type PublishedData, type Suppression } from '../core/published.js';
import { createCsvParser } from './csv-parser.js';

const WORKFORCE = 'csww_indicators_2017_to_2025.csv';
const NEIGHBOURS = 'statistical_neighbours_2021.csv';

export const ATTRIBUTION = 'Contains public sector information licensed under the Open Government Licence v3.0';
export const RELEASE = "Department for Education, \"Children's social work workforce\" (children's social work workforce census at 30 September), 2017 to 2025";

/** data/dfe/ of the installed package: found upwards from this module (dist/, dist/chunks/ or src/io/). */
export function dataFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'data', 'dfe');
    if (existsSync(join(candidate, WORKFORCE))) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`the bundled published figures (data/dfe/${WORKFORCE}) are missing from the installation`);
}

function records(text: string): string[][] {
  const rows: string[][] = [];
  const parser = createCsvParser(
    ',',
    (record) => rows.push(record.fields),
    (problem) => {
      throw new Error(`line ${problem.line}: ${problem.message}`);
    },
  );
  parser.push(text.replace(/^\uFEFF/, ''));
  parser.end();
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

function figure(cell: string | undefined): Figure {
  const text = (cell ?? '').trim();
  if (text === '' || text === 'x') return { suppressed: 'x' };
  if (text === 'z' || text === 'u' || text === 'c' || text === 'low') return { suppressed: text as Suppression };
  const n = Number(text.replace(/,/g, ''));
  if (!Number.isFinite(n)) throw new Error(`not a figure: "${text}"`);
  return n;
}

const LEVEL: Record<string, AreaType> = { National: 'england', Regional: 'region', 'Local authority': 'council' };

let cache: PublishedData | null = null;

/** Every area and year of the workforce census, and the statistical neighbours. */
export function readPublished(folder = dataFolder()): PublishedData {
  if (cache !== null && folder === dataFolder()) return cache;
  const [header, ...rows] = records(readFileSync(join(folder, WORKFORCE), 'utf8'));
  const col = (name: string) => {
    const i = header!.indexOf(name);
    if (i < 0) throw new Error(`${WORKFORCE}: no column ${name}`);
    return i;
  };
  const at = { year: col('time_period'), level: col('geographic_level'), country: col('country_code'), countryName: col('country_name'), regionCode: col('region_code'), regionName: col('region_name'), old: col('old_la_code'), new: col('new_la_code'), name: col('la_name') };
  const indicatorCol = Object.fromEntries(INDICATORS.map((i) => [i, col(i)])) as Record<Indicator, number>;
  const areas: AreaYear[] = rows.map((r) => {
    const type = LEVEL[r[at.level]!.trim()];
    if (type === undefined) throw new Error(`${WORKFORCE}: unknown geographic_level "${r[at.level]}"`);
    const regionCode = r[at.regionCode]!.trim() || null;
    const regionName = r[at.regionName]!.trim() || null;
    const code = type === 'council' ? r[at.old]!.trim() : type === 'region' ? regionCode! : r[at.country]!.trim();
    const name = type === 'council' ? r[at.name]!.trim() : type === 'region' ? regionName! : r[at.countryName]!.trim();
    return {
      year: Number(r[at.year]),
      type,
      code,
      newCode: type === 'council' ? r[at.new]!.trim() : code,
      name,
      regionCode: type === 'england' ? null : regionCode,
      regionName: type === 'england' ? null : regionName,
      values: Object.fromEntries(INDICATORS.map((i) => [i, figure(r[indicatorCol[i]])])) as Record<Indicator, Figure>,
    };
  });
  const neighbours = new Map<string, string[]>();
  const [, ...groups] = records(readFileSync(join(folder, NEIGHBOURS), 'utf8'));
  for (const g of groups) {
    // LA num, LA Name, LA number, GOInd, GOReg, then SN1, SNP, SN2, SNP ... SN10, SNP.
    neighbours.set(g[0]!.trim(), Array.from({ length: 10 }, (_, i) => (g[5 + 2 * i] ?? '').trim()).filter((c) => c !== ''));
  }
  const years = areas.map((a) => a.year);
  const data: PublishedData = { rows: areas, neighbours, source: { release: RELEASE, years: [Math.min(...years), Math.max(...years)], attribution: ATTRIBUTION } };
  if (folder === dataFolder()) cache = data;
  return data;
}
