import highsPackage, { type Highs } from 'highs';
import type { LinearProgram, LpSolution, LpSolver } from '../domain/efficiency/linear-program.ts';

/**
 * HiGHS (University of Edinburgh; MIT licence) compiled to WebAssembly, as an `LpSolver`.
 * Node only: the binary is 3.5 MB (1.2 MB gzip), more than the Worker bundle budget, so the
 * Worker has no solver and DEA answers 501 there (FDH needs none).
 */
let loading: Promise<LpSolver> | undefined;

// The package is CommonJS with ES-module-style typings: under NodeNext its default import is typed
// as the whole module, while Node's ESM build (highs.mjs) hands out the loader itself.
type Loader = typeof highsPackage.default;
const loadHighs = ((highsPackage as unknown as { default?: Loader }).default ?? highsPackage) as Loader;

/** Loads the WebAssembly module once per process (about 70 ms), then solves synchronously. */
export function loadHighsSolver(): Promise<LpSolver> {
  loading ??= loadHighs().then((highs: Highs) => (lp: LinearProgram) => solveWith(highs, lp));
  return loading;
}

const finite = (highs: Highs, v: number) => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v);

function solveWith(highs: Highs, lp: LinearProgram): LpSolution {
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of lp.rows) {
    row.coefficients.forEach((v, j) => {
      if (v !== 0) {
        indices.push(j);
        values.push(v);
      }
    });
    starts.push(indices.length);
  }
  const numCols = lp.cost.length;
  const numRows = lp.rows.length;
  const model = {
    numCols,
    numRows,
    sense: lp.sense === 'max' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    colCost: lp.cost,
    colLower: lp.columnLower.map((v) => finite(highs, v)),
    colUpper: lp.columnUpper.map((v) => finite(highs, v)),
    rowLower: lp.rows.map((r) => finite(highs, r.lower)),
    rowUpper: lp.rows.map((r) => finite(highs, r.upper)),
    matrix: { format: 'csr' as const, numRows, numCols, starts, indices, values },
  };
  return highs.withModel(model, (instance): LpSolution => {
    // DEA programmes have a few dozen columns: presolve costs more than it saves (about 2× per LP).
    instance.options.set({ output_flag: false, presolve: 'off' });
    const { modelStatus } = instance.run();
    const codes = highs.constants.modelStatus;
    if (modelStatus !== codes.optimal) {
      const status: LpSolution['status'] =
        modelStatus === codes.infeasible ? 'infeasible' : modelStatus === codes.unbounded ? 'unbounded' : 'failed';
      return { status, objective: Number.NaN, values: [], rowDuals: [] };
    }
    const solution = instance.getSolution();
    return {
      status: 'optimal',
      objective: instance.getObjectiveValue(),
      values: [...solution.colValue],
      rowDuals: [...solution.rowDual],
    };
  });
}
