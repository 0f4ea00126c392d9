import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { connectPglite } from '../../src/db/pglite.ts';
import { connectPostgres } from '../../src/db/postgres.ts';
import { loadShippedReleases, prepareSchema } from '../../src/boot/prepare.ts';
import type { Database } from '../../src/db/schema.ts';

export interface TestDatabase {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
}

/**
 * A fresh, empty database: in-memory PGlite by default; with TEST_DATABASE_URL, a schema of its
 * own on that Postgres server (dropped on close), so runs and test files never see each other.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const { db, close } = await connectPglite();
    return { db, kind: 'pglite', close };
  }
  const schema = `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = connectPostgres({ url, poolSize: 1 });
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin.db);
  await admin.close();
  const { db, close } = connectPostgres({ url, poolSize: 4, schema });
  return {
    db,
    kind: 'postgres',
    close: async () => {
      await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(db);
      await close();
    },
  };
}

/** Schema and registry, no data. */
export async function createPreparedDatabase(): Promise<TestDatabase> {
  const test = await createTestDatabase();
  await prepareSchema(test.db);
  return test;
}

/** Schema, registry and every shipped release: what `npm start` serves. */
export async function createLoadedDatabase(): Promise<TestDatabase> {
  const test = await createPreparedDatabase();
  await loadShippedReleases(test.db);
  return test;
}
