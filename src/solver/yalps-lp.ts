import { type Constraint, solve } from 'yalps';
import type { LinearProgram, LpSolution } from '../domain/efficiency/linear-program.ts';

/** The solver's zero (its default is 1e-8); far below the bootstrap's own spread. */
const PRECISION = 1e-9;
/**
 * Pivots before a programme counts as cycling. A DEA programme of 14 countries needs a few dozen;
 * YALPS stops at this bound instead of looping, and the replication is left out (NaN). The solver
 * it replaces had no bound: on one degenerate programme (ASEAN, public employment against the
 * Regulatory Quality rank) its phase 1 never ended and filled the 192 MiB heap in 2½ minutes.
 */
const MAX_PIVOTS = 4096;

/**
 * YALPS (a simplex in plain TypeScript) as an `LpSolver`, for the many small programmes of the
 * bootstrap: Simar–Wilson's 2,000 replications of 14 countries are 28,000 of them, which HiGHS's
 * WebAssembly interface solves about ten times slower. HiGHS stays the solver of every served
 * estimate. It reports no duals (`rowDuals` is empty).
 */
export function yalpsSolver(): (lp: LinearProgram) => LpSolution {
  return solveWithYalps;
}

const row = (i: number) => `r${i}`;

function solveWithYalps(lp: LinearProgram): LpSolution {
  const variables = new Map<string, Map<string, number>>();
  const constraints = new Map<string, Constraint>();
  // YALPS's variables are non-negative: a free column is the difference of two, any other bound
  // a constraint on the column alone.
  const parts = lp.cost.map((_, j) => (lp.columnLower[j] === -Infinity ? [`p${j}`, `m${j}`] : [`c${j}`]));
  lp.cost.forEach((cost, j) => {
    for (const name of parts[j] as string[]) {
      const sign = name.startsWith('m') ? -1 : 1;
      const coefficients = new Map<string, number>([['objective', sign * cost]]);
      lp.rows.forEach((r, i) => {
        const v = r.coefficients[j] as number;
        if (v !== 0) coefficients.set(row(i), sign * v);
      });
      variables.set(name, coefficients);
    }
    const lower = lp.columnLower[j] as number;
    const upper = lp.columnUpper[j] as number;
    if ((lower !== -Infinity && lower !== 0) || upper !== Infinity) {
      const bound = `b${j}`;
      for (const name of parts[j] as string[])
        (variables.get(name) as Map<string, number>).set(bound, name.startsWith('m') ? -1 : 1);
      constraints.set(bound, bounds(lower === -Infinity ? -Infinity : lower, upper));
    }
  });
  lp.rows.forEach((r, i) => {
    constraints.set(row(i), bounds(r.lower, r.upper));
  });
  const solution = solve(
    { direction: lp.sense === 'max' ? 'maximize' : 'minimize', objective: 'objective', constraints, variables },
    { precision: PRECISION, maxPivots: MAX_PIVOTS, includeZeroVariables: true },
  );
  if (solution.status === 'infeasible') return failed('infeasible');
  if (solution.status === 'unbounded') return failed('unbounded');
  if (solution.status !== 'optimal') return failed('failed');
  const value = new Map(solution.variables);
  return {
    status: 'optimal',
    objective: solution.result,
    values: parts.map(([first, second]) => (value.get(first as string) ?? 0) - (second ? (value.get(second) ?? 0) : 0)),
    rowDuals: [],
  };
}

function failed(status: 'infeasible' | 'unbounded' | 'failed'): LpSolution {
  return { status, objective: Number.NaN, values: [], rowDuals: [] };
}

function bounds(lower: number, upper: number): Constraint {
  if (lower === upper) return { equal: lower };
  return {
    ...(lower === -Infinity ? {} : { min: lower }),
    ...(upper === Infinity ? {} : { max: upper }),
  };
}
