import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { deaRadialFactor, multiplierProgram } from '../../src/domain/efficiency/dea.ts';
import { efficiencyFrontier } from '../../src/domain/efficiency/frontier.ts';
import { type LpSolver, solveOptimal } from '../../src/domain/efficiency/linear-program.ts';
import type { ProductionUnit } from '../../src/domain/efficiency/types.ts';
import { loadHighsSolver } from '../../src/solver/highs.ts';

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

const units = (rows: [string, number[], number[]][]): ProductionUnit[] =>
  rows.map(([id, inputs, outputs]) => ({ id, inputs, outputs }));
const byId = <T extends { id: string }>(list: T[]) => Object.fromEntries(list.map((u) => [u.id, u]));

// Cooper, Seiford & Tone, Data Envelopment Analysis (2nd ed., Springer 2007), Example 3.2:
// six DMUs, two inputs, one output of 1. Published CCR scores: A 0.8571, B 0.6316, C–F 1, with F
// only weakly efficient (input slack 2, projected onto C). Exact values derived by hand: A's ray
// meets the facet D–E (x1 + x2 = 6) at θ = 6/7; B's meets D–C (x1 + 4 x2 = 12) at θ = 12/19.
const EXAMPLE_3_2 = units([
  ['A', [4, 3], [1]],
  ['B', [7, 3], [1]],
  ['C', [8, 1], [1]],
  ['D', [4, 2], [1]],
  ['E', [2, 4], [1]],
  ['F', [10, 1], [1]],
]);

describe('DEA-CRS (CCR) reproduces Cooper, Seiford & Tone, Example 3.2', () => {
  it('scores A 6/7, B 12/19 and C–F 1, to 1e-9', () => {
    const result = byId(efficiencyFrontier(EXAMPLE_3_2, { method: 'dea-crs', orientation: 'input', solver }).units);
    expect(result.A?.score).toBeCloseTo(6 / 7, 9);
    expect(result.B?.score).toBeCloseTo(12 / 19, 9);
    for (const id of ['C', 'D', 'E', 'F']) expect(result[id]?.score).toBeCloseTo(1, 9);
  });

  it('benchmarks A on D and E (λ 5/7, 2/7) and B on C and D (λ 2/19, 17/19)', () => {
    const result = byId(efficiencyFrontier(EXAMPLE_3_2, { method: 'dea-crs', orientation: 'input', solver }).units);
    const weights = (id: string) => Object.fromEntries((result[id]?.peers ?? []).map((p) => [p.id, p.weight]));
    expect(Object.keys(weights('A')).sort()).toEqual(['D', 'E']);
    expect(weights('A').D).toBeCloseTo(5 / 7, 9);
    expect(weights('A').E).toBeCloseTo(2 / 7, 9);
    expect(weights('B').C).toBeCloseTo(2 / 19, 9);
    expect(weights('B').D).toBeCloseTo(17 / 19, 9);
    expect(result.A?.targetInputs[0]).toBeCloseTo(24 / 7, 9);
    expect(result.A?.targetInputs[1]).toBeCloseTo(18 / 7, 9);
  });

  it('finds F weakly efficient: score 1, but its target is C, with 2 less of input 1', () => {
    const result = byId(efficiencyFrontier(EXAMPLE_3_2, { method: 'dea-crs', orientation: 'input', solver }).units);
    expect(result.F?.peers.map((p) => p.id)).toEqual(['C']);
    expect(result.F?.targetInputs[0]).toBeCloseTo(8, 9);
    expect(result.F?.targetInputs[1]).toBeCloseTo(1, 9);
  });

  it('gives the same CCR scores in output orientation (φ = 1/θ)', () => {
    const result = byId(efficiencyFrontier(EXAMPLE_3_2, { method: 'dea-crs', orientation: 'output', solver }).units);
    expect(result.A?.score).toBeCloseTo(6 / 7, 9);
    expect(result.A?.expansion).toBeCloseTo(7 / 6, 9);
    expect(result.B?.expansion).toBeCloseTo(19 / 12, 9);
  });
});

