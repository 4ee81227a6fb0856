// The staff CSV: one row per person, decoded into StaffMember values.
import { CONTRACTS, normaliseName, ROLES, type Config } from '../core/config.js';
import { addYears, dayFromYmd, type Day } from '../core/dates.js';
import { ONE as ONE_FTE, ZERO, type Exact } from '../core/exact.js';
import { defaultCaseHolding, standingOf, type StaffMember } from '../core/workforce.js';
import { InputError, type InputProblem } from '../errors.js';
import { createIdSet } from './id-set.js';
import { readTable, type ColumnSpec, type TableInfo } from './table.js';
import type { ChunkSource } from './source.js';
import { aliasedValue, decodeAmount, decodeNumber, decodeWholeNumber, decodeYesNo, memo, type Decoded } from './values.js';

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
  { name: 'contracted_hours', required: false },
];

export interface StaffFile {
  name: string;
  staff: StaffMember[];
  info: TableInfo;
  warnings: string[];
  /** Warnings about the caseload column (allocated cases): moot when open cases are given with --cases. */
  allocationWarnings: string[];
  /** Where the staff_id column is, for problems found across files. */
  idColumn: { column: number | null; header: string | null };
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
  // FTE is read as a number here; whether the column is a fraction (0.8) or on a 0-100 scale (80.00)
  // is decided from the whole column once it is read (fte_scale in the config, else detected).
  const fteOf = memo((t): Decoded<{ value: Exact; percentSign: boolean }> => {
    const n = decodeNumber(t, { percent: true });
    if (!n.ok) return n;
    return n.value.gt(0) ? { ok: true, value: { value: n.value, percentSign: t.trim().endsWith('%') } } : { ok: false, expected: 'in (0, 1]: an FTE above 0 and at most 1' };
  });
  const fullTime = config.full_time_hours;
  const hoursOf = memo((t): Decoded<Exact> => {
    const n = decodeNumber(t);
    if (!n.ok) return n;
    return n.value.gt(0) && n.value.lte(fullTime)
      ? { ok: true, value: n.value.div(fullTime) }
      : { ok: false, expected: `hours a week above 0 and at most full time (${fullTime}, full_time_hours in the config)` };
  });
  const fteCells: FteCell[] = [];
  let fteColumn: { column: number | null; header: string | null } = { column: null, header: null };
  let idColumn: { column: number | null; header: string | null } = { column: null, header: null };
  let cachedLater: InputProblem[] | null = null;
  let undatedWithoutColumn = 0;
  /** The first post seen for each staff_id: a second post of one person is legal (issue 10). */
  const firstPost = new Map<string, { line: number; role: string; team: string }>();
  const postsOf = new Map<string, StaffMember[]>();
  const salaryOf = memo((t) => {
    const n = decodeAmount(t);
    if (!n.ok) return n;
    return n.value.gt(0) ? n : { ok: false, expected: 'a salary above £0' };
  });
  const info = await readTable(source, { columns: STAFF_COLUMNS, columnAliases: config.column_aliases, delimiter, onProgress, idColumn: 'staff_id' }, (row) => {
    const staffId = row.text('staff_id');
    if (idColumn.column === null) idColumn = row.where('staff_id');
    if (staffId === null) {
      row.problem('staff_id', 'staff_id is empty: every row needs an id');
    } else {
      const first = ids.add(staffId, row.line);
      const post = { line: row.line, role: normaliseName(row.text('role') ?? ''), team: normaliseName(row.text('team') ?? '') };
      const earlier = first === 0 ? undefined : firstPost.get(staffId);
      if (first === 0) firstPost.set(staffId, post);
      // The same id twice is one person in two posts when the role or the team differs; the same post
      // twice is a duplicate row.
      else if (earlier === undefined || (earlier.role === post.role && earlier.team === post.team)) {
        row.problem('staff_id', `duplicate staff_id ${JSON.stringify(staffId)} (first seen on line ${first})`);
      }
    }
    const role = row.decode('role', roleOf);
    if (row.text('role') === null) {
      row.problem('role', 'role is empty: expected one of ' + ROLES.join(', '));
    }
    const fteCell = row.decode('fte', fteOf);
    // Every FTE read counts towards the column's scale, also on rows with other problems.
    const cell: FteCell | null = fteCell === null ? null : { person: null, line: row.line, ...fteCell, text: row.text('fte')! };
    if (cell !== null) {
      fteColumn = row.where('fte');
      fteCells.push(cell);
    }
    const fromHours = fteCell === null ? row.decode('contracted_hours', hoursOf) : null;
    const qualifiedDate = row.date('qualified_date');
    const caseHolding = row.decode('case_holding', yesNoOf);
    const caseload = row.decode('caseload', wholeNumberOf);
    const contract = row.decode('contract', contractOf);
    const team = row.text('team');
    const annualSalary = row.decode('annual_salary', salaryOf);
    const startDate = row.date('start_date');
    const leaveDate = row.date('leave_date');
    if (startDate !== null && leaveDate !== null && leaveDate < startDate) {
      row.problem('leave_date', `${JSON.stringify(row.text('leave_date'))} is before start_date ${JSON.stringify(row.text('start_date'))}: the row could never be in post`);
    }
    if (row.hasProblems || staffId === null || role === null) return;

    const person: StaffMember = {
      staffId,
      line: row.line,
      role,
      fte: fromHours ?? ONE_FTE,
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
    if (person.qualifiedDate === null) {
      const { caseHolding, inPost } = standingOf(person, asOf);
      if (caseHolding && inPost) {
        // Without the column at all, one message for the file rather than one per person.
        if (row.where('qualified_date').column === null) undatedWithoutColumn++;
        else row.problem('qualified_date', `staff ${staffId} is case-holding and in post but has no qualified_date (needed to tell experienced from early career)`);
        return;
      }
    }
    if (cell !== null) cell.person = person;
    staff.push(person);
    const posts = postsOf.get(staffId);
    if (posts === undefined) postsOf.set(staffId, [person]);
    else posts.push(person);
  }).catch((error: unknown) => {
    // Problems found once the whole file is read (FTE scale, one person's posts) join those of the rows.
    if (error instanceof InputError) {
      const merged = [...error.problems, ...laterProblems()].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
      throw new InputError(merged.slice(0, Math.max(error.problems.length, 20)), error.total + laterProblems().length, error.notes);
    }
    throw error;
  });
  const fteScale = applyFteScale(fteCells, config.fte_scale);
  const later = laterProblems();
  if (later.length > 0) throw new InputError(later.slice(0, 20), later.length, [...source.warnings, ...info.warnings]);
  const warnings = [...source.warnings, ...info.warnings];
  if (fteScale.note !== null) warnings.push(`${source.name}: ${fteScale.note}`);
  const multiPost = [...postsOf.values()].filter((posts) => posts.length > 1);
  if (multiPost.length > 0) {
    warnings.push(
      `${source.name}: ${multiPost.length} ${multiPost.length === 1 ? 'person holds' : 'people hold'} more than one post (${multiPost.slice(0, 3).map((posts) => `staff ${posts[0]!.staffId} on lines ${posts.map((p) => p.line).join(' and ')}`).join(', ')}${multiPost.length > 3 ? ', ...' : ''}); each post is counted with its own role, team and FTE`,
    );
  }
  return { name: source.name, staff, info, aliasesUsed, idColumn, allocationWarnings: allocationWarnings(source.name, staff, info.columns, asOf), warnings: [...warnings, ...staffWarnings(source.name, staff, asOf)] };

  /** Problems that need the whole file: FTEs out of range once the scale is known, and one person's posts over 1.0 FTE. */
  function laterProblems(): InputProblem[] {
    if (cachedLater !== null) return cachedLater;
    const scale = applyFteScale(fteCells, config.fte_scale);
    const problems: InputProblem[] = [];
    if (undatedWithoutColumn > 0) {
      problems.push({
        file: source.name,
        line: null,
        column: null,
        header: null,
        message: `no qualified_date column: the ${undatedWithoutColumn} case-holding staff in post need the date they qualified, to tell experienced from early career (if your export calls it something else, map it with column_aliases, e.g. "Date Qualified": "qualified_date")`,
      });
    }
    problems.push(...scale.outOfRange.map((cell) => ({
      file: source.name,
      line: cell.line,
      column: fteColumn.column,
      header: fteColumn.header,
      message: `${JSON.stringify(cell.text)} is not in (0, 1]: an FTE above 0 and at most 1${cell.value.gte(10) && cell.value.lte(100) && !cell.percentSign ? `; ${cell.text.trim()} looks like a percentage: write ${cell.text.trim()}% or set "fte_scale": 100 in the config` : ''}`,
    })));
    for (const posts of postsOf.values()) {
      if (posts.length < 2) continue;
      const total = posts.reduce((sum, p) => sum.plus(p.fte), ZERO);
      if (total.gt(1)) {
        const last = posts[posts.length - 1]!;
        problems.push({
          file: source.name,
          line: last.line,
          column: fteColumn.column,
          header: fteColumn.header,
          message: `staff ${last.staffId} holds posts on lines ${posts.map((p) => p.line).join(', ')} whose FTEs add up to ${total.toString()}; one person's posts are at most 1.0 FTE together`,
        });
      }
    }
    cachedLater = problems;
    return problems;
  }
}

interface FteCell {
  /** Null when the row had other problems. */
  person: StaffMember | null;
  line: number;
  value: Exact;
  percentSign: boolean;
  text: string;
}

/**
 * FTE on a 0-100 scale (HR systems' "FTE %": 100.00, 60.00): with `fte_scale` 100, or, when it is
 * not set, detected when every value without a % sign is over 1 and at most 100, and some are 50 or
 * more (full-time staff are 100). A column with any value at most 1 is read as fractions, so one
 * mistyped 80 in a column of 1s and 0.8s is reported, never taken as a sign that the whole column
 * is percentages; nor is a column of 2s. Sets each person's FTE; returns the
 * cells still out of (0, 1] and a note when the scale was detected.
 */
function applyFteScale(cells: FteCell[], configured: 1 | 100 | null): { outOfRange: FteCell[]; note: string | null } {
  const plain = cells.filter((c) => !c.percentSign);
  const detected = configured === null && plain.length > 0 && plain.every((c) => c.value.gt(1) && c.value.lte(100)) && plain.some((c) => c.value.gte(50));
  const scale = configured ?? (detected ? 100 : 1);
  const fteOf = (cell: FteCell) => (cell.percentSign || scale === 1 ? cell.value : cell.value.div(scale));
  for (const cell of cells) if (cell.person !== null) cell.person.fte = fteOf(cell);
  return {
    outOfRange: cells.filter((c) => fteOf(c).gt(1)),
    note: detected ? `the fte column is on a 0-100 scale (every value is over 1 and at most 100, some 50 or more), so it was read as a percentage: 100 = 1.0 FTE; set "fte_scale": 100 in the config to say so and silence this` : null,
  };
}

const AGENCY_RULE_FROM = dayFromYmd(2025, 10, 1);

const examples = (people: readonly StaffMember[]): string =>
  people
    .slice(0, 3)
    .map((p) => `staff ${p.staffId} on line ${p.line}`)
    .join(', ') + (people.length > 3 ? ', ...' : '');

/** Things that are not errors but change what the numbers mean: said once each, with examples. */
function staffWarnings(file: string, staff: readonly StaffMember[], asOf: Day): string[] {
  const warnings: string[] = [];
  const inPost = staff.filter((p) => standingOf(p, asOf).inPost);
  const future = inPost.filter((p) => p.qualifiedDate !== null && p.qualifiedDate > asOf);
  if (future.length > 0) {
    warnings.push(`${file}: ${future.length} in post with a qualified_date after the as-of date (${examples(future)}); counted as early career`);
  }
  // Statutory guidance (in force 31 October 2024, transition to 1 October 2025): agency social workers
  // need three years' post-qualifying experience.
  if (asOf >= AGENCY_RULE_FROM) {
    const threeYearsBefore = addYears(asOf, -3);
    const earlyAgency = inPost.filter((p) => {
      const { agency, caseHolding } = standingOf(p, asOf);
      return agency && caseHolding && p.qualifiedDate !== null && p.qualifiedDate > threeYearsBefore;
    });
    if (earlyAgency.length > 0) {
      warnings.push(
        `${file}: ${earlyAgency.length} agency social worker${earlyAgency.length === 1 ? '' : 's'} in post with under three years since qualifying (${examples(earlyAgency)}); since 1 October 2025 statutory guidance allows agency work only with three years' post-qualifying experience`,
      );
    }
  }
  return warnings;
}

/** Gaps in the caseload column: they matter for allocated cases, so not when open cases are given with --cases. */
function allocationWarnings(file: string, staff: readonly StaffMember[], columns: ReadonlySet<string>, asOf: Day): string[] {
  const warnings: string[] = [];
  if (columns.has('caseload')) {
    const holders = staff.filter((p) => {
      const { inPost, caseHolding } = standingOf(p, asOf);
      return inPost && caseHolding;
    });
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
