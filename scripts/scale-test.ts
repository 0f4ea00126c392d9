/**
 * Scale test: every route family once more against a database of millions of observations, with
 * the server's memory watched. Not part of CI (it generates ~10 M rows; minutes on this machine).
 *
 * 1. (Re)creates the Postgres database `civscope_scale`, applies the schema and loads the shipped
 *    releases, then generates a synthetic source: `--releases` vintages × `--indicators` indicators
 *    × 14 countries × 15 years (2010–2024), in SQL (generate_series), one release per statement.
 * 2. Starts `node src/node.ts` on it with the response cache off, and requests each route
 *    `--repeat` times, sampling the server's resident memory every 25 ms.
 * 3. Prints status, body size, p50 and p99 per route, and the server's peak RSS; exits 1 when a
 *    route answers 5xx or the peak RSS reaches 1 GiB.
 *
 * Usage: npm run scale:test [-- --releases 20 --indicators 2500 --repeat 20 --keep]
 *        (ADMIN_DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/postgres)
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { connectPostgres } from '../src/db/postgres.ts';
import { loadShippedReleases, prepareSchema } from '../src/boot/prepare.ts';
import { refreshIndicatorCoverage } from '../src/repositories/coverage-writes.ts';
import { percentile } from './lib/load.ts';
import { freePort } from './lib/processes.ts';

const { values: args } = parseArgs({
  options: {
    releases: { type: 'string', default: '20' },
    indicators: { type: 'string', default: '2500' },
    repeat: { type: 'string', default: '20' },
    keep: { type: 'boolean', default: false },
  },
});
const RELEASES = Number(args.releases);
const INDICATORS = Number(args.indicators);
const REPEAT = Number(args.repeat);
const RSS_LIMIT = 1024 * 1024 * 1024;
const root = path.resolve(import.meta.dirname, '..');
const adminUrl = process.env.ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const scaleUrl = new URL(adminUrl);
scaleUrl.pathname = '/civscope_scale';

async function generate(): Promise<number> {
  const admin = connectPostgres({ url: adminUrl, poolSize: 1 });
  if (!args.keep) {
    await sql`DROP DATABASE IF EXISTS civscope_scale WITH (FORCE)`.execute(admin.db);
    await sql`CREATE DATABASE civscope_scale`.execute(admin.db);
  }
  await admin.close();
  const { db, close } = connectPostgres({ url: scaleUrl.toString(), poolSize: 1, connectTimeout: 30 });
  try {
    await prepareSchema(db);
    await loadShippedReleases(db);
    const existing = await sql<{ n: string }>`SELECT count(*) AS n FROM observation`.execute(db);
    if (args.keep && Number(existing.rows[0]?.n) > 1_000_000) return Number(existing.rows[0]?.n);
    await sql`INSERT INTO source (id, name, publisher, url, licence, citation)
      VALUES ('scale', 'Synthetic scale data', 'CivScope scale test', 'https://example.org/scale', 'CC0', 'Generated.')
      ON CONFLICT DO NOTHING`.execute(db);
    await sql`INSERT INTO indicator (code, source_id, name_en, name_vi, theme, unit, scale, higher_is_better, decimals, definition)
      SELECT 'SCALE.' || i, 'scale', 'Synthetic ' || i, 'Tổng hợp ' || i, 'context', 'points', 'score', true, 2, 'Generated.'
      FROM generate_series(1, ${INDICATORS}) AS i ON CONFLICT DO NOTHING`.execute(db);
    const countries = (await sql<{ iso3: string }>`SELECT iso3 FROM country ORDER BY iso3`.execute(db)).rows.map(
      (row) => row.iso3,
    );
    for (let r = 1; r <= RELEASES; r++) {
      const started = performance.now();
      const id = `scale:v${r}`;
      const published = `2025-${String(1 + (r % 12)).padStart(2, '0')}-01`;
      await sql`INSERT INTO release (id, source_id, label, format, published_on, file_name, sha256, row_count)
        VALUES (${id}, 'scale', ${`Vintage ${r}`}, 'tidy', ${published}, 'generated', ${'0'.repeat(64)}, 0)`.execute(
        db,
      );
      await sql`INSERT INTO observation (indicator_code, iso3, year, release_id, value)
        SELECT 'SCALE.' || i, c.iso3, y, ${id}, (i * 31 + y * 7 + ${r}) % 1000 / 10.0
        FROM generate_series(1, ${INDICATORS}) AS i, unnest(${countries}::text[]) AS c(iso3), generate_series(2010, 2024) AS y`.execute(
        db,
      );
      await sql`UPDATE data_version SET version = version + 1, changed_at = now()`.execute(db);
      console.log(`release ${r}/${RELEASES} generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    // Written in SQL above, not by the ingest: the coverage summary is refreshed as ingestion would.
    await refreshIndicatorCoverage(
      db,
      Array.from({ length: INDICATORS }, (_, i) => `SCALE.${i + 1}`),
    );
    await sql`ANALYZE`.execute(db);
    const total = await sql<{ n: string }>`SELECT count(*) AS n FROM observation`.execute(db);
    return Number(total.rows[0]?.n);
  } finally {
    await close();
  }
}

const ROUTES = [
  '/v1/observations?indicator=SCALE.7&group=ASEAN%2B3',
  '/v1/observations?indicator=EGDI&group=ASEAN%2B3',
  '/v1/observations?indicator=SCALE.7&group=ASEAN%2B3&as_of=2025-03-01',
  '/v1/rankings?indicator=SCALE.7&group=ASEAN%2B3&year=2020',
  '/v1/compare?indicators=SCALE.1,SCALE.2,SCALE.3,EGDI&group=ASEAN%2B3&latest=true',
  '/v1/profiles/VNM?group=ASEAN%2B3',
  '/v1/briefs/VNM?group=ASEAN',
  '/v1/aggregates?indicator=SCALE.7&group=ASEAN&stat=mean',
  '/v1/composite?indicators=SCALE.1,SCALE.2,SCALE.3&group=ASEAN%2B3&year=2020',
  '/v1/changes?since=2019-01-01',
  '/v1/changes?since_release=scale:v1',
  '/v1/indicators',
  '/v1/indicators/SCALE.7',
  '/v1/themes',
  '/v1/sources',
  '/v1/releases',
  '/v1/efficiency?inputs=BI.WAG.TOTL.GD.ZS&outputs=GE.EST,EGDI&group=ASEAN%2B3&latest=true&method=fdh',
  '/v1/charts/ranking?indicator=SCALE.7&group=ASEAN%2B3&year=2020',
  '/v1/charts/timeseries.svg?indicator=SCALE.7&group=ASEAN&from=2010',
  '/v1/bulk',
];

async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

async function run(): Promise<void> {
  const rows = await generate();
  console.log(`database civscope_scale: ${rows.toLocaleString('en')} observations`);
  const port = await freePort();
  const server = spawn(process.execPath, [path.join(root, 'src/node.ts')], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: scaleUrl.toString(),
      PORT: String(port),
      HOST: '127.0.0.1',
      CIVSCOPE_SKIP_SHIPPED: 'true',
      RESPONSE_CACHE: 'false',
      LOG_REQUESTS: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let peak = 0;
  const sampler = setInterval(async () => {
    peak = Math.max(peak, await rssOf(server.pid ?? 0));
  }, 25);
  let failed = false;
  try {
    for (let i = 0; ; i++) {
      if (i > 600) throw new Error('the server did not start within 60 s');
      const ready = await fetch(`http://127.0.0.1:${port}/health`).catch(() => null);
      if (ready?.ok) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.log(`\nserver RSS after start: ${((await rssOf(server.pid ?? 0)) / 2 ** 20).toFixed(0)} MiB`);
    console.log('route'.padEnd(98), 'status   bytes        p50 ms   p99 ms');
    for (const route of ROUTES) {
      const times: number[] = [];
      let status = 0;
      let bytes = 0;
      for (let i = 0; i < REPEAT; i++) {
        const started = performance.now();
        const response = await fetch(`http://127.0.0.1:${port}${route}`);
        bytes = (await response.arrayBuffer()).byteLength;
        times.push(performance.now() - started);
        status = response.status;
      }
      if (status >= 500) failed = true;
      console.log(
        route.padEnd(98),
        String(status).padEnd(8),
        String(bytes).padStart(11),
        percentile(times, 50).toFixed(1).padStart(9),
        percentile(times, 99).toFixed(1).padStart(8),
      );
    }
  } finally {
    clearInterval(sampler);
    server.kill('SIGTERM');
  }
  console.log(`\npeak server RSS: ${(peak / 2 ** 20).toFixed(0)} MiB (limit ${RSS_LIMIT / 2 ** 20} MiB)`);
  if (peak >= RSS_LIMIT || failed) process.exitCode = 1;
}

await run();
