import { AsyncLocalStorage } from 'node:async_hooks';
import type { ExecutionContext } from 'hono';
import type { Kysely } from 'kysely';
import { createApp } from './app.ts';
import { CircuitBreaker } from './db/circuit-breaker.ts';
import { connectPostgres } from './db/postgres.ts';
import type { Database } from './db/schema.ts';
import { parseEnv, publicOriginOf, rateLimitOf } from './env.ts';
import { cacheApiStore } from './http/cache-api-store.ts';
import { dataVersionSource } from './http/data-version.ts';
import { jsonLogger } from './http/request-log.ts';
import { noResponseStore } from './http/response-cache.ts';

/** The Workers cache (the DOM lib lacks `caches.default`; workers-types clashes with the DOM lib). */
declare const caches: { default: Cache };

/** The bindings and vars of wrangler.toml. */
interface WorkerEnv {
  HYPERDRIVE: { connectionString: string };
  /** The deployed version (wrangler.toml [version_metadata]): part of every cache key. */
  CF_VERSION_METADATA?: { id: string };
  [variable: string]: unknown;
}

/**
 * Workers cannot share a socket between requests, so each request gets its own postgres.js client
 * (Hyperdrive pools the real connections). The app is built once per isolate; its `db` reads the
 * current request's client from AsyncLocalStorage.
 */
const requestDb = new AsyncLocalStorage<Kysely<Database>>();
const db = new Proxy({} as Kysely<Database>, {
  get(_target, property) {
    const current = requestDb.getStore();
    if (!current) throw new Error('the database is only available while a request is handled');
    const value = Reflect.get(current, property, current);
    return typeof value === 'function' ? value.bind(current) : value;
  },
});

let app: ReturnType<typeof createApp> | undefined;
/** One breaker per isolate: each request has its own client, but an outage is everyone's. */
const breaker = new CircuitBreaker();

function appFor(env: WorkerEnv): ReturnType<typeof createApp> {
  // Built lazily: Workers forbid timers and I/O in the global scope, and the rate limiter sets a timer.
  if (!app) {
    const vars = Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === 'string')) as Record<
      string,
      string
    >;
    const config = parseEnv({ CIVSCOPE_ENV: 'production', ...vars });
    app = createApp({
      db,
      versions: dataVersionSource(db, config.DATA_VERSION_TTL_MS),
      responseStore: config.RESPONSE_CACHE ? cacheApiStore(caches.default) : noResponseStore,
      build: env.CF_VERSION_METADATA?.id ?? '',
      adminKeyHashes: config.ADMIN_KEY_SHA256,
      rateLimit: rateLimitOf(config),
      adminRateLimit: { limit: config.ADMIN_RATE_LIMIT_PER_MINUTE, windowMs: 60_000 },
      // Cloudflare sets CF-Connecting-IP itself and drops a client's own; no other header counts.
      proxyTrust: { proxies: [], cfConnectingIp: true },
      publicOrigin: publicOriginOf(config) ?? null,
      log: config.LOG_REQUESTS ? jsonLogger : undefined,
    });
  }
  return app;
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    const handler = appFor(env);
    const { db: requestClient, close } = connectPostgres({
      url: env.HYPERDRIVE.connectionString,
      poolSize: 5,
      breaker,
    });
    try {
      return await requestDb.run(requestClient, () => handler.fetch(request, env, ctx));
    } finally {
      ctx.waitUntil(close());
    }
  },
};
