import { beforeAll, describe, expect, it } from 'vitest';
import type { LpSolver } from '../../src/domain/efficiency/linear-program.ts';
import { efficientByConstruction, superEfficiency } from '../../src/domain/efficiency/super-efficiency.ts';
import { loadHighsSolver } from '../../src/solver/highs.ts';

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

/** One input, one output: A makes 2 from 2, B 3 from 4, C 2 from 4, D 1 from 1. */
const units = [
  { id: 'A', inputs: [2], outputs: [2] },
  { id: 'B', inputs: [4], outputs: [3] },
  { id: 'C', inputs: [4], outputs: [2] },
  { id: 'D', inputs: [1], outputs: [1] },
];

describe('super-efficiency (Andersen–Petersen)', () => {
  it('under constant returns is the unit’s output per input over the best of the others', () => {
    // A and D both make 1 per unit of input: without A, D still does, so A's θ is 1.
    expect(superEfficiency(solver, units[0] as never, units, 'input', 'crs')).toBeCloseTo(1, 12);
    // Among B, C and D alone, D (1 per unit) against the others' best, B's 0.75: θ = 1 / 0.75.
    const withoutA = units.filter((u) => u.id !== 'A');
    expect(superEfficiency(solver, withoutA[2] as never, withoutA, 'input', 'crs')).toBeCloseTo(1 / 0.75, 12);
  });

  it('under variable returns is null for the unit with the largest output, which no mix of the others reaches', () => {
    // B makes the most (3): without B, no convex mix of A, C, D makes 3.
    expect(superEfficiency(solver, units[1] as never, units, 'input', 'vrs')).toBeNull();
    // A (2 from 2): without A, half of B and half of D make 0.5 × 3 + 0.5 × 1 = 2 from
    // 0.5 × 4 + 0.5 × 1 = 2.5 of input, the cheapest mix (C alone would take 4): θ = 2.5 / 2.
    expect(superEfficiency(solver, units[0] as never, units, 'input', 'vrs')).toBeCloseTo(1.25, 12);
  });
});

describe('efficient by construction under variable returns', () => {
  it('flags the unit with the smallest input that constant returns do not find efficient', () => {
    // D has the smallest input (1) but its CRS score is 1 (ratio 1, as good as A): not flagged.
    expect(efficientByConstruction(units[3] as never, units, 1)).toBeNull();
    // B has the largest output (3) and a CRS score of 0.75: on the VRS frontier only for that.
    expect(efficientByConstruction(units[1] as never, units, 0.75)).toEqual({
      smallestInputs: [],
      largestOutputs: [0],
    });
    // C has neither extreme: never flagged, whatever its CRS score.
    expect(efficientByConstruction(units[2] as never, units, 0.5)).toBeNull();
  });
});
