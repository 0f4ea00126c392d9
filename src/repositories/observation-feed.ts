import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { OBSERVATION_VALUE_COLUMNS, type ValueRow } from './observations.ts';

/** Where a page of the load-time feed starts: just after this row. */
export interface LoadedKey {
  loadedAt: string;
  releaseId: string;
  indicatorCode: string;
  iso3: string;
  /** Undated values sort after every year. */
  year: number | null;
}

/** A value of the feed: the value row's identity and value, when it was loaded and whether it is current. */
export interface LoadedRow
  extends Pick<
    ValueRow,
    'release_id' | 'source_id' | 'indicator_code' | 'iso3' | 'year' | 'value' | 'flag' | 'note' | 'note_vi'
  > {
  loaded_at: string;
  published_on: string;
  /** Whether this is the value served today (no newer-published release has the same key). */
  current: boolean;
}

const UNDATED = 32767;

/**
 * Observations loaded after `since` (an ISO timestamp), in load order, at most `limit` rows from
 * just after `after`. Keyset paging: a page never shifts when more releases are loaded.
 */
export async function observationsLoadedSince(
  db: Kysely<Database>,
  args: {
    since: string;
    after: LoadedKey | null;
    limit: number;
    /** Only these indicators / countries (a partner mirroring part of the data); all when omitted. */
    indicatorCodes?: readonly string[];
    countries?: readonly string[];
  },
): Promise<LoadedRow[]> {
  let query = db
    .selectFrom('observation as o')
    .innerJoin('release as r', 'r.id', 'o.release_id')
    .select([
      sql<string>`to_char(o.loaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('loaded_at'),
      'o.release_id',
      'r.source_id',
      'r.published_on',
      ...OBSERVATION_VALUE_COLUMNS,
      sql<boolean>`NOT EXISTS (
        SELECT 1 FROM observation n JOIN release nr ON nr.id = n.release_id
        WHERE n.indicator_code = o.indicator_code AND n.iso3 = o.iso3 AND n.year IS NOT DISTINCT FROM o.year
          AND (nr.published_on, nr.id) > (r.published_on, r.id))`.as('current'),
    ])
    .where('o.loaded_at', '>', sql<string>`${args.since}::timestamptz`);
  if (args.indicatorCodes?.length) query = query.where('o.indicator_code', 'in', args.indicatorCodes);
  if (args.countries?.length) query = query.where('o.iso3', 'in', args.countries);
  const a = args.after;
  if (a)
    query = query.where(
      sql<boolean>`(o.loaded_at, o.release_id, o.indicator_code, o.iso3, coalesce(o.year, ${UNDATED}))
        > (${a.loadedAt}::timestamptz, ${a.releaseId}, ${a.indicatorCode}, ${a.iso3}, ${a.year ?? UNDATED})`,
    );
  return query
    .orderBy('o.loaded_at')
    .orderBy('o.release_id')
    .orderBy('o.indicator_code')
    .orderBy('o.iso3')
    .orderBy(sql`coalesce(o.year, ${UNDATED})`)
    .limit(args.limit)
    .execute();
}
