/**
 * API throughput benchmark: every route a partner or report author hits, uncached and cached,
 * against a floor that does the same work without the framework.
 *
 * - floor: a bare node:http server that, per route, runs exactly the SQL statements CivScope runs
 *   for that request (captured from the app, all at once, prepared) and serialises the same JSON
 *   document the app answers (captured once, serialised again with JSON.stringify every time); for
 *   the chart spec it also lays the app's spec out (its size, as the app reports it); for images it
 *   renders the app's own spec to SVG (vega) and PNG (resvg) in its thread. Nothing the floor does
 *   is cached: only the document's content is taken from the app, not the work of building it.
 * - floor on Hono: the same floor as a bare Hono app on @hono/node-server (one route, no middleware,
 *   validation or service), to tell the framework's own cost from the app's.
 * - uncached: the full app with the response cache off (every request runs its queries, builds its
 *   body and, for charts, renders in the render pool's worker threads as `npm start` does) — the
 *   path a partner with varied queries hits.
 * - cached: the full app with its response cache (repeat requests), as the earlier benchmark measured.
 * Each is loaded with autocannon (N connections, D s after a 3 s warm-up) from a separate process.
 * Postgres when DATABASE_URL is set, else the embedded PGlite (in memory).
 * - /health under image load: /health (1 connection) while 20 connections request uncached PNGs,
 *   with charts drawn in the render pool and, for comparison, on the event loop.
 * Usage: npm run bench:api [-- --duration 10 --connections 50 --routes observations,rankings --skip-health]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { TopLevelSpec } from 'vega-lite';
import { createApp } from '../src/app.ts';
import { connectPglite } from '../src/db/pglite.ts';
import { connectPostgres } from '../src/db/postgres.ts';
import { loadShippedReleases, prepareSchema } from '../src/boot/prepare.ts';
import { noResponseStore } from '../src/http/response-cache.ts';
import { inThreadRenderer } from '../src/render/chart-renderer.ts';
import { renderPng } from '../src/render/png.ts';
import { renderPool } from '../src/render/render-pool.ts';
import { RENDERERS } from '../src/render/renderers.ts';
import { chartSize, renderSvg } from '../src/render/svg.ts';
import { autocannon, type LoadResult, measure as load } from './lib/load.ts';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    routes: { type: 'string', default: '' },
    'skip-health': { type: 'boolean', default: false },
  },
});

interface Route {
  name: string;
  path: string;
  /** What the floor does after its queries: serialise rows, or render the app's chart spec. */
  body: 'json' | 'spec' | 'svg' | 'png';
}

const CHART_QUERY = 'indicator=EGDI&group=ASEAN%2B3&year=2024';
const ROUTES: Route[] = [
  { name: 'observations', path: '/v1/observations?indicator=EGDI&group=ASEAN%2B3', body: 'json' },
  { name: 'rankings', path: '/v1/rankings?indicator=EGDI&group=ASEAN%2B3&year=2024', body: 'json' },
  {
    name: 'compare',
    path: '/v1/compare?indicators=EGDI,GE.EST,BI.WAG.TOTL.GD.ZS&group=ASEAN&latest=true',
    body: 'json',
  },
  { name: 'composite', path: '/v1/composite?indicators=EGDI,GE.EST,CC.EST&group=ASEAN%2B3&year=2022', body: 'json' },
  { name: 'chart spec', path: `/v1/charts/ranking?${CHART_QUERY}`, body: 'spec' },
  { name: 'chart SVG', path: `/v1/charts/ranking.svg?${CHART_QUERY}`, body: 'svg' },
  { name: 'chart PNG', path: `/v1/charts/ranking.png?${CHART_QUERY}`, body: 'png' },
];
const selected = args.routes ? ROUTES.filter((route) => args.routes?.split(',').includes(route.name)) : ROUTES;

const url = process.env.DATABASE_URL;
const embedded = url ? null : await connectPglite();
const database = embedded ?? connectPostgres({ url: url as string, poolSize: 10 });
await prepareSchema(database.db);
await loadShippedReleases(database.db);

