// `plan --years N` on a terminal draws text charts under the tables; never off a terminal, in another
// format, or into a file. Runs main() in-process with a fake terminal whose stdout is (or is not) a TTY.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Terminal } from '../../src/cli/emit.js';
import { main } from '../../src/cli/main.js';
import { caseplan, folderWith } from './run.js';

const PLAN = ['plan', '--target', '19', '--mix', '50%', '--mix-by', '3', '--years', '5', '--growth', '4%', '--turnover', '15%', '--pay-award', '3%', '--as-of', '2026-09-30', '--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv'];
const CASELOAD_TITLE = 'Average caseload by year';
const SHARE_TITLE = 'Experienced share of case-holding FTE by year';

async function run(args: string[], options: { tty: boolean; env?: Record<string, string> }) {
  let stdout = '';
  let stderr = '';
  const sink = (add: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        add(chunk.toString());
        done();
      },
    });
  const terminal: Terminal = {
    stdout: Object.assign(sink((t) => (stdout += t)), { isTTY: options.tty, columns: 100 }),
    stderr: sink((t) => (stderr += t)),
    env: { NO_COLOR: '1', ...options.env },
  };
  const code = await main(['node', 'caseplan', ...args], terminal);
  return { code, stdout, stderr };
}

/** The lines of the chart whose title starts with `title`, up to its legend. */
function chartLines(output: string, title: string): string[] {
  const lines = output.split('\n');
  const start = lines.findIndex((l) => l.startsWith(title));
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && l.includes('●') && !l.includes('┤'));
  return lines.slice(start, end + 1);
}

/** The arguments without these flags and their values. */
function without(args: string[], ...flags: string[]): string[] {
  return args.filter((_, i) => !flags.includes(args[i]!) && !flags.includes(args[i - 1]!));
}

const markers = (lines: string[]) => lines.filter((l) => l.includes('┤')).reduce((n, l) => n + [...l].filter((c) => c === '●').length, 0);

describe('plan --years on a terminal: charts under the tables', () => {
  it('draws the caseload against the target and the experienced share against the mix, one marker per year', async () => {
    const result = await run(PLAN, { tty: true });
    expect(result.code).toBe(0);
    const caseload = chartLines(result.stdout, CASELOAD_TITLE);
    const share = chartLines(result.stdout, SHARE_TITLE);
    expect(markers(caseload)).toBe(6);
    expect(markers(share)).toBe(6);
    expect(caseload.find((l) => l.trimStart().startsWith('19 ┤'))).toContain('┄');
    expect(share.find((l) => l.trimStart().startsWith('50% ┤'))).toContain('┄');
    expect(caseload.at(-1)).toContain('target 19');
    expect(share.at(-1)).toContain('mix 50% (from year 3)');
    expect(caseload.at(-2)!.trim().split(/\s+/)).toEqual(['0', '1', '2', '3', '4', '5']);
    // Under the tables: after the year-by-year table.
    expect(result.stdout.indexOf(CASELOAD_TITLE)).toBeGreaterThan(result.stdout.indexOf('Projection: 5 years'));
    expect(result.stdout).not.toMatch(/\x1b\[/);
  });

  it('colours the chart only when colour is wanted, and the text is the same without it', async () => {
    const coloured = await run(PLAN, { tty: true, env: { NO_COLOR: '' } });
    const lines = chartLines(coloured.stdout, CASELOAD_TITLE);
    expect(lines.join('\n')).toMatch(/\x1b\[36m●/);
    const plain = await run(PLAN, { tty: true });
    expect(lines.map((l) => l.replace(/\x1b\[[0-9;]*m/g, ''))).toEqual(chartLines(plain.stdout, CASELOAD_TITLE));
  });

  it('draws no share line without --mix', async () => {
    const result = await run(without(PLAN, '--mix', '--mix-by'), { tty: true });
    expect(result.code).toBe(0);
    const share = chartLines(result.stdout, SHARE_TITLE);
    expect(markers(share)).toBe(6);
    expect(share.join('\n')).not.toContain('┄');
  });

  it('draws no chart off a terminal, with --format markdown, into --output, or without --years', async () => {
    const notTty = await run(PLAN, { tty: false });
    expect(notTty.code).toBe(0);
    expect(notTty.stdout).toContain('Projection: 5 years');
    expect(notTty.stdout).not.toContain(CASELOAD_TITLE);
    expect(notTty.stdout).not.toContain('●');

    const markdown = await run([...PLAN, '--format', 'markdown'], { tty: true });
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('| Year |');
    expect(markdown.stdout).not.toContain(CASELOAD_TITLE);

    const dir = folderWith({});
    const file = join(dir, 'plan.txt');
    const toFile = await run([...PLAN, '--output', file], { tty: true });
    expect(toFile.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('Projection: 5 years');
    expect(readFileSync(file, 'utf8')).not.toContain(CASELOAD_TITLE);

    const oneYear = await run(without(PLAN, '--mix-by', '--years', '--growth', '--turnover', '--pay-award'), { tty: true });
    expect(oneYear.code).toBe(0);
    expect(oneYear.stdout).not.toContain(CASELOAD_TITLE);
  });

  it('draws no chart through a pipe (the built CLI as a subprocess)', () => {
    const result = caseplan(PLAN);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Projection: 5 years');
    expect(result.stdout).not.toContain(CASELOAD_TITLE);
  });

  it('with --ranges, draws the band in which 8 runs in 10 put the caseload before hires', async () => {
    const result = await run([...PLAN, '--ranges', '--runs', '200', '--growth-sd', '2', '--turnover-sd', '3'], { tty: true });
    expect(result.code).toBe(0);
    const chart = result.stdout.slice(result.stdout.indexOf(CASELOAD_TITLE));
    expect(chart).toContain('│ before hires, 10th to 90th percentile of the runs');
    // Year 0 is not drawn: no band there; later years have one.
    const rows = chart.split('\n').slice(1, 8);
    const column = (year: number) => rows.map((line) => line.slice(line.indexOf('┤') + 1)[2 + 6 * year] ?? ' ').join('');
    expect(column(0)).not.toContain('│');
    expect(column(3)).toContain('│');
  });
});
