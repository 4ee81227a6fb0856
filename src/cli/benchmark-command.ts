// `caseplan benchmark --la COUNCIL` (issue 14): wiring only. The bundled published figures read, the
// council found, the benchmark built in core, every format from the one report.
import { benchmark, findCouncil, latestYear, withDifferences } from '../core/published.js';
import { dayFromYmd, type Day } from '../core/dates.js';
import { loadInputs } from '../app/inputs.js';
import { yourFigures } from '../app/your-figures.js';
import { progressOptions } from './progress.js';
import { UsageError } from '../errors.js';
import { readPublished } from '../io/dfe.js';
import { benchmarkBlocks, benchmarkJson, benchmarkTable } from '../io/render/benchmark.js';
import { warn, type Terminal } from './emit.js';
import { output, type RunReport } from './render.js';

export interface BenchmarkFlags {
  la: string;
  staff?: string[];
  referrals?: string;
  config?: string;
  asOf?: Day;
  experienceYears: number;
  delimiter?: string;
  year?: number;
  format: 'table' | 'csv' | 'json' | 'markdown';
  output?: string;
  bom?: boolean;
  color?: boolean;
  quiet?: boolean;
}

export async function benchmarkCommand(flags: BenchmarkFlags, terminal: Terminal): Promise<void> {
  const data = readPublished();
  const [first, last] = data.source.years;
  if (flags.year !== undefined && (flags.year < first || flags.year > last)) {
    throw new UsageError(`--year ${flags.year}: the published figures run from ${first} to ${last} (the census at 30 September each year)`);
  }
  const year = flags.year ?? latestYear(data);
  const found = findCouncil(data, flags.la, year);
  if (!found.ok) throw new UsageError(found.message);
  let result = benchmark(data, found.council, year);
  if (flags.referrals !== undefined && flags.staff === undefined) throw new UsageError('--referrals adds to your files: give --staff too');
  if (flags.staff !== undefined) {
    // Your files at the census date of the year (or --as-of), measured the Department's way.
    const asOf = flags.asOf ?? dayFromYmd(year, 9, 30);
    const paths = { staff: flags.staff, referrals: flags.referrals ?? null, config: flags.config ?? null, delimiter: flags.delimiter, openCasesGiven: false };
    const inputs = await loadInputs(paths, asOf, progressOptions(terminal, flags.quiet === true));
    warn(terminal, inputs.warnings, flags.quiet === true);
    const published = result.byYear.find((y) => y.year === year)?.council ?? null;
    result = { ...result, yours: withDifferences(yourFigures(inputs, asOf, flags.experienceYears), published) };
  }
  const table = benchmarkTable(data, result);
  const report: RunReport = {
    title: `caseplan benchmark: ${found.council.name}`,
    json: () => benchmarkJson(data, result),
    tables: () => ({ benchmark: table }),
    csvTable: 'benchmark',
    workbook: () => [table],
    blocks: () => benchmarkBlocks(data, result),
  };
  // The figures come with the package: no input file to protect from --output.
  await output(report, flags, terminal, [...(flags.staff ?? []), ...(flags.referrals === undefined ? [] : [flags.referrals])], new Date(`${year}-09-30T00:00:00Z`));
}
