/**
 * API throughput benchmark. Two servers on the same data and machine:
 * - the floor: a bare node:http server that runs the same SQL as /v1/observations (one indicator ×
 *   ASEAN+3 × all years) and JSON.stringify()s the rows;
 * - CivScope: the full /v1/observations through Hono, zod, the data-version cache and provenance.
 * Each is loaded with autocannon (50 connections, 10 s after a 3 s warm-up) from a separate process.
 * Postgres when DATABASE_URL is set, else the embedded PGlite (loaded into memory first).
 * Usage: npm run bench:api [-- --duration 10 --connections 50]
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp } from '../src/app.ts';
import { connectPglite } from '../src/db/pglite.ts';
import { connectPostgres } from '../src/db/postgres.ts';
import { loadShippedReleases, prepareSchema } from '../src/db/prepare.ts';
import { membersOn, todayIso } from '../src/domain/groups.ts';
import { valuesQuery } from '../src/repositories/observations.ts';

const { values: args } = parseArgs({ options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' } } });
const root = path.resolve(import.meta.dirname, '..');
const INDICATOR = 'GE.EST';

const url = process.env.DATABASE_URL;
const database = url ? connectPostgres({ url, poolSize: 10 }) : await connectPglite();
const db = database.db;
await prepareSchema(db);
await loadShippedReleases(db);

// The floor runs exactly the SQL CivScope compiles for this request.
const countries = membersOn('ASEAN+3', todayIso());
const compiled = valuesQuery(db, { indicatorCodes: [INDICATOR], countries }).compile();
const raw = url
  ? (await import('postgres')).default(url, { max: 10 })
  : null;
const pglite = url ? null : (database as Awaited<ReturnType<typeof connectPglite>>).pglite;
const runFloorQuery = async () =>
  raw ? raw.unsafe(compiled.sql, compiled.parameters as never[]) : (await pglite!.query(compiled.sql, compiled.parameters as unknown[])).rows;

const floor = createServer(async (_req, res) => {
  const rows = await runFloorQuery();
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(rows));
});
await new Promise<void>((resolve) => floor.listen(0, '127.0.0.1', resolve));
const floorPort = (floor.address() as AddressInfo).port;

const app = createApp({ db });
const civscope = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => civscope.once('listening', resolve));
const civscopePort = (civscope.address() as AddressInfo).port;

interface Result {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

function autocannon(target: string, seconds: number): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/autocannon/autocannon.js'), '--json', '-c', args.connections, '-d', String(seconds), target], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('exit', () => {
      const r = JSON.parse(out);
      resolve({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx });
    });
  });
}

async function measure(label: string, target: string): Promise<Result> {
  await autocannon(target, 3);
  const result = await autocannon(target, Number(args.duration));
  console.log(
    `${label.padEnd(28)} ${result.rps.toFixed(0).padStart(7)} req/s   p50 ${String(result.p50).padStart(4)} ms   p99 ${String(result.p99).padStart(4)} ms${result.non2xx ? `   non-2xx ${result.non2xx}` : ''}`,
  );
  return result;
}

console.log(`database: ${url ? 'Postgres' : 'PGlite (in memory)'}; ${args.connections} connections, ${args.duration} s after 3 s warm-up`);
const floorResult = await measure('floor (node:http + SQL)', `http://127.0.0.1:${floorPort}/`);
const observations = await measure('CivScope /v1/observations', `http://127.0.0.1:${civscopePort}/v1/observations?indicator=${INDICATOR}&group=ASEAN%2B3`);
await measure('CivScope /v1/rankings', `http://127.0.0.1:${civscopePort}/v1/rankings?indicator=EGDI&group=ASEAN%2B3&year=2024`);
await measure('CivScope /v1/compare', `http://127.0.0.1:${civscopePort}/v1/compare?indicators=EGDI,GE.EST,BI.WAG.TOTL.GD.ZS&group=ASEAN&latest=true`);
console.log(`ratio CivScope ÷ floor (req/s): ${(observations.rps / floorResult.rps).toFixed(2)}`);

floor.close();
civscope.close();
await raw?.end();
await database.close();
process.exit(0);