// The hospital example of Cooper, Seiford & Tone (2007), Table 1.5: 12 hospitals, inputs doctors
// and nurses, outputs outpatients and inpatients. CCR scores as published, to three decimals.
const HOSPITALS = units(
  (
    [
      [20, 151, 100, 90],
      [19, 131, 150, 50],
      [25, 160, 160, 55],
      [27, 168, 180, 72],
      [22, 158, 94, 66],
      [55, 255, 230, 90],
      [33, 235, 220, 88],
      [31, 206, 152, 80],
      [30, 244, 190, 100],
      [50, 268, 250, 100],
      [53, 306, 260, 147],
      [38, 284, 250, 120],
    ] as const
  ).map(([d, n, o, i], k) => ['ABCDEFGHIJKL'[k] as string, [d, n], [o, i]]),
);

describe('DEA-CRS on the hospital example of Cooper, Seiford & Tone (Table 1.5)', () => {
  it('matches the published CCR scores to three decimals', () => {
    const published = {
      A: 1,
      B: 1,
      C: 0.883,
      D: 1,
      E: 0.763,
      F: 0.835,
      G: 0.902,
      H: 0.796,
      I: 0.96,
      J: 0.871,
      K: 0.955,
      L: 0.958,
    };
    const result = byId(efficiencyFrontier(HOSPITALS, { method: 'dea-crs', orientation: 'input', solver }).units);
    for (const [id, score] of Object.entries(published))
      expect(Math.abs((result[id]?.score ?? 0) - score)).toBeLessThan(5e-4);
  });
});

// One input, one output, worked by hand. VRS frontier: A(2,1) – B(3,3) – C(5,4).
const HAND = units([
  ['A', [2], [1]],
  ['B', [3], [3]],
  ['C', [5], [4]],
  ['D', [4], [2]],
  ['E', [6], [3]],
]);

describe('DEA-VRS (BCC) on a one-input, one-output case worked by hand', () => {
  it('input orientation: D is compared with the midpoint of A and B (x = 2.5, θ = 5/8); E with B (θ = 1/2)', () => {
    const result = byId(efficiencyFrontier(HAND, { method: 'dea-vrs', orientation: 'input', solver }).units);
    expect(result.D?.score).toBeCloseTo(5 / 8, 9);
    expect(result.D?.peers).toEqual([
      { id: 'A', weight: expect.closeTo(0.5, 9) },
      { id: 'B', weight: expect.closeTo(0.5, 9) },
    ]);
    expect(result.E?.score).toBeCloseTo(1 / 2, 9);
    for (const id of ['A', 'B', 'C']) expect(result[id]?.score).toBeCloseTo(1, 9);
  });

  it('output orientation: D could reach 3.5 between B and C (φ = 7/4); E reaches C with 1 less input (φ = 4/3)', () => {
    const result = byId(efficiencyFrontier(HAND, { method: 'dea-vrs', orientation: 'output', solver }).units);
    expect(result.D?.expansion).toBeCloseTo(7 / 4, 9);
    expect(result.D?.score).toBeCloseTo(4 / 7, 9);
    expect(result.E?.expansion).toBeCloseTo(4 / 3, 9);
    expect(result.E?.targetInputs[0]).toBeCloseTo(5, 9);
    expect(result.E?.targetOutputs[0]).toBeCloseTo(4, 9);
  });

  it('CRS compares everyone with the best ratio (B, y/x = 1): A 1/2, C 4/5, D 1/2', () => {
    const result = byId(efficiencyFrontier(HAND, { method: 'dea-crs', orientation: 'input', solver }).units);
    expect(result.A?.score).toBeCloseTo(1 / 2, 9);
    expect(result.C?.score).toBeCloseTo(4 / 5, 9);
    expect(result.D?.score).toBeCloseTo(1 / 2, 9);
  });

  it('jackknife: leaving out A (D meets B alone, x = 3) or B (D meets the A–C facet at x = 3) lifts D to 3/4; ties name the first peer', () => {
    const result = byId(efficiencyFrontier(HAND, { method: 'dea-vrs', orientation: 'input', solver }).units);
    expect(result.D?.jackknife.low).toBeCloseTo(5 / 8, 9);
    expect(result.D?.jackknife.high).toBeCloseTo(3 / 4, 9);
    expect(result.D?.jackknife.mostInfluential).toBe('A');
  });
});

