import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Which releases a query reads: the newest of all, those published by a date, or exactly one. */
export type Vintage = { kind: 'current' } | { kind: 'as_of'; date: string } | { kind: 'release'; releaseId: string };

export const CURRENT: Vintage = { kind: 'current' };

export interface ValuesQuery {
  indicatorCodes: string[];
  countries: string[];
  from?: number;
  to?: number;
  /** Only this year (used by rankings and composites). */
  year?: number;
  /** Leave out undated policy figures (every analysis that needs a year). */
  datedOnly?: boolean;
  vintage?: Vintage;
}

export interface ValueRow {
  indicator_code: string;
  iso3: string;
  year: number | null;
  value: number;
  flag: string | null;
  note: string | null;
  reference_url: string | null;
  /** The rank the source published beside the value (BIPA), and its label ("=62"). */
  rank: number | null;
  rank_label: string | null;
  release_id: string;
  source_id: string;
}

/**
 * The value of each (indicator, country, year) from the newest release the vintage allows: the
 * latest publication date, then the release id. Ordered by indicator, country, year (undated last).
 */
export async function valuesFor(db: Kysely<Database>, q: ValuesQuery): Promise<ValueRow[]> {
  if (q.countries.length === 0 || q.indicatorCodes.length === 0) return [];
  return valuesQuery(db, q).execute();
}

/** An observation's key and value, as every read of `observation as o` selects them (in this order). */
export const OBSERVATION_VALUE_COLUMNS = [
  'o.indicator_code',
  'o.iso3',
  'o.year',
  'o.value',
  'o.flag',
  'o.note',
] as const;

/** The query behind `valuesFor`, uncompiled: benchmarks run exactly this SQL outside the app. */
export function valuesQuery(db: Kysely<Database>, q: ValuesQuery) {
  const vintage = q.vintage ?? CURRENT;
  let query = db
    .selectFrom('observation as o')
    .innerJoin('release as r', 'r.id', 'o.release_id')
    .distinctOn(['o.indicator_code', 'o.iso3', 'o.year'])
    .select([...OBSERVATION_VALUE_COLUMNS, 'o.reference_url', 'o.rank', 'o.rank_label', 'o.release_id', 'r.source_id'])
    .where('o.indicator_code', 'in', q.indicatorCodes)
    .where('o.iso3', 'in', q.countries);
  if (q.year !== undefined) query = query.where('o.year', '=', q.year);
  if (q.from !== undefined) query = query.where('o.year', '>=', q.from);
  if (q.to !== undefined) query = query.where('o.year', '<=', q.to);
  if (q.datedOnly) query = query.where('o.year', 'is not', null);
  if (vintage.kind === 'as_of') query = query.where('r.published_on', '<=', vintage.date);
  if (vintage.kind === 'release') query = query.where('r.id', '=', vintage.releaseId);
  return query
    .orderBy('o.indicator_code')
    .orderBy('o.iso3')
    .orderBy('o.year', (ob) => ob.asc().nullsLast())
    .orderBy('r.published_on', 'desc')
    .orderBy('r.id', 'desc');
}

/**
 * Every year in which any country has a value for the indicator (within the vintage and range):
 * the years a time series is expected to have, so a country missing one of them shows a gap.
 */
export async function yearsWithData(
  db: Kysely<Database>,
  q: { indicatorCode: string; from?: number; to?: number; vintage?: Vintage },
): Promise<number[]> {
  const vintage = q.vintage ?? CURRENT;
  let query = db
    .selectFrom('observation as o')
    .innerJoin('release as r', 'r.id', 'o.release_id')
    .select('o.year')
    .distinct()
    .where('o.indicator_code', '=', q.indicatorCode)
    .where('o.year', 'is not', null);
  if (q.from !== undefined) query = query.where('o.year', '>=', q.from);
  if (q.to !== undefined) query = query.where('o.year', '<=', q.to);
  if (vintage.kind === 'as_of') query = query.where('r.published_on', '<=', vintage.date);
  if (vintage.kind === 'release') query = query.where('r.id', '=', vintage.releaseId);
  return (await query.orderBy('o.year').execute()).map((r) => r.year as number);
}
