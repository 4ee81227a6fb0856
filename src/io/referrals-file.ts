// The referrals CSV: one row per referral, validated and folded into a ReferralSummary as it is read.
import { OUTCOMES, type Config } from '../core/config.js';
import { CASE_TYPES } from '../core/case-types.js';
import { formatIso, type Day } from '../core/dates.js';
import { createReferralTally, isOpenAt, type Referral, type ReferralSummary } from '../core/referrals.js';
import { readTable, type ColumnSpec, type TableInfo } from './table.js';
import type { ChunkSource } from './source.js';
import { aliasedValue, memo } from './values.js';
import { createIdSet } from './id-set.js';

export const REFERRAL_COLUMNS: readonly ColumnSpec[] = [
  { name: 'referral_id', required: true },
  { name: 'received_date', required: true },
  { name: 'outcome', required: false },
  { name: 'closed_date', required: false },
  { name: 'team', required: false },
  { name: 'case_type', required: false },
];

export interface ReferralsFile {
  name: string;
  summary: ReferralSummary;
  info: TableInfo;
  warnings: string[];
  /** The keys of outcome_aliases that matched at least one cell. */
  aliasesUsed: { outcome: Set<string>; caseType: Set<string> };
}

export async function readReferrals(
  source: ChunkSource,
  config: Config,
  asOf: Day,
  delimiter?: string,
  onProgress?: (rows: number) => void,
): Promise<ReferralsFile> {
  // Whether the file has a case_type column is known only from its header: the tally is made then.
  let tally: ReturnType<typeof createReferralTally> | null = null;
  // A million ids would take ~100 MB as a Map of strings; fingerprints take ~24 MB.
  // Sized from the file (about 50 bytes a row) so the table rarely has to grow.
  const referral: Referral = { referralId: '', receivedDate: 0 as Day, outcome: 'case', closedDate: null, team: null, caseType: null };
  const ids = createIdSet(source.size === null ? undefined : source.size / 50);
  const aliasesUsed = { outcome: new Set<string>(), caseType: new Set<string>() };
  const caseTypeOf = memo(
    aliasedValue(CASE_TYPES, config.case_type_aliases, aliasesUsed.caseType,
      `a case type: ${CASE_TYPES.join(', ')}${config.case_type_aliases.length > 0 ? `, or a value in case_type_aliases (${config.case_type_aliases.map((a) => a.key).join(', ')})` : '; map your own wording with case_type_aliases in the config: {"case_type_aliases": {"LAC": "cla", "Child Protection": "cp"}}'}`),
  );
  const outcomeOf = memo(
    aliasedValue(OUTCOMES, config.outcome_aliases, aliasesUsed.outcome,
      `case or nfa (no further action); leave it empty for case${config.outcome_aliases.length > 0 ? `, or use a value in outcome_aliases (${config.outcome_aliases.map((a) => a.key).join(', ')})` : '; map your own outcomes with outcome_aliases in the config'}`),
  );
  const info = await readTable(source, { columns: REFERRAL_COLUMNS, columnAliases: config.column_aliases, delimiter, onProgress, idColumn: 'referral_id' }, (row) => {
    const referralId = row.text('referral_id');
    if (referralId === null) {
      row.problem('referral_id', 'referral_id is empty: every row needs an id');
    } else {
      const first = ids.add(referralId, row.line);
      if (first !== 0) row.problem('referral_id', `duplicate referral_id ${JSON.stringify(referralId)} (first seen on line ${first})`);
    }
    const receivedDate = row.date('received_date');
    if (receivedDate === null && row.text('received_date') === null) {
      row.problem('received_date', 'received_date is empty: every referral needs the date it was received');
    }
    const outcome = row.equals('outcome', 'case') && config.outcome_aliases.length === 0 ? 'case' : (row.decode('outcome', outcomeOf) ?? 'case');
    const closedDate = row.date('closed_date');
    if (receivedDate !== null && closedDate !== null && closedDate < receivedDate) {
      row.problem('closed_date', `${JSON.stringify(row.text('closed_date'))} is before received_date ${JSON.stringify(row.text('received_date'))}`);
    }
    const caseType = row.decode('case_type', caseTypeOf);
    if (row.hasProblems || referralId === null || receivedDate === null) return;
    tally ??= createReferralTally(asOf, row.where('case_type').column !== null);
    // The team matters only for a case open at the as-of date: no string is made for the others.
    const open = isOpenAt(outcome, receivedDate, closedDate, asOf);
    // One object reused for every row (the tally keeps nothing of it): no garbage per row.
    referral.referralId = referralId;
    referral.receivedDate = receivedDate;
    referral.outcome = outcome;
    referral.closedDate = closedDate;
    referral.team = open ? row.text('team') : null;
    referral.caseType = caseType;
    tally.add(referral);
  });
  const summary = (tally ?? createReferralTally(asOf, info.columns.has('case_type'))).summary();
  const later =
    summary.receivedAfterAsOf === 0
      ? []
      : [`${source.name}: ${summary.receivedAfterAsOf} referral${summary.receivedAfterAsOf === 1 ? ' was' : 's were'} received after the as-of date ${formatIso(asOf)} and ${summary.receivedAfterAsOf === 1 ? 'is' : 'are'} not counted (check --as-of)`];
  const untyped = summary.byType?.untypedOpen ?? 0;
  const untypedWarning = untyped === 0 ? [] : [`${source.name}: ${untyped} open case${untyped === 1 ? ' has' : 's have'} an empty case_type: counted as other`];
  return { name: source.name, summary, info, aliasesUsed, warnings: [...source.warnings, ...info.warnings, ...later, ...untypedWarning] };
}
