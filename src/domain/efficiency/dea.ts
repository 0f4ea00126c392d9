import { type LinearProgram, type LpSolver, solveOptimal } from './linear-program.ts';
import type { Orientation, ProductionUnit, UnitEfficiency } from './types.ts';
import { WEIGHT_TOLERANCE } from './types.ts';

export type ReturnsToScale = 'crs' | 'vrs';

/** The constraints: one row per input and per output (with its slack), and Σλ = 1 under variable returns. */
function envelopmentRows(
  unit: ProductionUnit,
  reference: readonly ProductionUnit[],
  orientation: Orientation,
  rts: ReturnsToScale,
): LinearProgram['rows'] {
  const n = reference.length;
  const m = unit.inputs.length;
  const s = unit.outputs.length;
  const width = 1 + n + m + s;
  const row = (radial: number, lambdas: number[], slackAt: number, slack: number) => {
    const coefficients = new Array<number>(width).fill(0);
    coefficients[0] = radial;
    lambdas.forEach((v, j) => {
      coefficients[1 + j] = v;
    });
    coefficients[slackAt] = slack;
    return coefficients;
  };
  const input = orientation === 'input';
  const rows = [
    ...unit.inputs.map((x, i) => {
      const coefficients = row(
        input ? -x : 0,
        reference.map((r) => r.inputs[i] as number),
        1 + n + i,
        1,
      );
      return { coefficients, lower: input ? 0 : x, upper: input ? 0 : x };
    }),
    ...unit.outputs.map((y, r) => {
      const coefficients = row(
        input ? 0 : -y,
        reference.map((u) => u.outputs[r] as number),
        1 + n + m + r,
        -1,
      );
      return { coefficients, lower: input ? y : 0, upper: input ? y : 0 };
    }),
  ];
  if (rts === 'vrs')
    rows.push({
      coefficients: row(
        0,
        reference.map(() => 1),
        0,
        0,
      ),
      lower: 1,
      upper: 1,
    });
  return rows;
}

/**
 * Radial DEA in envelopment form (Charnes, Cooper and Rhodes 1978 for constant returns; Banker,
 * Charnes and Cooper 1984 for variable returns: Σλ = 1), solved in two phases as in Cooper,
 * Seiford and Tone (2007), ch. 3: phase 1 finds the radial factor, phase 2 fixes it and takes the
 * largest total slack, so the target is on the strongly efficient part of the frontier.
 *
 * Columns: [ρ, λ_1 … λ_n, s⁻_1 … s⁻_m, s⁺_1 … s⁺_s], where ρ is θ (input) or φ (output).
 * Input:  min θ   s.t.  Σλ_j x_ij + s⁻_i − θ x_io = 0,   Σλ_j y_rj − s⁺_r = y_ro
 * Output: max φ   s.t.  Σλ_j x_ij + s⁻_i = x_io,         Σλ_j y_rj − s⁺_r − φ y_ro = 0
 */
export function envelopmentProgram(
  unit: ProductionUnit,
  reference: readonly ProductionUnit[],
  orientation: Orientation,
  rts: ReturnsToScale,
  phase: { fixedRadial: number } | null = null,
): LinearProgram {
  const n = reference.length;
  const m = unit.inputs.length;
  const s = unit.outputs.length;
  const input = orientation === 'input';
  const rows = envelopmentRows(unit, reference, orientation, rts);
  const slackCost = phase ? 1 : 0;
  return {
    sense: phase || !input ? 'max' : 'min',
    cost: [phase ? 0 : 1, ...new Array<number>(n).fill(0), ...new Array<number>(m + s).fill(slackCost)],
    columnLower: [phase ? phase.fixedRadial : -Infinity, ...new Array<number>(n + m + s).fill(0)],
    columnUpper: [phase ? phase.fixedRadial : Infinity, ...new Array<number>(n + m + s).fill(Infinity)],
    rows,
  };
}

