import { beforeAll, describe, expect, it } from 'vitest';
import {
  bootstrapEfficiency,
  bootstrapSteps,
  quantileSorted,
  reflectedBandwidth,
  type ScoreAgainst,
  seededUniform,
} from '../../src/domain/efficiency/bootstrap.ts';
import { deaRadialFactor } from '../../src/domain/efficiency/dea.ts';
import type { LpSolver } from '../../src/domain/efficiency/linear-program.ts';
import { simpleRegression } from '../../src/domain/efficiency/second-stage.ts';
import type { ProductionUnit } from '../../src/domain/efficiency/types.ts';
import { loadHighsSolver } from '../../src/solver/highs.ts';
import { yalpsSolver } from '../../src/solver/yalps-lp.ts';
import { bootstrapOf } from '../../src/services/efficiency-bootstrap.ts';

/**
 * One input, one output, constant returns: the input-oriented DEA score has a closed form, the
 * unit's output per input over the best of the reference set's. Fast enough for a Monte Carlo.
 */
const ratioScore: ScoreAgainst = (unit, reference) => {
  const best = Math.max(...reference.map((u) => (u.outputs[0] as number) / (u.inputs[0] as number)));
  return (unit.outputs[0] as number) / (unit.inputs[0] as number) / best;
};

/**
 * A world whose truth is known: the frontier is input = output, and each of n units uses 1/θ
 * times the frontier's input, θ drawn uniformly in [0.4, 1].
 */
function simulated(n: number, seed: number): { units: ProductionUnit[]; truth: number[] } {
  const uniform = seededUniform(seed);
  const truth = Array.from({ length: n }, () => 0.4 + 0.6 * uniform());
  const units = truth.map((theta, i) => {
    const output = 1 + 9 * uniform();
    return { id: `U${i}`, inputs: [output / theta], outputs: [output] };
  });
  return { units, truth };
}

const estimate = (units: ProductionUnit[]) => units.map((u) => ratioScore(u, units));

describe('the Simar–Wilson bootstrap of DEA scores', () => {
  it('covers the true efficiency about as often as it says: 95 % intervals over 20 simulated samples of 14 units', () => {
    let covered = 0;
    let total = 0;
    let errorRaw = 0;
    let errorCorrected = 0;
    for (let sample = 0; sample < 20; sample++) {
      const { units, truth } = simulated(14, 1000 + sample);
      const result = bootstrapEfficiency(units, estimate(units), ratioScore, {
        orientation: 'input',
        replications: 1000,
        seed: 7 + sample,
        alpha: 0.05,
      });
      result.scores.forEach((s, i) => {
        const theta = truth[i] as number;
        total++;
        if (s.low <= theta && theta <= s.high) covered++;
        errorRaw += Math.abs(s.score - theta);
        errorCorrected += Math.abs(s.biasCorrected - theta);
      });
    }
    // Measured: 266 of 280 (95.0 %); the 14 misses all put the truth below the interval.
    expect(covered).toBe(266);
    expect(total).toBe(280);
    // The estimated frontier lies inside the true one, so scores are too high; correcting helps.
    expect(errorCorrected).toBeLessThan(errorRaw);
  });

  it('places every interval below the estimate, around the bias-corrected score', () => {
    const { units } = simulated(14, 42);
    const result = bootstrapEfficiency(units, estimate(units), ratioScore, {
      orientation: 'input',
      replications: 2000,
      seed: 1,
      alpha: 0.05,
    });
    for (const s of result.scores) {
      expect(s.low).toBeLessThanOrEqual(s.biasCorrected);
      expect(s.biasCorrected).toBeLessThanOrEqual(s.high);
      expect(s.high).toBeLessThanOrEqual(s.score + 1e-12);
      expect(s.bias).toBeGreaterThan(0);
      expect(s.low).toBeGreaterThan(0);
    }
  });

  it('gives the same answer for the same seed and a different one for another', () => {
    const { units } = simulated(10, 3);
    const run = (seed: number) =>
      bootstrapEfficiency(units, estimate(units), ratioScore, {
        orientation: 'input',
        replications: 200,
        seed,
        alpha: 0.05,
      });
    expect(run(99)).toEqual(run(99));
    expect(run(99).scores[0]?.low).not.toBe(run(100).scores[0]?.low);
  });

  it('runs in steps of 100 replications, pausing 19 times in 2,000, with the same answer as in one go', () => {
    const { units } = simulated(10, 5);
    const options = { orientation: 'input' as const, replications: 2000, seed: 11, alpha: 0.05 };
    const steps = bootstrapSteps(units, estimate(units), ratioScore, options);
    const pauses: number[] = [];
    let step = steps.next();
    while (!step.done) {
      pauses.push(step.value);
      step = steps.next();
    }
    expect(pauses).toEqual(Array.from({ length: 19 }, (_, i) => (i + 1) * 100));
    expect(step.value).toEqual(bootstrapEfficiency(units, estimate(units), ratioScore, options));
  });

  it('lets other work run between its steps when served (bootstrapOf): the event loop turns before it ends', async () => {
    const { units } = simulated(10, 5);
    const scores = new Map(units.map((u, i) => [u.id, estimate(units)[i] as number]));
    const order: string[] = [];
    const bootstrap = bootstrapOf(
      units,
      scores,
      { method: 'dea-vrs', orientation: 'input', bootstrap: 500 },
      yalpsSolver(),
    ).then(() => order.push('bootstrap'));
    // Queued after the bootstrap started: it runs at the bootstrap's first pause, not after its end.
    setImmediate(() => order.push('other request'));
    await bootstrap;
    expect(order).toEqual(['other request', 'bootstrap']);
  });

  it('reuses a bootstrap of the same data drawn the same way (a chart in another language or width), and only then', async () => {
    const { units } = simulated(8, 9);
    const scores = new Map(units.map((u, i) => [u.id, estimate(units)[i] as number]));
    let solved = 0;
    const fast = yalpsSolver();
    const counting: LpSolver = (lp) => {
      solved++;
      return fast(lp);
    };
    const query = { method: 'dea-vrs' as const, orientation: 'input' as const, bootstrap: 200, seed: 5150 };
    const first = await bootstrapOf(units, scores, query, counting);
    expect(solved).toBe(8 * 200);
    expect(await bootstrapOf(units, scores, query, counting)).toBe(first);
    expect(solved).toBe(8 * 200);
    await bootstrapOf(units, scores, { ...query, seed: 5151 }, counting);
    expect(solved).toBe(2 * 8 * 200);
  });

  it('draws the seeded uniform sequence of mulberry32 (first values for seed 1, as any runtime computes them)', () => {
    const next = seededUniform(1);
    expect([next(), next(), next()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  });

  it('smooths with Silverman’s rule on the reflected distances of the units off the frontier', () => {
    // Distances 1 (on the frontier, left out), 1.2, 1.5, 2: reflected {0, 0.5, 0.8, 1.2, 1.5, 2}.
    const reflected = [0, 0.5, 0.8, 1.2, 1.5, 2];
    const mean = 1;
    const sigma = Math.sqrt(reflected.reduce((s, x) => s + (x - mean) ** 2, 0) / 5);
    const iqr = quantileSorted(reflected, 0.75) - quantileSorted(reflected, 0.25);
    expect(reflectedBandwidth([1, 1.2, 1.5, 2])).toBeCloseTo(0.9 * Math.min(sigma, iqr / 1.34) * 6 ** -0.2, 12);
    // Fewer than two units off the frontier: nothing to smooth.
    expect(reflectedBandwidth([1, 1, 1.3])).toBe(0);
  });

  it('interpolates quantiles as R’s default (type 7)', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([1, 2, 3, 4], 0.975)).toBeCloseTo(3.925, 12);
  });
});

