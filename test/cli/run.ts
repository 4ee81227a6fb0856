// Runs the built CLI as a subprocess, the way a user or a script would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/caseplan.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function caseplan(args: string[], options: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...options.env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function json(run: Run): any {
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** A temporary folder with the given files written into it; returns the folder's path. */
export function folderWith(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'caseplan-test-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** A staff CSV from rows of [staff_id, role, fte, qualified_date, caseload, extra...]. */
export function staffCsv(header: string, rows: string[]): string {
  return [header, ...rows].join('\n') + '\n';
}

/**
 * The figures many tests were worked out with: employer on-costs as a flat 30% of salary (the default
 * before issue 12 itemised NI, pension and levy). A config with "on_cost_rate": 0.3 gives them exactly.
 */
export const FLAT_ON_COSTS = ['--config', 'test/golden/flat-on-costs.json'];
