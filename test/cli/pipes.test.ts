// A reader that goes away (`caseplan ... | head`, `2>&1 | head -3`) is not a failure of the run: the
// process ends quietly with the exit code the run would have had (0, 2 or 3), never 1 and never a
// stack trace. Real subprocess pipes, each case repeated because the timing of a closed pipe varies.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { caseplan, folderWith, ROOT } from './run.js';

const BIN = join(ROOT, 'bin/caseplan.js');
const REPEAT = 4;

interface PipedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with the read end of stdout and/or stderr closed before it writes anything. */
function withClosed(args: string[], closed: { stdout?: boolean; stderr?: boolean }): Promise<PipedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' } });
    let stdout = '';
    let stderr = '';
    if (closed.stdout) child.stdout.destroy();
    else child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    if (closed.stderr) child.stderr.destroy();
    else child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill(), 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Runs `caseplan ARGS REDIRECT | READER` in bash and returns caseplan's own exit status. */
function inPipeline(args: string[], redirect: string, reader: string): { code: number; stderr: string } {
  const quoted = args.map((a) => `'${a}'`).join(' ');
  const script = `"${process.execPath}" "${BIN}" ${quoted} ${redirect} | ${reader} > /dev/null; echo "\${PIPESTATUS[0]}"`;
  const run = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' }, timeout: 30_000 });
  return { code: Number(run.stdout.trim()), stderr: run.stderr };
}

// Valid, with a warning on stderr (an empty caseload) and a summary table on stdout.
const warned = join(folderWith({ 'staff.csv': 'staff_id,role,fte,qualified_date,caseload\n1,social_worker,1,2010-01-01,20\n2,social_worker,1,2015-01-01,\n' }), 'staff.csv');
const VALID = ['validate', '--staff', warned, '--as-of', '2026-09-30'];
// Over 64 KiB of JSON: more than a pipe holds, so the write meets the closed pipe part-way.
const BIG = ['plan', '--target', '19', '--years', '30', '--explain', '--format', 'json', '-q', '--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv', '--as-of', '2026-09-30'];
const badStaff = () => join(folderWith({ 'staff.csv': 'staff_id,role,fte,qualified_date,caseload\n1,social_worker,abc,2010-01-01,20\n2,chief,1,2015-01-01,10\n' }), 'staff.csv');

describe('a closed stdout ends the run quietly with its own exit code', () => {
  it('exits 0 for a successful run whose stdout reader is gone before anything is written', async () => {
    for (let i = 0; i < REPEAT; i++) {
      const run = await withClosed(BIG, { stdout: true });
      expect({ code: run.code, signal: run.signal, stderr: run.stderr }).toEqual({ code: 0, signal: null, stderr: '' });
    }
  });

  it('exits 0 when the reader takes the first bytes and goes away (| head -c 100, | (sleep 1; head -c 600))', () => {
    for (let i = 0; i < REPEAT; i++) {
      expect(inPipeline(BIG, '', 'head -c 100')).toEqual({ code: 0, stderr: '' });
    }
    expect(inPipeline(BIG, '', '(sleep 1; head -c 600)')).toEqual({ code: 0, stderr: '' });
  });

  it('keeps exit 3 for invalid input whose JSON report on stdout could not be read', async () => {
    const staff = badStaff();
    for (let i = 0; i < REPEAT; i++) {
      const run = await withClosed(['validate', '--staff', staff, '--format', 'json'], { stdout: true });
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/caseplan: \d+ problems? in the input; nothing was calculated/);
      expect(run.stderr).not.toMatch(/unexpected error|EPIPE|\n\s+at /);
    }
  });

  it('exits 0 for --help whose reader is gone', async () => {
    for (let i = 0; i < REPEAT; i++) {
      const run = await withClosed(['plan', '--help'], { stdout: true });
      expect({ code: run.code, signal: run.signal, stderr: run.stderr }).toEqual({ code: 0, signal: null, stderr: '' });
    }
  });
});

describe('a closed stderr ends the run quietly with its own exit code', () => {
  it('exits 0 and still writes the whole result to stdout when the warnings cannot be written', async () => {
    const expected = caseplan(VALID);
    expect(expected.code).toBe(0);
    expect(expected.stderr).toContain('caseplan: warning:');
    for (let i = 0; i < REPEAT; i++) {
      const run = await withClosed(VALID, { stderr: true });
      expect(run).toMatchObject({ code: 0, signal: null, stdout: expected.stdout });
    }
  });

  it('exits 3 for invalid input and 2 for a usage error whose message could not be written', async () => {
    const staff = badStaff();
    for (let i = 0; i < REPEAT; i++) {
      expect((await withClosed(['validate', '--staff', staff], { stderr: true })).code).toBe(3);
      expect((await withClosed(['plan', '--staff', staff], { stderr: true })).code).toBe(2);
      expect((await withClosed(['plan', '--target', '19', '--staff', staff, '--as-of', 'yesterday'], { stdout: true, stderr: true })).code).toBe(2);
    }
  });

  it('exits with the run\'s code when stdout and stderr share a pipe that closes (2>&1 | head -3)', () => {
    const staff = badStaff();
    for (let i = 0; i < REPEAT; i++) {
      expect(inPipeline(VALID, '2>&1', 'head -3').code).toBe(0);
      expect(inPipeline(VALID, '2>&1', 'true').code).toBe(0);
      expect(inPipeline(['validate', '--staff', staff], '2>&1', 'true').code).toBe(3);
      expect(inPipeline(['plan', '--target', '19', '--staff', staff, '--cases', 'many'], '2>&1', 'true').code).toBe(2);
    }
    expect(inPipeline(VALID, '2>&1', '(sleep 1; head -c 600)').code).toBe(0);
  });
});

describe('main() waits for a slow stdout to finish or fail before it returns the code', () => {
  /** A terminal whose stdout takes 20 ms per write and then fails with `code` (or succeeds). */
  function slowStdout(code: string | null) {
    let stderr = '';
    const stdout = new Writable({
      write(_chunk, _encoding, done) {
        setTimeout(() => done(code === null ? null : Object.assign(new Error(code), { code })), 20);
      },
    });
    const err = new Writable({
      write(chunk: Buffer, _encoding, done) {
        stderr += chunk.toString();
        done();
      },
    });
    return { terminal: { stdout, stderr: err, env: {} }, stderr: () => stderr };
  }

  it('a full disk reported after the last write is exit 2 with one message', async () => {
    const slow = slowStdout('ENOSPC');
    expect(await main(['node', 'caseplan', 'template', 'staff'], slow.terminal)).toBe(2);
    expect(slow.stderr()).toBe('caseplan: error: cannot write to standard output: ENOSPC\n');
  });

  it('a reader gone after the last write leaves the run\'s own code, quietly', async () => {
    const gone = slowStdout('EPIPE');
    expect(await main(['node', 'caseplan', 'template', 'staff'], gone.terminal)).toBe(0);
    expect(gone.stderr()).toBe('');
    const fine = slowStdout(null);
    expect(await main(['node', 'caseplan', 'template', 'staff'], fine.terminal)).toBe(0);
  });
});
