/**
 * Soak: does the server's memory stay bounded over a long mixed run?
 *
 * Starts the server as `npm start` does (`node src/node.ts`, embedded PGlite unless
 * `--database-url` names a Postgres database) and drives `--requests` requests at a fixed rate:
 * JSON and CSV from every data route, charts as spec, SVG, PNG and PDF, briefs as JSON, HTML, PDF
 * and DOCX, Data Packages, and fuzzed input. Parameters vary (countries, years, widths, languages),
 * so the response cache sees thousands of distinct keys. The process's resident memory (main
 * thread, render threads and the embedded database, which all live in it) is sampled every
 * 250 ms and printed every `--report-every` requests (the last reading and the median of the
 * window); after the run the server idles `--idle` seconds and is measured again.
 *
 * Exits 1 when a request answers 5xx (other than 503 "renderers busy"), when the median resident
 * memory of the last window is 5 % or more above that of the window ending at half the run, or when it peaked at `--max-rss-mib` or above.
 *
 * Usage: npm run soak [-- --requests 100000 --rate 60 --database-url postgres://127.0.0.1/test
 *        --server-log /tmp/server.log]
 */
import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seededUniform } from '../src/domain/efficiency/bootstrap.ts';
import { percentile } from './lib/load.ts';
import { freePort } from './lib/processes.ts';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '100000' },
    rate: { type: 'string', default: '60' },
    'report-every': { type: 'string', default: '10000' },
    'max-in-flight': { type: 'string', default: '48' },
    idle: { type: 'string', default: '60' },
    'max-rss-mib': { type: 'string', default: '600' },
    'database-url': { type: 'string' },
    seed: { type: 'string', default: '20261206' },
    'server-log': { type: 'string' },
  },
});
const REQUESTS = Number(args.requests);
const RATE = Number(args.rate);
const REPORT_EVERY = Number(args['report-every']);
const MAX_IN_FLIGHT = Number(args['max-in-flight']);
const IDLE_SECONDS = Number(args.idle);
const MAX_RSS_MIB = Number(args['max-rss-mib']);
const GROWTH_LIMIT = 0.05;
const root = path.resolve(import.meta.dirname, '..');
const MiB = 1024 * 1024;

// The same seeded generator (mulberry32) as the bootstrap's: the same seed replays the same requests.
const random = seededUniform(Number(args.seed));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const chance = (p: number) => random() < p;
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

const COUNTRIES = ['BRN', 'KHM', 'IDN', 'LAO', 'MYS', 'MMR', 'PHL', 'SGP', 'THA', 'VNM', 'TLS', 'CHN', 'JPN', 'KOR'];
const GROUPS = ['ASEAN', 'ASEAN%2B3'];
const CHARTS = ['ranking', 'timeseries', 'small-multiples', 'slope', 'map', 'scatter', 'heatmap', 'frontier'];
const HOSTILE = [
  '',
  '%00',
  '%F0%9F%92%A5',
  '1e309',
  '-0',
  '99999999999999999999',
  '..%2F..%2Fetc%2Fpasswd',
  '__proto__',
  'constructor',
  "'%20OR%201=1--",
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  'x'.repeat(3000),
  'Vi%E1%BB%87t%20Nam',
  'NaN',
  'true,false',
];
const FUZZ_PARAMS = ['indicator', 'indicators', 'countries', 'group', 'year', 'from', 'to', 'latest', 'lang', 'format'];
const FUZZ_PATHS = ['/v1/observations', '/v1/rankings', '/v1/compare', '/v1/charts/ranking.png', '/v1/briefs/VNM'];

function countries(): string {
  const chosen = COUNTRIES.filter(() => chance(0.5));
  return (chosen.length ? chosen : ['VNM']).join(',');
}
function peers(): string {
  return chance(0.7) ? `group=${pick(GROUPS)}` : `countries=${countries()}`;
}
const lang = () => `lang=${pick(['en', 'vi'])}`;
const when = () => (chance(0.5) ? 'latest=true' : `year=${int(2012, 2024)}`);

/**
 * One request of the mix, weighted as the service is used: partners and analysts mostly read JSON
 * and CSV; charts are mostly specs drawn in the browser; images, briefs and Data Packages are
 * rarer and far costlier. About 2 requests in 5 repeat one of the last 2,000 (the same default
 * views and scheduled pulls), as real traffic does.
 */
function nextPath(indicators: readonly string[], numeric: readonly string[]): string {
  if (recent.length > 0 && chance(0.4)) return pick(recent);
  const path = freshPath(indicators, numeric);
  recent[recentNext++ % RECENT] = path;
  return path;
}
const RECENT = 2000;
const recent: string[] = [];
let recentNext = 0;

