#!/usr/bin/env node
// Deterministic (seeded) synthetic council data: a staff CSV and a referrals CSV that look like a
// real children's services export. Used for fixtures/ and, at national scale, for `npm run bench`.
//
//   node scripts/generate-council.mjs --out fixtures [--seed 7] [--teams 8] [--social-workers 185]
//        [--referrals-per-year 4200] [--years 3] [--as-of 2026-09-30] [--growth 0.06]
import { mkdirSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const out = args.out ?? 'fixtures';
const seed = Number(args.seed ?? 7);
const teamCount = Number(args.teams ?? 8);
const socialWorkers = Number(args['social-workers'] ?? 185);
const referralsPerYear = Number(args['referrals-per-year'] ?? 4500);
const years = Number(args.years ?? 3);
const asOf = Date.parse(`${args['as-of'] ?? '2026-09-30'}T00:00:00Z`);
const growth = Number(args.growth ?? 0.06);
const DAY = 86_400_000;

// mulberry32: small, fast, seeded.
let state = seed >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (items) => items[Math.floor(random() * items.length)];
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const uk = (ms) => {
  const d = new Date(ms);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
};

const SERVICES = ['Assessment', 'Child in Need', 'Child Protection', 'Children in Care', 'Care Leavers', 'Disabled Children', 'Edge of Care', 'Fostering'];
const AREAS = ['North', 'South', 'East', 'West', 'Central'];
const teams = Array.from({ length: teamCount }, (_, i) =>
  teamCount <= SERVICES.length ? SERVICES[i] : `${SERVICES[i % SERVICES.length]} ${AREAS[Math.floor(i / SERVICES.length) % AREAS.length]} ${Math.floor(i / (SERVICES.length * AREAS.length)) + 1}`,
);
// Long-running work (children in care, care leavers) keeps cases open far longer than assessment.
const meanMonths = (team) => (/Care|Leavers|Disabled|Fostering/.test(team) ? 26 : /Assessment/.test(team) ? 3 : 10);

mkdirSync(out, { recursive: true });

async function writeLines(path, header, generate) {
  const stream = createWriteStream(path);
  let buffer = header + '\n';
  for (const line of generate()) {
    buffer += line + '\n';
    if (buffer.length > 1 << 16) {
      if (!stream.write(buffer)) await once(stream, 'drain');
      buffer = '';
    }
  }
  stream.end(buffer);
  await once(stream, 'finish');
}

// Referrals: received over `years` years up to as-of, growing by `growth` a year; about 30% end in
// no further action; cases close after a spell drawn per team, or stay open.
const openByTeam = new Map(teams.map((t) => [t, 0]));
function* referrals() {
  let id = 100000;
  const start = asOf - years * 365 * DAY;
  for (let day = start + DAY; day <= asOf; day += DAY) {
    const yearsBack = (asOf - day) / (365 * DAY);
    const rate = referralsPerYear / 365 / Math.pow(1 + growth, yearsBack);
    let n = Math.floor(rate + random());
    while (n-- > 0) {
      const team = pick(teams);
      const nfa = random() < 0.3;
      const spellDays = Math.round(-Math.log(1 - random()) * meanMonths(team) * 30.4);
      const closed = nfa ? day + Math.round(random() * 10) * DAY : day + spellDays * DAY;
      const isOpen = !nfa && closed > asOf;
      if (isOpen) openByTeam.set(team, openByTeam.get(team) + 1);
      const outcome = nfa ? 'nfa' : random() < 0.1 ? '' : 'case';
      const closedText = isOpen ? '' : iso(Math.min(closed, asOf));
      yield `R${id++},${iso(day)},${outcome},${closedText},${team}`;
    }
  }
}

// Staff: social workers and senior practitioners spread over teams, ~62% under three years
// qualified, ~17% agency, some part-time; one team manager per ~7; recent leavers and a few starters.
function* staff() {
  let id = 1;
  const rows = [];
  const perTeam = new Map(teams.map((t) => [t, 0]));
  for (let i = 0; i < socialWorkers; i++) {
    const team = teams[i % teams.length];
    perTeam.set(team, perTeam.get(team) + 1);
    const early = random() < 0.62;
    const yearsQualified = early ? random() * 2.95 : 3.05 + random() * 20;
    const qualified = asOf - Math.round(yearsQualified * 365.25) * DAY;
    const role = !early && random() < 0.35 ? 'Senior Practitioner' : 'Social Worker';
    const fte = random() < 0.15 ? pick(['0.5', '0.6', '0.8', '0.8', '0.9']) : '1';
    const agency = random() < (early ? 0.07 : 0.22);
    const salary = agency ? '' : early ? String(32251 + Math.round(random() * 3) * 1030) : String(36000 + Math.round(random() * 7) * 1100);
    const start = Math.min(qualified + Math.round(random() * 200) * DAY, asOf - Math.round(14 + random() * 60) * DAY);
    rows.push({ team, role, fte, qualified, agency, salary, start, leave: null, early });
  }
  // Leavers in the last 12 months (turnover ~17%) and two people starting after as-of.
  for (let i = 0; i < Math.round(socialWorkers * 0.17); i++) {
    const team = pick(teams);
    const early = random() < 0.55;
    const qualified = asOf - Math.round((early ? 1 + random() * 2 : 4 + random() * 12) * 365.25) * DAY;
    rows.push({ team, role: 'Social Worker', fte: '1', qualified, agency: random() < 0.3, salary: '', start: qualified + 30 * DAY, leave: Math.max(qualified + 60 * DAY, asOf - Math.round(random() * 360) * DAY), early });
  }
  for (let i = 0; i < 2; i++) {
    rows.push({ team: pick(teams), role: 'Social Worker', fte: '1', qualified: asOf - 40 * DAY, agency: false, salary: '32251', start: asOf + (20 + i * 15) * DAY, leave: null, early: true });
  }
  for (const team of teams) {
    const managers = Math.max(1, Math.round(perTeam.get(team) / 8));
    for (let m = 0; m < managers; m++) {
      rows.push({ team, role: 'Team Manager', fte: '1', qualified: asOf - Math.round((8 + random() * 15) * 365.25) * DAY, agency: random() < 0.1, salary: String(44838 + Math.round(random() * 5) * 1100), start: asOf - 900 * DAY, leave: null, early: false, manager: true });
    }
    if (random() < 0.6) rows.push({ team, role: 'Other', fte: '1', qualified: null, agency: false, salary: '26000', start: asOf - 700 * DAY, leave: null, early: false, other: true });
  }
  // Caseloads: about 94% of each team's open cases are allocated, shared by FTE, lighter for early career.
  for (const team of teams) {
    const holders = rows.filter((r) => r.team === team && !r.manager && !r.other && r.leave === null && r.start <= asOf);
    const weights = holders.map((r) => Number(r.fte) * (r.early ? 0.8 : 1.1));
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    const allocated = Math.round(openByTeam.get(team) * 0.94);
    holders.forEach((r, i) => (r.caseload = Math.max(0, Math.round((allocated * weights[i]) / total + (random() - 0.5) * 4))));
  }
  for (const r of rows) {
    const staffId = `E${String(id++).padStart(5, '0')}`;
    const dateFormat = random() < 0.5 ? iso : uk;
    yield [
      staffId,
      r.role,
      r.team,
      r.fte,
      r.qualified === null ? '' : dateFormat(r.qualified),
      r.manager || r.other ? 'no' : 'yes',
      r.caseload ?? '',
      r.agency ? 'agency' : 'permanent',
      r.salary,
      iso(r.start),
      r.leave === null ? '' : iso(r.leave),
    ].join(',');
  }
}

await writeLines(join(out, 'referrals.csv'), 'referral_id,received_date,outcome,closed_date,team', referrals);
await writeLines(join(out, 'staff.csv'), 'staff_id,role,team,fte,qualified_date,case_holding,caseload,contract,annual_salary,start_date,leave_date', staff);
