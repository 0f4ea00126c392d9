import type { Direction } from './direction.ts';
import { indexToBase, minMax, percentileRank, zScore } from './normalise.ts';
import { competitionRank } from './rank.ts';

export type NormaliseSpec =
  | { kind: 'minmax' | 'zscore' | 'rank' | 'percentile' | 'per_capita' }
  | { kind: 'index'; baseYear: number };

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