describe('FDH on a hand-built case: only observed, dominating units count', () => {
  // C is dominated by A (less input, more output); E by B; D lies below the segment A–B, so it is
  // inefficient under convexity (VRS), but no single unit dominates it, so FDH keeps it.
  const FDH = units([
    ['A', [2], [2]],
    ['B', [4], [3]],
    ['C', [3], [1]],
    ['D', [3.5], [2.4]],
    ['E', [6], [2.5]],
  ]);

  it('input orientation: C scores 2/3 against A, E 2/3 against B, the rest 1', () => {
    const result = byId(efficiencyFrontier(FDH, { method: 'fdh', orientation: 'input' }).units);
    expect(result.C).toMatchObject({
      score: 2 / 3,
      peers: [{ id: 'A', weight: 1 }],
      targetInputs: [2],
      targetOutputs: [2],
    });
    expect(result.E).toMatchObject({ score: 4 / 6, peers: [{ id: 'B', weight: 1 }] });
    for (const id of ['A', 'B', 'D']) expect(result[id]?.score).toBe(1);
  });

  it('output orientation: C could double its output like A (score 1/2); E could reach B (φ = 3/2.5)', () => {
    const result = byId(efficiencyFrontier(FDH, { method: 'fdh', orientation: 'output' }).units);
    expect(result.C).toMatchObject({ score: 1 / 2, expansion: 2, peers: [{ id: 'A', weight: 1 }] });
    expect(result.E?.expansion).toBe(3 / 2.5);
    expect(result.E?.peers).toEqual([{ id: 'B', weight: 1 }]);
  });

  it('keeps D on the FDH frontier although DEA-VRS finds it inefficient', () => {
    const fdh = byId(efficiencyFrontier(FDH, { method: 'fdh', orientation: 'input' }).units);
    const vrs = byId(efficiencyFrontier(FDH, { method: 'dea-vrs', orientation: 'input', solver }).units);
    expect(fdh.D?.score).toBe(1);
    expect(vrs.D?.score).toBeLessThan(1);
  });

  it('counts the frontier and what it rests on, and warns when n < 3 × (inputs + outputs)', () => {
    const result = efficiencyFrontier(FDH, { method: 'fdh', orientation: 'input' });
    expect(result.frontier).toEqual(['A', 'B', 'D']);
    expect(result.restsOn).toEqual(['A', 'B', 'D']);
    expect(result).toMatchObject({ minimumUnits: 6, smallSample: true });
  });
});

const positive = fc.double({ min: 0.5, max: 100, noNaN: true });
const dataset = fc
  .record({ n: fc.integer({ min: 4, max: 9 }), m: fc.integer({ min: 1, max: 2 }), s: fc.integer({ min: 1, max: 2 }) })
  .chain(({ n, m, s }) =>
    fc.array(
      fc.record({
        inputs: fc.array(positive, { minLength: m, maxLength: m }),
        outputs: fc.array(positive, { minLength: s, maxLength: s }),
      }),
      {
        minLength: n,
        maxLength: n,
      },
    ),
  )
  .map((rows) => rows.map((r, j) => ({ id: `U${j}`, ...r })));

