import { deaEfficiency, deaRadialFactor } from './dea.ts';
import { fdhEfficiency } from './fdh.ts';
import { type ByConstruction, efficientByConstruction, superEfficiency } from './super-efficiency.ts';
import type { LpSolver } from './linear-program.ts';
import {
  type EfficiencyMethod,
  FRONTIER_TOLERANCE,
  type Orientation,
  type ProductionUnit,
  type UnitEfficiency,
} from './types.ts';

export interface FrontierOptions {
  method: EfficiencyMethod;
  orientation: Orientation;
  /** Needed for DEA only; FDH is enumeration. */
  solver?: LpSolver;
}

export interface FrontierUnitResult extends UnitEfficiency {
  onFrontier: boolean;
  /** Lowest and highest score when each other unit in turn is left out of the reference set. */
  jackknife: { low: number; high: number; mostInfluential: string | null };
  /** DEA frontier units: the score against the others alone (null: infeasible, or not DEA, or not on the frontier). */
  superEfficiency: number | null;
  /** DEA-VRS frontier units there only for an extreme input or output (see efficientByConstruction). */
  byConstruction: ByConstruction | null;
}

export interface FrontierResult {
  units: FrontierUnitResult[];
  /** Units with score 1. */
  frontier: string[];
  /** Distinct units that serve as a peer to anyone: what the frontier rests on. */
  restsOn: string[];
  /** The rule of thumb n ≥ 3 (inputs + outputs). */
  minimumUnits: number;
  smallSample: boolean;
}

export function unitEfficiency(
  unit: ProductionUnit,
  reference: readonly ProductionUnit[],
  options: FrontierOptions,
): UnitEfficiency {
  if (options.method === 'fdh') return fdhEfficiency(unit, reference, options.orientation);
  if (!options.solver) throw new Error('DEA needs an LP solver');
  return deaEfficiency(
    options.solver,
    unit,
    reference,
    options.orientation,
    options.method === 'dea-crs' ? 'crs' : 'vrs',
  );
}

/** The score alone (phase 1 of DEA): what the jackknife needs. */
function scoreOnly(unit: ProductionUnit, reference: readonly ProductionUnit[], options: FrontierOptions): number {
  if (options.method === 'fdh' || !options.solver) return unitEfficiency(unit, reference, options).score;
  const rts = options.method === 'dea-crs' ? 'crs' : 'vrs';
  const { radial } = deaRadialFactor(options.solver, unit, reference, options.orientation, rts);
  return options.orientation === 'input' ? radial : 1 / radial;
}

/**
 * Leave-one-out: the unit's score with each other unit removed from the reference set. Removing
 * a unit that is not among its peers cannot change the score (the optimum found stays feasible
 * and a smaller reference set cannot do better), so only the peers are re-solved.
 */
function jackknife(
  unit: FrontierUnitResult | UnitEfficiency,
  units: readonly ProductionUnit[],
  options: FrontierOptions,
) {
  let high = unit.score;
  let mostInfluential: string | null = null;
  const self = units.find((u) => u.id === unit.id) as ProductionUnit;
  for (const peer of unit.peers) {
    if (peer.id === unit.id) continue;
    const score = scoreOnly(
      self,
      units.filter((u) => u.id !== peer.id),
      options,
    );
    if (score > high) [high, mostInfluential] = [score, peer.id];
  }
  return { low: unit.score, high, mostInfluential };
}

/**
 * What ranks and qualifies a DEA frontier unit: its super-efficiency, and under variable returns
 * whether it is there only by construction (judged against its constant-returns score).
 */
function frontierStanding(unit: ProductionUnit, units: readonly ProductionUnit[], options: FrontierOptions) {
  if (options.method === 'fdh' || !options.solver) return { superEfficiency: null, byConstruction: null };
  const rts = options.method === 'dea-crs' ? 'crs' : 'vrs';
  const superScore = superEfficiency(options.solver, unit, units, options.orientation, rts);
  if (rts === 'crs') return { superEfficiency: superScore, byConstruction: null };
  const crs = scoreOnly(unit, units, { ...options, method: 'dea-crs' });
  return { superEfficiency: superScore, byConstruction: efficientByConstruction(unit, units, crs) };
}

/** Scores every unit against all units, with the jackknife range and the frontier summary. */
export function efficiencyFrontier(units: readonly ProductionUnit[], options: FrontierOptions): FrontierResult {
  const scored = units.map((unit) => unitEfficiency(unit, units, options));
  const results = scored.map((result, k) => {
    const onFrontier = result.score >= 1 - FRONTIER_TOLERANCE;
    return {
      ...result,
      onFrontier,
      jackknife: jackknife(result, units, options),
      ...(onFrontier
        ? frontierStanding(units[k] as ProductionUnit, units, options)
        : { superEfficiency: null, byConstruction: null }),
    };
  });
  const dimensions = (units[0]?.inputs.length ?? 0) + (units[0]?.outputs.length ?? 0);
  return {
    units: results,
    frontier: results.filter((r) => r.onFrontier).map((r) => r.id),
    restsOn: [...new Set(results.flatMap((r) => r.peers.map((p) => p.id)))].sort(),
    minimumUnits: 3 * dimensions,
    smallSample: units.length < 3 * dimensions,
  };
}
