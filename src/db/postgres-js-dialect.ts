import {
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresDriver,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { ReservedSql, Sql } from 'postgres';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CircuitBreaker } from './circuit-breaker.ts';
import { copyRowsOf } from './copy.ts';

const WRITE_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/** COPY text held in memory ahead of the socket: a few batches of rows. */
const COPY_BUFFER_BYTES = 4 * 1024 * 1024;

/**
 * A connection that runs each query on postgres.js's pool and holds one physical connection only
 * inside a transaction. (kysely-postgres-js reserves a connection for every query; when the
 * database vanishes, postgres.js's reserve path hangs and throws outside any promise, which would
 * turn an outage into a crash instead of a 503.)
 */
class PooledConnection implements DatabaseConnection {
  readonly #sql: Sql;
  readonly #breaker: CircuitBreaker;
  #reserved: ReservedSql | null = null;

  constructor(sql: Sql, breaker: CircuitBreaker) {
    this.#sql = sql;
    this.#breaker = breaker;
  }

  async reserve(): Promise<void> {
    this.#reserved = await this.#breaker.run(() => this.#sql.reserve());
  }

  release(): void {
    this.#reserved?.release();
    this.#reserved = null;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const target = this.#reserved ?? this.#sql;
    const rows = copyRowsOf(compiledQuery.parameters);
    if (rows) {
      // COPY ... FROM STDIN: one statement for all the chunks, streamed on this connection (the
      // transaction's, if any), so the server inserts while the next chunk is being produced.
      await this.#breaker.run(async () => {
        const query = target.unsafe(compiledQuery.sql);
        const writable = await query.writable();
        // postgres.js 3.4 (porsager/postgres#1173): when the server refuses the rows after the
        // last one is sent (a unique key, a trigger), the error reaches only the query object and
        // the stream's end never completes, so the pipeline would wait forever in an open
        // transaction. The query's reject is taken over to hear that error.
        const refused = new Promise<never>((_, reject) => {
          (query as unknown as { reject: (error: unknown) => void }).reject = reject;
        });
        refused.catch(() => {});
        // The buffer lets the next chunk be produced while the server still reads the last one.
        const buffer = new PassThrough({ highWaterMark: COPY_BUFFER_BYTES });
        // A refusal in mid-stream (a key given twice) answers the query while the chunks are still
        // being produced: the pipeline is then stopped (after the batch in hand), so the rest of
        // the file is not read, validated or sent on a connection that has gone back to the pool.
        const stop = new AbortController();
        const copied = pipeline(rows.chunks, buffer, writable, { signal: stop.signal });
        copied.catch(() => {});
        try {
          await Promise.race([copied, refused]);
        } finally {
          stop.abort();
        }
      });
      return { rows: [] };
    }
    const result = await this.#breaker.run(
      async () => await target.unsafe(compiledQuery.sql, [...compiledQuery.parameters] as never[], { prepare: true }),
    );
    return {
      numAffectedRows: WRITE_COMMANDS.has(result.command) ? BigInt(result.count) : undefined,
      rows: Array.from(result.values()) as R[],
    };
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered; the method exists for the interface.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported by this dialect');
  }
}

class PooledDriver extends PostgresDriver implements Driver {
  readonly #sql: Sql;
  readonly #breaker: CircuitBreaker;

  constructor(sql: Sql, breaker: CircuitBreaker) {
    super({} as never); // the pg pool is never used: every method that would touch it is overridden
    this.#sql = sql;
    this.#breaker = breaker;
  }

  override async init(): Promise<void> {}

  override async acquireConnection(): Promise<DatabaseConnection> {
    return new PooledConnection(this.#sql, this.#breaker);
  }

  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await (connection as PooledConnection).reserve();
    await super.beginTransaction(connection, settings);
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await super.commitTransaction(connection);
    } finally {
      (connection as PooledConnection).release();
    }
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await super.rollbackTransaction(connection as never);
    } finally {
      (connection as PooledConnection).release();
    }
  }

  override async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as PooledConnection).release();
  }

  override async destroy(): Promise<void> {
    // Queries abandoned by the circuit breaker may still wait on a connection: give them 5 s.
    await this.#sql.end({ timeout: 5 });
  }
}

/**
 * Kysely over a postgres.js client, pooled per query, one reserved connection per transaction,
 * every query behind a circuit breaker (fail fast while the database is unreachable).
 */
export class PooledPostgresJsDialect implements Dialect {
  readonly #sql: Sql;
  readonly #breaker: CircuitBreaker;

  constructor(sql: Sql, breaker: CircuitBreaker) {
    this.#sql = sql;
    this.#breaker = breaker;
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PooledDriver(this.#sql, this.#breaker);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  // biome-ignore lint/suspicious/noExplicitAny: Kysely's introspector takes any database shape.
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
