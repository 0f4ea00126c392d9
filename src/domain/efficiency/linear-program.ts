/**
 * A linear programme in the plain form every solver understands, so the DEA formulations stay
 * pure maths and the solver (HiGHS in WebAssembly on Node) is plugged in from outside.
 *
 *   minimise or maximise  cost · x
 *   subject to            rowLower ≤ A x ≤ rowUpper,  columnLower ≤ x ≤ columnUpper
 *
 * Bounds may be ±Infinity.
 */
export interface LinearProgram {
  sense: 'min' | 'max';
  cost: number[];
  columnLower: number[];
  columnUpper: number[];
  /** Dense rows of A with their bounds. */
  rows: { coefficients: number[]; lower: number; upper: number }[];
}

export interface LpSolution {
  status: 'optimal' | 'infeasible' | 'unbounded' | 'failed';
  objective: number;
  /** Primal values of the columns. */
  values: number[];
  /** Dual values of the rows (shadow prices), as the solver reports them. */
  rowDuals: number[];
}

/** Solves one LP synchronously; loading the solver (WebAssembly) is the caller's business. */
export type LpSolver = (lp: LinearProgram) => LpSolution;

export class SolverFailure extends Error {
  readonly status: LpSolution['status'];
  constructor(status: LpSolution['status']) {
    super(`the LP solver ended with status ${status}`);
    this.status = status;
  }
}

/** Solves and insists on an optimum: every DEA programme here is feasible and bounded by construction. */
export function solveOptimal(solver: LpSolver, lp: LinearProgram): LpSolution {
  const solution = solver(lp);
  if (solution.status !== 'optimal') throw new SolverFailure(solution.status);
  return solution;
}