/** Phase 1 only: the radial factor θ (input) or φ (output). Enough for the jackknife. */
export function deaRadialFactor(
  solver: LpSolver,
  unit: ProductionUnit,
  reference: readonly ProductionUnit[],
  orientation: Orientation,
  rts: ReturnsToScale,
): { radial: number; lambdas: number[] } {
  const solution = solveOptimal(solver, envelopmentProgram(unit, reference, orientation, rts));
  return { radial: solution.objective, lambdas: solution.values.slice(1, 1 + reference.length) };
}

/** Both phases: score, peers (λ > 0) and the benchmark Σλx, Σλy. */
export function deaEfficiency(
  solver: LpSolver,
  unit: ProductionUnit,
  reference: readonly ProductionUnit[],
  orientation: Orientation,
  rts: ReturnsToScale,
): UnitEfficiency {
  const { radial } = deaRadialFactor(solver, unit, reference, orientation, rts);
  const phase2 = solveOptimal(solver, envelopmentProgram(unit, reference, orientation, rts, { fixedRadial: radial }));
  const lambdas = phase2.values.slice(1, 1 + reference.length).map((v) => (v < WEIGHT_TOLERANCE ? 0 : v));
  const combine = (pick: (u: ProductionUnit) => number[], k: number) =>
    reference.reduce((sum, u, j) => sum + (lambdas[j] as number) * (pick(u)[k] as number), 0);
  return {
    id: unit.id,
    score: orientation === 'input' ? radial : 1 / radial,
    expansion: orientation === 'input' ? null : radial,
    targetInputs: unit.inputs.map((_, i) => combine((u) => u.inputs, i)),
    targetOutputs: unit.outputs.map((_, r) => combine((u) => u.outputs, r)),
    peers: reference.flatMap((u, j) =>
      (lambdas[j] as number) > 0 ? [{ id: u.id, weight: lambdas[j] as number }] : [],
    ),
  };
}

/**
 * The multiplier (dual) form, an independent formulation used to check the envelopment scores:
 * input orientation  max u·y_o − u₀  s.t. v·x_o = 1,  u·y_j − v·x_j − u₀ ≤ 0,  u, v ≥ 0
 * output orientation min v·x_o + v₀  s.t. u·y_o = 1,  v·x_j + v₀ − u·y_j ≥ 0,  u, v ≥ 0
 * (u₀, v₀ free under VRS, absent under CRS). Its optimum equals θ (input) or φ (output).
 * Columns: [u_1 … u_s, v_1 … v_m, u₀].
 */
export function multiplierProgram(
  unit: ProductionUnit,
  reference: readonly ProductionUnit[],
  orientation: Orientation,
  rts: ReturnsToScale,
): LinearProgram {
  const s = unit.outputs.length;
  const m = unit.inputs.length;
  const free = rts === 'vrs' ? 1 : 0;
  const input = orientation === 'input';
  const normalise = input
    ? { coefficients: [...new Array<number>(s).fill(0), ...unit.inputs, 0], lower: 1, upper: 1 }
    : { coefficients: [...unit.outputs, ...new Array<number>(m).fill(0), 0], lower: 1, upper: 1 };
  const envelope = reference.map((u) => ({
    coefficients: [...u.outputs.map((y) => (input ? y : -y)), ...u.inputs.map((x) => (input ? -x : x)), input ? -1 : 1],
    lower: input ? -Infinity : 0,
    upper: input ? 0 : Infinity,
  }));
  return {
    sense: input ? 'max' : 'min',
    cost: input
      ? [...unit.outputs, ...new Array<number>(m).fill(0), -1]
      : [...new Array<number>(s).fill(0), ...unit.inputs, 1],
    columnLower: [...new Array<number>(s + m).fill(0), free ? -Infinity : 0],
    columnUpper: [...new Array<number>(s + m).fill(Infinity), free ? Infinity : 0],
    rows: [normalise, ...envelope],
  };
}
