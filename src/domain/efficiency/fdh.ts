import type { Orientation, ProductionUnit, UnitEfficiency } from './types.ts';

/**
 * Free disposal hull (Deprins, Simar and Tulkens 1984; Afonso, Schuknecht and Tanzi 2005):
 * a unit is compared only with observed units that dominate it — no more of any input
 * (output orientation) or no less of any output (input orientation). No convexity, no solver.
 *
 * Input orientation:  θ_o = min over j with y_j ≥ y_o of  max_i x_ij / x_io
 * Output orientation: φ_o = max over j with x_j ≤ x_o of  min_r y_rj / y_ro,  score = 1/φ_o
 *
 * The unit itself is always a candidate, so θ ≤ 1 and φ ≥ 1. Ties go to the unit itself, then to
 * the first in the list, so the peer is deterministic.
 */
export function fdhEfficiency(
  unit: ProductionUnit,
  reference: readonly ProductionUnit[],
  orientation: Orientation,
): UnitEfficiency {
  const candidates = [unit, ...reference.filter((r) => r.id !== unit.id)];
  let best = unit;
  let bestRatio = 1;
  for (const candidate of candidates) {
    if (orientation === 'input') {
      if (!candidate.outputs.every((y, r) => y >= (unit.outputs[r] as number))) continue;
      const ratio = Math.max(...candidate.inputs.map((x, i) => x / (unit.inputs[i] as number)));
      if (ratio < bestRatio) [best, bestRatio] = [candidate, ratio];
    } else {
      if (!candidate.inputs.every((x, i) => x <= (unit.inputs[i] as number))) continue;
      const ratio = Math.min(...candidate.outputs.map((y, r) => y / (unit.outputs[r] as number)));
      if (ratio > bestRatio) [best, bestRatio] = [candidate, ratio];
    }
  }
  return {
    id: unit.id,
    score: orientation === 'input' ? bestRatio : 1 / bestRatio,
    expansion: orientation === 'input' ? null : bestRatio,
    targetInputs: [...best.inputs],
    targetOutputs: [...best.outputs],
    peers: [{ id: best.id, weight: 1 }],
  };
}
