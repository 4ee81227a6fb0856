// Loading every input a command needs, once, with every problem in every file reported together.
import type { Config } from '../core/config.js';
import { formatIso, type Day } from '../core/dates.js';
import { allocatedCases } from '../core/workforce.js';
import { InputError, MAX_PROBLEMS_SHOWN, UsageError, type InputProblem } from '../errors.js';
import { normaliseName } from '../core/config.js';
import { readConfig } from '../io/config-file.js';
import { nearest } from '../io/nearest.js';
import { readReferrals, REFERRAL_COLUMNS, type ReferralsFile } from '../io/referrals-file.js';
import type { AnnexAFile } from '../io/annex-a-file.js';
import { openSource, type ChunkSource } from '../io/source.js';
import { readStaff, STAFF_COLUMNS, type StaffFile } from '../io/staff-file.js';

export interface InputPaths {
  /** One or more staff files (an HR list and an agency supplier's list), read as one. */
  staff: readonly string[];
  referrals: string | null;
  /** Ofsted's Annex A workbook or lists (issue 15): the open cases, by type and team, instead of the referrals'. */
  annexA?: readonly string[];
  config: string | null;
  delimiter?: string | undefined;
  /** Open cases given on the command line (--cases): gaps in the caseload column are then moot. */
  openCasesGiven?: boolean;
}

/** Progress of one file being read: told the rows read after each chunk, and when it is done. */
export interface ReadProgress {
  update(rows: number): void;
  done(): void;
}

/** How reading is watched and paced: a progress display, and the chunk size (tests vary it). */
export interface ReadOptions {
  /** Called as each input file is opened; returns its progress display, if any. */
  watch?: (source: ChunkSource) => ReadProgress | undefined;
  chunkBytes?: number;
}

import type { Rate } from '../core/rates.js';

export interface Inputs {
  config: Config;
  staff: StaffFile;
  referrals: ReferralsFile | null;
  /** --annex-a: the open cases by type and team; the referrals, when given too, give growth only. */
  annexA: AnnexAFile | null;
  warnings: string[];
  /** Planning from published figures (--la): the open cases and what was assumed (app/published.ts). */
  published?: {
    label: string;
    cases: number;
    assumptions: string[];
    growth: Rate | null;
    turnover: Rate | null;
    agencyShare: Rate | null;
    /** No --experienced-share: every case holder counted as experienced. */
    experienceAssumed?: boolean;
    /** The spread of the council's published series (--ranges). */
    spreads: { growth: { value: number | null; note: string }; turnover: { value: number | null; note: string } };
  };
}

export async function loadInputs(paths: InputPaths, asOf: Day, read: ReadOptions = {}): Promise<Inputs> {
  if ([...paths.staff, paths.referrals, ...(paths.annexA ?? [])].filter((path) => path === '-').length > 1) {
    throw new UsageError('only one input can be read from stdin ("-"): give the staff, referrals or Annex A files as paths');
  }
  const config = await readConfig(paths.config);
  const problems: InputProblem[] = [];
  const notes: string[] = [];
  let total = 0;
  const attempt = async <T>(read: () => Promise<T>): Promise<T | null> => {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
      notes.push(...error.notes);
      total += error.total;
      return null;
    }
  };
  const watched = async <T>(path: string, reader: (source: ChunkSource, onProgress?: (rows: number) => void) => Promise<T>): Promise<T> => {
    const source = await openSource(path, read.chunkBytes === undefined ? {} : { chunkBytes: read.chunkBytes });
    const progress = read.watch?.(source);
    try {
      return await reader(source, progress === undefined ? undefined : (rows) => progress.update(rows));
    } finally {
      progress?.done();
    }
  };
  const staffFiles: (StaffFile | null)[] = [];
  for (const path of paths.staff) {
    staffFiles.push(await attempt(() => watched(path, (source, onProgress) => readStaff(source, config, asOf, paths.delimiter, onProgress))));
  }
  const referralsPath = paths.referrals;
  const referrals =
    referralsPath === null
      ? null
      : await attempt(() => watched(referralsPath, (source, onProgress) => readReferrals(source, config, asOf, paths.delimiter, onProgress)));
  const annexPaths = paths.annexA ?? [];
  const annexA =
    annexPaths.length === 0 ? null : await attempt(async () => (await import('../io/annex-a-file.js')).readAnnexA(annexPaths, asOf));
  const staffRead = staffFiles.filter((file): file is StaffFile => file !== null);
  const shared = sharedIds(staffRead);
  problems.push(...shared.slice(0, MAX_PROBLEMS_SHOWN));
  total += shared.length;
  if (problems.length > 0 || staffRead.length < staffFiles.length || (annexPaths.length > 0 && annexA === null)) throw new InputError(problems, total, notes);
  const staff = combineStaff(staffRead);
  const aliasProblems = unusedColumnAliases(config, paths.config ?? 'config', staff, referrals);
  if (aliasProblems.length > 0) throw new InputError(aliasProblems);
  const configName = paths.config ?? 'config';
  const unused = (key: string, aliases: readonly { key: string }[], used: Set<string>, file: string, column: string) =>
    aliases
      .filter((alias) => !used.has(alias.key))
      .map((alias) => `${configName}: ${key}: "${alias.key}" matches no ${column} in ${file}; the alias changes nothing`);
  const aliasWarnings = [
    ...unused('role_aliases', config.role_aliases, staff.aliasesUsed.role, staff.name, 'role'),
    ...(staff.info.columns.has('contract') ? unused('contract_aliases', config.contract_aliases, staff.aliasesUsed.contract, staff.name, 'contract') : []),
    ...(referrals !== null && referrals.info.columns.has('outcome')
      ? unused('outcome_aliases', config.outcome_aliases, referrals.aliasesUsed.outcome, referrals.name, 'outcome')
      : []),
    ...(referrals !== null && referrals.info.columns.has('case_type')
      ? unused('case_type_aliases', config.case_type_aliases, referrals.aliasesUsed.caseType, referrals.name, 'case_type')
      : []),
    ...caseSettingWarnings(config, configName, referrals, annexA),
  ];
  return {
    config,
    staff,
    referrals,
    annexA,
    warnings: [...(annexA?.warnings ?? []), ...staff.warnings, ...(paths.openCasesGiven === true ? [] : staff.allocationWarnings), ...(referrals?.warnings ?? []), ...crossCheck(staff, referrals, asOf), ...aliasWarnings],
  };
}

