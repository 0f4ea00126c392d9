/**
 * Chart benchmark. For each chart type, over 100 runs each (after 5 warm-up runs): the median and
 * p95 time to build the spec (analysis + builder), to render it to SVG (vega), to PNG at scale 1 and 2 (vega SVG
 * then resvg) and to PDF (vega SVG then pdfkit with Noto Sans embedded), each from the spec.
 * Then the throughput of /v1/charts/ranking against /v1/observations for the same data, loaded
 * side by side with autocannon (50 connections, 10 s after a 3 s warm-up).
 * Usage: npm run bench:charts [-- --runs 100 --duration 10]
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp } from '../src/app.ts';
import { CHART_TYPES, type ChartType } from '../src/charts/chart-types.ts';
import { buildChart, type ChartQuery } from '../src/services/chart.ts';
import { connectPglite } from '../src/db/pglite.ts';
import { loadShippedReleases, prepareSchema } from '../src/boot/prepare.ts';
import { renderPdf } from '../src/render/pdf.ts';
import { renderPng } from '../src/render/png.ts';
import { renderSvg } from '../src/render/svg.ts';
import { inThreadRenderer } from '../src/render/chart-renderer.ts';
import { RENDERERS } from '../src/render/renderers.ts';
import { loadHighsSolver } from '../src/solver/highs.ts';
import { measure, percentile } from './lib/load.ts';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '100' }, duration: { type: 'string', default: '10' } },
});
const RUNS = Number(args.runs);

const { db, close } = await connectPglite();
await prepareSchema(db);
await loadShippedReleases(db);
const deps = { db, lpSolver: loadHighsSolver };

const base = { lang: 'en', data: 'inline', width: 640, height: 360 } as const;
const QUERIES: Record<ChartType, ChartQuery> = {
  ranking: { ...base, indicator: 'EGDI', group: 'ASEAN+3', year: 2024 },
  timeseries: { ...base, indicator: 'EGDI', group: 'ASEAN' },
  heatmap: { ...base, indicators: ['EGDI', 'OSI', 'TII', 'GE.EST'], group: 'ASEAN' },
  scatter: { ...base, x: 'BI.WAG.TOTL.GD.ZS', y: 'GE.EST', group: 'ASEAN+3', trend: true },
  slope: { ...base, indicator: 'EGDI', group: 'ASEAN', from: 2022, to: 2024 },
  map: { ...base, indicator: 'GE.EST', group: 'ASEAN+3', year: 2023 },
  'small-multiples': { ...base, indicator: 'BI.WAG.TOTL.GD.ZS', group: 'ASEAN' },
  frontier: { ...base, inputs: ['BI.WAG.TOTL.GD.ZS'], outputs: ['EGDI'], group: 'ASEAN+3', highlight: ['VNM'] },
  'productivity-change': {
    ...base,
    inputs: ['BI.WAG.TOTL.GD.ZS'],
    outputs: ['GE.PER.RNK', 'EGDI'],
    group: 'ASEAN+3',
    from: 2016,
    to: 2018,
  },
};

async function time(fn: () => Promise<unknown> | unknown): Promise<number[]> {
  for (let i = 0; i < 5; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

const fmt = (samples: number[]) =>
  `${percentile(samples, 50).toFixed(1).padStart(6)} / ${percentile(samples, 95).toFixed(1).padStart(6)}`;
console.log(`median / p95 ms over ${RUNS} runs`);
console.log(`chart type          spec              SVG               PNG scale 1       PNG scale 2       PDF`);
for (const type of CHART_TYPES) {
  const built = await buildChart(deps, type, QUERIES[type], 'http://localhost');
  const spec = await time(() => buildChart(deps, type, QUERIES[type], 'http://localhost'));
  const svgTimes = await time(() => renderSvg(built.spec));
  // PNG is timed from the spec: vega's SVG, then resvg's raster, as the .png route does.
  const png1 = await time(async () => renderPng(await renderSvg(built.spec), 1));
  const png2 = await time(async () => renderPng(await renderSvg(built.spec), 2));
  const pdf = await time(async () => renderPdf(await renderSvg(built.spec)));
  console.log(`${type.padEnd(18)}  ${[spec, svgTimes, png1, png2, pdf].map((t) => fmt(t).padEnd(16)).join('  ')}`);
}

const app = createApp({ db, renderer: inThreadRenderer(RENDERERS) });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => server.once('listening', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
console.log('\nthroughput, same data (EGDI, ASEAN+3, 2024):');
const observations = await measure(
  '/v1/observations',
  `${origin}/v1/observations?indicator=EGDI&group=ASEAN%2B3&from=2024&to=2024`,
  Number(args.duration),
  50,
);
const chart = await measure(
  '/v1/charts/ranking (spec)',
  `${origin}/v1/charts/ranking?indicator=EGDI&group=ASEAN%2B3&year=2024`,
  Number(args.duration),
  50,
);
console.log(`ratio charts ÷ observations (req/s): ${(chart.rps / observations.rps).toFixed(2)}`);
server.close();
await close();
process.exit(0);
