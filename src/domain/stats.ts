/** Descriptive statistics over float64, for values already filtered to those that count. */

/** The values that take part: `null` means no value, or one that must not be computed with. */
export const present = (values: readonly (number | null)[]) => values.filter((v): v is number => v !== null);

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** The middle value; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A group statistic over fewer countries than this says nothing about a group: it is not given. */
export const MIN_COUNTRIES_FOR_GROUP_STATISTIC = 3;

/** The group's median, or null when fewer than MIN_COUNTRIES_FOR_GROUP_STATISTIC countries report. */
export function groupMedian(values: readonly number[]): number | null {
  return values.length < MIN_COUNTRIES_FOR_GROUP_STATISTIC ? null : median(values);
}

export function min(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.min(...values);
}

export function max(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.max(...values);
}

/** Population standard deviation (divides by n): the group is the whole population of interest. */
export function populationStdDev(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null) return null;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / values.length);
}

/** Σ wᵢxᵢ / Σ wᵢ; null when there is nothing to weigh. */
export function weightedMean(pairs: readonly { value: number; weight: number }[]): number | null {
  const totalWeight = pairs.reduce((sum, p) => sum + p.weight, 0);
  if (pairs.length === 0 || totalWeight === 0) return null;
  return pairs.reduce((sum, p) => sum + p.value * p.weight, 0) / totalWeight;
}
