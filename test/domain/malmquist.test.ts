import { describe, expect, it } from 'vitest';
import { malmquist } from '../../src/domain/efficiency/malmquist.ts';
import type { ProductionUnit } from '../../src/domain/efficiency/types.ts';
import { loadHighsSolver } from '../../src/solver/highs.ts';

/**
 * The Malmquist index against a published worked example: the test of the Julia package
 * DataEnvelopmentAnalysis.jl (javierbarbero/DataEnvelopmentAnalysis.jl, test/malmquist.jl at
 * commit 290feb4027177ff07a42a22b3fc7005e6d32a43f): five units, one input, one output, two and
 * three periods, input-oriented, constant returns, geometric-mean technical change. With one
 * input and one output each score is the unit's y/x over the frontier's best y/x, so every
 * figure can also be checked by hand (unit 1: 0.375 in period 1, 0.5 in period 2).
 */
const units = (xs: number[], ys: number[]): ProductionUnit[] =>
  xs.map((x, i) => ({ id: `U${i + 1}`, inputs: [x], outputs: [ys[i] as number] }));
const P1 = units([2, 3, 5, 4, 4], [1, 4, 6, 3, 5]);
const P2 = units([1, 2, 4, 3, 4], [1, 4, 6, 3, 3]);
const P3 = units([0.5, 1.5, 3, 2, 4], [2, 4, 6, 3, 1]);

describe('Malmquist productivity index (Färe, Grosskopf, Norris and Zhang 1994)', () => {
  it('reproduces the published example between periods 1 and 2 to 1e-9', async () => {
    const solver = await loadHighsSolver();
    const result = malmquist(solver, P1, P2);
    const close = (got: number[], want: number[]) => {
      for (const [i, g] of got.entries()) expect(g).toBeCloseTo(want[i] as number, 9);
    };
    close(
      result.map((r) => r.malmquist),
      [2, 1.5, 1.25, 4 / 3, 0.6],
    );
    close(
      result.map((r) => r.efficiency_change),
      [4 / 3, 1, 5 / 6, 8 / 9, 0.4],
    );
    close(
      result.map((r) => r.technical_change),
      [1.5, 1.5, 1.5, 1.5, 1.5],
    );
    // Unit 1 by hand: 0.5/1.333 = 0.375 then 1/2 = 0.5; its later data on the earlier frontier 1/1.333 = 0.75.
    expect(result[0]?.scores.before).toBeCloseTo(0.375, 12);
    expect(result[0]?.scores.after).toBeCloseTo(0.5, 12);
    expect(result[0]?.scores.after_on_before).toBeCloseTo(0.75, 12);
    expect(result[0]?.scores.before_on_after).toBeCloseTo(0.25, 12);
  });

  it('reproduces the published example between periods 2 and 3, and M = EC × TC for every unit', async () => {
    const solver = await loadHighsSolver();
    const result = malmquist(solver, P2, P3);
    const want = { m: [4, 4 / 3, 4 / 3, 1.5, 1 / 3], ec: [2, 2 / 3, 2 / 3, 0.75, 1 / 6] };
    result.forEach((r, i) => {
      expect(r.malmquist).toBeCloseTo(want.m[i] as number, 7);
      expect(r.efficiency_change).toBeCloseTo(want.ec[i] as number, 7);
      expect(r.technical_change).toBeCloseTo(2, 7);
      expect(r.malmquist).toBeCloseTo(r.efficiency_change * r.technical_change, 12);
    });
  });

  it('compares only the units with data in both periods, each frontier from those units', async () => {
    const solver = await loadHighsSolver();
    const result = malmquist(solver, P1, P2.slice(0, 4));
    expect(result.map((r) => r.id)).toEqual(['U1', 'U2', 'U3', 'U4']);
    // Without unit 5 the period-1 frontier is still unit 2's 4/3: unit 1's efficiency change is unchanged.
    expect(result[0]?.efficiency_change).toBeCloseTo(4 / 3, 9);
  });
});
