import path from 'node:path';
import { serve } from '@hono/node-server';
import type { createApp as CreateApp } from './app.ts';
import { prepareServedDatabase, seedEmbeddedDataDir } from './boot/served-database.ts';
import { openDatabase } from './db/open.ts';
import { parseEnv, publicOriginOf, rateLimitOf } from './env.ts';
import { dataVersionSource } from './http/data-version.ts';
import { jsonLogger } from './http/request-log.ts';
import { noResponseStore } from './http/response-cache.ts';
import { countObservations } from './repositories/observation-count.ts';

/** How long in-flight requests get to finish after SIGTERM before the process exits anyway. */
const DRAIN_TIMEOUT_MS = 10_000;

/** The app and its chart libraries: about half of start-up is loading them, so it overlaps the database work. */
async function loadServerModules() {
  const [{ createApp }, { renderPng }, { nodeAssets }] = await Promise.all([
    import('./app.ts'),
    import('./render/png.ts'),
    import('./web/node-assets.ts'),
  ]);
  return { createApp, renderPng, nodeAssets };
}

/** Milliseconds per start-up phase, from process start (module loading before main is `load`). */
function startupSplit() {
  let last = 0;
  const phases: string[] = [];
  const mark = (phase: string) => {
    const now = performance.now();
    phases.push(`${phase} ${Math.round(now - last)}`);
    last = now;
    return phases.join(', ');
  };
  mark('load');
  return { mark };
}

/** Node entry: environment → database (PGlite by default, DATABASE_URL → Postgres) → serve. */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const split = startupSplit();
  const env = parseEnv();
  const modules = loadServerModules();
  const dataDir = env.DATABASE_URL ? undefined : path.resolve(env.CIVSCOPE_DATA_DIR);
  if (dataDir && !env.CIVSCOPE_SKIP_SHIPPED) await seedEmbeddedDataDir(dataDir, console.log);
  split.mark('snapshot');
  const database = await openDatabase(env);
  split.mark('open');
  console.log(`database: ${database.description}`);
  await prepareServedDatabase(database.db, { dataDir, loadShipped: !env.CIVSCOPE_SKIP_SHIPPED, log: console.log });
  split.mark('prepare');
  console.log(`observations: ${await countObservations(database.db)}`);
  const { createApp, renderPng, nodeAssets } = await modules;
  split.mark('modules');

  // Uploads pull in the readers (danfojs): load them only when the first upload arrives.
  const ingest = async (upload: Parameters<NonNullable<Parameters<typeof CreateApp>[0]['ingest']>>[0]) => {
    const { uploadIngester } = await import('./ingest/upload.ts');
    return uploadIngester(database.db)(upload);
  };
  const rateLimit = rateLimitOf(env);
  const app = createApp({
    db: database.db,
    versions: dataVersionSource(database.db, env.DATA_VERSION_TTL_MS),
    responseStore: env.RESPONSE_CACHE ? undefined : noResponseStore,
    assets: nodeAssets(),
    renderPng,
    // Loaded on the first DEA request: the WebAssembly solver costs nothing at start-up.
    lpSolver: () => import('./solver/highs.ts').then((solver) => solver.loadHighsSolver()),
    // exceljs is loaded on the first xlsx request.
    spreadsheet: (table) => import('./render/xlsx.ts').then((xlsx) => xlsx.writeWorkbook(table)),
    ingest,
    adminKeyHashes: env.ADMIN_KEY_SHA256,
    uploadMaxBytes: env.UPLOAD_MAX_BYTES,
    rateLimit,
    adminRateLimit: { limit: env.ADMIN_RATE_LIMIT_PER_MINUTE, windowMs: 60_000 },
    proxyTrust: { proxies: env.TRUST_PROXY, cfConnectingIp: false },
    publicOrigin: publicOriginOf(env) ?? null,
    log: env.LOG_REQUESTS ? jsonLogger : undefined,
  });
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    const host = env.HOST === '0.0.0.0' ? 'localhost' : env.HOST;
    console.log(`start-up split (ms): ${split.mark('listen')}`);
    console.log(
      `CivScope listening on http://${host}:${info.port} (ready in ${Math.round(performance.now() - startedAt)} ms; ${env.CIVSCOPE_ENV}; rate limit ${rateLimit ? `${rateLimit.limit}/min` : 'off'})`,
    );
  });
  server.on('error', (error) => {
    console.error(`cannot listen on ${env.HOST}:${env.PORT}: ${error.message}`);
    process.exit(1);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(JSON.stringify({ level: 'info', msg: `${signal}: no new connections; draining in-flight requests` }));
    const force = setTimeout(() => process.exit(1), DRAIN_TIMEOUT_MS);
    force.unref();
    // close() stops accepting and waits for in-flight requests; idle keep-alive sockets go now.
    server.close(() => {
      database.close().finally(() => process.exit(0));
    });
    (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
