// `caseplan validate`: the summary of the files read, or the problems found, as JSON and as a
// document, from the same values.
import type { ReferralsFile } from '../referrals-file.js';
import type { StaffFile } from '../staff-file.js';
import type { AnnexAFile } from '../annex-a-file.js';
import { formatIso, type Day } from '../../core/dates.js';
import type { WorkforceCounts } from '../../core/workforce.js';
import type { InputError } from '../../errors.js';
import type { Block } from './document.js';
import { count, fte } from './numbers.js';

/** What was read: the JSON a script gets, every figure the table shows. */
export function validateJson(inputs: { staff: StaffFile; referrals: ReferralsFile | null; annexA?: AnnexAFile | null }, workforce: WorkforceCounts, asOf: Day) {
  const referrals = inputs.referrals;
  const annex = inputs.annexA ?? null;
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
            // Issue 15: with a case_type column, the open cases by type.
            ...(referrals.summary.byType === null ? {} : { open_cases_by_type: { ...referrals.summary.byType.open } }),
          },
    // Issue 15: only when --annex-a is given, so every other summary keeps its keys.
    ...(annex === null
      ? {}
      : {
          annex_a: {
            files: annex.files,
            lists: annex.lists.map((l) => ({ file: l.file, sheet: l.sheet, list: l.list, recognised_by: l.recognisedBy, rows: l.rows, headers: l.headers })),
            open_children: annex.open.children,
            open_cases_by_type: { ...annex.open.byType },
            unallocated_children: annex.open.unallocated,
            children_on_several_lists: annex.open.onSeveralLists,
          },
        }),
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
  if (summary.annex_a !== undefined) {
    const a = summary.annex_a;
    rows.push(['Annex A', a.files.join(', ')]);
    for (const l of a.lists) {
      rows.push([`  List ${l.list}${l.sheet === null ? ` (${l.file})` : ` [${l.sheet}]`}: rows`, count(l.rows)]);
      for (const [field, header] of Object.entries(l.headers)) rows.push([`    ${field.replace('_', ' ')} from`, header ?? '(none)']);
    }
    rows.push(
      [`  children open at ${summary.as_of}`, count(a.open_children)],
      ['  in need / protection / looked after / care leavers', `${count(a.open_cases_by_type.cin)} / ${count(a.open_cases_by_type.cp)} / ${count(a.open_cases_by_type.cla)} / ${count(a.open_cases_by_type.care_leaver)}`],
      ['  unallocated (no worker)', count(a.unallocated_children)],
      ['  on several lists (counted once)', count(a.children_on_several_lists)],
    );
  }
  return [
    { kind: 'paragraph', text: 'Input files are valid.', emphasis: 'good' },
    { kind: 'table', head: ['Input', 'Summary'], align: ['left', 'right'], rows },
  ];
}
