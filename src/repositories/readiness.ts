import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Reaches the database and lists the migrations it has applied. Throws when unreachable. */
export async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  await sql`SELECT 1`.execute(db);
  const exists = await sql<{ present: boolean }>`SELECT to_regclass('schema_migration') IS NOT NULL AS present`.execute(
    db,
  );
  if (!exists.rows[0]?.present) return [];
  return (await db.selectFrom('schema_migration').select('name').orderBy('name').execute()).map((r) => r.name);
}
