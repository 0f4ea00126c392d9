import { PGlite, type Transaction as PGliteTransaction, types } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import { copyRowsOf } from './copy.ts';
import type { Database } from './schema.ts';

const asText = (value: string) => value;

type Queryable = Pick<PGlite, 'query'> | PGliteTransaction;

/**
 * PGlite has no COPY FROM STDIN; it reads `COPY ... FROM '/dev/blob'` from a Blob passed with the
 * query. Kysely's PGlite dialect calls `query(sql, parameters)` on the instance or on the
 * transaction it opened, so both are wrapped to turn a `copyFrom` query into that form.
 */
function withCopy<T extends Queryable>(target: T): T {
  return new Proxy(target, {
    get(object, property) {
      // biome-ignore lint/suspicious/noExplicitAny: a proxy forwards whatever the member is.
      const original: any = Reflect.get(object, property);
      if (property === 'query') {
        return (query: string, parameters: unknown[] = [], options: object = {}) => {
          const rows = copyRowsOf(parameters);
          if (!rows) return original.call(object, query, parameters, options);
          const blobQuery = query.replace(/ from stdin$/i, " from '/dev/blob'");
          return original.call(object, blobQuery, [], { ...options, blob: new Blob([rows.text]) });
        };
      }
      if (property === 'transaction') {
        return <R>(callback: (tx: PGliteTransaction) => Promise<R>) =>
          original.call(object, (tx: PGliteTransaction) => callback(withCopy(tx)));
      }
      return typeof original === 'function' ? original.bind(object) : original;
    },
  });
}

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
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: withCopy(pglite) }) });
  return {
    db,
    pglite,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