describe('the bootstrap with DEA programmes', () => {
  let highs: LpSolver;
  beforeAll(async () => {
    highs = await loadHighsSolver();
  });

  /** Two outputs, one input, variable returns: each replication solves a DEA programme per unit. */
  const units: ProductionUnit[] = Array.from({ length: 12 }, (_, i) => ({
    id: `C${i}`,
    inputs: [4 + ((i * 37) % 11)],
    outputs: [20 + ((i * 53) % 29), 1 + ((i * 17) % 7) / 3],
  }));
  const viaDea =
    (solver: LpSolver): ScoreAgainst =>
    (unit, reference) =>
      deaRadialFactor(solver, unit, reference, 'input', 'vrs').radial;

  it('gives the same intervals whichever LP solver scores the replications (HiGHS or YALPS)', () => {
    const scores = units.map((u) => deaRadialFactor(highs, u, units, 'input', 'vrs').radial);
    const options = { orientation: 'input' as const, replications: 60, seed: 5, alpha: 0.05 };
    const a = bootstrapEfficiency(units, scores, viaDea(highs), options);
    const b = bootstrapEfficiency(units, scores, viaDea(yalpsSolver()), options);
    a.scores.forEach((s, i) => {
      const t = b.scores[i];
      expect(t?.low).toBeCloseTo(s.low, 6);
      expect(t?.high).toBeCloseTo(s.high, 6);
      expect(t?.biasCorrected).toBeCloseTo(s.biasCorrected, 6);
    });
  });

  it('bootstraps output orientation on the expansion factor: intervals below the estimate', () => {
    const scores = units.map((u) => 1 / deaRadialFactor(highs, u, units, 'output', 'vrs').radial);
    const result = bootstrapEfficiency(
      units,
      scores,
      (unit, reference) => 1 / deaRadialFactor(yalpsSolver(), unit, reference, 'output', 'vrs').radial,
      { orientation: 'output', replications: 200, seed: 11, alpha: 0.05 },
    );
    for (const s of result.scores) {
      expect(s.high).toBeLessThanOrEqual(s.score + 1e-9);
      expect(s.low).toBeLessThanOrEqual(s.biasCorrected);
      expect(s.biasCorrected).toBeLessThanOrEqual(s.high);
    }
  });
});

describe('the second stage: least squares of scores on one variable', () => {
  it('fits y = 2 + 0.7 x to (1, 2), (2, 4), (3, 5), (4, 4), as by hand', () => {
    // x̄ 2.5, ȳ 3.75, Sxx 5, Sxy 3.5, Syy 4.75: slope 0.7, intercept 2, SSR 4.75 − 0.7 × 3.5 = 2.3.
    const fit = simpleRegression([1, 2, 3, 4], [2, 4, 5, 4]);
    expect(fit?.slope).toBeCloseTo(0.7, 12);
    expect(fit?.intercept).toBeCloseTo(2, 12);
    expect(fit?.r2).toBeCloseTo(1 - 2.3 / 4.75, 12);
    expect(fit?.slopeStandardError).toBeCloseTo(Math.sqrt(2.3 / 2 / 5), 12);
    expect(fit?.t).toBeCloseTo(0.7 / Math.sqrt(0.23), 10);
  });

  it('gives nothing for fewer than 3 points or no spread in x', () => {
    expect(simpleRegression([1, 2], [1, 2])).toBeNull();
    expect(simpleRegression([3, 3, 3], [1, 2, 3])).toBeNull();
  });
});
