// The staff CSV: one row per person, decoded into StaffMember values.
import { CONTRACTS, ROLES, type Config } from '../core/config.js';
import type { Day } from '../core/dates.js';
import { ONE as ONE_FTE } from '../core/exact.js';
import { defaultCaseHolding, isInPost, type Contract, type StaffMember } from '../core/workforce.js';
import { createIdSet } from './id-set.js';
import { readTable, type ColumnSpec, type TableInfo } from './table.js';
import type { ChunkSource } from './source.js';
import { aliasedValue, decodeAmount, decodeNumber, decodeWholeNumber, decodeYesNo, memo } from './values.js';

export const STAFF_COLUMNS: readonly ColumnSpec[] = [
  { name: 'staff_id', required: true },
  { name: 'role', required: true },
  { name: 'fte', required: false },
  { name: 'qualified_date', required: false },
  { name: 'case_holding', required: false },
  { name: 'caseload', required: false },
  { name: 'contract', required: false },
  { name: 'team', required: false },
  { name: 'annual_salary', required: false },
  { name: 'start_date', required: false },
  { name: 'leave_date', required: false },
];

export interface StaffFile {
  name: string;
  staff: StaffMember[];
  info: TableInfo;
  warnings: string[];
  /** The keys of role_aliases and contract_aliases that matched at least one cell. */
  aliasesUsed: { role: Set<string>; contract: Set<string> };
}

export async function readStaff(
  source: ChunkSource,
  config: Config,
  asOf: Day,
  delimiter?: string,
  onProgress?: (rows: number) => void,
): Promise<StaffFile> {
  const staff: StaffMember[] = [];
  const ids = createIdSet(source.size === null ? undefined : source.size / 60);
  // Cells such as "1", "0.8", "Social Worker" and "£36,500" repeat down a staff list: each distinct
  // text is decoded once (the values are immutable), which saves most of the work and garbage.
  const aliasesUsed = { role: new Set<string>(), contract: new Set<string>() };
  const roleOf = memo(
    aliasedValue(ROLES, config.role_aliases, aliasesUsed.role,
      `one of ${ROLES.join(', ')}${config.role_aliases.length > 0 ? ` or a title in role_aliases (${config.role_aliases.map((a) => a.key).join(', ')})` : '; map your own job titles with role_aliases in the config'}`),
  );
  const contractOf = memo(
    aliasedValue(CONTRACTS, config.contract_aliases, aliasesUsed.contract,
      `permanent or agency${config.contract_aliases.length > 0 ? ` or a value in contract_aliases (${config.contract_aliases.map((a) => a.key).join(', ')})` : '; map your own contract types with contract_aliases in the config'}`),
  );
  const yesNoOf = memo(decodeYesNo);
  const wholeNumberOf = memo(decodeWholeNumber);
  const fteOf = memo((t) => {
    const n = decodeNumber(t, { percent: true });
    if (!n.ok) return n;
    return n.value.gt(0) && n.value.lte(1) ? n : { ok: false, expected: 'in (0, 1]: an FTE above 0 and at most 1' };
  });
  const salaryOf = memo((t) => {
    const n = decodeAmount(t);
    if (!n.ok) return n;
    return n.value.gt(0) ? n : { ok: false, expected: 'a salary above £0' };
  });
  const info = await readTable(source, { columns: STAFF_COLUMNS, columnAliases: config.column_aliases, delimiter, onProgress, idColumn: 'staff_id' }, (row) => {
    const staffId = row.text('staff_id');
    if (staffId === null) {
      row.problem('staff_id', 'staff_id is empty: every row needs an id');
    } else {
      const first = ids.add(staffId, row.line);
      if (first !== 0) row.problem('staff_id', `duplicate staff_id ${JSON.stringify(staffId)} (first seen on line ${first})`);
    }
    const role = row.decode('role', roleOf);
    if (row.text('role') === null) {
      row.problem('role', 'role is empty: expected one of ' + ROLES.join(', '));
    }
    const fte = row.decode('fte', fteOf);
    const qualifiedDate = row.date('qualified_date');
    const caseHolding = row.decode('case_holding', yesNoOf);
    const caseload = row.decode('caseload', wholeNumberOf);
    const contract = row.decode('contract', contractOf);
    const team = row.text('team');
    const annualSalary = row.decode('annual_salary', salaryOf);
    const startDate = row.date('start_date');
    const leaveDate = row.date('leave_date');
    if (row.hasProblems || staffId === null || role === null) return;

    const person: StaffMember = {
      staffId,
      line: row.line,
      role,
      fte: fte ?? ONE_FTE,
      qualifiedDate,
      caseHolding: caseHolding ?? defaultCaseHolding(role),
      caseload,
      contract: contract ?? 'permanent',
      team,
      annualSalary,
      startDate,
      leaveDate,
    };
    // Experience decides the plan, so a case-holding person in post must have a qualified_date.
    if (person.caseHolding && person.qualifiedDate === null && isInPost(person, asOf)) {
      row.problem('qualified_date', `staff ${staffId} is case-holding and in post but has no qualified_date (needed to tell experienced from early career)`);
      return;
    }
    staff.push(person);
  });
  return { name: source.name, staff, info, aliasesUsed, warnings: [...source.warnings, ...info.warnings, ...staffWarnings(source.name, staff, info.columns, asOf)] };
}

const examples = (people: readonly StaffMember[]): string =>
  people
    .slice(0, 3)
    .map((p) => `staff ${p.staffId} on line ${p.line}`)
    .join(', ') + (people.length > 3 ? ', ...' : '');

/** Things that are not errors but change what the numbers mean: said once each, with examples. */
function staffWarnings(file: string, staff: readonly StaffMember[], columns: ReadonlySet<string>, asOf: Day): string[] {
  const warnings: string[] = [];
  const inPost = staff.filter((p) => isInPost(p, asOf));
  const future = inPost.filter((p) => p.qualifiedDate !== null && p.qualifiedDate > asOf);
  if (future.length > 0) {
    warnings.push(`${file}: ${future.length} in post with a qualified_date after the as-of date (${examples(future)}); counted as early career`);
  }
  if (columns.has('caseload')) {
    const holders = inPost.filter((p) => p.caseHolding);
    const missing = holders.filter((p) => p.caseload === null);
    if (holders.length > 0 && missing.length === holders.length) {
      warnings.push(`${file}: the caseload column is empty for every case-holding member of staff in post; allocated cases are unknown`);
    } else if (missing.length > 0) {
      warnings.push(
        `${file}: caseload is empty for ${missing.length} of ${holders.length} case-holding staff in post (${examples(missing)}); allocated cases count only the ${holders.length - missing.length} with a value`,
      );
    }
  }
  return warnings;
}
