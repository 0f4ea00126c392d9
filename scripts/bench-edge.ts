/**
 * Edge benchmark: the Worker under workerd (wrangler dev, local Hyperdrive) and the Node server,
 * both on the same Postgres, loaded with autocannon on /v1/observations (one indicator × ASEAN+3 ×
 * all years): warm (response cache on) and cold (response cache off, every request queries). Prints
 * requests/s and p99 for each, plus the Worker bundle size.
 * Usage: DATABASE_URL=postgres://… npm run bench:edge [-- --duration 10 --connections 50]
 * The database named by DATABASE_URL is created if missing and seeded with the shipped releases.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { connectPostgres } from '../src/db/postgres.ts';
import { measureWorkerBundle } from './check-bundle.ts';
import { measure } from './lib/load.ts';
import { freePort, run, startServer } from './lib/processes.ts';

const { values: args } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' } },
});
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/civscope_bench';
const PATH = '/v1/observations?indicator=GE.EST&group=ASEAN%2B3';

const target = new URL(databaseUrl);
const name = target.pathname.slice(1);
const admin = new URL(databaseUrl);
admin.pathname = '/postgres';
const adminDb = connectPostgres({ url: admin.toString(), poolSize: 1 });
const exists = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_database WHERE datname = ${name}`.execute(
  adminDb.db,
);
if (exists.rows[0]?.n === 0) await sql`CREATE DATABASE ${sql.id(name)}`.execute(adminDb.db);
await adminDb.close();
await run('node', ['src/cli/ingest.ts', '--all'], { DATABASE_URL: databaseUrl });

const { bytes, gzipBytes } = await measureWorkerBundle();
console.log(`Worker bundle: ${(bytes / 1024).toFixed(1)} KiB, gzip ${(gzipBytes / 1024).toFixed(1)} KiB`);
console.log(`${args.connections} connections, ${args.duration} s after 3 s warm-up; ${PATH}`);

const withPassword = new URL(databaseUrl);
withPassword.password = withPassword.password || 'local';
const seconds = Number(args.duration);
const connections = Number(args.connections);

for (const cache of ['warm', 'cold'] as const) {
  const nodePort = await freePort();
  const node = await startServer(
    'node',
    ['src/node.ts'],
    {
      DATABASE_URL: databaseUrl,
      CIVSCOPE_SKIP_SHIPPED: 'true',
      PORT: String(nodePort),
      HOST: '127.0.0.1',
      LOG_REQUESTS: 'false',
      RESPONSE_CACHE: String(cache === 'warm'),
    },
    nodePort,
  );
  await measure(`Node, ${cache} cache`, `http://127.0.0.1:${nodePort}${PATH}`, seconds, connections);
  await node.stop();
  const workerPort = await freePort();
  const worker = await startServer(
    'wrangler',
    [
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(workerPort),
      '--var',
      'LOG_REQUESTS:false',
      '--var',
      'RATE_LIMIT_PER_MINUTE:0',
      '--var',
      `RESPONSE_CACHE:${cache === 'warm'}`,
      '--show-interactive-dev-session=false',
    ],
    {
      CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: withPassword.toString(),
      WRANGLER_SEND_METRICS: 'false',
      CI: 'true',
    },
    workerPort,
  );
  await measure(`Worker (workerd), ${cache} cache`, `http://127.0.0.1:${workerPort}${PATH}`, seconds, connections);
  await worker.stop();
}
process.exit(0);
