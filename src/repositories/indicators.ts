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

export async function findIndicator(db: Kysely<Database>, code: string) {
  return db.selectFrom('indicator').selectAll().where('code', '=', code).executeTakeFirst();
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
