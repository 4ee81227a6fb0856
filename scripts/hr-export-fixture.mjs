// Writes fixtures/hr-export/: the sample council's staff and referrals as an HR system and a case
// management system would export them (a title above the header, "FTE %", job titles, contract and
// outcome wording, UK dates, a total row), and the one config file that reads them. caseplan must
// give the same plan from these as from fixtures/staff.csv and fixtures/referrals.csv (a test checks).
// Run: node scripts/hr-export-fixture.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, 'fixtures/hr-export');
mkdirSync(out, { recursive: true });

const rowsOf = (file) => {
  const [header, ...lines] = readFileSync(join(root, file), 'utf8').trim().split('\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i], cell])));
};
const ukDate = (text) => {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : text;
};
const quote = (cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const line = (cells) => cells.map(quote).join(',');

// Staff: the roles as job titles (each mapped back by role_aliases), FTE as a percentage.
const socialWorkerTitles = ['Social Worker', 'Social Worker (ASYE)', 'Social Worker - Level 2'];
const seniorTitles = ['Senior Practitioner', 'Advanced Practitioner'];
const permanentContracts = ['Permanent', 'Permanent', 'Fixed Term', 'Secondment'];
const staff = rowsOf('fixtures/staff.csv');
let totalFte = 0;
const staffLines = staff.map((p, i) => {
  const title = {
    'Social Worker': socialWorkerTitles[i % socialWorkerTitles.length],
    'Senior Practitioner': seniorTitles[i % seniorTitles.length],
    'Team Manager': `Team Manager - ${p.team || 'Service'}`,
    Other: 'Business Support Officer',
  }[p.role];
  const fte = Number(p.fte) * 100;
  totalFte += fte;
  const contract = p.contract === 'agency' ? 'Agency Social Worker' : permanentContracts[i % permanentContracts.length];
  return line([p.staff_id, title, p.team, fte.toFixed(2), ukDate(p.qualified_date), p.case_holding === 'yes' ? 'Y' : 'N', p.caseload, contract, p.annual_salary ? `£${Number(p.annual_salary).toLocaleString('en-GB')}` : '', ukDate(p.start_date), ukDate(p.leave_date)]);
});
writeFileSync(
  join(out, 'staff.csv'),
  [
    line(["Establishment Report - Children's Social Care"]),
    line(['Run date: 01/10/2026 07:15']),
    '',
    line(['Employee Number', 'Job Title', 'Team Name', 'FTE %', 'Qualified Date', 'Case Holder', 'Current Caseload', 'Contract Type', 'Annual Salary', 'Start Date', 'Leaving Date']),
    ...staffLines,
    line(['Total', '', '', totalFte.toFixed(2), '', '', '', '', '', '', '']),
  ].join('\r\n') + '\r\n',
);

// Referrals: the case management system's outcome wording.
const referrals = rowsOf('fixtures/referrals.csv');
const referralLines = referrals.map((r, i) => {
  const outcome = r.outcome === 'case' ? 'Progress to assessment' : r.outcome === 'nfa' ? (i % 2 === 0 ? 'No Further Action' : 'Signposted to Early Help') : '';
  return line([r.referral_id, ukDate(r.received_date), outcome, ukDate(r.closed_date), r.team]);
});
writeFileSync(join(out, 'referrals.csv'), [line(['Referral Ref', 'Date Received', 'Referral Outcome', 'Date Closed', 'Allocated Team']), ...referralLines].join('\r\n') + '\r\n');

const config = {
  column_aliases: {
    'Employee Number': 'staff_id',
    'Job Title': 'role',
    'Team Name': 'team',
    'FTE %': 'fte',
    'Case Holder': 'case_holding',
    'Current Caseload': 'caseload',
    'Contract Type': 'contract',
    'Leaving Date': 'leave_date',
    'Referral Ref': 'referral_id',
    'Date Received': 'received_date',
    'Referral Outcome': 'outcome',
    'Date Closed': 'closed_date',
    'Allocated Team': 'team',
  },
  role_aliases: {
    'Team Manager*': 'team_manager',
    'Advanced Practitioner': 'senior_practitioner',
    '*Social Worker*': 'social_worker',
    'Business Support*': 'other',
  },
  contract_aliases: { 'Fixed Term': 'permanent', Secondment: 'permanent', 'Agency Social Worker': 'agency' },
  outcome_aliases: { 'Progress to assessment': 'case', 'No Further Action': 'nfa', 'Signposted to Early Help': 'nfa' },
  fte_scale: 100,
};
writeFileSync(join(out, 'config.json'), JSON.stringify(config, null, 2) + '\n');
console.log(`wrote ${staff.length} staff and ${referrals.length} referrals to ${out}`);
