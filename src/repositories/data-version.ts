import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/** The data version: bumped by every ingestion, part of every ETag and cache key. */
export async function currentDataVersion(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('data_version')
    .select(sql<number>`version::int`.as('version'))
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function bumpDataVersion(db: Kysely<Database>): Promise<void> {
  await db
    .updateTable('data_version')
    .set((eb) => ({ version: eb('version', '+', 1), changed_at: sql`now()` }))
    .execute();
}
