import { describe, expect, it } from 'vitest';
import { aggregate } from '../../src/domain/aggregate.ts';
import { compositeScores, hasSpread, normaliseWeights, rankSensitivity } from '../../src/domain/composite.ts';
import { indexToBase, minMax, normalisePoints, percentileRank, zScore } from '../../src/domain/normalise.ts';
import { competitionRank, coverageOf, rankCountries } from '../../src/domain/rank.ts';
import { mean, median, populationStdDev, weightedMean } from '../../src/domain/stats.ts';
import { usable } from '../../src/domain/usable.ts';

describe('normalisations, each computed by hand', () => {
  it('min-max puts the best at 100 and the worst at 0, reversed when lower is better; gaps stay null', () => {
    // min 10, max 50, spread 40: (20 − 10) / 40 = 25 %, (30 − 10) / 40 = 50 %.
    expect(minMax([10, 20, 30, null, 50], 'higher')).toEqual([0, 25, 50, null, 100]);
    expect(minMax([10, 20, 30, null, 50], 'lower')).toEqual([100, 75, 50, null, 0]);
  });

  it('min-max is undefined without spread: one value, or all equal', () => {
    expect(minMax([7], 'higher')).toEqual([null]);
    expect(minMax([3, 3, null], 'higher')).toEqual([null, null, null]);
  });

  it('z-score divides by the population standard deviation (n, not n − 1)', () => {
    // mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; 32 / 8 = 4; σ = 2.
    expect(zScore([2, 4, 4, 4, 5, 5, 7, 9])).toEqual([-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2]);
    expect(zScore([4, 4])).toEqual([null, null]);
  });

  it('percentile counts the values beaten plus half the ties, over n − 1', () => {
    // n = 4: 10 beats none → 0; each 20 beats one and ties one → (1 + ½) / 3 = 50; 40 beats three → 100.
    expect(percentileRank([10, 20, 20, 40], 'higher')).toEqual([0, 50, 50, 100]);
    expect(percentileRank([10, 20, 20, 40], 'lower')).toEqual([100, 50, 50, 0]);
    expect(percentileRank([10, null], 'higher')).toEqual([null, null]);
  });

  it('index to a base year is 100 × value / base, and null without a usable base', () => {
    expect(indexToBase(150, 120)).toBe(125);
    expect(indexToBase(150, 0)).toBeNull();
    expect(indexToBase(150, undefined)).toBeNull();
  });

  it('applies a normalisation within each year, leaving excluded points out of the peer set', () => {
    const points = [
      { iso3: 'IDN', year: 2023, value: 10, excluded: false },
      { iso3: 'VNM', year: 2023, value: 30, excluded: false },
      { iso3: 'THA', year: 2023, value: 0, excluded: true },
      { iso3: 'IDN', year: 2024, value: 40, excluded: false },
      { iso3: 'VNM', year: 2024, value: 20, excluded: false },
    ];
    const context = { direction: 'higher' as const, crossSection: false };
    expect(normalisePoints(points, { kind: 'minmax' }, context)).toEqual([0, 100, null, 100, 0]);
    expect(normalisePoints(points, { kind: 'rank' }, context)).toEqual([2, 1, null, 1, 2]);
    // Across years (latest values): one peer set of 10, 30, 40, 20.
    expect(normalisePoints(points, { kind: 'minmax' }, { ...context, crossSection: true })).toEqual([
      0,
      (20 / 30) * 100,
      null,
      100,
      (10 / 30) * 100,
    ]);
  });

  it('per capita divides by the same country-year population, and is null without one', () => {
    const points = [
      { iso3: 'VNM', year: 2023, value: 500, excluded: false },
      { iso3: 'LAO', year: 2023, value: 500, excluded: false },
    ];
    const population = new Map([['VNM|2023', 100]]);
    const context = { direction: 'higher' as const, crossSection: false, population };
    expect(normalisePoints(points, { kind: 'per_capita' }, context)).toEqual([5, null]);
  });
});

describe('competition ranking', () => {
  it('gives tied values the same rank and skips the next ("1224")', () => {
    expect(competitionRank([30, 50, 50, 10, null], 'higher')).toEqual([3, 1, 1, 4, null]);
    expect(competitionRank([30, 50, 50, 10, null], 'lower')).toEqual([2, 3, 3, 1, null]);
  });

  it('orders countries best first, ties sharing a rank in ISO3 order', () => {
    const ranked = rankCountries(
      [
        { iso3: 'THA', value: 50 },
        { iso3: 'IDN', value: 50 },
        { iso3: 'VNM', value: 70 },
        { iso3: 'LAO', value: 30 },
      ],
      'higher',
    );
    expect(ranked.map((r) => [r.item.iso3, r.rank])).toEqual([
      ['VNM', 1],
      ['IDN', 2],
      ['THA', 2],
      ['LAO', 4],
    ]);
  });

  it('counts coverage over the members only, naming the missing ones', () => {
    expect(coverageOf(['IDN', 'THA', 'VNM'], ['THA', 'CHN'])).toEqual({
      reporting: 1,
      members: 3,
      missing: ['IDN', 'VNM'],
    });
  });
});

