/** Shared shapes of the efficiency-frontier maths (FDH and DEA). */

export type EfficiencyMethod = 'fdh' | 'dea-crs' | 'dea-vrs';
export type Orientation = 'input' | 'output';

/** A decision-making unit (here a country): its inputs and outputs, all in fixed order. */
export interface ProductionUnit {
  id: string;
  inputs: number[];
  outputs: number[];
}

export interface Peer {
  id: string;
  /** The intensity λ of this peer in the unit's benchmark (1 for an FDH peer). */
  weight: number;
}

export interface UnitEfficiency {
  id: string;
  /**
   * Efficiency in (0, 1], 1 on the frontier. Input orientation: the factor θ by which all inputs
   * could shrink with the same outputs. Output orientation: 1/φ, where φ ≥ 1 is the factor by
   * which all outputs could grow with the same inputs.
   */
  score: number;
  /** Output orientation: φ = 1/score; input orientation: null. */
  expansion: number | null;
  /** The benchmark Σ λ_j x_j and Σ λ_j y_j: radial contraction (or expansion) plus any slack. */
  targetInputs: number[];
  targetOutputs: number[];
  peers: Peer[];
}

/** Scores within this distance of 1 count as 1 (solver tolerances are about 1e-9). */
export const FRONTIER_TOLERANCE = 1e-9;
/** Intensities below this are solver noise, not peers. */
export const WEIGHT_TOLERANCE = 1e-9;