function freshPath(indicators: readonly string[], numeric: readonly string[]): string {
  const indicator = pick(indicators);
  const r = random() * 100;
  if (r < 30)
    return `/v1/observations?indicator=${indicator}&${peers()}&from=${int(2000, 2015)}&to=${int(2016, 2025)}${chance(0.3) ? '&format=csv' : ''}`;
  if (r < 42)
    return `/v1/rankings?indicator=${indicator}&${peers()}&${when()}&${lang()}${chance(0.2) ? '&format=csv' : ''}`;
  if (r < 43) return `/v1/rankings?indicator=${indicator}&${peers()}&latest=true&format=xlsx`;
  if (r < 49) return `/v1/compare?indicators=${pick(indicators)},${pick(indicators)}&${peers()}&latest=true&${lang()}`;
  if (r < 55) return `/v1/profiles/${pick(COUNTRIES)}?group=${pick(GROUPS)}&${lang()}`;
  if (r < 59)
    return `/v1/indicators?q=${encodeURIComponent(pick(['năng suất', 'nang suat', 'đào tạo', 'digital', 'training', 'chuyển đổi số', 'integrity']))}`;
  if (r < 63) return pick(['/v1/themes', '/v1/sources', '/v1/releases', '/v1/countries', '/v1/groups', '/v1/methods']);
  if (r < 65)
    return `/v1/changes?since_release=${pick(['wb-wgi:2024', 'wb-wdi:2024-11-internet-users'])}&limit=${pick([100, 1000])}`;
  if (r < 68) return `/v1/aggregates?indicator=${indicator}&group=${pick(GROUPS)}&stat=${pick(['median', 'mean'])}`;
  if (r < 70)
    return `/v1/efficiency?inputs=${pick(numeric)}&outputs=${pick(numeric)}&group=${pick(GROUPS)}&latest=true`;
  if (r < 71) return `/v1/composite?indicators=${pick(numeric)},${pick(numeric)}&group=${pick(GROUPS)}&latest=true`;
  const chart = pick(CHARTS);
  const chartQuery = `indicator=${indicator}&indicators=${pick(numeric)},${pick(numeric)}&x=${pick(numeric)}&y=${pick(numeric)}&inputs=${pick(numeric)}&outputs=${pick(numeric)}&${peers()}&${lang()}&width=${int(320, 900)}`;
  if (r < 80) return `/v1/charts/${chart}?${chartQuery}`;
  if (r < 86) return `/v1/charts/${chart}.svg?${chartQuery}`;
  if (r < 89) return `/v1/charts/${chart}.png?${chartQuery}&scale=${pick([1, 2])}`;
  if (r < 90.5) return `/v1/charts/${chart}.pdf?${chartQuery}`;
  if (r < 91.5) return `/embed/${chart}?${chartQuery}`;
  if (r < 92) return `/v1/briefs/${pick(COUNTRIES)}?group=${pick(GROUPS)}&${lang()}`;
  if (r < 92.3) return `/v1/briefs/${pick(COUNTRIES)}?group=${pick(GROUPS)}&${lang()}&format=html`;
  if (r < 92.5) return `/v1/briefs/${pick(COUNTRIES)}?group=${pick(GROUPS)}&${lang()}&format=pdf`;
  if (r < 92.6) return `/v1/briefs/${pick(COUNTRIES)}?group=${pick(GROUPS)}&${lang()}&format=docx`;
  if (r < 93) return pick(['/v1/bulk', '/v1/bulk/all', '/v1/bulk/wb-wgi:2026', '/v1/bulk/wb-findex:2025']);
  const params = FUZZ_PARAMS.filter(() => chance(0.4)).map((p) => `${p}=${pick(HOSTILE)}`);
  return `${pick(FUZZ_PATHS)}?${params.join('&')}`;
}

/** `npm start`'s own environment settings and node arguments (its memory limits), from package.json. */
function startCommand(): { env: Record<string, string>; args: string[] } {
  const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const match = /^((?:\w+=\S+ )*)exec node (.+)$/.exec(scripts.start);
  if (!match?.[2]) throw new Error(`cannot read the node arguments of the start script: ${scripts.start}`);
  const env = Object.fromEntries(
    (match[1] ?? '')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => pair.split('=')),
  );
  return { env, args: match[2].split(/\s+/) };
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

async function waitReady(base: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not become ready in 30 s');
}

