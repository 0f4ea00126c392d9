import { max, mean, median, min, weightedMean } from './stats.ts';

export const AGGREGATE_STATS = ['mean', 'median', 'min', 'max', 'population_weighted'] as const;
export type AggregateStat = (typeof AGGREGATE_STATS)[number];

/**
 * One statistic over the values reported in a year; never imputes. For the population-weighted
 * mean, a reporting country without a population figure cannot be weighted and is left out.
 */
export function aggregate(
  stat: AggregateStat,
  values: readonly { iso3: string; value: number }[],
  population?: ReadonlyMap<string, number>,
): { value: number | null; used: string[] } {
  if (stat === 'population_weighted') {
    const pairs = values
      .filter((v) => population?.has(v.iso3))
      .map((v) => ({ iso3: v.iso3, value: v.value, weight: population?.get(v.iso3) as number }));
    return { value: weightedMean(pairs), used: pairs.map((p) => p.iso3) };
  }
  const xs = values.map((v) => v.value);
  const fn = { mean, median, min, max }[stat];
  return { value: fn(xs), used: values.map((v) => v.iso3) };
}
