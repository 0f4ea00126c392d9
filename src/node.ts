import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { openDatabase } from './db/open.ts';
import { loadShippedReleases, prepareSchema } from './db/prepare.ts';
import { parseEnv } from './env.ts';
import { summaryLine } from './ingest/summary-line.ts';
import { countObservations } from './repositories/observation-count.ts';
import { renderPng } from './render/png.ts';
import { nodeAssets } from './web/node-assets.ts';

/** Node entry: environment → database (PGlite by default, DATABASE_URL → Postgres) → serve. */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const env = parseEnv();
  const database = await openDatabase(env);
  console.log(`database: ${database.description}`);
  const applied = await prepareSchema(database.db);
  if (applied.length > 0) console.log(`migrations applied: ${applied.join(', ')}`);
  if (!env.CIVSCOPE_SKIP_SHIPPED) {
    await loadShippedReleases(database.db, (summary) => console.log(`ingest ${summaryLine(summary)}`));
  }
  console.log(`observations: ${await countObservations(database.db)}`);

  const app = createApp({ db: database.db, assets: nodeAssets(), renderPng });
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    const host = env.HOST === '0.0.0.0' ? 'localhost' : env.HOST;
    console.log(`CivScope listening on http://${host}:${info.port} (ready in ${Math.round(performance.now() - startedAt)} ms)`);
  });

  const shutdown = (signal: string) => {
    console.log(`${signal}: closing`);
    server.close(() => {
      database.close().finally(() => process.exit(0));
    });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
