import { beforeAll, describe, expect, it } from 'vitest';
import type { LinearProgram, LpSolver } from '../../src/domain/efficiency/linear-program.ts';
import { loadHighsSolver } from '../../src/solver/highs.ts';
import { yalpsSolver } from '../../src/solver/yalps-lp.ts';

/**
 * The bootstrap's solver must end on every programme a replication builds. This one, from the
 * Simar–Wilson bootstrap of ASEAN's public employment (BI.PWK.PUBS.SG.ZS) against the Regulatory
 * Quality rank (RQ.PER.RNK), made javascript-lp-solver's phase 1 loop for ever, filling the server's
 * heap in 2½ minutes of ordinary traffic (a soak run). Input-oriented DEA-VRS: minimise θ (free)
 * over θ and seven λ ≥ 0 with one input slack and one output slack.
 */
const DEGENERATE: LinearProgram = {
  sense: 'min',
  cost: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  columnLower: [-Infinity, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  columnUpper: Array(10).fill(Infinity),
  rows: [
    {
      coefficients: [
        -0.27788251638412476, 0.5601947966707826, 0.3943831920276338, 0.18622854582409995, 0.4328453896775611,
        0.22469050797984086, 0.19109230534368415, 0.18127957781205348, 1, 0,
      ],
      lower: 0,
      upper: 0,
    },
    {
      coefficients: [
        0, 56.66666793823242, 40.284358978271484, 23.809524536132812, 60, 58.49056625366211, 14.691943168640137,
        42.85714340209961, 0, -1,
      ],
      lower: 23.809524536132812,
      upper: 23.809524536132812,
    },
    { coefficients: [0, 1, 1, 1, 1, 1, 1, 1, 0, 0], lower: 1, upper: 1 },
  ],
};

let highs: LpSolver;
beforeAll(async () => {
  highs = await loadHighsSolver();
});

describe('the bootstrap replications’ LP solver (YALPS)', () => {
  it('solves the programme that made the previous solver loop for ever, as HiGHS does', () => {
    const fast = yalpsSolver()(DEGENERATE);
    const reference = highs(DEGENERATE);
    expect(fast.status).toBe('optimal');
    expect(reference.status).toBe('optimal');
    expect(fast.objective).toBeCloseTo(reference.objective, 9);
    // The optimum: θ = 0.652360502, λ on the unit with the smallest input (the fourth column).
    expect(fast.objective).toBeCloseTo(0.652360502, 9);
    expect(fast.values[0]).toBeCloseTo(fast.objective, 9);
  });

  it('gives a free column its negative values (θ below zero when the costs ask for it)', () => {
    // min x subject to x ≥ -3 written as a row, x free: the optimum is -3.
    const lp: LinearProgram = {
      sense: 'min',
      cost: [1],
      columnLower: [-Infinity],
      columnUpper: [Infinity],
      rows: [{ coefficients: [1], lower: -3, upper: Infinity }],
    };
    expect(yalpsSolver()(lp)).toMatchObject({ status: 'optimal', objective: -3, values: [-3] });
  });

  it('keeps a column within its bounds and reports an infeasible programme as such', () => {
    const bounded: LinearProgram = {
      sense: 'max',
      cost: [1, 1],
      columnLower: [0, 1],
      columnUpper: [2, 1.5],
      rows: [{ coefficients: [1, 1], lower: -Infinity, upper: 10 }],
    };
    expect(yalpsSolver()(bounded)).toMatchObject({ status: 'optimal', objective: 3.5, values: [2, 1.5] });
    const infeasible: LinearProgram = {
      sense: 'min',
      cost: [1],
      columnLower: [0],
      columnUpper: [Infinity],
      rows: [{ coefficients: [1], lower: 5, upper: 4 }],
    };
    expect(yalpsSolver()(infeasible).status).toBe('infeasible');
  });
});
