// `plan --by team`: each team planned on its own staff and its own open cases, plus a total.
import type { ScenarioRun, TeamRun, TeamsRun } from '../core/results.js';
import { NO_TEAM } from '../core/referrals.js';
import { CASE_TYPES, noCases, totalCases, type CaseCounts } from '../core/case-types.js';
import { sumExact } from '../core/exact.js';
import { sumMoney, ZERO_POUNDS } from '../core/money.js';
import { classify, countWorkforce } from '../core/workforce.js';
import { UnreachablePlan, UsageError } from '../errors.js';
import type { Inputs } from './inputs.js';
import { groupTurnover, projectionRates } from './projection.js';
import { runScenario, type ScenarioOptions } from './scenario.js';

/** Teams match case-insensitively, with runs of spaces read as one. */
export function teamKey(team: string | null): string {
  return team === null ? NO_TEAM.toLowerCase() : team.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function runByTeam(inputs: Inputs, options: ScenarioOptions): TeamsRun {
  if (options.cases !== null) throw new UsageError('--cases cannot be split by team: give --referrals (with a team column) or caseloads in the staff file');
  // A staff list repeats a few team names: each is normalised once in this run.
  const keys = new Map<string | null, string>();
  const names = new Map<string, string>();
  const name = (team: string | null) => {
    let key = keys.get(team);
    if (key === undefined) keys.set(team, (key = teamKey(team)));
    if (!names.has(key)) names.set(key, team === null ? NO_TEAM : team.trim().replace(/\s+/g, ' '));
    return key;
  };
  const staffByTeam = new Map<string, typeof inputs.staff.staff>();
  for (const person of inputs.staff.staff) {
    if (!classify(person, options.asOf, options.experienceYears).counted) continue;
    const key = name(person.team);
    const members = staffByTeam.get(key);
    if (members) members.push(person);
    else staffByTeam.set(key, [person]);
  }
  // Open cases by team: from Annex A when given (with the unallocated children), else the referrals;
  // by type too when they have types (issue 15).
  const openByTeam = new Map<string, number>();
  const typesByTeam = new Map<string, CaseCounts>();
  const unallocatedByTeam = new Map<string, number>();
  const annex = inputs.annexA;
  const typed = annex !== null || inputs.referrals?.summary.byType != null;
  const teamOpen: Iterable<[string, number]> =
    annex !== null ? [...annex.open.byTeam].map(([team, counts]) => [team, totalCases(counts)]) : (inputs.referrals?.summary.openByTeam ?? []);
  const teamTypes: Iterable<[string, CaseCounts]> = annex !== null ? annex.open.byTeam : (inputs.referrals?.summary.byType?.openByTeam ?? []);
  const keyOf = (team: string) => name(team === NO_TEAM ? null : team);
  for (const [team, open] of teamOpen) {
    const key = keyOf(team);
    openByTeam.set(key, (openByTeam.get(key) ?? 0) + open);
  }
  for (const [team, counts] of teamTypes) {
    const key = keyOf(team);
    const sum = typesByTeam.get(key) ?? noCases();
    for (const t of CASE_TYPES) sum[t] += counts[t];
    typesByTeam.set(key, sum);
  }
  for (const [team, n] of annex?.open.unallocatedByTeam ?? []) {
    const key = keyOf(team);
    unallocatedByTeam.set(key, (unallocatedByTeam.get(key) ?? 0) + n);
  }
  const warnings: string[] = [];
  const pooled = options.projection === null ? undefined : projectionRates(inputs, { ...options.projection, asOf: options.asOf });
  // Service-wide rates, per group too: a team's own staff list has no leavers to derive them from.
  const settled =
    options.projection === null || pooled === undefined
      ? undefined
      : { ...pooled, turnoverByGroup: groupTurnover(inputs, { ...options, ...options.projection }, pooled.turnover) };
  const teams: TeamRun[] = [...names.keys()].sort((a, b) => names.get(a)!.localeCompare(names.get(b)!)).map((key) => {
    const team = names.get(key)!;
    const staff = staffByTeam.get(key) ?? [];
    const open = openByTeam.get(key) ?? 0;
    const source = annex !== null ? 'Annex A' : 'the referrals';
    if (staff.length === 0) {
      const cases = `${open} open case${open === 1 ? '' : 's'}`;
      warnings.push(
        key === teamKey(null)
          ? `${cases} in ${source} ${open === 1 ? 'has' : 'have'} no team, and everyone in post in ${inputs.staff.name} has one: planned as "${team}", a team with no staff`
          : `${annex !== null ? 'Annex A names' : 'referrals name'} team "${team}" (${cases}) but no one in post in ${inputs.staff.name} is in it: planned as a team with no staff (check the team names match)`,
      );
    } else if (open === 0 && (annex !== null || inputs.referrals !== null) && !openByTeam.has(key)) {
      // Staff with no open case at all in the source: most often the team names do not match.
      warnings.push(`team "${team}" has staff in post in ${inputs.staff.name} but no open case in ${source}: planned with none (check the team names match)`);
    }
    const types = typed ? (typesByTeam.get(key) ?? noCases()) : null;
    const summary = inputs.referrals?.summary;
    const teamInputs: Inputs = {
      ...inputs,
      staff: { ...inputs.staff, staff },
      referrals:
        inputs.referrals === null || summary === undefined
          ? null
          : { ...inputs.referrals, summary: { ...summary, openCases: open, byType: summary.byType === null || annex !== null ? summary.byType : { ...summary.byType, open: types! } } },
      annexA: annex === null ? null : { ...annex, open: { ...annex.open, children: open, byType: types! } },
    };
    const { caseHoldingFte, experiencedFte, teamManagerFte } = countWorkforce(staff, options.asOf, options.experienceYears);
    const teamOptions: ScenarioOptions = options.projection === null ? options : { ...options, projection: { ...options.projection, settledRates: settled } };
    try {
      const outcome = runScenario(teamInputs, teamOptions);
      return { team, outcome, reason: null, caseHoldingFte, experiencedFte, teamManagerFte, openCases: outcome.run.plan.demand.openCases, openByType: types, unallocated: annex === null ? null : (unallocatedByTeam.get(key) ?? 0) };
    } catch (error) {
      if (!(error instanceof UnreachablePlan)) throw error;
      return { team, outcome: null, reason: error.detail, caseHoldingFte, experiencedFte, teamManagerFte, openCases: open, openByType: types, unallocated: annex === null ? null : (unallocatedByTeam.get(key) ?? 0) };
    }
  });

  const planned = teams.flatMap((t) => (t.outcome === null ? [] : [t.outcome]));
  const sum = (f: (o: ScenarioRun) => number) => planned.reduce((s, o) => s + f(o), 0);
  const hires = {
    experienced: sum((o) => o.run.plan.hires.experienced),
    earlyCareer: sum((o) => o.run.plan.hires.earlyCareer),
    teamManager: sum((o) => o.run.plan.hires.teamManager),
    total: sum((o) => o.run.plan.hires.total),
  };
  return {
    teams,
    total: {
      caseHoldingFte: sumExact(teams.map((t) => t.caseHoldingFte)),
      experiencedFte: sumExact(teams.map((t) => t.experiencedFte)),
      teamManagerFte: sumExact(teams.map((t) => t.teamManagerFte)),
      openCases: teams.reduce((s, t) => s + t.openCases, 0),
      hires,
      annualCost: sumMoney(planned.map((o) => o.run.plan.cost.annual)),
      oneOffCost: sumMoney(planned.map((o) => o.run.plan.cost.oneOff)),
      additionalCost: options.projection === null ? null : sumMoney(planned.map((o) => (o.kind === 'projection' ? o.run.totals.additionalCost : ZERO_POUNDS))),
    },
    wholeService: wholeServiceRun(inputs, options.projection === null ? options : { ...options, projection: { ...options.projection, settledRates: settled } }),
    warnings,
  };
}

function wholeServiceRun(inputs: Inputs, options: ScenarioOptions): ScenarioRun | null {
  try {
    return runScenario(inputs, options);
  } catch (error) {
    if (error instanceof UnreachablePlan) return null;
    throw error;
  }
}
