import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import {
  type CompositeInput,
  type CompositeResult,
  compositeScores,
  hasSpread,
  rankSensitivity,
} from '../domain/composite.ts';
import { countryByIso3 } from '../domain/countries.ts';
import { directionOf } from '../domain/direction.ts';
import { usable } from '../domain/usable.ts';
import type { IndicatorRow } from '../db/schema.ts';
import type { ValueRow } from '../repositories/observations.ts';
import type { CompositeParams } from '../http/analysis-params.ts';
import type { Lenient } from '../http/params.ts';
import { type CrossSectionQuery, readCrossSection } from './cross-section.ts';
import { requireIndicators } from './require-indicator.ts';
import { resolveSelection } from './selection.ts';
import { describeVintage } from './vintage.ts';

export const SENSITIVITY_VARIATION = 0.5;

/** A composite: the indicators, weights and missing rule of /v1/composite over a cross-section. */
export type CompositeQuery = CrossSectionQuery & Lenient<Pick<CompositeParams, 'indicators' | 'weights' | 'missing'>>;

const METHODS = {
  skip: 'Weighted mean of min-max scores (0–100, 100 = best in the peer set). A country missing a component is scored on the components it has, their weights rescaled to sum to 1.',
  exclude:
    'Weighted mean of min-max scores (0–100, 100 = best in the peer set). A country missing any component gets no score.',
};

/** A weighted composite of min-max scores within the peer set, with the rank range when weights move. */
export async function compositeOf(db: Kysely<Database>, query: CompositeQuery, now?: Date) {
  const selection = resolveSelection(query, now);
  // Indicators and values in one round trip; unknown codes still answer 404 from requireIndicators.
  const [indicators, { vintage, values, members: countries }] = await Promise.all([
    requireIndicators(db, query.indicators),
    readCrossSection(db, query, selection, query.indicators),
  ]);
  const computable = new Map(indicators.map((i) => [i.code, (values.get(i.code) ?? []).filter(usable)]));
  const allComponents = indicators.map((i) => ({
    code: i.code,
    direction: directionOf(i.higher_is_better),
    values: new Map((computable.get(i.code) ?? []).map((r) => [r.iso3, r.value])),
  }));
  const allWeights = query.weights ?? indicators.map(() => 1);
  // A component on which every country scores the same cannot be min-max normalised: it is
  // left out (and said so) rather than counted as missing for everyone.
  const kept = allComponents.map((component) => hasSpread(component, countries));
  const input: CompositeInput = {
    countries,
    components: allComponents.filter((_, i) => kept[i]),
    weights: allWeights.filter((_, i) => kept[i]),
    missing: query.missing,
  };
  const result = compositeScores(input);
  const scores = scoreRows(countries, indicators, computable, kept, result);
  return {
    selection,
    vintage: describeVintage(vintage),
    year: query.year ?? null,
    latest: query.year === undefined,
    missing: query.missing,
    method: METHODS[query.missing],
    components: indicators.map((i, k) => ({
      indicator: i.code,
      // Normalised weight among the components used; 0 for one left out for lack of spread.
      weight: kept[k] ? (result.weights[kept.slice(0, k).filter(Boolean).length] as number) : 0,
      direction: directionOf(i.higher_is_better),
      reporting: (computable.get(i.code) ?? []).filter((r) => countries.includes(r.iso3)).length,
      used: kept[k] as boolean,
      note: kept[k]
        ? null
        : 'Left out: fewer than two countries report it, or all report the same value, so it cannot be min-max normalised.',
    })),
    scores,
    sensitivity: sensitivityOf(input, result, scores),
    releaseIds: [...values.values()].flat().map((r) => r.release_id),
  };
}

function scoreRows(
  countries: string[],
  indicators: IndicatorRow[],
  computable: Map<string, ValueRow[]>,
  kept: boolean[],
  result: CompositeResult,
) {
  return countries
    .map((iso3) => {
      const components = Object.fromEntries(
        indicators.map((i) => {
          const row = (computable.get(i.code) ?? []).find((r) => r.iso3 === iso3);
          const score = result.componentScores.get(i.code)?.get(iso3) ?? null;
          return [i.code, { value: row?.value ?? null, year: row?.year ?? null, score }];
        }),
      );
      return {
        rank: result.ranks.get(iso3) ?? null,
        iso3,
        country: countryByIso3(iso3)?.nameEn ?? iso3,
        score: result.scores.get(iso3) ?? null,
        components,
        missing_components: indicators
          .filter((i, k) => kept[k] && components[i.code]?.value === null)
          .map((i) => i.code),
      };
    })
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.iso3.localeCompare(b.iso3));
}

function sensitivityOf(input: CompositeInput, base: CompositeResult, scores: { iso3: string }[]) {
  const sensitivity = rankSensitivity(input, SENSITIVITY_VARIATION, base);
  return {
    method: `Each weight in turn multiplied by ${1 - SENSITIVITY_VARIATION} and ${1 + SENSITIVITY_VARIATION}, weights renormalised, ranks recomputed; min and max rank over these scenarios and the baseline.`,
    variation: SENSITIVITY_VARIATION,
    scenarios: sensitivity.scenarios,
    ranks: scores.map((s) => {
      const r = sensitivity.ranges.get(s.iso3);
      return {
        iso3: s.iso3,
        base_rank: r?.baseRank ?? null,
        min_rank: r?.minRank ?? null,
        max_rank: r?.maxRank ?? null,
      };
    }),
  };
}
