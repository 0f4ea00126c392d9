import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Recomputes `indicator_coverage` for some indicators from their observations (all releases):
 * ingestion calls it in its transaction after writing a release, so the summary that
 * /v1/indicators and /v1/themes read never lags the data. Reads only those indicators' rows,
 * through the (indicator_code, iso3, year) index.
 */
export async function refreshIndicatorCoverage(db: Kysely<Database>, indicatorCodes: readonly string[]): Promise<void> {
  if (indicatorCodes.length === 0) return;
  const codes = [...indicatorCodes];
  await db.deleteFrom('indicator_coverage').where('indicator_code', 'in', codes).execute();
  await sql`
    INSERT INTO indicator_coverage (indicator_code, iso3, first_year, latest_year, has_undated)
    SELECT indicator_code, iso3, min(year), max(year), bool_or(year IS NULL)
    FROM observation
    WHERE indicator_code = ANY(${codes}::text[])
    GROUP BY indicator_code, iso3`.execute(db);
}