async function main(): Promise<void> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const start = startCommand();
  const env: NodeJS.ProcessEnv = { ...process.env, ...start.env, PORT: String(port) };
  if (args['database-url']) env.DATABASE_URL = args['database-url'];
  // The server's request log goes to --server-log when given (to read the cause of a 5xx).
  const log = args['server-log'] ? openSync(args['server-log'], 'w') : 'ignore';
  const server = spawn(process.execPath, start.args, { cwd: root, env, stdio: ['ignore', log, 'inherit'] });
  const pid = server.pid as number;
  try {
    await waitReady(base);
    const catalogue = (await (await fetch(`${base}/v1/indicators`)).json()) as {
      indicators: { code: string; scale: string }[];
    };
    const indicators = catalogue.indicators.map((i) => i.code);
    const numeric = catalogue.indicators.filter((i) => i.scale !== 'mandate').map((i) => i.code);
    const startRss = rssOf(pid);
    console.log(
      `soak: ${REQUESTS} requests at ${RATE}/s (at most ${MAX_IN_FLIGHT} in flight) on ${args['database-url'] ? 'Postgres' : 'embedded PGlite'}; ${indicators.length} indicators`,
    );
    console.log(`resident memory at start: ${(startRss / MiB).toFixed(0)} MiB`);
    console.log('requests   seconds   RSS MiB   median MiB   peak MiB   2xx/3xx    4xx   503   5xx   p50 ms   p99 ms');

    let peak = startRss;
    // Samples since the last checkpoint: their median is what growth compares, since a single
    // reading swings by tens of MiB as render threads are replaced.
    let samples: number[] = [];
    const sampler = setInterval(() => {
      const rss = rssOf(pid);
      samples.push(rss);
      peak = Math.max(peak, rss);
    }, 250);
    const checkpoints: { requests: number; median: number }[] = [{ requests: 0, median: startRss }];
    const counts = { ok: 0, client: 0, busy: 0, server: 0 };
    const failures: string[] = [];
    let latencies: number[] = [];
    let sent = 0;
    let done = 0;
    let inFlight = 0;
    const started = performance.now();
    const interval = 1000 / RATE;

    await new Promise<void>((resolve) => {
      const one = async (url: string) => {
        const t0 = performance.now();
        try {
          const response = await fetch(base + url);
          await response.arrayBuffer();
          if (response.status < 400) counts.ok++;
          else if (response.status === 503) counts.busy++;
          else if (response.status < 500) counts.client++;
          else {
            counts.server++;
            if (failures.length < 10) failures.push(`${response.status} ${url}`);
          }
        } catch (error) {
          counts.server++;
          if (failures.length < 10) failures.push(`${(error as Error).message} ${url}`);
        }
        latencies.push(performance.now() - t0);
        inFlight--;
        done++;
        if (done % REPORT_EVERY === 0 || done === REQUESTS) {
          const rss = rssOf(pid);
          peak = Math.max(peak, rss);
          const median = samples.length ? percentile(samples, 50) : rss;
          samples = [];
          checkpoints.push({ requests: done, median });
          console.log(
            `${String(done).padStart(8)}  ${((performance.now() - started) / 1000).toFixed(0).padStart(8)}  ${(rss / MiB).toFixed(0).padStart(8)}  ${(median / MiB).toFixed(0).padStart(11)}  ${(peak / MiB).toFixed(0).padStart(9)}  ${String(counts.ok).padStart(8)}  ${String(counts.client).padStart(5)}  ${String(counts.busy).padStart(4)}  ${String(counts.server).padStart(4)}  ${percentile(latencies, 50).toFixed(0).padStart(7)}  ${percentile(latencies, 99).toFixed(0).padStart(7)}`,
          );
          latencies = [];
        }
        if (done === REQUESTS) resolve();
      };
      // Open loop at a fixed rate: a request goes out on schedule unless MAX_IN_FLIGHT are
      // already waiting, in which case it waits for a slot (the rate achieved is printed).
      const tick = () => {
        const due = Math.min(REQUESTS, Math.floor((performance.now() - started) / interval) + 1);
        while (sent < due && inFlight < MAX_IN_FLIGHT) {
          sent++;
          inFlight++;
          void one(nextPath(indicators, numeric));
        }
        if (sent < REQUESTS) setTimeout(tick, Math.max(1, interval));
      };
      tick();
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`achieved ${(REQUESTS / seconds).toFixed(1)} requests/s over ${seconds.toFixed(0)} s`);

    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    const idleRss = rssOf(pid);
    clearInterval(sampler);

    const half = checkpoints.find((c) => c.requests >= REQUESTS / 2) ?? checkpoints[0];
    const last = checkpoints.at(-1) ?? half;
    const growth = half && last ? (last.median - half.median) / half.median : 0;
    console.log(`resident memory after ${IDLE_SECONDS} s idle: ${(idleRss / MiB).toFixed(0)} MiB`);
    console.log(
      `growth over the last ${REQUESTS - (half?.requests ?? 0)} requests (median of the window ending there): ${(growth * 100).toFixed(1)} % (goal < ${GROWTH_LIMIT * 100} %)`,
    );
    console.log(`peak resident memory: ${(peak / MiB).toFixed(0)} MiB (goal < ${MAX_RSS_MIB} MiB)`);
    for (const failure of failures) console.log(`server error: ${failure}`);
    const ok = counts.server === 0 && growth < GROWTH_LIMIT && peak < MAX_RSS_MIB * MiB;
    console.log(ok ? 'soak: PASS' : 'soak: FAIL');
    process.exitCode = ok ? 0 : 1;
  } finally {
    server.kill('SIGTERM');
  }
}

await main();
