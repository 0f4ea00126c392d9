import { better, type Direction } from './direction.ts';
import { max, mean, min, populationStdDev } from './stats.ts';

/**
 * Normalisations computed within one peer group and one year. Inputs are aligned arrays where
 * `null` means "does not take part" (no value, or a value flagged as meaningless); outputs are
 * aligned the same way. All arithmetic is float64.
 */

export const present = (values: readonly (number | null)[]) => values.filter((v): v is number => v !== null);

/**
 * Min-max to 0–100: 100 is the best in the group and 0 the worst, so for "lower is better"
 * indicators (a rank) the scale is reversed. With no spread (one value, or all equal) the score
 * is undefined and null is returned.
 */
export function minMax(values: readonly (number | null)[], direction: Direction): (number | null)[] {
  const lo = min(present(values));
  const hi = max(present(values));
  if (lo === null || hi === null || hi === lo) return values.map(() => null);
  return values.map((v) =>
    v === null ? null : direction === 'higher' ? (100 * (v - lo)) / (hi - lo) : (100 * (hi - v)) / (hi - lo),
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
