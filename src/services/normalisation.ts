import type { Kysely } from 'kysely';
import {
  describeNormalise,
  type NormaliseSpec,
  normalisePoints,
  PER_CAPITA_SCALES,
  POPULATION_INDICATOR,
} from '../domain/normalise.ts';
import { NO_DATA_FLAGS, usable } from '../domain/usable.ts';
import { directionOf } from '../domain/direction.ts';
import type { Database, IndicatorRow } from '../db/schema.ts';
import { Problem } from '../errors.ts';
import { type ValueRow, valuesFor, type Vintage } from '../repositories/observations.ts';

/** Refuses normalisations that make no sense for the indicator, before any query runs. */
export function checkNormalisationApplies(indicator: IndicatorRow, spec: NormaliseSpec): void {
  if (spec.kind === 'per_capita' && indicator.code === POPULATION_INDICATOR) {
    throw new Problem(
      400,
      'incompatible_normalisation',
      `per_capita divides by population; ${POPULATION_INDICATOR} is the population itself.`,
      { parameter: 'normalise' },
    );
  }
  if (spec.kind === 'per_capita' && !PER_CAPITA_SCALES.includes(indicator.scale)) {
    throw new Problem(
      400,
      'incompatible_normalisation',
      `per_capita divides a total by population; ${indicator.code} is measured as "${indicator.scale}" (${indicator.unit}), which is not a total. It applies only to indicators of scale ${PER_CAPITA_SCALES.join(' or ')}.`,
      { parameter: 'normalise', valid_values: ['minmax', 'zscore', 'rank', 'percentile', 'index:<base-year>'] },
    );
  }
}

const PEER_NOTES: Record<string, string> = {
  minmax:
    '100 × (x − min) / (max − min) within the peer set; reversed when lower is better; null when all values are equal.',
  zscore: '(x − mean) / population standard deviation within the peer set; null when all values are equal.',
  rank: 'Competition ranking within the peer set (1 = best; ties share a rank and the next rank is skipped).',
  percentile: '100 × (values beaten + ½ × ties) / (n − 1) within the peer set; 100 = best.',
  per_capita: 'Value divided by total population (SP.POP.TOTL) of the same country and year, from the same vintage.',
  index: "100 × value / the same country's value in the base year.",
};

/** Total population of each country and year the rows cover, from the same vintage (per capita). */
async function populationFor(
  db: Kysely<Database>,
  rows: readonly ValueRow[],
  countries: string[],
  vintage: Vintage,
): Promise<Map<string, number>> {
  const years = [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))];
  const populationRows =
    years.length === 0
      ? []
      : await valuesFor(db, {
          indicatorCodes: [POPULATION_INDICATOR],
          countries,
          from: Math.min(...years),
          to: Math.max(...years),
          vintage,
        });
  return new Map(populationRows.map((p) => [`${p.iso3}|${p.year}`, p.value]));
}

/**
 * Computes the normalisation of value rows of one indicator: loads what it needs (population,
 * base-year values) with the same vintage, and leaves flagged no-data values out.
 */
export async function normaliseRows(
  db: Kysely<Database>,
  args: {
    indicator: IndicatorRow;
    spec: NormaliseSpec;
    rows: readonly ValueRow[];
    crossSection: boolean;
    vintage: Vintage;
    countries: string[];
  },
): Promise<{
  values: (number | null)[];
  description: {
    method: string;
    peer_set: 'year' | 'cross-section' | 'country';
    direction: 'higher' | 'lower';
    note: string;
  };
}> {
  const { indicator, spec, rows, crossSection, vintage, countries } = args;
  let population: Map<string, number> | undefined;
  let baseValues: Map<string, number> | undefined;
  if (spec.kind === 'per_capita') population = await populationFor(db, rows, countries, vintage);
  if (spec.kind === 'index') {
    const baseRows = await valuesFor(db, { indicatorCodes: [indicator.code], countries, year: spec.baseYear, vintage });
    baseValues = new Map(baseRows.filter(usable).map((r) => [r.iso3, r.value]));
  }
  const direction = directionOf(indicator.higher_is_better);
  const values = normalisePoints(
    rows.map((r) => ({ iso3: r.iso3, year: r.year, value: r.value, excluded: !usable(r) })),
    spec,
    { direction, crossSection, population, baseValues },
  );
  const peerSet =
    spec.kind === 'index' || spec.kind === 'per_capita' ? 'country' : crossSection ? 'cross-section' : 'year';
  const excludedNote = ` Values flagged ${NO_DATA_FLAGS.join(', ')} are shown but left out (normalised = null).`;
  const directionNote =
    indicator.higher_is_better === null
      ? ' This indicator has no normative direction; "higher" is used for ordering.'
      : '';
  return {
    values,
    description: {
      method: describeNormalise(spec),
      peer_set: peerSet,
      direction,
      note: `${PEER_NOTES[spec.kind]}${excludedNote}${directionNote}`,
    },
  };
}
