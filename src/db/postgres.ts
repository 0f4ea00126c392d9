import { Kysely } from 'kysely';
import postgres from 'postgres';
import { CircuitBreaker } from './circuit-breaker.ts';
import { PooledPostgresJsDialect } from './postgres-js-dialect.ts';
import type { Database } from './schema.ts';

/** Postgres type OIDs whose text form we keep as text (YYYY-MM-DD dates, ISO timestamps). */
const DATE_OID = 1082;
const TIMESTAMPTZ_OID = 1184;

const keepAsText = (oid: number) => ({
  to: oid,
  from: [oid],
  serialize: (value: unknown) => String(value),
  parse: (value: string) => value,
});

export interface PostgresOptions {
  url: string;
  /** Maximum connections in the pool. */
  poolSize?: number;
  /** Schema to put first on the search_path (tests isolate each run in its own schema). */
  schema?: string;
  /** Connection timeout in seconds. */
  connectTimeout?: number;
  /** Shared across clients where each request has its own (Workers); default: one per client. */
  breaker?: CircuitBreaker;
}

/** Kysely over postgres.js: the production path on Node and (through Hyperdrive) on Workers. */
export function connectPostgres(options: PostgresOptions): { db: Kysely<Database>; close: () => Promise<void> } {
  const client = postgres(options.url, {
    max: options.poolSize ?? 10,
    connect_timeout: options.connectTimeout ?? 5,
    // Reconnect soon after a failure (postgres.js waits up to 20 s by default); the circuit breaker
    // keeps requests from queueing behind these attempts during an outage.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
    onnotice: () => {},
    types: { date: keepAsText(DATE_OID), timestamptz: keepAsText(TIMESTAMPTZ_OID) },
    ...(options.schema ? { connection: { search_path: options.schema } } : {}),
  });
  const db = new Kysely<Database>({
    dialect: new PooledPostgresJsDialect(client, options.breaker ?? new CircuitBreaker()),
  });
  return { db, close: () => db.destroy() };
}
