// The MILP solver: HiGHS (University of Edinburgh), compiled to WebAssembly by the `highs` package.
// Loaded only by the commands that optimise, so the others start as fast as before. Issue 13: a plan
// is called optimal only when HiGHS proves it; the gap tolerances below are the ones stated in the
// output (OPTIMALITY_TOLERANCE).
import type { MilpProblem, MilpSolution, MilpSolver, Term } from '../core/optimise.js';

/** What "optimal" means here: HiGHS's bound and the plan within this relative, or absolute (£), gap. */
export const OPTIMALITY_TOLERANCE = { relative: 1e-9, absolute: 0.01 } as const;

const OPTIONS = {
  output_flag: false,
  mip_rel_gap: OPTIMALITY_TOLERANCE.relative,
  mip_abs_gap: OPTIMALITY_TOLERANCE.absolute,
  // Tighter than HiGHS's defaults (1e-6, 1e-7): the plan is replayed with a 1e-9 tolerance.
  mip_feasibility_tolerance: 1e-9,
  primal_feasibility_tolerance: 1e-9,
} as const;

/** A number as LP text: the shortest decimal that reads back as the same double. */
function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite coefficient: ${value}`);
  return String(value);
}

function linear(terms: readonly Term[]): string {
  if (terms.length === 0) return '0 x_zero';
  return terms
    .map((t, i) => {
      const sign = t.coefficient < 0 ? '-' : '+';
      const size = num(Math.abs(t.coefficient));
      return `${i === 0 && sign === '+' ? '' : `${sign} `}${size} ${t.column}`;
    })
    .join(' ');
}

/** The problem in CPLEX LP format, as HiGHS reads it. */
export function lpText(problem: MilpProblem): string {
  const lines = ['Minimize', ` obj: ${linear(problem.objective)}`, 'Subject To'];
  let zeroUsed = problem.objective.length === 0;
  for (const row of problem.rows) {
    if (row.terms.length === 0) zeroUsed = true;
    if (row.lower !== null) lines.push(` ${row.name}_lo: ${linear(row.terms)} >= ${num(row.lower)}`);
    if (row.upper !== null) lines.push(` ${row.name}_up: ${linear(row.terms)} <= ${num(row.upper)}`);
  }
  lines.push('Bounds');
  for (const c of problem.columns) lines.push(c.upper === null ? ` ${c.name} >= 0` : ` 0 <= ${c.name} <= ${num(c.upper)}`);
  if (zeroUsed) lines.push(' x_zero = 0');
  const integers = problem.columns.filter((c) => c.integer).map((c) => c.name);
  if (integers.length > 0) lines.push('Generals', ` ${integers.join(' ')}`);
  lines.push('End');
  return lines.join('\n');
}

import type { Highs } from 'highs';

let loaded: Promise<Highs> | null = null;

/** HiGHS, loaded once (the WebAssembly module compiles in about 0.1 s). */
export async function highsSolver(): Promise<MilpSolver> {
  // A CommonJS package: its module.exports (the loader) is the ES module's default.
  loaded ??= import('highs').then((m) => (m.default as unknown as () => Promise<Highs>)());
  const highs = await loaded;
  return (problem: MilpProblem, timeLimitSeconds: number): MilpSolution => {
    const started = performance.now();
    const model = highs.createModel({ format: 'lp', data: lpText(problem) });
    try {
      model.options.set({ ...OPTIONS, time_limit: timeLimitSeconds });
      model.run();
      const code = model.getModelStatus();
      const codes = highs.constants.modelStatus;
      const status = code === codes.optimal ? 'optimal' : code === codes.timeLimit ? 'time_limit' : code === codes.infeasible ? 'infeasible' : 'failed';
      const solution = model.getSolution();
      // 2: a feasible primal solution (HiGHS's kSolutionStatusFeasible).
      const hasValues = (status === 'optimal' || status === 'time_limit') && Number(model.info.get('primal_solution_status')) === 2;
      const values = new Map<string, number>();
      if (hasValues) {
        for (let i = 0; i < solution.colValue.length; i++) values.set(model.getColName(i), solution.colValue[i]!);
      }
      const gap = Number(model.info.get('mip_gap'));
      return {
        status,
        values: hasValues ? values : null,
        objective: hasValues ? model.getObjectiveValue() : null,
        gap: Number.isFinite(gap) ? Math.max(0, gap) : null,
        ms: performance.now() - started,
        detail: `HiGHS model status ${code}`,
      };
    } finally {
      model.dispose();
    }
  };
}
