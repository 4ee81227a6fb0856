// The sample council's Ofsted Annex A lists 6-9 at 30 September 2026 (issue 15): a workbook with
// Ofsted's own headers (fixtures/annex-a/annex-a.xlsx) and the same lists as CSV with another
// council's header names (fixtures/annex-a/*.csv). Seeded, so the same lists every time:
//   node scripts/annex-a-fixture.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';

const OUT = resolve(import.meta.dirname, '../fixtures/annex-a');
const AS_OF = Date.UTC(2026, 8, 30);
const DAY = 86_400_000;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20261130);
const pick = (list) => list[Math.floor(random() * list.length)];
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const dmy = (text) => (text === '' ? '' : `${text.slice(8, 10)}/${text.slice(5, 7)}/${text.slice(0, 4)}`);
/** A start this many days before the as-of date at most, and an end (or none) after it. */
const before = (days) => iso(AS_OF - Math.floor(random() * days + 1) * DAY);

// Invented names: a worker's name is in every real list, and caseplan must never print it.
const FIRST = ['Amira', 'Ben', 'Chloe', 'Dev', 'Esther', 'Femi', 'Grace', 'Harry', 'Imran', 'Jess', 'Kofi', 'Lena'];
const LAST = ['Akhtar', 'Brown', 'Clarke', 'Davies', 'Evans', 'Fraser', 'Gill', 'Hughes', 'Iqbal', 'Jones'];
const worker = (unallocatedShare) => (random() < unallocatedShare ? pick(['', 'Unallocated']) : `${pick(FIRST)} ${pick(LAST)}`);

let next = 1;
const child = () => `CH${String(next++).padStart(5, '0')}`;
const list6 = [];
const list7 = [];
const list8 = [];
const list9 = [];
const cin = (id, team, open, share = 0.04) => {
  const start = before(open ? 900 : 1400);
  const end = open ? '' : iso(Math.min(AS_OF - DAY, Date.parse(start) + Math.floor(random() * 400 + 30) * DAY));
  list6.push({ id, start, end, team, worker: worker(share) });
};
// Children in need, open and closed, in the teams that hold them.
for (const [team, open, share] of [['Assessment', 480, 0.12], ['Child in Need', 560, 0.04], ['Disabled Children', 330, 0.03], ['Edge of Care', 240, 0.05]]) {
  for (let i = 0; i < open; i++) cin(child(), team, true, share);
}
for (let i = 0; i < 700; i++) cin(child(), pick(['Assessment', 'Child in Need', 'Edge of Care']), false);
// Protection plans: each child also has a child in need episode open (List 6), in the same team.
for (let i = 0; i < 560; i++) {
  const id = child();
  const ended = i >= 430;
  const start = before(700);
  const end = ended ? iso(Math.min(AS_OF - DAY, Date.parse(start) + Math.floor(random() * 300 + 60) * DAY)) : '';
  list7.push({ id, start, end, team: 'Child Protection', worker: worker(0.02) });
  if (!ended) list6.push({ id, start, end: '', team: 'Child Protection', worker: list7.at(-1).worker });
}
// Children looked after, some still on the children in need list; a few ceased.
for (const [team, open] of [['Children in Care', 520], ['Fostering', 190]]) {
  for (let i = 0; i < open + 40; i++) {
    const id = child();
    const start = before(3000);
    const end = i >= open ? iso(AS_OF - Math.floor(random() * 200 + 1) * DAY) : '';
    list8.push({ id, start, end: end !== '' && end < start ? iso(AS_OF) : end, team, worker: worker(0.03) });
    if (i < open && random() < 0.3) list6.push({ id, start, end: '', team: 'Child in Need', worker: worker(0.04) });
  }
}
// One child whose care ended on the as-of date itself: not open.
list8.push({ id: child(), start: '2024-02-01', end: iso(AS_OF), team: 'Children in Care', worker: worker(0) });
// Care leavers: every row current.
for (let i = 0; i < 370; i++) list9.push({ id: child(), team: 'Care Leavers', worker: worker(0.05), inTouch: random() < 0.9 ? 'Yes' : 'No' });

mkdirSync(OUT, { recursive: true });
const csv = (rows) => `${rows.map((r) => r.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n')}\r\n`;
// Another council's export: its own header names, day-first dates, CRLF.
writeFileSync(join(OUT, 'List 6 - children in need.csv'), csv([['ChildUniqueID', 'CIN_Start_Date', 'CIN_Closure_Date', 'Team', 'Social Worker'], ...list6.map((r) => [r.id, dmy(r.start), dmy(r.end), r.team, r.worker])]));
writeFileSync(join(OUT, 'List 7 - child protection.csv'), csv([['Child ID', 'CPP Start', 'CPP End', 'Allocated team', 'Allocated worker'], ...list7.map((r) => [r.id, dmy(r.start), dmy(r.end), r.team, r.worker])]));
writeFileSync(join(OUT, 'List 8 - children looked after.csv'), csv([['CHILD UNIQUE ID', 'Date started LAC', 'Date ceased LAC', 'Placement start date', 'TEAM', 'WORKER'], ...list8.map((r) => [r.id, dmy(r.start), dmy(r.end), dmy(r.start), r.team, r.worker])]));
writeFileSync(join(OUT, 'List 9 - care leavers.csv'), csv([['Child Unique Identifier', 'In touch', 'Allocated Team', 'Personal Adviser'], ...list9.map((r) => [r.id, r.inTouch, r.team, r.worker])]));

// Ofsted's own headers, date cells, a cover sheet and a list caseplan does not read.
const text = (value) => ({ value, type: String });
const date = (value) => (value === '' ? null : { value: new Date(`${value}T00:00:00Z`), type: Date, format: 'dd/mm/yyyy' });
const head = (names) => names.map((n) => ({ value: n, type: String, fontWeight: 'bold' }));
const sheets = [
  { sheet: 'Cover', data: [[text('Annex A: sample council, prepared for the inspection, data at 30/09/2026')]] },
  { sheet: 'List 3 Referrals', data: [head(['Child Unique ID', 'Referral Date']), [text('CH99999'), date('2026-09-01')]] },
  { sheet: 'List 6', data: [head(['Child Unique ID', 'CIN Start Date', 'CIN Closure Date', 'Allocated Team', 'Allocated Worker']), ...list6.map((r) => [text(r.id), date(r.start), date(r.end), text(r.team), text(r.worker)])] },
  { sheet: 'List 7', data: [head(['Child Unique ID', 'Child Protection Plan Start Date', 'Child Protection Plan End Date', 'Allocated Team', 'Allocated Worker']), ...list7.map((r) => [text(r.id), date(r.start), date(r.end), text(r.team), text(r.worker)])] },
  { sheet: 'List 8', data: [head(['Child Unique ID', 'Date Started to be Looked After', 'Date Ceased to be Looked After', 'Allocated Team', 'Allocated Worker']), ...list8.map((r) => [text(r.id), date(r.start), date(r.end), text(r.team), text(r.worker)])] },
  { sheet: 'List 9', data: [head(['Child Unique ID', 'In touch', 'Allocated Team', 'Allocated Worker']), ...list9.map((r) => [text(r.id), text(r.inTouch), text(r.team), text(r.worker)])] },
];
writeFileSync(join(OUT, 'annex-a.xlsx'), await writeXlsxFile(sheets).toBuffer());
console.log(`wrote ${OUT}: List 6 ${list6.length} rows, List 7 ${list7.length}, List 8 ${list8.length}, List 9 ${list9.length}`);
