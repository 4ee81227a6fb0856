// Ofsted's Annex A lists as a source of open cases (issue 15): lists 6 (children in need), 7 (child
// protection plans), 8 (children looked after) and 9 (care leavers), each row a child's episode.
// Spec: a row is open at the as-of date when it started on or before it and its end is empty or
// after it; every List 9 row is current. A child on several lists (or on one list twice) counts
// once, as the most intensive type open (cla > cp > cin, then care leaver), in that row's team.
// The allocated worker is never kept: only whether the child is allocated.
import { moreIntensive, noCases, type CaseCounts, type CaseType } from './case-types.js';
import type { Day } from './dates.js';
import { NO_TEAM } from './referrals.js';

export const ANNEX_LISTS = [6, 7, 8, 9] as const;
export type AnnexList = (typeof ANNEX_LISTS)[number];

export const LIST_TYPE: Record<AnnexList, CaseType> = { 6: 'cin', 7: 'cp', 8: 'cla', 9: 'care_leaver' };

export const LIST_NAME: Record<AnnexList, string> = {
  6: 'List 6 (children in need)',
  7: 'List 7 (child protection plans)',
  8: 'List 8 (children looked after)',
  9: 'List 9 (care leavers)',
};

/** One row of a list, decoded. */
export interface AnnexRecord {
  list: AnnexList;
  childId: string;
  start: Day | null;
  end: Day | null;
  team: string | null;
  /** The allocated worker cell is empty or says unallocated. */
  unallocated: boolean;
}

export interface AnnexOpenCases {
  /** Children open at the as-of date, each once. */
  children: number;
  byType: CaseCounts;
  byTeam: Map<string, CaseCounts>;
  /** Open children with no allocated worker, by team. */
  unallocatedByTeam: Map<string, number>;
  unallocated: number;
  /** Children open on more than one list (counted once, as the most intensive). */
  onSeveralLists: number;
}

export function isOpenOnList(record: Pick<AnnexRecord, 'list' | 'start' | 'end'>, asOf: Day): boolean {
  if (record.list === 9) return true;
  return record.start !== null && record.start <= asOf && (record.end === null || record.end > asOf);
}

export function countAnnexOpen(records: Iterable<AnnexRecord>, asOf: Day): AnnexOpenCases {
  const chosen = new Map<string, { record: AnnexRecord; lists: Set<AnnexList> }>();
  for (const record of records) {
    if (!isOpenOnList(record, asOf)) continue;
    const seen = chosen.get(record.childId);
    if (seen === undefined) {
      chosen.set(record.childId, { record, lists: new Set([record.list]) });
      continue;
    }
    seen.lists.add(record.list);
    if (moreIntensive(LIST_TYPE[record.list], LIST_TYPE[seen.record.list])) seen.record = record;
  }
  const byType = noCases();
  const byTeam = new Map<string, CaseCounts>();
  const unallocatedByTeam = new Map<string, number>();
  let unallocated = 0;
  let onSeveralLists = 0;
  for (const { record, lists } of chosen.values()) {
    const type = LIST_TYPE[record.list];
    const team = record.team ?? NO_TEAM;
    byType[type]++;
    let counts = byTeam.get(team);
    if (counts === undefined) byTeam.set(team, (counts = noCases()));
    counts[type]++;
    if (!unallocatedByTeam.has(team)) unallocatedByTeam.set(team, 0);
    if (record.unallocated) {
      unallocated++;
      unallocatedByTeam.set(team, unallocatedByTeam.get(team)! + 1);
    }
    if (lists.size > 1) onSeveralLists++;
  }
  return { children: chosen.size, byType, byTeam, unallocatedByTeam, unallocated, onSeveralLists };
}

