import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface ObservationQuery {
  indicatorCode: string;
  countries: string[];
  from?: number;
  to?: number;
}

export interface ObservationRow {
  iso3: string;
  year: number | null;
  value: number;
  flag: string | null;
  note: string | null;
  reference_url: string | null;
  release_id: string;
  source_id: string;
}

/**
 * The current value of each (country, year): the one from the newest release that has it
 * (latest publication date, then release id). Undated values come last and only when no year
 * range is asked for.
 */
export async function currentObservations(db: Kysely<Database>, q: ObservationQuery): Promise<ObservationRow[]> {
  if (q.countries.length === 0) return [];
  let query = db
    .selectFrom('observation as o')
    .innerJoin('release as r', 'r.id', 'o.release_id')
    .distinctOn(['o.iso3', 'o.year'])
    .select(['o.iso3', 'o.year', 'o.value', 'o.flag', 'o.note', 'o.reference_url', 'o.release_id', 'r.source_id'])
    .where('o.indicator_code', '=', q.indicatorCode)
    .where('o.iso3', 'in', q.countries);
  if (q.from !== undefined) query = query.where('o.year', '>=', q.from);
  if (q.to !== undefined) query = query.where('o.year', '<=', q.to);
  return query
    .orderBy('o.iso3')
    .orderBy('o.year', (ob) => ob.asc().nullsLast())
    .orderBy('r.published_on', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}
