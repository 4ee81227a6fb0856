// The two kinds of failure a user can cause. Anything else is a bug (exit 1).

/** One problem in an input file, as data; formatted at the edge. */
export interface InputProblem {
  file: string;
  /** Physical line in the file (1-based); null for a problem with the whole file. */
  line: number | null;
  /** 1-based field number; null when the problem is with a row or the file. */
  column: number | null;
  /** The column's header as written in the file, when there is one. */
  header: string | null;
  message: string;
}

/** Bad or unreadable input data: exit code 3. Carries every problem found (the list may be capped). */
export class InputError extends Error {
  constructor(
    readonly problems: readonly InputProblem[],
    /** How many problems there were in all (more than `problems.length` when capped). */
    readonly total: number = problems.length,
    /** Warnings that may explain the problems (e.g. a misspelt column that was ignored). */
    readonly notes: readonly string[] = [],
  ) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
  }
}

/** A bad flag or value, a missing option, or a plan that no hires can satisfy: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * A plan no number of hires can satisfy: a usage error (exit 2) that carries its reason and, in a
 * projection, the year, so callers that list unreachable scenarios never read the message.
 */
export class UnreachablePlan extends UsageError {
  override name = 'UnreachablePlan';
  constructor(
    readonly reason: string,
    /** The projection year that cannot be planned; null for the plan for now. */
    readonly year: number | null = null,
    readonly date: string | null = null,
  ) {
    super(`no hires can satisfy ${year === null ? 'this plan' : `the plan in year ${year} (${date})`}: ${reason}`);
  }

  /** The reason, with the year when there is one: "in year 2 (2028-09-30): a mix of 100% needs ...". */
  get detail(): string {
    return this.year === null ? this.reason : `in year ${this.year} (${this.date}): ${this.reason}`;
  }
}

/** `staff.csv:48:5 (fte): "1.5" is not in (0, 1]` */
export function formatProblem(problem: InputProblem): string {
  let where = problem.file;
  if (problem.line !== null) where += `:${problem.line}`;
  if (problem.line !== null && problem.column !== null) where += `:${problem.column}`;
  if (problem.header !== null) where += ` (${problem.header})`;
  return `${where}: ${problem.message}`;
}

export const MAX_PROBLEMS_SHOWN = 20;

/** Collects problems per file, keeping the first 20 and counting the rest. */
export function createProblemLog(): {
  add(problem: InputProblem): void;
  readonly count: number;
  throwIfAny(notes?: readonly string[]): void;
  shown(): InputProblem[];
} {
  const kept: InputProblem[] = [];
  let count = 0;
  return {
    add(problem) {
      count++;
      if (kept.length < MAX_PROBLEMS_SHOWN) kept.push(problem);
    },
    get count() {
      return count;
    },
    throwIfAny(notes = []) {
      if (count > 0) throw new InputError(kept, count, notes);
    },
    shown: () => kept,
  };
}
