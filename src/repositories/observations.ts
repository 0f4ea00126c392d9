import { type Kysely, sql } from 'kysely';
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
  /** Only these (indicator, year) pairs, `years[i]` for `indicatorCodes[i]` (a profile's peers, each indicator at its own year). */
  yearOfEach?: number[];
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
  /** The note in Vietnamese (CivScope's translation). */
  note_vi: string | null;
  reference_url: string | null;
  /** The rank the source published beside the value (BIPA), and its label ("=62"). */
  rank: number | null;
  rank_label: string | null;
  rank_of: number | null;
  release_id: string;
  source_id: string;
}

/**
 * The value of each (indicator, country, year) from the newest release the vintage allows: the
 * latest publication date, then the release id. Ordered by indicator, country, year (undated last).
 * Written as SQL rather than with the query builder: nearly every data request runs it, and
 * building and compiling it with Kysely took 12 % of an uncached /v1/rankings request's CPU. The
 * lists travel as two array parameters, so the statement's text, and the server's prepared
 * statement, are the same whatever the number of countries.
 */
export async function valuesFor(db: Kysely<Database>, q: ValuesQuery): Promise<ValueRow[]> {
  if (q.countries.length === 0 || q.indicatorCodes.length === 0) return [];
  const vintage = q.vintage ?? CURRENT;
  // iso3 is char(3): compared as text, the column would be cast and the index could not use it.
  const filters = [
    sql`o.indicator_code = any(${q.indicatorCodes}::text[])`,
    sql`o.iso3 = any(${q.countries}::bpchar[])`,
  ];
  if (q.year !== undefined) filters.push(sql`o.year = ${q.year}`);
  if (q.yearOfEach && q.yearOfEach.length !== q.indicatorCodes.length)
    throw new Error('valuesFor: yearOfEach needs one year for each indicator code');
  if (q.yearOfEach)
    filters.push(
      sql`(o.indicator_code, o.year) in (select * from unnest(${q.indicatorCodes}::text[], ${q.yearOfEach}::int[]))`,
    );
  if (q.from !== undefined) filters.push(sql`o.year >= ${q.from}`);
  if (q.to !== undefined) filters.push(sql`o.year <= ${q.to}`);
  if (q.datedOnly) filters.push(sql`o.year is not null`);
  if (vintage.kind === 'as_of') filters.push(sql`r.published_on <= ${vintage.date}`);
  if (vintage.kind === 'release') filters.push(sql`r.id = ${vintage.releaseId}`);
  const { rows } = await sql<ValueRow>`
    select distinct on (o.indicator_code, o.iso3, o.year)
      o.indicator_code, o.iso3, o.year, o.value, o.flag, o.note, o.note_vi, o.reference_url, o.rank, o.rank_label, o.rank_of,
      o.release_id, r.source_id
    from observation o join release r on r.id = o.release_id
    where ${sql.join(filters, sql` and `)}
    order by o.indicator_code, o.iso3, o.year asc nulls last, r.published_on desc, r.id desc`.execute(db);
  return rows;
}

/** An observation's key and value, in the order `valuesFor` selects them, for the reads that build on them. */
export const OBSERVATION_VALUE_COLUMNS = [
  'o.indicator_code',
  'o.iso3',
  'o.year',
  'o.value',
  'o.flag',
  'o.note',
  'o.note_vi',
] as const;

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
