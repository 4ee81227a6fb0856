// The MILP solver: HiGHS (University of Edinburgh), compiled to WebAssembly by the `highs` package.
// Loaded only by the commands that optimise, so the others start as fast as before. Issue 13: a plan
// is called optimal only when HiGHS proves it; the gap tolerances below are the ones stated in the
// output (OPTIMALITY_TOLERANCE).
import type { MilpProblem, MilpSolution, MilpSolver, MilpStatus, Term } from '../core/optimise.js';

/**
 * What "optimal" means here. HiGHS first tries to close the gap between the plan and its proven lower
 * bound entirely (STRICT: to 1e-9 of the cost, or £0.01); once it has done CLOSE_WORK simplex
 * iterations in its search, it stops as soon as the gap is at most `relative` (0.01%, HiGHS's own
 * default). A plan is called optimal then, and the gap it ended with is reported (0 when closed).
 * Work, not the clock, decides, so the same inputs give the same plan on any machine (HiGHS is
 * deterministic; this build runs one thread); only a --time-limit that is reached depends on the
 * machine, and the plan then says it is the best found, not proven.
 */
export const OPTIMALITY_TOLERANCE = { relative: 1e-4, absolute: 0.01 } as const;
const STRICT = { relative: 1e-9, absolute: 0.01 } as const;
const CLOSE_WORK = 200;

const OPTIONS = {
  output_flag: false,
  mip_rel_gap: STRICT.relative,
  mip_abs_gap: STRICT.absolute,
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
    if (row.lower !== null && row.lower === row.upper) lines.push(` ${row.name}: ${linear(row.terms)} = ${num(row.lower)}`);
    else {
      if (row.lower !== null) lines.push(` ${row.name}_lo: ${linear(row.terms)} >= ${num(row.lower)}`);
      if (row.upper !== null) lines.push(` ${row.name}_up: ${linear(row.terms)} <= ${num(row.upper)}`);
    }
  }
  lines.push('Bounds');
  for (const c of problem.columns) lines.push(c.upper === null ? ` ${c.name} >= ${num(c.lower ?? 0)}` : ` ${num(c.lower ?? 0)} <= ${c.name} <= ${num(c.upper)}`);
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
    const text = lpText(problem);
    const model = highs.createModel({ format: 'lp', data: text });
    const codes = highs.constants.modelStatus;
    const statusOf = (code: number): MilpStatus => (code === codes.optimal ? 'optimal' : code === codes.timeLimit ? 'time_limit' : code === codes.infeasible ? 'infeasible' : 'failed');
    // 2: a feasible primal solution (HiGHS's kSolutionStatusFeasible).
    const feasible = () => Number(model.info.get('primal_solution_status')) === 2;
    const gapNow = () => {
      const gap = Number(model.info.get('mip_gap'));
      return Number.isFinite(gap) ? Math.max(0, gap) : null;
    };
    // The starting plan, by column name (columns HiGHS dropped as unused are skipped).
    const start = (values: ReadonlyMap<string, number>) => {
      const entries = [...values].map(([name, value]) => [model.getColByName(name), value] as const).filter(([index]) => index >= 0);
      return model.setSolution({ indices: Int32Array.from(entries.map(([i]) => i)), values: Float64Array.from(entries.map(([, v]) => v)) });
    };
    try {
      model.options.set({ ...OPTIONS, time_limit: timeLimitSeconds });
      if (problem.start !== undefined) start(problem.start);
      model.run({
        [highs.constants.callbackType.mipInterrupt](event) {
          const { mip_total_lp_iterations: work, mip_gap: gap } = event.data;
          if (work !== undefined && work >= CLOSE_WORK && gap !== undefined && gap <= OPTIMALITY_TOLERANCE.relative) event.interrupt();
        },
      });
      const code = model.getModelStatus();
      const closeEnough = code === codes.interrupted && (gapNow() ?? Infinity) <= OPTIMALITY_TOLERANCE.relative;
      const status: MilpStatus = closeEnough ? 'optimal' : statusOf(code);
      const hasValues = (status === 'optimal' || status === 'time_limit') && feasible();
      const values = new Map<string, number>();
      if (hasValues) {
        const colValue = model.getSolution().colValue;
        for (let i = 0; i < colValue.length; i++) values.set(model.getColName(i), colValue[i]!);
      }
      return {
        status,
        values: hasValues ? values : null,
        objective: hasValues ? model.getObjectiveValue() : null,
        gap: gapNow(),
        ms: performance.now() - started,
        detail: `HiGHS model status ${model.getModelStatus()}`,
      };
    } finally {
      model.dispose();
    }
  };
}
