import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredValue {
  indicator_code: string;
  iso3: string;
  year: number | null;
  value: number;
  release_id: string;
}

/**
 * For each (indicator, country, year) of the given indicators, the value from the newest release
 * of `sourceId` published on or before `publishedOn`, leaving out `excludeReleaseId`. This is
 * "the previous release" a new one is compared with.
 */
export async function currentValuesOfSource(
  db: Db,
  args: { sourceId: string; indicatorCodes: string[]; publishedOn: string; excludeReleaseId?: string },
): Promise<StoredValue[]> {
  if (args.indicatorCodes.length === 0) return [];
  let query = db
    .selectFrom('observation as o')
    .innerJoin('release as r', 'r.id', 'o.release_id')
    .select(['o.indicator_code', 'o.iso3', 'o.year', 'o.value', 'o.release_id'])
    .distinctOn(['o.indicator_code', 'o.iso3', 'o.year'])
    .where('r.source_id', '=', args.sourceId)
    .where('o.indicator_code', 'in', args.indicatorCodes)
    .where('r.published_on', '<=', args.publishedOn);
  if (args.excludeReleaseId) query = query.where('r.id', '<>', args.excludeReleaseId);
  return query
    .orderBy('o.indicator_code')
    .orderBy('o.iso3')
    .orderBy('o.year')
    .orderBy('r.published_on', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}