/**
 * The statements one uncached request runs, read from an in-memory PGlite copy of the data whose
 * query method is wrapped (Kysely compiles the same SQL for PGlite and postgres.js).
 */
async function captureStatements(
  routes: Route[],
): Promise<{ statements: Map<string, { sql: string; params: unknown[] }[]>; documents: Map<string, unknown> }> {
  const capture = await connectPglite();
  await prepareSchema(capture.db);
  await loadShippedReleases(capture.db);
  let log: { sql: string; params: unknown[] }[] = [];
  const query = capture.pglite.query.bind(capture.pglite);
  capture.pglite.query = ((sql: string, params?: unknown[], options?: never) => {
    log.push({ sql, params: params ?? [] });
    return query(sql, params, options);
  }) as typeof capture.pglite.query;
  const app = createApp({ db: capture.db, responseStore: noResponseStore, renderer: inThreadRenderer(RENDERERS) });
  const statements = new Map<string, { sql: string; params: unknown[] }[]>();
  const documents = new Map<string, unknown>();
  for (const route of routes) {
    await app.request(route.path); // warms the data version, which the app re-reads once a second
    log = [];
    const response = await app.request(route.path);
    if (response.status !== 200) throw new Error(`${route.path} answered ${response.status}`);
    if (route.body === 'json') documents.set(route.name, await response.json());
    // The data version is read once a second for all requests together, not per request.
    statements.set(
      route.name,
      log.filter((statement) => !statement.sql.includes('from "data_version"')),
    );
    if (process.env.BENCH_VERBOSE)
      console.log(
        route.name,
        log.map((s) => s.sql.slice(0, 80)),
      );
  }
  await capture.close();
  return { statements, documents };
}

/** The chart spec the app renders, so the floor renders exactly the same picture. */
async function chartSpec(): Promise<TopLevelSpec> {
  const app = createApp({ db: database.db, responseStore: noResponseStore });
  const response = await app.request(`/v1/charts/ranking?${CHART_QUERY}`);
  return ((await response.json()) as { spec: TopLevelSpec }).spec;
}

const { statements, documents } = await captureStatements(selected);
const spec = await chartSpec();
const raw = url ? (await import('postgres')).default(url, { max: 10, onnotice: () => {} }) : null;
const run = async ({ sql, params }: { sql: string; params: unknown[] }) => {
  if (raw) return raw.unsafe(sql, params as never[], { prepare: true });
  return (await (embedded as NonNullable<typeof embedded>).pglite.query(sql, params)).rows;
};

/** What the floor answers for a route: the same statements, then the same document or picture. */
async function floorAnswer(route: Route): Promise<{ type: string; body: string | Uint8Array }> {
  // All statements at once: no schedule the app could choose is faster than this.
  const results = await Promise.all((statements.get(route.name) ?? []).map(run));
  // The rows were read (postgres.js parsed every one); the document written is the app's own.
  if (route.body === 'json') return { type: 'application/json', body: JSON.stringify(documents.get(route.name)) };
  if (route.body === 'spec') {
    // The chart JSON's own work beyond its queries: the layout that sizes the iframe snippets.
    const size = await chartSize(spec);
    return { type: 'application/json', body: JSON.stringify({ results, spec, size }) };
  }
  const svg = await renderSvg(spec);
  if (route.body === 'svg') return { type: 'image/svg+xml', body: svg };
  return { type: 'image/png', body: await renderPng(svg, 1) };
}

const routeNamed = (name: string) => selected.find((candidate) => candidate.name === name);

const floor = createServer((req, res) => {
  const route = routeNamed(decodeURIComponent(req.url?.slice(1) ?? ''));
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  floorAnswer(route)
    .then(({ type, body }) => {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    })
    .catch((error) => res.writeHead(500).end(String(error)));
});
await new Promise<void>((resolve) => floor.listen(0, '127.0.0.1', resolve));

/**
 * The same floor behind Hono on @hono/node-server, with no middleware, validation or service: what
 * the framework alone costs, so the app's ratio can be read against what any Hono app could reach.
 */
