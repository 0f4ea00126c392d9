/**
 * API throughput benchmark. Two servers on the same data and machine:
 * - the floor: a bare node:http server that runs the same SQL as /v1/observations (one indicator ×
 *   ASEAN+3 × all years) and JSON.stringify()s the rows;
 * - CivScope: the full /v1/observations through Hono, zod, the data-version cache and provenance.
 * Each is loaded with autocannon (50 connections, 10 s after a 3 s warm-up) from a separate process.
 * Postgres when DATABASE_URL is set, else the embedded PGlite (loaded into memory first).
 * Usage: npm run bench:api [-- --duration 10 --connections 50]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp } from '../src/app.ts';
import { connectPglite } from '../src/db/pglite.ts';
import { connectPostgres } from '../src/db/postgres.ts';
import { loadShippedReleases, prepareSchema } from '../src/db/prepare.ts';
import { membersOn, todayIso } from '../src/domain/groups.ts';
import { valuesQuery } from '../src/repositories/observations.ts';
import { measure as load } from './lib/load.ts';

const { values: args } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' } },
});
const INDICATOR = 'GE.EST';

const url = process.env.DATABASE_URL;
const database = url ? connectPostgres({ url, poolSize: 10 }) : await connectPglite();
const db = database.db;
await prepareSchema(db);
await loadShippedReleases(db);

// The floor runs exactly the SQL CivScope compiles for this request.
const countries = membersOn('ASEAN+3', todayIso());
const compiled = valuesQuery(db, { indicatorCodes: [INDICATOR], countries }).compile();
const raw = url ? (await import('postgres')).default(url, { max: 10 }) : null;
const pglite = url ? null : (database as Awaited<ReturnType<typeof connectPglite>>).pglite;
const runFloorQuery = async () => {
  if (raw) return raw.unsafe(compiled.sql, compiled.parameters as never[]);
  return (await (pglite as NonNullable<typeof pglite>).query(compiled.sql, compiled.parameters as unknown[])).rows;
};

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

console.log(
  `database: ${url ? 'Postgres' : 'PGlite (in memory)'}; ${args.connections} connections, ${args.duration} s after 3 s warm-up`,
);
const measure = (label: string, target: string) => load(label, target, Number(args.duration), Number(args.connections));
const floorResult = await measure('floor (node:http + SQL)', `http://127.0.0.1:${floorPort}/`);
const observations = await measure(
  'CivScope /v1/observations',
  `http://127.0.0.1:${civscopePort}/v1/observations?indicator=${INDICATOR}&group=ASEAN%2B3`,
);
await measure(
  'CivScope /v1/rankings',
  `http://127.0.0.1:${civscopePort}/v1/rankings?indicator=EGDI&group=ASEAN%2B3&year=2024`,
);
await measure(
  'CivScope /v1/compare',
  `http://127.0.0.1:${civscopePort}/v1/compare?indicators=EGDI,GE.EST,BI.WAG.TOTL.GD.ZS&group=ASEAN&latest=true`,
);
console.log(`ratio CivScope ÷ floor (req/s): ${(observations.rps / floorResult.rps).toFixed(2)}`);

floor.close();
civscope.close();
await raw?.end();
await database.close();
process.exit(0);
