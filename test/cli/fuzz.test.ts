// Fuzz: randomly mutated staff and referral files through the CLI as a subprocess. Every run must
// exit 0 or 3 with a message: never 1 (a bug), never a stack trace, never a hang.
// FUZZ_RUNS (default 1000; CI runs 2000) and FUZZ_SEED choose how many and which.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const CONCURRENCY = 4;

function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const firstLines = (path: string, n: number) => readFileSync(join(ROOT, path), 'utf8').split('\n').slice(0, n).join('\n') + '\n';
const STAFF = firstLines('fixtures/staff.csv', 40);
const REFERRALS = firstLines('fixtures/referrals.csv', 150);
// Issue 15: an Annex A list, read by --annex-a (the referrals then give only the growth).
const ANNEX = firstLines('fixtures/annex-a/List 7 - child protection.csv', 80);

type Mutation = (bytes: Buffer, random: () => number) => Buffer;
const at = (bytes: Buffer, random: () => number) => Math.floor(random() * Math.max(1, bytes.length));
const lines = (bytes: Buffer) => bytes.toString('latin1').split('\n');
const fromLines = (ls: string[]) => Buffer.from(ls.join('\n'), 'latin1');

const MUTATIONS: Record<string, Mutation> = {
  flipByte: (b, r) => { const c = Buffer.from(b); if (c.length) c[at(c, r)] = Math.floor(r() * 256); return c; },
  insertSpecial: (b, r) => { const i = at(b, r); const s = ['"', ',', ';', '\t', '\r', '\n', '\r\n', '\0', '=', '£', '\xff', '""'][Math.floor(r() * 12)]!; return Buffer.concat([b.subarray(0, i), Buffer.from(s, 'latin1'), b.subarray(i)]); },
  deleteByte: (b, r) => { const i = at(b, r); return Buffer.concat([b.subarray(0, i), b.subarray(i + 1)]); },
  removeQuotes: (b) => Buffer.from(b.toString('latin1').replace(/"/g, ''), 'latin1'),
  truncate: (b, r) => b.subarray(0, at(b, r)),
  cutRow: (b, r) => { const ls = lines(b); ls.splice(Math.floor(r() * ls.length), 1); return fromLines(ls); },
  duplicateRow: (b, r) => { const ls = lines(b); const i = Math.floor(r() * ls.length); ls.splice(i, 0, ls[i] ?? ''); return fromLines(ls); },
  swapColumns: (b, r) => {
    const ls = lines(b).map((l) => l.split(','));
    const width = ls[0]?.length ?? 1;
    const [i, j] = [Math.floor(r() * width), Math.floor(r() * width)];
    const swapAll = r() < 0.5;
    return fromLines(ls.map((cells, k) => { if ((swapAll || k === 0) && cells.length > Math.max(i, j)) [cells[i], cells[j]] = [cells[j]!, cells[i]!]; return cells.join(','); }));
  },
  shuffleHeader: (b, r) => { const ls = lines(b); ls[0] = (ls[0] ?? '').split(',').sort(() => r() - 0.5).join(','); return fromLines(ls); },
  blankCells: (b, r) => Buffer.from(b.toString('latin1').replace(/[^,\n]+/g, (m) => (r() < 0.1 ? '' : m)), 'latin1'),
  randomBytes: (b, r) => Buffer.from(Array.from({ length: Math.floor(r() * 300) }, () => Math.floor(r() * 256))),
};
const NAMES = Object.keys(MUTATIONS);

interface Outcome { code: number | null; stderr: string; timedOut: boolean }

function runCli(args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/caseplan.js'), ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, 15_000);
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stderr, timedOut }); });
  });
}

describe('fuzz: mutated inputs through the CLI', () => {
  it(`exits 0 or 3 with a message, never 1, never a stack trace, never a hang (${RUNS} runs, seed ${SEED})`, async () => {
    const random = prng(SEED);
    const dir = mkdtempSync(join(tmpdir(), 'caseplan-fuzz-'));
    const cases = Array.from({ length: RUNS }, (_, n) => {
      const pick = random();
      const target = pick < 0.4 ? 'staff' : pick < 0.8 ? 'referrals' : 'annex';
      let bytes: Buffer = Buffer.from(target === 'staff' ? STAFF : target === 'referrals' ? REFERRALS : ANNEX, 'utf8');
      const applied: string[] = [];
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
        const name = NAMES[Math.floor(random() * NAMES.length)]!;
        applied.push(name);
        bytes = MUTATIONS[name]!(bytes, random);
      }
      const staffPath = join(dir, `staff-${n}.csv`);
      const referralsPath = join(dir, `referrals-${n}.csv`);
      writeFileSync(staffPath, target === 'staff' ? bytes : STAFF);
      writeFileSync(referralsPath, target === 'referrals' ? bytes : REFERRALS);
      const annexPath = join(dir, `List 7 - ${n}.csv`);
      if (target === 'annex') writeFileSync(annexPath, bytes);
      const args = ['plan', '--target', '19', '--as-of', '2026-09-30', '--staff', staffPath, '--referrals', referralsPath, ...(target === 'annex' ? ['--annex-a', annexPath] : []), '--format', 'json'];
      if (random() < 0.3) args.push('--years', '3');
      return { n, target, applied, args };
    });

    const failures: string[] = [];
    const counts: Record<string, number> = {};
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const c = cases[next++]!;
        const out = await runCli(c.args);
        counts[String(out.code)] = (counts[String(out.code)] ?? 0) + 1;
        const problem =
          out.timedOut ? 'hung' :
          out.code !== 0 && out.code !== 3 ? `exit ${out.code}` :
          /^\s+at .+:\d+:\d+\)?$/m.test(out.stderr) ? 'stack trace' :
          out.code === 3 && out.stderr.trim() === '' ? 'exit 3 without a message' : null;
        if (problem) failures.push(`#${c.n} ${c.target} [${c.applied.join(', ')}]: ${problem}\n${out.stderr.slice(0, 400)}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(failures.slice(0, 5)).toEqual([]);
    // Both outcomes must actually occur, or the mutations are not exercising anything.
    expect(counts['0'] ?? 0).toBeGreaterThan(RUNS / 20);
    expect(counts['3'] ?? 0).toBeGreaterThan(RUNS / 20);
  }, 900_000);
});