const honoFloorApp = new Hono().get('/:name', async (c) => {
  const route = routeNamed(c.req.param('name'));
  if (!route) return c.notFound();
  const { type, body } = await floorAnswer(route);
  return c.body(body as string, 200, { 'content-type': type });
});
const honoFloor = serve({ fetch: honoFloorApp.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => honoFloor.once('listening', resolve));

async function listen(app: ReturnType<typeof createApp>): Promise<{ port: number; close: () => void }> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}
// As `npm start` serves: charts drawn in a pool of worker threads, one per core.
const renderer = renderPool();
const uncached = await listen(createApp({ db: database.db, responseStore: noResponseStore, renderer }));
const cached = await listen(createApp({ db: database.db, renderer }));
const floorPort = (floor.address() as AddressInfo).port;

console.log(
  `database: ${url ? 'Postgres' : 'PGlite (in memory)'}; ${args.connections} connections, ${args.duration} s after 3 s warm-up`,
);
const measure = (label: string, target: string) => load(label, target, Number(args.duration), Number(args.connections));
const rows: { route: Route; floor: LoadResult; honoFloor: LoadResult; uncached: LoadResult; cached: LoadResult }[] = [];
const honoFloorPort = (honoFloor.address() as AddressInfo).port;
for (const route of selected) {
  const queries = statements.get(route.name)?.length ?? 0;
  console.log(`\n${route.name}: ${route.path} (${queries} statements)`);
  rows.push({
    route,
    floor: await measure('  floor', `http://127.0.0.1:${floorPort}/${encodeURIComponent(route.name)}`),
    honoFloor: await measure('  floor on Hono', `http://127.0.0.1:${honoFloorPort}/${encodeURIComponent(route.name)}`),
    uncached: await measure('  CivScope uncached', `http://127.0.0.1:${uncached.port}${route.path}`),
    cached: await measure('  CivScope cached', `http://127.0.0.1:${cached.port}${route.path}`),
  });
}

const ratio = (a: LoadResult, b: LoadResult) => (a.rps / b.rps).toFixed(2);
console.log(
  '\nroute          floor req/s (p99)   on Hono req/s (p99)   uncached req/s (p99)   uncached ÷ floor   uncached ÷ on Hono   cached req/s (p99)',
);
for (const row of rows) {
  const cell = (r: LoadResult) => `${r.rps.toFixed(0)} (${r.p99} ms)`.padEnd(21);
  console.log(
    `${row.route.name.padEnd(14)} ${cell(row.floor)} ${cell(row.honoFloor)} ${cell(row.uncached)}  ${ratio(row.uncached, row.floor).padEnd(17)}  ${ratio(row.uncached, row.honoFloor).padEnd(19)} ${cell(row.cached)}`,
  );
}

/** /health latency while 20 connections keep the app drawing uncached PNGs. */
async function healthUnderPngLoad(label: string, app: ReturnType<typeof createApp>): Promise<void> {
  const server = await listen(app);
  const png = `http://127.0.0.1:${server.port}/v1/charts/ranking.png?${CHART_QUERY}`;
  await autocannon(png, 3, 20); // warm-up: threads started, fonts and vega loaded
  const [images, health] = await Promise.all([
    autocannon(png, Number(args.duration), 20),
    autocannon(`http://127.0.0.1:${server.port}/health`, Number(args.duration), 1),
  ]);
  console.log(
    `${label.padEnd(22)} /health p50 ${health.p50} ms, p99 ${health.p99} ms (${health.rps.toFixed(0)} req/s)   ` +
      `PNG ${images.rps.toFixed(1)} req/s, p99 ${images.p99} ms${images.non2xx ? `, non-2xx ${images.non2xx}` : ''}`,
  );
  server.close();
}

if (!args['skip-health']) {
  console.log('\n/health while 20 connections request uncached PNGs:');
  await healthUnderPngLoad('render pool', createApp({ db: database.db, responseStore: noResponseStore, renderer }));
  await healthUnderPngLoad(
    'on the event loop',
    createApp({ db: database.db, responseStore: noResponseStore, renderer: inThreadRenderer(RENDERERS) }),
  );
}

floor.close();
honoFloor.close();
await renderer.close();
uncached.close();
cached.close();
await raw?.end();
await database.close();
process.exit(0);
