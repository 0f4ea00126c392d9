import type { Direction } from './direction.ts';
import { minMax } from './normalise.ts';
import { competitionRank } from './rank.ts';

export type MissingRule = 'skip' | 'exclude';

export interface CompositeComponent {
  code: string;
  direction: Direction;
  /** Raw values by ISO3; countries without a value are absent. */
  values: ReadonlyMap<string, number>;
}

export interface CompositeInput {
  countries: readonly string[];
  components: readonly CompositeComponent[];
  /** One per component, any positive scale: normalised to sum to 1. */
  weights: readonly number[];
  missing: MissingRule;
}

export interface CompositeResult {
  weights: number[];
  /** Min-max 0–100 score of each component by ISO3 (null: no value, or no spread). */
  componentScores: Map<string, Map<string, number | null>>;
  /** Composite 0–100 by ISO3; null when the missing rule leaves the country out. */
  scores: Map<string, number | null>;
  ranks: Map<string, number | null>;
}

export function normaliseWeights(weights: readonly number[]): number[] {
  // Scale by the largest first so huge weights (1e308) cannot overflow the sum.
  const largest = Math.max(...weights);
  const scaled = weights.map((w) => w / largest);
  const total = scaled.reduce((a, b) => a + b, 0);
  return scaled.map((w) => w / total);
}

/** A component on which every country scores the same carries no information for a ranking. */
export function hasSpread(component: CompositeComponent, countries: readonly string[]): boolean {
  const values = countries.map((iso3) => component.values.get(iso3)).filter((v): v is number => v !== undefined);
  return values.length >= 2 && Math.min(...values) !== Math.max(...values);
}

function componentScoresOf(
  input: Pick<CompositeInput, 'countries' | 'components'>,
): Map<string, Map<string, number | null>> {
  const result = new Map<string, Map<string, number | null>>();
  for (const component of input.components) {
    const values = input.countries.map((iso3) => component.values.get(iso3) ?? null);
    const scores = minMax(values, component.direction);
    result.set(component.code, new Map(input.countries.map((iso3, i) => [iso3, scores[i] ?? null])));
  }
  return result;
}

/** The component scores as rows of numbers in the order of `countries`: the loops below run 2k + 1 times. */
function scoreMatrix(
  input: Pick<CompositeInput, 'countries' | 'components'>,
  componentScores: Map<string, Map<string, number | null>>,
): (number | null)[][] {
  return input.components.map((component) => {
    const scores = componentScores.get(component.code);
    return input.countries.map((iso3) => scores?.get(iso3) ?? null);
  });
}

/** Each country's composite under `weights`, in the order of `countries`; components summed in order. */
function compositeOfEach(
  input: CompositeInput,
  matrix: (number | null)[][],
  weights: readonly number[],
): (number | null)[] {
  return input.countries.map((_, k) => {
    let weighted = 0;
    let weightUsed = 0;
    let missingAny = false;
    matrix.forEach((row, i) => {
      const s = row[k] ?? null;
      if (s === null) missingAny = true;
      else {
        weighted += (weights[i] ?? 0) * s;
        weightUsed += weights[i] ?? 0;
      }
    });
    // skip: the weights of the components a country has are rescaled to sum to 1.
    return weightUsed === 0 || (missingAny && input.missing === 'exclude') ? null : weighted / weightUsed;
  });
}

/**
 * A weighted mean of min-max normalised components (each 0–100 within the peer set, 100 = best).
 * Countries missing a component are handled by `missing`: `skip` averages the components they
 * have, `exclude` leaves them out.
 */
export function compositeScores(input: CompositeInput): CompositeResult {
  const weights = normaliseWeights(input.weights);
  const componentScores = componentScoresOf(input);
  const composites = compositeOfEach(input, scoreMatrix(input, componentScores), weights);
  const ranks = competitionRank(composites, 'higher');
  return {
    weights,
    componentScores,
    scores: new Map(input.countries.map((iso3, i) => [iso3, composites[i] ?? null])),
    ranks: new Map(input.countries.map((iso3, i) => [iso3, ranks[i] ?? null])),
  };
}

export interface RankRange {
  baseRank: number | null;
  minRank: number | null;
  maxRank: number | null;
}

/**
 * One-at-a-time sensitivity: each weight in turn is multiplied by (1 − variation) and
 * (1 + variation), the weights renormalised and the ranks recomputed. Returns each country's best
 * and worst rank over those 2k scenarios and the baseline.
 */
export function rankSensitivity(
  input: CompositeInput,
  variation = 0.5,
  base: CompositeResult = compositeScores(input),
): { scenarios: number; ranges: Map<string, RankRange> } {
  const matrix = scoreMatrix(input, base.componentScores);
  const ranges = new Map<string, RankRange>(
    input.countries.map((iso3) => {
      const r = base.ranks.get(iso3) ?? null;
      return [iso3, { baseRank: r, minRank: r, maxRank: r }];
    }),
  );
  let scenarios = 0;
  input.weights.forEach((_, i) => {
    for (const factor of [1 - variation, 1 + variation]) {
      const varied = normaliseWeights(input.weights.map((w, j) => (j === i ? w * factor : w)));
      const ranks = competitionRank(compositeOfEach(input, matrix, varied), 'higher');
      scenarios++;
      for (const [k, iso3] of input.countries.entries()) {
        const rank = ranks[k] ?? null;
        const range = ranges.get(iso3);
        if (!range || rank === null) continue;
        range.minRank = range.minRank === null ? rank : Math.min(range.minRank, rank);
        range.maxRank = range.maxRank === null ? rank : Math.max(range.maxRank, rank);
      }
    }
  });
  return { scenarios, ranges };
}
