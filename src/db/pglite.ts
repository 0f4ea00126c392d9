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
 * PGlite runs each statement on the event loop's own thread, and hands its lock from one statement
 * to the next as a resolved promise: while statements are queued, the loop never gets back to its
 * sockets. Under load a connection opened then waited for whole queues to drain, again and again:
 * measured with 50 connections on /v1/compare, the first answer on a new connection took 3.5–4.5 s
 * (median) and up to 10 s, and 5–11 requests in 14 s timed out. So the instance's statements take
 * turns with the loop: one in order after the other, and once statements have kept the loop from
 * its sockets for TURN_EVERY_MS the next one waits for the loop to come round (first answers on new
 * connections then at most 1.1 s, none timed out, throughput as before). Statements inside a
 * transaction run on its own handle, back to back, as before.
 */
function takingTurns(target: PGlite, turnEveryMs = TURN_EVERY_MS): PGlite {
  let previous: Promise<unknown> = Promise.resolve();
  // When the loop last came round to its check phase (after reading its sockets).
  let loopCameRoundAt = performance.now();
  let watching = false;
  const watchTheLoop = () => {
    if (watching) return;
    watching = true;
    setImmediate(() => {
      watching = false;
      loopCameRoundAt = performance.now();
    });
  };
  const loopComesRound = async () => {
    await nextTurnOfTheLoop();
    loopCameRoundAt = performance.now();
  };
  const query = ((...args: Parameters<PGlite['query']>) => {
    const turn = previous
      .then(() => (performance.now() - loopCameRoundAt >= turnEveryMs ? loopComesRound() : undefined))
      .then(() => {
        watchTheLoop();
        return target.query(...args);
      });
    previous = turn.catch(() => {});
    return turn;
  }) as PGlite['query'];
  return new Proxy(target, {
    get(object, property) {
      if (property === 'query') return query;
      // PGlite finishes the statements handed to it before closing; those still waiting for their
      // turn are not handed to it yet, so closing waits for them.
      if (property === 'close') return () => previous.then(() => target.close());
      const value = Reflect.get(object, property);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}

/**
 * A turn for the loop once statements have kept it from its sockets this long: a turn before every
 * statement cost 20–30 % of the throughput of short queries (one poll per statement instead of one
 * per batch); every 10 ms keeps most of it and still reads the sockets every 10–20 ms plus a
 * statement.
 */
const TURN_EVERY_MS = 10;

const nextTurnOfTheLoop = () =>
  new Promise<void>((resolve) => {
    setImmediate(resolve);
  });

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
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: withCopy(takingTurns(pglite)) }) });
  return {
    db,
    pglite,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
