import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { CURRENT, type Vintage } from './observations.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A country's value looked for and not found, as the newest release that searched for it says. */
export interface SearchedGapRow {
  indicator_code: string;
  iso3: string;
  release_id: string;
  searched_on: string;
  searched_en: string;
  searched_vi: string;
}

/** A searched gap as a release's meta.yaml gives it. */
interface SearchedGapEntry {
  indicator: string;
  iso3: string;
  searched_on: string;
  searched: string;
  searched_vi: string;
}

/** Writes a release's searched gaps as its meta.yaml lists them now (a corrected text replaces the old). */
export async function replaceSearchedGaps(db: Db, releaseId: string, gaps: readonly SearchedGapEntry[]): Promise<void> {
  await db.deleteFrom('searched_gap').where('release_id', '=', releaseId).execute();
  if (gaps.length === 0) return;
  await db
    .insertInto('searched_gap')
    .values(
      gaps.map((g) => ({
        release_id: releaseId,
        indicator_code: g.indicator,
        iso3: g.iso3,
        searched_on: g.searched_on,
        searched_en: g.searched,
        searched_vi: g.searched_vi,
      })),
    )
    .execute();
}

/**
 * The newest search for each of these indicators and countries (by when it was searched, then by
 * release), as the vintage asked for knew it: the current data, the releases published by a date,
 * or one release.
 */
export async function searchedGapsOf(db: Db, indicatorCodes: readonly string[], vintage: Vintage = CURRENT) {
  if (indicatorCodes.length === 0) return [];
  let query = db
    .selectFrom('searched_gap as g')
    .innerJoin('release as r', 'r.id', 'g.release_id')
    .select(['g.indicator_code', 'g.iso3', 'g.release_id', 'g.searched_on', 'g.searched_en', 'g.searched_vi'])
    .distinctOn(['g.indicator_code', 'g.iso3'])
    .where('g.indicator_code', 'in', indicatorCodes);
  if (vintage.kind === 'as_of') query = query.where('r.published_on', '<=', sql<string>`${vintage.date}::date`);
  if (vintage.kind === 'release') query = query.where('g.release_id', '=', vintage.releaseId);
  const rows: SearchedGapRow[] = await query
    .orderBy('g.indicator_code')
    .orderBy('g.iso3')
    .orderBy('g.searched_on', 'desc')
    .orderBy('g.release_id', 'desc')
    .execute();
  return rows;
}

/** For each indicator, the countries any loaded release searched for and did not find (current data). */
export async function searchedGapCountries(db: Db): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('searched_gap')
    .select(['indicator_code', 'iso3'])
    .distinct()
    .orderBy('indicator_code')
    .orderBy('iso3')
    .execute();
  const byIndicator = new Map<string, string[]>();
  for (const row of rows)
    byIndicator.set(row.indicator_code, [...(byIndicator.get(row.indicator_code) ?? []), row.iso3]);
  return byIndicator;
}
