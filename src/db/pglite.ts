import { PGlite, types } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import type { Database } from './schema.ts';

const asText = (value: string) => value;

/**
 * Kysely over PGlite, real Postgres compiled to WebAssembly: the embedded default.
 * `dataDir` undefined means an in-memory database (tests).
 */
export async function connectPglite(
  dataDir?: string,
): Promise<{ db: Kysely<Database>; pglite: PGlite; close: () => Promise<void> }> {
  const pglite = await PGlite.create(dataDir, {
    parsers: { [types.DATE]: asText, [types.TIMESTAMPTZ]: asText },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    pglite,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
