import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ThemeSelection } from '../domain/themes.ts';

/** Indicators, optionally of some themes (and, for an old theme name, within its sources). */
export async function listIndicators(db: Kysely<Database>, selection?: ThemeSelection) {
  let query = db.selectFrom('indicator').selectAll();
  if (selection) query = query.where('theme', 'in', [...selection.themes]);
  if (selection?.sources) query = query.where('source_id', 'in', [...selection.sources]);
  return query.orderBy('theme').orderBy('code').execute();
}

export async function indicatorsByCodes(db: Kysely<Database>, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db.selectFrom('indicator').selectAll().where('code', 'in', codes).execute();
}

/** Which country-years have a value (in any release) for one indicator, per country. */
export async function indicatorCoverage(db: Kysely<Database>, code: string) {
  return db
    .selectFrom('observation')
    .select([
      'iso3',
      sql<number[]>`array_agg(DISTINCT year ORDER BY year) FILTER (WHERE year IS NOT NULL)`.as('years'),
      sql<boolean>`bool_or(year IS NULL)`.as('has_undated'),
    ])
    .where('indicator_code', '=', code)
    .groupBy('iso3')
    .orderBy('iso3')
    .execute();
}

export interface CoverageSummaryRow {
  indicator_code: string;
  /** Registry countries with at least one value, in any year and release. */
  countries: string[];
  first_year: number | null;
  latest_year: number | null;
  /** Countries with a value in the indicator's latest year. */
  countries_in_latest_year: number;
  has_undated: boolean;
}

/**
 * Coverage of every indicator with values, in one query over `indicator_coverage` (a row per
 * indicator and country, kept by ingestion): who has a value, and how recent it is.
 */
export async function coverageSummaries(db: Kysely<Database>): Promise<CoverageSummaryRow[]> {
  const { rows } = await sql<CoverageSummaryRow>`
    WITH latest AS (
      SELECT indicator_code, max(latest_year) AS latest_year FROM indicator_coverage GROUP BY indicator_code
    )
    SELECT c.indicator_code,
           array_agg(c.iso3 ORDER BY c.iso3) AS countries,
           min(c.first_year) AS first_year,
           l.latest_year,
           count(*) FILTER (WHERE c.latest_year = l.latest_year)::int AS countries_in_latest_year,
           bool_or(c.has_undated) AS has_undated
    FROM indicator_coverage c JOIN latest l USING (indicator_code)
    GROUP BY c.indicator_code, l.latest_year
    ORDER BY c.indicator_code`.execute(db);
  return rows;
}
