#!/usr/bin/env node
// `npm run bench`: national-scale timing, as whole processes.
//
// Generates (seeded) 1,000,000 referrals over five years across 150 teams and ~35,000 staff in a
// temporary folder, then times `caseplan validate`, `caseplan plan --target 19 --mix 50% --years 5
// --by team` and `caseplan optimise --target 19 --mix 50% --years 10` (the whole service) on them, beside a bare pass of caseplan's own CSV parser over the referrals file, a
// bare csv-parse pass and `wc -l`, so the cost of everything caseplan does is a ratio that holds on
// any machine; and the cold start of `caseplan --help` and `caseplan plan` on the fixtures.
// When Miller (`mlr`) is on the PATH it also times, in the same run, one Miller pass over the
// referrals that does the least caseplan must (`filter` the open cases, `then count`), and prints the
// targets as ratios that hold on any machine: plan --by team / Miller <= 1.0 and
// `caseplan --help` / `node -e 0` <= 1.2.
//
//   npm run bench [-- --runs 5] [-- --keep]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1] || 5) || 5;
const KEEP = argv.includes('--keep');
const node = process.execPath;
const bin = join(ROOT, 'bin/caseplan.js');
if (!existsSync(join(ROOT, 'dist/main.js'))) {
  console.error('bench: dist/main.js is missing; run npm install (or npm run build) first');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'caseplan-bench-'));
const haveTime = existsSync('/usr/bin/time');
const haveMiller = spawnSync('mlr', ['--version'], { stdio: 'ignore' }).status === 0;
// Open cases at the as-of date, by caseplan's rule: outcome not `nfa` (an empty outcome is a case)
// and closed_date empty (every generated referral is received on or before the as-of date, and none
// closes after it); Miller's count equals caseplan's "open cases" (215,357 at this seed).
const MILLER_FILTER = '$outcome != "nfa" && $closed_date == ""';


// 1. Data: the same seed gives the same files on every machine.
process.stderr.write('generating the national data set... ');
const generated = spawnSync(
  node,
  ['scripts/generate-council.mjs', '--out', dir, '--seed', '2026', '--teams', '150', '--social-workers', '27000', '--referrals-per-year', '230600', '--years', '5', '--as-of', '2026-09-30'],
  { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
);
if (generated.status !== 0) process.exit(1);
const referrals = join(dir, 'referrals.csv');
const staff = join(dir, 'staff.csv');
// The generator can draw a leaver whose leave_date falls before their start_date (2 rows at this
// seed), which caseplan rightly refuses; drop such rows, say so, and leave the fix to the generator.
{
  const [header, ...rows] = readFileSync(staff, 'utf8').split('\n').filter((l) => l !== '');
  const names = header.split(',');
  const start = names.indexOf('start_date');
  const leave = names.indexOf('leave_date');
  const kept = rows.filter((line) => {
    const cells = line.split(',');
    return !(cells[leave] && cells[start] && cells[leave] < cells[start]);
  });
  if (kept.length !== rows.length) {
    writeFileSync(staff, `${[header, ...kept].join('\n')}\n`);
    process.stderr.write(`(dropped ${rows.length - kept.length} generated staff rows with leave_date before start_date) `);
  }
}
const lines = (file) => readFileSync(file, 'latin1').split('\n').filter((l) => l !== '').length - 1;
const referralRows = lines(referrals);
const staffRows = lines(staff);
const referralBytes = statSync(referrals).size;
const staffBytes = statSync(staff).size;
process.stderr.write(`${referralRows.toLocaleString('en-GB')} referrals (${mb(referralBytes)} MB), ${staffRows.toLocaleString('en-GB')} staff\n`);

// 2. The bare passes: caseplan's own reader and parser, and csv-parse, each over the referrals file.
const bundle = (name, contents) =>
  build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: join(dir, name),
    logLevel: 'warning',
  });
await bundle(
  'own-parser.mjs',
  `import { openSource } from './src/io/source.ts';
   import { createCsvParser } from './src/io/csv-parser.ts';
   let rows = 0;
   const parser = createCsvParser(',', () => rows++, () => {});
   const source = await openSource(process.argv[2]);
   for await (const chunk of source.chunks()) parser.push(chunk);
   parser.end();
   console.log(rows - 1);`,
);
await bundle(
  'csv-parse.mjs',
  `import { createReadStream } from 'node:fs';
   import { parse } from 'csv-parse';
   let rows = 0;
   for await (const record of createReadStream(process.argv[2]).pipe(parse())) rows++;
   console.log(rows - 1);`,
);

