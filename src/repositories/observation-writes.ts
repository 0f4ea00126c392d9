import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, NewObservation } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Rows a statement: each column travels as one array parameter, so the statement size does not
 * grow with the batch; 50,000 rows keep a statement's arrays to a few MiB.
 */
const BATCH_ROWS = 50_000;

/**
 * Bulk insert with one array per column (`INSERT ... SELECT FROM unnest(...)`): Postgres parses and
 * plans one statement per batch instead of one tuple of bind parameters per row, which is what
 * made multi-row VALUES (2,000 rows, 20,000 parameters a statement) the slow half of an ingest.
 */
export async function insertObservations(
  db: Db,
  rows: readonly NewObservation[],
  onProgress?: (inserted: number) => void,
): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    const column = <T>(pick: (row: NewObservation) => T) => batch.map(pick);
    await sql`
      insert into observation (indicator_code, iso3, year, release_id, value, flag, note, reference_url, rank, rank_label)
      select * from unnest(
        ${column((r) => r.indicator_code)}::text[], ${column((r) => r.iso3)}::text[],
        ${column((r) => r.year ?? null)}::int[], ${column((r) => r.release_id)}::text[],
        ${column((r) => r.value)}::float8[], ${column((r) => r.flag ?? null)}::text[],
        ${column((r) => r.note ?? null)}::text[], ${column((r) => r.reference_url ?? null)}::text[],
        ${column((r) => r.rank ?? null)}::int[], ${column((r) => r.rank_label ?? null)}::text[]
      )`.execute(db);
    onProgress?.(start + batch.length);
  }
}

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
