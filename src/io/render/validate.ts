// `caseplan validate`: the summary of the files read, or the problems found, as JSON and as a
// document, from the same values.
import type { ReferralsFile } from '../referrals-file.js';
import type { StaffFile } from '../staff-file.js';
import { formatIso, type Day } from '../../core/dates.js';
import type { WorkforceCounts } from '../../core/workforce.js';
import type { InputError } from '../../errors.js';
import type { Block } from './document.js';
import { count, fte } from './numbers.js';

/** What was read: the JSON a script gets, every figure the table shows. */
export function validateJson(inputs: { staff: StaffFile; referrals: ReferralsFile | null }, workforce: WorkforceCounts, asOf: Day) {
  const referrals = inputs.referrals;
  return {
    as_of: formatIso(asOf),
    valid: true,
    staff: {
      file: inputs.staff.name,
      rows: inputs.staff.info.rows,
      in_post: workforce.inPost,
      left_before_as_of: workforce.excludedLeft,
      not_started_by_as_of: workforce.excludedNotStarted,
      case_holding_people: workforce.caseHoldingPeople,
      case_holding_fte: workforce.caseHoldingFte.toNumber(),
      experienced_fte: workforce.experiencedFte.toNumber(),
      early_career_fte: workforce.earlyCareerFte.toNumber(),
      team_manager_fte: workforce.teamManagerFte.toNumber(),
      agency_fte: workforce.agencyFte.toNumber(),
      allocated_cases: workforce.allocatedCases,
    },
    referrals:
      referrals === null
        ? null
        : {
            file: referrals.name,
            rows: referrals.summary.rows,
            open_cases: referrals.summary.openCases,
            no_further_action: referrals.summary.noFurtherAction,
            received_after_as_of: referrals.summary.receivedAfterAsOf,
            earliest_received: referrals.summary.earliestReceived === null ? null : formatIso(referrals.summary.earliestReceived),
            latest_received: referrals.summary.latestReceived === null ? null : formatIso(referrals.summary.latestReceived),
          },
  };
}

/** Invalid input as JSON on stdout (with the lines on stderr and exit 3), for a script that asked for JSON. */
export function problemsJson(error: InputError, asOf: Day) {
  return {
    as_of: formatIso(asOf),
    valid: false,
    problems: error.problems.map((p) => ({ file: p.file, line: p.line, column: p.column, header: p.header, message: p.message })),
    problems_total: error.total,
  };
}

export function validateBlocks(summary: ReturnType<typeof validateJson>, workforce: WorkforceCounts): Block[] {
  const rows: string[][] = [
    ['Staff file', summary.staff.file],
    ['  rows read', count(summary.staff.rows)],
    [`  people in post at ${summary.as_of}`, count(summary.staff.in_post)],
    ['  left before / starting after that date', `${count(summary.staff.left_before_as_of)} / ${count(summary.staff.not_started_by_as_of)}`],
    ['  case-holding FTE (people)', `${fte(workforce.caseHoldingFte)} (${count(summary.staff.case_holding_people)})`],
    [`  experienced / early-career FTE`, `${fte(workforce.experiencedFte)} / ${fte(workforce.earlyCareerFte)}`],
    ['  team manager FTE', fte(workforce.teamManagerFte)],
    ['  agency FTE', fte(workforce.agencyFte)],
    ['  cases allocated (caseload column)', count(summary.staff.allocated_cases)],
  ];
  if (summary.referrals !== null) {
    rows.push(
      ['Referrals file', summary.referrals.file],
      ['  rows read', count(summary.referrals.rows)],
      [`  open cases at ${summary.as_of}`, count(summary.referrals.open_cases)],
      ['  no further action', count(summary.referrals.no_further_action)],
      ['  received', `${summary.referrals.earliest_received ?? '—'} to ${summary.referrals.latest_received ?? '—'}`],
    );
  }
  return [
    { kind: 'paragraph', text: 'Input files are valid.', emphasis: 'good' },
    { kind: 'table', head: ['Input', 'Summary'], align: ['left', 'right'], rows },
  ];
}
