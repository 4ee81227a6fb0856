// `caseplan validate`: check the files and summarise what was read.
import { inputFiles, loadInputs } from '../app/inputs.js';
import { InputError } from '../errors.js';
import { formatIso } from '../core/dates.js';
import { todayUtc } from './today.js';
import { countWorkforce } from '../core/workforce.js';
import type { Block } from '../io/render/document.js';
import { count, fte } from '../io/render/numbers.js';
import { emit, warn, type Terminal } from './emit.js';
import { progressOptions } from './progress.js';
import { renderDocument } from './render.js';
import { inputPaths, type InputFlags } from './plan-command.js';

export interface ValidateFlags extends InputFlags {
  format: 'table' | 'json' | 'markdown';
  output?: string;
  color?: boolean;
}

export async function validateCommand(flags: ValidateFlags, terminal: Terminal): Promise<void> {
  const asOf = flags.asOf ?? todayUtc();
  const paths = inputPaths(flags);
  let inputs;
  try {
    inputs = await loadInputs(paths, asOf, progressOptions(terminal, flags.quiet === true));
  } catch (error) {
    // A script asking for JSON gets the problems as JSON too (stdout), as well as the usual lines on
    // stderr and exit 3.
    if (flags.format === 'json' && error instanceof InputError) {
      const report = {
        as_of: formatIso(asOf),
        valid: false,
        problems: error.problems.map((p) => ({ file: p.file, line: p.line, column: p.column, header: p.header, message: p.message })),
        problems_total: error.total,
      };
      await emit(terminal, JSON.stringify(report, null, 2), flags.output, inputFiles(paths));
    }
    throw error;
  }
  warn(terminal, inputs.warnings, flags.quiet === true);
  const workforce = countWorkforce(inputs.staff.staff, asOf, flags.experienceYears);
  const referrals = inputs.referrals;
  const summary = {
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
  if (flags.format === 'json') {
    await emit(terminal, JSON.stringify(summary, null, 2), flags.output, inputFiles(paths));
    return;
  }
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
  const blocks: Block[] = [
    { kind: 'paragraph', text: 'Input files are valid.', emphasis: 'good' },
    { kind: 'table', head: ['Input', 'Summary'], align: ['left', 'right'], rows },
  ];
  const text = await renderDocument(blocks, flags.format, terminal, flags);
  await emit(terminal, text, flags.output, inputFiles(paths));
}
