import { deaRadialFactor } from './dea.ts';
import type { LpSolver } from './linear-program.ts';
import type { ProductionUnit } from './types.ts';

/**
 * The Malmquist productivity index between two periods (Färe, Grosskopf, Norris and Zhang 1994),
 * input-oriented under constant returns to scale, from four radial DEA scores per unit:
 * E⁰(0) and E¹(1), each period's data against its own frontier, and the two cross-period scores
 * E⁰(1) (later data, earlier frontier) and E¹(0) (earlier data, later frontier), which may exceed 1.
 *
 *   M  = √[ E⁰(1)/E⁰(0) × E¹(1)/E¹(0) ]    productivity change (> 1: productivity rose)
 *   EC = E¹(1) / E⁰(0)                       efficiency change (catching up with the frontier)
 *   TC = √[ E⁰(1)/E¹(1) × E⁰(0)/E¹(0) ]     technical change (the frontier's shift)
 *
 * and M = EC × TC. Only units with data in both periods are compared; each frontier is built from
 * the units of its own period that are compared.
 */
export interface MalmquistResult {
  id: string;
  /** E⁰(0), E¹(1), E⁰(1), E¹(0): the input-oriented scores behind the index. */
  scores: { before: number; after: number; after_on_before: number; before_on_after: number };
  malmquist: number;
  efficiency_change: number;
  technical_change: number;
}

export function malmquist(
  solver: LpSolver,
  before: readonly ProductionUnit[],
  after: readonly ProductionUnit[],
): MalmquistResult[] {
  const ids = before.map((u) => u.id).filter((id) => after.some((u) => u.id === id));
  const early = before.filter((u) => ids.includes(u.id));
  const late = after.filter((u) => ids.includes(u.id));
  const score = (unit: ProductionUnit, reference: readonly ProductionUnit[]) =>
    deaRadialFactor(solver, unit, reference, 'input', 'crs').radial;
  return ids.map((id) => {
    const u0 = early.find((u) => u.id === id) as ProductionUnit;
    const u1 = late.find((u) => u.id === id) as ProductionUnit;
    const e00 = score(u0, early);
    const e11 = score(u1, late);
    const e01 = score(u1, early);
    const e10 = score(u0, late);
    return {
      id,
      scores: { before: e00, after: e11, after_on_before: e01, before_on_after: e10 },
      malmquist: Math.sqrt((e01 / e00) * (e11 / e10)),
      efficiency_change: e11 / e00,
      technical_change: Math.sqrt((e01 / e11) * (e00 / e10)),
    };
  });
}
