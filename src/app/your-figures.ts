// `benchmark --staff` (issue 14): the council's own files measured the Department's way at the as-of
// date, to reconcile an export with the census return before planning from it.
import { formatIso, type Day } from '../core/dates.js';
import { ZERO } from '../core/exact.js';
import type { YourFigures } from '../core/published.js';
import { deriveTurnover } from '../core/rates.js';
import { classify } from '../core/workforce.js';
import type { Inputs } from './inputs.js';

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

export function yourFigures(inputs: Inputs, asOf: Day, experienceYears: number): Omit<YourFigures, 'difference'> {
  let permanent = ZERO;
  let agency = ZERO;
  let caseHolders = ZERO;
  let cases: number | null = null;
  for (const person of inputs.staff.staff) {
    const c = classify(person, asOf, experienceYears);
    if (!c.counted) continue;
    if (c.agency) agency = agency.plus(person.fte);
    else permanent = permanent.plus(person.fte);
    if (c.caseHolding) {
      caseHolders = caseHolders.plus(person.fte);
      if (person.caseload !== null) cases = (cases ?? 0) + person.caseload;
    }
  }
  // No caseload column: the referrals file's open cases stand for the cases held, said so.
  const fromReferrals = cases === null && inputs.referrals !== null;
  if (fromReferrals) cases = inputs.referrals!.summary.openCases;
  const turnover = deriveTurnover(inputs.staff.staff, inputs.staff.name, inputs.staff.info.columns.has('leave_date'), asOf);
  const holders = caseHolders.toNumber();
  const all = permanent.plus(agency);
  return {
    asOf: formatIso(asOf),
    files: [inputs.staff.name, ...(inputs.referrals === null ? [] : [inputs.referrals.name])].join(', '),
    values: {
      inpost_fte: round(permanent.toNumber(), 1),
      case_holders_fte: round(holders, 1),
      cases,
      caseload_fte: cases === null || holders === 0 ? null : round(cases / holders, 1),
      turnover_rate_fte: turnover.source === 'derived' ? round(turnover.value.toNumber() * 100, 1) : null,
      agency_rate_fte: all.isZero() ? null : round(agency.div(all).toNumber() * 100, 1),
    },
    notes: [
      `FTE in post: permanent social workers and team managers in post at ${formatIso(asOf)}; case holders FTE: case-holding staff, agency included; cases: ${fromReferrals ? `no caseload column, so the open cases in ${inputs.referrals!.name}` : "the caseload column's sum (cases held)"}; agency rate: agency FTE / all FTE in post; turnover: ${turnover.note}`,
    ],
  };
}
