import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import path from 'node:path';
import { serve } from '@hono/node-server';
import type { createApp as CreateApp } from './app.ts';
import { prepareServedDatabase, seedEmbeddedDataDir } from './boot/served-database.ts';
import { lockDataDir } from './db/data-dir-lock.ts';
import { openDatabase } from './db/open.ts';
import { parseEnv, publicOriginOf, rateLimitOf } from './env.ts';
import { dataVersionSource } from './http/data-version.ts';
import { jsonLogger } from './http/request-log.ts';
import { noResponseStore } from './http/response-cache.ts';
import { countObservations } from './repositories/observation-count.ts';

/** The app and its chart libraries: about half of start-up is loading them, so it overlaps the database work. */
async function loadServerModules() {
  const [{ createApp }, { renderPool }, { nodeAssets }] = await Promise.all([
    import('./app.ts'),
    import('./render/render-pool.ts'),
    import('./web/node-assets.ts'),
  ]);
  return { createApp, renderPool, nodeAssets };
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
  const modulesLoading = loadServerModules();
  const dataDir = env.DATABASE_URL ? undefined : path.resolve(env.CIVSCOPE_DATA_DIR);
  // Before anything touches the directory: a second server on it must refuse, not seed it too.
  const unlock = dataDir ? await lockDataDir(dataDir) : async () => {};
  if (dataDir && !env.CIVSCOPE_SKIP_SHIPPED) await seedEmbeddedDataDir(dataDir, console.log);
  split.mark('snapshot');
  const database = await openDatabase(env, true);
  split.mark('open');
  console.log(`database: ${database.description}`);
  await prepareServedDatabase(database.db, { dataDir, loadShipped: !env.CIVSCOPE_SKIP_SHIPPED, log: console.log });
  split.mark('prepare');
  console.log(`observations: ${await countObservations(database.db)}`);
  const modules = await modulesLoading;
  const { renderPool } = modules;
  // Charts are drawn in worker threads (one per core, bounded queue): JSON never waits behind a PNG.
  const renderer = renderPool();
  split.mark('modules');

  const rateLimit = rateLimitOf(env);
  const app = nodeApp(env, database.db, renderer, modules.createApp, modules.nodeAssets);
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    const host = env.HOST === '0.0.0.0' ? 'localhost' : env.HOST;
    console.log(`start-up split (ms): ${split.mark('listen')}`);
    renderer.warm();
    console.log(
      `CivScope listening on http://${host}:${info.port} (ready in ${Math.round(performance.now() - startedAt)} ms; ${env.CIVSCOPE_ENV}; rate limit ${rateLimit ? `${rateLimit.limit}/min` : 'off'})`,
    );
  });
  server.on('error', (error) => {
    console.error(`cannot listen on ${env.HOST}:${env.PORT}: ${error.message}`);
    process.exit(1);
  });

  const shutdown = drainOnSignal(server, env.DRAIN_TIMEOUT_MS, async () => {
    await renderer.close();
    await database.close();
    await unlock();
  });
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

/** The app as `npm start` serves it: every dependency that is Node-only or loaded on first use. */
function nodeApp(
  env: ReturnType<typeof parseEnv>,
  db: Parameters<typeof CreateApp>[0]['db'],
  renderer: Parameters<typeof CreateApp>[0]['renderer'],
  createApp: typeof CreateApp,
  nodeAssets: Awaited<ReturnType<typeof loadServerModules>>['nodeAssets'],
) {
  // Uploads pull in the readers (danfojs): load them only when the first upload arrives.
  const ingest = async (upload: Parameters<NonNullable<Parameters<typeof CreateApp>[0]['ingest']>>[0]) => {
    const { uploadIngester } = await import('./ingest/upload.ts');
    return uploadIngester(db)(upload);
  };
  return createApp({
    db,
    versions: dataVersionSource(db, env.DATA_VERSION_TTL_MS),
    responseStore: env.RESPONSE_CACHE ? undefined : noResponseStore,
    assets: nodeAssets(),
    renderer,
    // Loaded on the first DEA request: the WebAssembly solver costs nothing at start-up.
    lpSolver: () => import('./solver/highs.ts').then((solver) => solver.loadHighsSolver()),
    replicationLpSolver: () => import('./solver/yalps-lp.ts').then((solver) => solver.yalpsSolver()),
    // exceljs is loaded on the first xlsx request.
    spreadsheet: (table) => import('./render/xlsx.ts').then((xlsx) => xlsx.writeWorkbook(table)),
    briefDocuments: {
      pdf: (brief, charts, part) => import('./documents/brief-pdf.ts').then((m) => m.briefPdf(brief, charts, part)),
      docx: (brief, charts, part) => import('./documents/brief-docx.ts').then((m) => m.briefDocx(brief, charts, part)),
    },
    ingest,
    adminKeyHashes: env.ADMIN_KEY_SHA256,
    uploadMaxBytes: env.UPLOAD_MAX_BYTES,
    rateLimit: rateLimitOf(env),
    adminRateLimit: { limit: env.ADMIN_RATE_LIMIT_PER_MINUTE, windowMs: 60_000 },
    proxyTrust: { proxies: env.TRUST_PROXY, cfConnectingIp: false },
    publicOrigin: publicOriginOf(env) ?? null,
    log: env.LOG_REQUESTS ? jsonLogger : undefined,
  });
}

/**
 * Graceful stop: no new connections; every response from now on says `Connection: close`, so
 * keep-alive clients go elsewhere after the answer they are waiting for; idle sockets close at
 * once; in-flight requests finish (up to DRAIN_TIMEOUT_MS, 25 s by default), then the database closes and the
 * process exits 0.
 */
function drainOnSignal(server: ReturnType<typeof serve>, drainTimeoutMs: number, closeResources: () => Promise<void>) {
  let stopping = false;
  const http = server as unknown as Server;
  const inFlight = new Set<ServerResponse>();
  http.on('request', (_request: IncomingMessage, response: ServerResponse) => {
    // Registered after @hono/node-server's listener, which answers only after an await: this runs first.
    if (stopping) response.setHeader('connection', 'close');
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
  });
  return (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Answers still being computed close their connection too, so the client does not reuse it.
    for (const response of inFlight) if (!response.headersSent) response.setHeader('connection', 'close');
    console.log(JSON.stringify({ level: 'info', msg: `${signal}: no new connections; draining in-flight requests` }));
    const force = setTimeout(() => {
      console.error(JSON.stringify({ level: 'error', msg: 'drain timed out; exiting', in_flight: inFlight.size }));
      process.exit(1);
    }, drainTimeoutMs);
    force.unref();
    const signalledAt = performance.now();
    http.close(() => {
      const drainedMs = Math.round(performance.now() - signalledAt);
      closeResources().finally(() => {
        const closedMs = Math.round(performance.now() - signalledAt - drainedMs);
        console.log(JSON.stringify({ level: 'info', msg: 'stopped', drained_ms: drainedMs, closed_ms: closedMs }));
        process.exit(0);
      });
    });
    http.closeIdleConnections();
    // A keep-alive socket that goes idle after its last answer closes too.
    const sweep = setInterval(() => http.closeIdleConnections(), 100);
    sweep.unref();
  };
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
