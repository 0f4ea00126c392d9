import { better, type Direction } from './direction.ts';
import { competitionRank } from './rank.ts';
import { max, mean, min, populationStdDev, present } from './stats.ts';

/**
 * Normalisations computed within one peer group and one year. Inputs are aligned arrays where
 * `null` means "does not take part" (no value, or a value flagged as meaningless); outputs are
 * aligned the same way. All arithmetic is float64.
 */

/**
 * Min-max to 0–100: 100 is the best in the group and 0 the worst, so for "lower is better"
 * indicators (a rank) the scale is reversed. With no spread (one value, or all equal) the score
 * is undefined and null is returned.
 */
export function minMax(values: readonly (number | null)[], direction: Direction): (number | null)[] {
  const lo = min(present(values));
  const hi = max(present(values));
  if (lo === null || hi === null || hi === lo) return values.map(() => null);
  // The share first, then × 100: the best is exactly 100 and the worst exactly 0 (100 × x ÷ x is not always 100).
  return values.map((v) =>
    v === null ? null : direction === 'higher' ? ((v - lo) / (hi - lo)) * 100 : ((hi - v) / (hi - lo)) * 100,
  );
}

/** (x − mean) / σ with the population standard deviation; sign not reversed for direction. */
export function zScore(values: readonly (number | null)[]): (number | null)[] {
  const xs = present(values);
  const m = mean(xs);
  const sd = populationStdDev(xs);
  if (m === null || sd === null || sd === 0) return values.map(() => null);
  return values.map((v) => (v === null ? null : (v - m) / sd));
}

/**
 * Percentile rank 0–100: the share of the group this value beats, counting ties as half,
 * 100 × (worse + ½ × (equal − 1)) / (n − 1). The best scores 100 and the worst 0; a group of one
 * gives null.
 */
export function percentileRank(values: readonly (number | null)[], direction: Direction): (number | null)[] {
  const xs = present(values);
  if (xs.length < 2) return values.map(() => null);
  return values.map((v) => {
    if (v === null) return null;
    const worse = xs.filter((other) => better(v, other, direction)).length;
    const equal = xs.filter((other) => other === v).length;
    return (100 * (worse + 0.5 * (equal - 1))) / (xs.length - 1);
  });
}

/** 100 × value / value in the base year; null without a base value or with a base of zero. */
export function indexToBase(value: number, base: number | null | undefined): number | null {
  if (base === null || base === undefined || base === 0) return null;
  return (100 * value) / base;
}

export type NormaliseSpec =
  | { kind: 'minmax' | 'zscore' | 'rank' | 'percentile' | 'per_capita' }
  | { kind: 'index'; baseYear: number };

/** The population series per_capita divides by (World Bank WDI, total population). */
export const POPULATION_INDICATOR = 'SP.POP.TOTL';

/** Only totals can be divided by population; indices, shares, scores and ratios cannot. */
export const PER_CAPITA_SCALES: readonly string[] = ['count', 'amount'];

export function parseNormalise(text: string): NormaliseSpec {
  const index = /^index:(\d{4})$/.exec(text);
  if (index) return { kind: 'index', baseYear: Number(index[1]) };
  return { kind: text as 'minmax' | 'zscore' | 'rank' | 'percentile' | 'per_capita' };
}

export function describeNormalise(spec: NormaliseSpec): string {
  return spec.kind === 'index' ? `index:${spec.baseYear}` : spec.kind;
}

export interface NormalisePoint {
  iso3: string;
  year: number | null;
  value: number;
  /** Values that must not take part (e.g. a published 0 that means "no data"). */
  excluded: boolean;
}

export interface NormaliseContext {
  direction: Direction;
  /** Compare every point with every other (latest values of different years) instead of per year. */
  crossSection: boolean;
  /** For index:<year>: each country's value in the base year. */
  baseValues?: ReadonlyMap<string, number>;
  /** For per_capita: population by `${iso3}|${year}`. */
  population?: ReadonlyMap<string, number>;
}

/** The normalised value of each point (aligned), computed within its peer set. */
export function normalisePoints(
  points: readonly NormalisePoint[],
  spec: NormaliseSpec,
  ctx: NormaliseContext,
): (number | null)[] {
  if (spec.kind === 'index') {
    return points.map((p) => (p.excluded ? null : indexToBase(p.value, ctx.baseValues?.get(p.iso3))));
  }
  if (spec.kind === 'per_capita') {
    return points.map((p) => {
      const population = ctx.population?.get(`${p.iso3}|${p.year}`);
      return p.excluded || !population ? null : p.value / population;
    });
  }
  const result: (number | null)[] = points.map(() => null);
  const peerSets = new Map<string, number[]>();
  points.forEach((p, i) => {
    if (p.year === null && !ctx.crossSection) return;
    const key = ctx.crossSection ? 'all' : String(p.year);
    peerSets.set(key, [...(peerSets.get(key) ?? []), i]);
  });
  for (const indices of peerSets.values()) {
    const values = indices.map((i) => (points[i]?.excluded ? null : (points[i]?.value ?? null)));
    const scores =
      spec.kind === 'minmax'
        ? minMax(values, ctx.direction)
        : spec.kind === 'zscore'
          ? zScore(values)
          : spec.kind === 'rank'
            ? competitionRank(values, ctx.direction)
            : percentileRank(values, ctx.direction);
    indices.forEach((pointIndex, k) => {
      result[pointIndex] = scores[k] ?? null;
    });
  }
  return result;
}

/** Flags whose values are kept and shown but never enter a computation. */
