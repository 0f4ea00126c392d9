import { PGlite, type Transaction as PGliteTransaction, types } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import { copyRowsOf } from './copy.ts';
import type { Database } from './schema.ts';

const asText = (value: string) => value;

type Queryable = Pick<PGlite, 'query'> | PGliteTransaction;

/**
 * PGlite has no COPY FROM STDIN; it reads `COPY ... FROM '/dev/blob'` from a Blob passed with the
 * query. Kysely's PGlite dialect calls `query(sql, parameters)` on the instance or on the
 * transaction it opened, so both are wrapped to turn a `copyFrom` query into COPYs of that form.
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
          // One COPY per chunk: PGlite reads a whole Blob, and the chunks of a large release
          // together would not fit in memory at once.
          return (async () => {
            let affectedRows = 0;
            for await (const chunk of rows.chunks) {
              const result = await original.call(object, blobQuery, [], { ...options, blob: new Blob([chunk]) });
              affectedRows += result.affectedRows ?? 0;
            }
            return { rows: [], fields: [], affectedRows };
          })();
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
 * PGlite's default is Postgres's 128 MB, which start-up spends about 300 ms clearing (measured on
 * this machine: 520–560 ms to open the shipped database at 128 MB, 230–300 ms at 32 MB). 32 MB
 * holds the shipped database (20 MB) whole; a larger data directory can ask for more.
 */
export const DEFAULT_SHARED_BUFFERS = '32MB';

/**
 * Kysely over PGlite, real Postgres compiled to WebAssembly: the embedded default.
 * `dataDir` undefined means an in-memory database (tests).
 */
export async function connectPglite(
  dataDir?: string,
  options: {
    /** Server settings (`-c name=value`) over the defaults here, e.g. a larger shared_buffers. */
    settings?: Record<string, string>;
    /** WAL segment size for a directory initdb creates now (Postgres's default: 16). */
    walSegmentMB?: number;
  } = {},
): Promise<{ db: Kysely<Database>; pglite: PGlite; close: () => Promise<void> }> {
  const settings = { shared_buffers: DEFAULT_SHARED_BUFFERS, ...options.settings };
  const pglite = await PGlite.create(dataDir, {
    ...(options.walSegmentMB ? { initDbStartParams: [`--wal-segsize=${options.walSegmentMB}`] } : {}),
    parsers: { [types.DATE]: asText, [types.TIMESTAMPTZ]: asText },
    startParams: [
      ...PGlite.defaultStartParams,
      ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
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