describe('statistics and aggregates', () => {
  it('mean, median (even count: mean of the middle two) and population σ', () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(median([7, 1, 6, 2])).toBe(4);
    expect(median([7, 1, 6])).toBe(6);
    expect(populationStdDev([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(mean([])).toBeNull();
  });

  it('the population-weighted mean is Σ value × population / Σ population over those with a population', () => {
    // (60 × 100 + 80 × 300) / (100 + 300) = 30000 / 400 = 75; LAO has no population and is not weighted.
    const values = [
      { iso3: 'VNM', value: 60 },
      { iso3: 'THA', value: 80 },
      { iso3: 'LAO', value: 40 },
    ];
    const population = new Map([
      ['VNM', 100],
      ['THA', 300],
    ]);
    expect(aggregate('population_weighted', values, population)).toEqual({ value: 75, used: ['VNM', 'THA'] });
    expect(aggregate('mean', values)).toEqual({ value: 60, used: ['VNM', 'THA', 'LAO'] });
    expect(weightedMean([])).toBeNull();
    expect(weightedMean([{ value: 5, weight: 0 }])).toBeNull();
  });

  it('a value flagged as no data is not usable; any other flag is', () => {
    expect(usable({ flag: 'zero-no-data' })).toBe(false);
    expect(usable({ flag: null })).toBe(true);
    expect(usable({ flag: 'estimate' })).toBe(true);
  });
});

describe('the composite', () => {
  // A (higher is better): X 0, Y 40, Z 100 → scores 0, 40, 100.
  // B (lower is better):  X 10, Y 30, Z 25 → scores 100, 0, (30 − 25) / 20 = 25.
  const componentA = {
    code: 'A',
    direction: 'higher' as const,
    values: new Map([
      ['X', 0],
      ['Y', 40],
      ['Z', 100],
    ]),
  };
  const componentB = {
    code: 'B',
    direction: 'lower' as const,
    values: new Map([
      ['X', 10],
      ['Y', 30],
      ['Z', 25],
    ]),
  };
  const components = [componentA, componentB];
  const input = { countries: ['X', 'Y', 'Z'], components, weights: [1, 1], missing: 'skip' as const };

  it('is the weighted mean of the min-max scores, ranked best first', () => {
    const result = compositeScores(input);
    expect(result.weights).toEqual([0.5, 0.5]);
    expect([...(result.componentScores.get('B') ?? [])]).toEqual([
      ['X', 100],
      ['Y', 0],
      ['Z', 25],
    ]);
    // X (0 + 100) / 2 = 50; Y (40 + 0) / 2 = 20; Z (100 + 25) / 2 = 62.5.
    expect([...result.scores]).toEqual([
      ['X', 50],
      ['Y', 20],
      ['Z', 62.5],
    ]);
    expect([...result.ranks]).toEqual([
      ['X', 2],
      ['Y', 3],
      ['Z', 1],
    ]);
  });

  it('normalises weights that would overflow a plain sum (1e308 + 1e308 = Infinity)', () => {
    expect(1e308 + 1e308).toBe(Infinity);
    expect(normaliseWeights([1e308, 1e308])).toEqual([0.5, 0.5]);
    expect(compositeScores({ ...input, weights: [1e308, 1e308] }).scores).toEqual(compositeScores(input).scores);
  });

  it('skip scores a country on the components it has; exclude gives it no score', () => {
    const withW = {
      ...input,
      countries: ['X', 'Y', 'Z', 'W'],
      components: [{ ...componentA, values: new Map([...componentA.values, ['W', 100]]) }, componentB],
    };
    expect(compositeScores(withW).scores.get('W')).toBe(100);
    expect(compositeScores({ ...withW, missing: 'exclude' }).scores.get('W')).toBeNull();
    expect(compositeScores({ ...withW, missing: 'exclude' }).ranks.get('W')).toBeNull();
  });

  it('a component without spread carries no information', () => {
    expect(hasSpread(componentA, ['X', 'Y'])).toBe(true);
    expect(hasSpread({ ...componentA, values: new Map([['X', 5]]) }, ['X', 'Y'])).toBe(false);
  });

  it('rank sensitivity: each weight × 0.5 and × 1.5 gives four scenarios and each rank range', () => {
    // A × 0.5 → weights ⅓, ⅔: X 66.7, Z 50, Y 13.3 (X first). A × 1.5 → 0.6, 0.4: Z 70, X 40, Y 24.
    // B × 0.5 → ⅔, ⅓: Z 75, X 33.3, Y 26.7.       B × 1.5 → 0.4, 0.6: X 60, Z 55, Y 16 (X first).
    const { scenarios, ranges } = rankSensitivity(input, 0.5);
    expect(scenarios).toBe(4);
    expect(Object.fromEntries(ranges)).toEqual({
      X: { baseRank: 2, minRank: 1, maxRank: 2 },
      Y: { baseRank: 3, minRank: 3, maxRank: 3 },
      Z: { baseRank: 1, minRank: 1, maxRank: 2 },
    });
  });
});