// 3. Timing: whole processes, RUNS each; median wall time and peak RSS.
function once(command, args) {
  if (haveTime) {
    const out = join(dir, 'time.txt');
    const started = process.hrtime.bigint();
    const run = spawnSync('/usr/bin/time', ['-o', out, '-f', '%M', command, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr}`);
    return { wall, rssKb: Number(readFileSync(out, 'utf8').trim().split('\n').pop()) };
  }
  const started = process.hrtime.bigint();
  const run = spawnSync(command, args, { cwd: ROOT, stdio: 'ignore' });
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
  return { wall: Number(process.hrtime.bigint() - started) / 1e9, rssKb: null };
}

// The commands run in rounds (each once per round, in turn) rather than one after another, so that a
// change in the machine's load during the bench falls on every command alike and the ratios between
// them, taken in the same run, stay fair.
function measureAll(jobs) {
  for (const job of jobs) once(job.command, job.args); // warm the file cache
  const runs = jobs.map(() => []);
  for (let round = 0; round < RUNS; round++) jobs.forEach((job, k) => runs[k].push(once(job.command, job.args)));
  return jobs.map((job, k) => {
    const walls = runs[k].map((r) => r.wall).sort((a, b) => a - b);
    const median = walls[Math.floor(walls.length / 2)];
    const rss = runs[k].every((r) => r.rssKb !== null) ? Math.max(...runs[k].map((r) => r.rssKb)) / 1024 : null;
    process.stderr.write(`  ${job.label}: ${median.toFixed(3)} s\n`);
    return { label: job.label, median, rows: job.rows ?? null, bytes: job.bytes ?? null, rss };
  });
}

process.stderr.write(`timing, ${RUNS} rounds (median wall time, peak RSS of any run):\n`);
const fixtures = ['--staff', 'fixtures/staff.csv', '--referrals', 'fixtures/referrals.csv', '--as-of', '2026-09-30'];
const national = ['--staff', staff, '--referrals', referrals, '--as-of', '2026-09-30', '--quiet'];
const both = { rows: referralRows + staffRows, bytes: referralBytes + staffBytes };
const only = { rows: referralRows, bytes: referralBytes };
const jobs = [
  { label: 'caseplan --help', command: node, args: [bin, '--help'] },
  { label: 'node -e 0 (start-up alone)', command: node, args: ['-e', '0'] },
  { label: 'caseplan plan (fixtures)', command: node, args: [bin, 'plan', '--target', '19', ...fixtures, '--format', 'json'] },
  { label: 'caseplan validate', command: node, args: [bin, 'validate', ...national], ...both },
  { label: 'caseplan plan --years 5 --by team', command: node, args: [bin, 'plan', '--target', '19', '--mix', '50%', '--years', '5', '--by', 'team', ...national, '--format', 'csv'], ...both },
  { label: 'own parser alone (referrals)', command: node, args: [join(dir, 'own-parser.mjs'), referrals], ...only },
  { label: 'csv-parse alone (referrals)', command: node, args: [join(dir, 'csv-parse.mjs'), referrals], ...only },
  { label: 'wc -l (referrals)', command: 'wc', args: ['-l', referrals], ...only },
  // Issue 16: 2,000 runs of a five-year projection of the sample council.
  { label: 'caseplan plan --ranges (fixtures)', command: node, args: [bin, 'plan', '--target', '19', '--years', '5', '--growth', '4%', '--turnover', '15%', '--ranges', '--growth-sd', '2', '--turnover-sd', '3', ...fixtures, '--format', 'json', '-q'] },
  // Issue 13: the whole service optimised over ten years (HiGHS), reading the same files.
  { label: 'caseplan optimise --years 10', command: node, args: [bin, 'optimise', '--target', '19', '--mix', '50%', '--years', '10', ...national, '--format', 'json'], ...both },
];
if (haveMiller) {
  jobs.push({ label: 'mlr filter then count (referrals)', command: 'mlr', args: ['--icsv', '--ojson', 'filter', MILLER_FILTER, 'then', 'count', referrals], ...only });
  const counted = spawnSync('mlr', ['--icsv', '--ojson', 'filter', MILLER_FILTER, 'then', 'count', referrals], { encoding: 'utf8' });
  process.stderr.write(`  (Miller counts ${JSON.parse(counted.stdout || '[{}]')[0]?.count ?? '?'} open cases)\n`);
} else process.stderr.write('  mlr (Miller) is not on the PATH: the plan / Miller ratio is skipped\n');
const loadBefore = loadavg()[0];
const results = measureAll(jobs);
const loadAfter = loadavg()[0];
const miller = haveMiller ? results[results.length - 1] : null;

// 4. The table, and the targets of issue 6.
const pad = (text, n, right = false) => (right ? String(text).padStart(n) : String(text).padEnd(n));
console.log(`\ncaseplan bench: ${referralRows.toLocaleString('en-GB')} referrals (${mb(referralBytes)} MB) + ${staffRows.toLocaleString('en-GB')} staff (${mb(staffBytes)} MB)`);
console.log(`machine: ${cpus().length} x ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}; ${RUNS} rounds; load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after\n`);
console.log(`${pad('command', 36)} ${pad('wall (s)', 9, true)} ${pad('rows/s', 12, true)} ${pad('MB/s', 8, true)} ${pad('peak RSS (MB)', 14, true)}`);
for (const r of results) {
  const perSecond = (n) => (n === null ? '' : Math.round(n / r.median).toLocaleString('en-GB'));
  console.log(
    `${pad(r.label, 36)} ${pad(r.median.toFixed(3), 9, true)} ${pad(perSecond(r.rows), 12, true)} ${pad(r.bytes === null ? '' : (r.bytes / 2 ** 20 / r.median).toFixed(1), 8, true)} ${pad(r.rss === null ? 'n/a' : r.rss.toFixed(0), 14, true)}`,
  );
}
const [help, bare, small, , plan, own, csvParse, , ranges, optimise] = results;
// The optimiser's own report of the same run: its solve time and status.
const solved = JSON.parse(spawnSync(node, [bin, 'optimise', '--target', '19', '--mix', '50%', '--years', '10', ...national, '--format', 'json'], { encoding: 'utf8', maxBuffer: 2 ** 28 }).stdout).optimisation;
const perMillion = (plan.median / referralRows) * 1e6;
const checks = [
  [`plan --by team: ${perMillion.toFixed(2)} s per million referral rows (target <= 1.00)`, perMillion <= 1.0],
  [`plan --by team / own parser pass: ${(plan.median / own.median).toFixed(2)}x (target <= 1.25)`, plan.median / own.median <= 1.25],
  [`plan --by team / csv-parse pass: ${(plan.median / csvParse.median).toFixed(2)}x`, null],
  [`plan --by team peak RSS: ${plan.rss === null ? 'n/a' : plan.rss.toFixed(0)} MB (target <= 150)`, plan.rss === null ? null : plan.rss <= 150],
  [`caseplan --help: ${(help.median * 1000).toFixed(0)} ms (target < 120; node alone ${(bare.median * 1000).toFixed(0)} ms)`, help.median < 0.12],
  [`caseplan plan on the fixtures: ${(small.median * 1000).toFixed(0)} ms (target < 250)`, small.median < 0.25],
  [`caseplan plan --ranges, 2,000 runs of 5 years on the fixtures: ${ranges.median.toFixed(2)} s, start-up and reading included (target < 1)`, ranges.median < 1],
  [`caseplan optimise, whole service, 10 years: ${optimise.median.toFixed(2)} s (target < 2), of which HiGHS ${solved.solve_ms} ms (${solved.status}, gap ${solved.gap === null ? 'unknown' : `${+(solved.gap * 100).toPrecision(2)}%`})`, optimise.median < 2],
];
// The ratios of issue 11: each against a reference timed in the same run, so they hold on any machine.
const ratios = [
  miller
    ? [`plan --by team / Miller filter then count: ${(plan.median / miller.median).toFixed(2)}x (target <= 1.0)`, plan.median / miller.median <= 1.0]
    : ['plan --by team / Miller: skipped, mlr (Miller) is not on the PATH', null],
  [`caseplan --help / node -e 0: ${(help.median / bare.median).toFixed(2)}x (target <= 1.2)`, help.median / bare.median <= 1.2],
];
console.log('');
for (const [text, ok] of checks) console.log(`${ok === null ? '  ' : ok ? 'ok' : '--'} ${text}`);
console.log('');
for (const [text, ok] of ratios) console.log(`${ok === null ? '  ' : ok ? 'ok' : '--'} ${text}`);

if (KEEP) console.log(`\ndata kept in ${dir}`);
else rmSync(dir, { recursive: true, force: true });

function mb(bytes) {
  return (bytes / 2 ** 20).toFixed(1);
}
