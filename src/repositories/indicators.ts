import { type Kysely, sql } from 'kysely';
import type { Database, Theme } from '../db/schema.ts';

export async function listIndicators(db: Kysely<Database>, theme?: Theme) {
  let query = db.selectFrom('indicator').selectAll();
  if (theme) query = query.where('theme', '=', theme);
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
