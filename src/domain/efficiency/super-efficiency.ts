import { deaRadialFactor } from './dea.ts';
import { type LpSolver, SolverFailure } from './linear-program.ts';
import type { Orientation, ProductionUnit } from './types.ts';

/**
 * Super-efficiency (Andersen and Petersen 1993): a frontier unit's radial score against all the
 * other units, itself left out of the reference set. Above 1 it says how far the unit could worsen
 * and stay efficient, which ranks the units that all score 1. Under variable returns the program
 * can be infeasible for a unit with an extreme input or output (Seiford and Zhu 1999): null then.
 */
export function superEfficiency(
  solver: LpSolver,
  unit: ProductionUnit,
  units: readonly ProductionUnit[],
  orientation: Orientation,
  rts: 'crs' | 'vrs',
): number | null {
  const others = units.filter((u) => u.id !== unit.id);
  if (others.length === 0) return null;
  try {
    const { radial } = deaRadialFactor(solver, unit, others, orientation, rts);
    return orientation === 'input' ? radial : 1 / radial;
  } catch (error) {
    if (error instanceof SolverFailure) return null;
    throw error;
  }
}

/** Why a unit is on a variable-returns frontier by construction: the inputs it has least of, the outputs it has most of. */
export interface ByConstruction {
  smallestInputs: number[];
  largestOutputs: number[];
}

/**
 * Under variable returns to scale (Σλ = 1) no mix of other units can use less of an input than the
 * smallest value observed, or make more of an output than the largest: a unit holding either
 * extreme is on the frontier whatever its other values (Banker, Charnes and Cooper 1984). It is
 * flagged when it is also off the constant-returns frontier (`crsScore` < 1): efficient only
 * because of where it sits, not a model to follow. Null when it is not such a unit.
 */
export function efficientByConstruction(
  unit: ProductionUnit,
  units: readonly ProductionUnit[],
  crsScore: number,
  tolerance = 1e-9,
): ByConstruction | null {
  if (crsScore >= 1 - tolerance) return null;
  const smallestInputs = unit.inputs.flatMap((x, i) => (units.every((u) => (u.inputs[i] as number) >= x) ? [i] : []));
  const largestOutputs = unit.outputs.flatMap((y, r) => (units.every((u) => (u.outputs[r] as number) <= y) ? [r] : []));
  return smallestInputs.length + largestOutputs.length > 0 ? { smallestInputs, largestOutputs } : null;
}