/** The dataset on which CI once found the two forms 1.0e-7 apart (fast-check's counterexample). */
const NEAR_DEGENERATE = [
  { id: 'U0', inputs: [0.5, 0.5], outputs: [0.5, 0.5] },
  { id: 'U1', inputs: [0.5, 0.5], outputs: [0.5, 0.5] },
  { id: 'U2', inputs: [0.5, 0.5], outputs: [0.5, 0.5] },
  { id: 'U3', inputs: [4.970768964504698, 0.5], outputs: [99.99999999994073, 0.5] },
  { id: 'U4', inputs: [0.5, 0.5], outputs: [0.5, 7.213046384701987] },
  { id: 'U5', inputs: [0.5, 0.5], outputs: [99.99998999994074, 0.5] },
  { id: 'U6', inputs: [49.537787583068685, 0.5], outputs: [0.5, 0.5] },
];

describe('properties on random data (fast-check)', () => {
  it('the envelopment score equals the optimum of the multiplier (dual) form, both orientations and both returns to scale', () => {
    fc.assert(
      fc.property(dataset, (data) => {
        for (const rts of ['crs', 'vrs'] as const)
          for (const orientation of ['input', 'output'] as const)
            for (const unit of data) {
              const envelopment = deaRadialFactor(solver, unit, data, orientation, rts).radial;
              const multiplier = solveOptimal(solver, multiplierProgram(unit, data, orientation, rts)).objective;
              // Both are LP optima found within HiGHS's feasibility tolerance (1e-7): on near-degenerate
              // data (two outputs 1e-5 apart) they differ by that much, not by 1e-9.
              expect(Math.abs(envelopment - multiplier)).toBeLessThan(1e-6 * Math.max(1, envelopment));
            }
      }),
      { numRuns: 40, examples: [[NEAR_DEGENERATE]] },
    );
  });

  it('CRS input efficiency equals 1 / output expansion, and FDH ≥ VRS ≥ CRS', () => {
    fc.assert(
      fc.property(dataset, (data) => {
        const score = (method: 'fdh' | 'dea-crs' | 'dea-vrs', orientation: 'input' | 'output') =>
          efficiencyFrontier(data, { method, orientation, solver }).units;
        const crsIn = score('dea-crs', 'input');
        const crsOut = score('dea-crs', 'output');
        const vrsIn = score('dea-vrs', 'input');
        const fdhIn = score('fdh', 'input');
        data.forEach((_, j) => {
          expect(Math.abs((crsIn[j]?.score ?? 0) - 1 / (crsOut[j]?.expansion ?? 0))).toBeLessThan(1e-6);
          expect(vrsIn[j]?.score ?? 0).toBeGreaterThanOrEqual((crsIn[j]?.score ?? 0) - 1e-6);
          expect(fdhIn[j]?.score ?? 0).toBeGreaterThanOrEqual((vrsIn[j]?.score ?? 0) - 1e-6);
        });
      }),
      { numRuns: 30, examples: [[NEAR_DEGENERATE]] },
    );
  });

  it('input-oriented VRS scores do not move when an output is shifted by a constant (so negative outputs are fine)', () => {
    fc.assert(
      fc.property(dataset, fc.double({ min: -200, max: 200, noNaN: true }), (data, shift) => {
        const shifted = data.map((u) => ({ ...u, outputs: u.outputs.map((y, r) => (r === 0 ? y + shift : y)) }));
        const before = efficiencyFrontier(data, { method: 'dea-vrs', orientation: 'input', solver }).units;
        const after = efficiencyFrontier(shifted, { method: 'dea-vrs', orientation: 'input', solver }).units;
        before.forEach((u, j) => {
          expect(Math.abs(u.score - (after[j]?.score ?? 0))).toBeLessThan(1e-6);
        });
      }),
      { numRuns: 30, examples: [[NEAR_DEGENERATE, 150]] },
    );
  });

  it('the leave-one-out range always contains the score', () => {
    fc.assert(
      fc.property(dataset, (data) => {
        for (const u of efficiencyFrontier(data, { method: 'dea-vrs', orientation: 'output', solver }).units) {
          expect(u.jackknife.low).toBe(u.score);
          expect(u.jackknife.high).toBeGreaterThanOrEqual(u.score);
          expect(u.jackknife.high).toBeLessThanOrEqual(1 + 1e-9);
        }
      }),
      { numRuns: 20 },
    );
  });
});
