import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../src/app/inputs.js';
import { progressLine, progressOptions } from '../../src/cli/progress.js';
import type { Terminal } from '../../src/cli/emit.js';
import { dayFromYmd } from '../../src/core/dates.js';

function terminal(isTTY: boolean): { terminal: Terminal; written: () => string } {
  const stderr = Object.assign(new PassThrough(), { isTTY, columns: 100 });
  let text = '';
  stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const stdout = Object.assign(new PassThrough(), { isTTY });
  return { terminal: { stdout, stderr, env: {} }, written: () => text };
}

describe('progress while reading a big file', () => {
  it('draws bytes read of the total, rows a second and time left', () => {
    const line = progressLine({ name: 'referrals.csv', bytes: 26 * 1048576, total: 52 * 1048576, rows: 500_000, seconds: 0.5 }, 100);
    expect(line).toBe('referrals.csv [###############---------------]  50% 26.0/52.0 MB, 1,000,000 rows/s, ETA 1s');
  });

  it('counts rows when the size is unknown (stdin)', () => {
    expect(progressLine({ name: '<stdin>', bytes: 1, total: null, rows: 12_345, seconds: 2 }, 80)).toBe('<stdin>: 12,345 rows read, 6,173 rows/s');
  });

  it('never shows off a terminal or with --quiet', () => {
    expect(progressOptions(terminal(false).terminal, false)).toEqual({});
    expect(progressOptions(terminal(true).terminal, true)).toEqual({});
  });

  it('skips files at or under the threshold, and wipes its line when a file is done', async () => {
    const paths = { staff: ['fixtures/staff.csv'], referrals: 'fixtures/referrals.csv', config: null };
    const quiet = terminal(true);
    await loadInputs(paths, dayFromYmd(2026, 9, 30), progressOptions(quiet.terminal, false));
    expect(quiet.written()).toBe('');

    const shown = terminal(true);
    let now = 0;
    // Every file counts as big (threshold 0), and the clock moves 150 ms a chunk so each chunk draws.
    await loadInputs(paths, dayFromYmd(2026, 9, 30), { ...progressOptions(shown.terminal, false, 0, () => (now += 150)), chunkBytes: 64 * 1024 });
    const text = shown.written();
    expect(text).toMatch(/\rfixtures\/referrals\.csv \[#+-*\] +\d+% \d+\.\d\/0\.5 MB, [\d,]+ rows\/s, ETA \d+s\x1b\[K/);
    expect(text.endsWith('\r\x1b[K')).toBe(true);
  });
});