/** The files a command reads, which its output must never overwrite. */
export function inputFiles(paths: InputPaths): (string | null)[] {
  return [...paths.staff, paths.referrals, ...(paths.annexA ?? []), paths.config];
}

/** Case weights or type aliases with no case types to apply them to change nothing: said. */
function caseSettingWarnings(config: Config, configName: string, referrals: ReferralsFile | null, annexA: AnnexAFile | null): string[] {
  const typed = annexA !== null || (referrals !== null && referrals.info.columns.has('case_type'));
  if (typed) return [];
  const given = [
    Object.values(config.case_weights).some((w) => w !== 1) ? 'case_weights' : null,
    config.case_type_aliases.length > 0 ? 'case_type_aliases' : null,
  ].filter((key): key is string => key !== null);
  if (given.length === 0) return [];
  return [`${configName}: ${given.join(' and ')} ${given.length === 1 ? 'applies' : 'apply'} to case types, and the open cases have none: add a case_type column to the referrals, or give --annex-a`];
}

/** Several staff files are one staff list: a staff_id may appear in only one of them. */
function sharedIds(files: readonly StaffFile[]): InputProblem[] {
  if (files.length < 2) return [];
  const seen = new Map<string, { file: string; line: number }>();
  const problems: InputProblem[] = [];
  for (const file of files) {
    const firstInThisFile = new Set<string>();
    for (const person of file.staff) {
      const earlier = seen.get(person.staffId);
      if (earlier !== undefined && earlier.file !== file.name && !firstInThisFile.has(person.staffId)) {
        firstInThisFile.add(person.staffId);
        problems.push({ file: file.name, line: person.line, ...file.idColumn, message: `staff_id ${JSON.stringify(person.staffId)} is also in ${earlier.file} (line ${earlier.line}): ids must be unique across the staff files` });
      }
      if (earlier === undefined) seen.set(person.staffId, { file: file.name, line: person.line });
    }
  }
  return problems;
}

/** The staff files as one: rows, columns and headers together; each person keeps the line of their own file. */
function combineStaff(files: readonly StaffFile[]): StaffFile {
  if (files.length === 1) return files[0]!;
  const [first] = files as [StaffFile, ...StaffFile[]];
  return {
    name: files.map((f) => f.name).join(' and '),
    staff: files.flatMap((f) => f.staff),
    info: {
      ...first.info,
      columns: new Set(files.flatMap((f) => [...f.info.columns])),
      headers: [...new Set(files.flatMap((f) => f.info.headers))],
      rows: files.reduce((sum, f) => sum + f.info.rows, 0),
      warnings: files.flatMap((f) => f.info.warnings),
    },
    warnings: files.flatMap((f) => f.warnings),
    allocationWarnings: files.flatMap((f) => f.allocationWarnings),
    aliasesUsed: {
      role: new Set(files.flatMap((f) => [...f.aliasesUsed.role])),
      contract: new Set(files.flatMap((f) => [...f.aliasesUsed.contract])),
    },
    idColumn: first.idColumn,
  };
}

/**
 * A column alias whose header is in none of the files it could apply to changes nothing: a typo
 * (`"Employe Number": "staff_id"`) must not pass silently, so it is an input error.
 */
function unusedColumnAliases(config: Config, configFile: string, staff: StaffFile, referrals: ReferralsFile | null): InputProblem[] {
  const files = [
    { name: staff.name, headers: staff.info.headers, columns: STAFF_COLUMNS },
    ...(referrals === null ? [] : [{ name: referrals.name, headers: referrals.info.headers, columns: REFERRAL_COLUMNS }]),
  ];
  return Object.entries(config.column_aliases).flatMap(([header, column]) => {
    const applies = files.filter((f) => f.columns.some((c) => c.name === column));
    if (applies.length === 0 || applies.some((f) => f.headers.some((h) => normaliseName(h) === header))) return [];
    const headers = applies.flatMap((f) => f.headers.filter((h) => h !== ''));
    const best = nearest(header, headers.map(normaliseName));
    return [{
      file: configFile,
      line: null,
      column: null,
      header: null,
      message:
        `column_aliases: the header "${header}" (for ${column}) is not in ${applies.map((f) => f.name).join(' or ')}` +
        `${best ? `; did you mean "${headers[best.index]}"?` : ''} (headers found: ${headers.join(', ') || 'none'})`,
    }];
  });
}

/** Checks across the two files: more cases allocated to staff than are open in the referrals. */
function crossCheck(staff: StaffFile, referrals: ReferralsFile | null, asOf: Day): string[] {
  if (referrals === null || !staff.info.columns.has('caseload')) return [];
  const allocated = allocatedCases(staff.staff, asOf) ?? 0;
  const open = referrals.summary.openCases;
  if (allocated <= open) return [];
  return [
    `staff hold ${allocated} cases (the caseload column of ${staff.name}) but only ${open} are open in ${referrals.name} at ${formatIso(asOf)}, so unallocated cases are negative: check --as-of, and the outcome and closed_date columns`,
  ];
}
