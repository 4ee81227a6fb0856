// `caseplan benchmark --la COUNCIL` (issue 14): wiring only. The bundled published figures read, the
// council found, the benchmark built in core, every format from the one report.
import { benchmark, findCouncil, latestYear } from '../core/published.js';
import { UsageError } from '../errors.js';
import { readPublished } from '../io/dfe.js';
import { benchmarkBlocks, benchmarkJson, benchmarkTable } from '../io/render/benchmark.js';
import type { Terminal } from './emit.js';
import { output, type RunReport } from './render.js';

export interface BenchmarkFlags {
  la: string;
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
  const result = benchmark(data, found.council, year);
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
  await output(report, flags, terminal, [], new Date(`${year}-09-30T00:00:00Z`));
}
