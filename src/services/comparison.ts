import { competitionRank, coverageOf } from '../domain/rank.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { usable } from '../domain/usable.ts';
import { countryByIso3 } from '../domain/countries.ts';
import { directionOf } from '../domain/direction.ts';
import { minMax } from '../domain/normalise.ts';
import type { CompareParams } from '../http/analysis-params.ts';
import { type CrossSectionQuery, readCrossSection } from './cross-section.ts';
import { requireIndicators } from './require-indicator.ts';
import { resolveSelection } from './selection.ts';

/** A comparison: the indicators of /v1/compare over a cross-section (the table format and language are the route's). */
export type ComparisonQuery = CrossSectionQuery & Pick<CompareParams, 'indicators'>;

export interface ComparisonCell {
  value: number;
  year: number;
  score: number | null;
  rank: number | null;
  flag: string | null;
  release: string;
}

/** A country × indicator matrix: raw value, year, min-max score and rank within the peer set. */
export async function comparisonOf(db: Kysely<Database>, query: ComparisonQuery, now?: Date) {
  const selection = resolveSelection(query, now);
  // Indicators and values in one round trip; unknown codes still answer 404 from requireIndicators.
  const [indicators, { vintage, values, members }] = await Promise.all([
    requireIndicators(db, query.indicators),
    readCrossSection(db, query, selection, query.indicators),
  ]);
  const cells = new Map<string, Record<string, ComparisonCell | null>>(members.map((iso3) => [iso3, {}]));
  const releaseIds: string[] = [];
  const coverage = indicators.map((indicator) => {
    const rows = values.get(indicator.code) ?? [];
    const direction = directionOf(indicator.higher_is_better);
    const computable = rows.map((r) => (usable(r) ? r.value : null));
    const scores = minMax(computable, direction);
    const ranks = competitionRank(computable, direction);
    rows.forEach((r, i) => {
      releaseIds.push(r.release_id);
      const row = cells.get(r.iso3);
      if (row)
        row[indicator.code] = {
          value: r.value,
          year: r.year as number,
          score: scores[i] ?? null,
          rank: ranks[i] ?? null,
          flag: r.flag,
          release: r.release_id,
        };
    });
    for (const row of cells.values()) row[indicator.code] ??= null;
    return coverageOf(
      members,
      rows.filter((_, i) => computable[i] !== null).map((r) => r.iso3),
    );
  });
  return {
    indicators,
    coverage,
    selection,
    vintage,
    year: query.year ?? null,
    latest: query.year === undefined,
    rows: members.map((iso3) => ({ iso3, country: countryByIso3(iso3)?.nameEn ?? iso3, cells: cells.get(iso3) ?? {} })),
    releaseIds,
  };
}
