import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { sha256Hex } from '../../src/http/admin-auth.ts';
import { dataVersionSource } from '../../src/http/data-version.ts';
import { uploadIngester } from '../../src/ingest/upload.ts';
import { inThreadRenderer } from '../../src/render/chart-renderer.ts';
import { RENDERERS } from '../../src/render/renderers.ts';
import { loadHighsSolver } from '../../src/solver/highs.ts';
import { nodeAssets } from '../../src/web/node-assets.ts';
import { useLoadedApp } from '../helpers/app.ts';

/**
 * 10,000+ generated requests over every route (data, charts and their .svg/.png, /embed, /assets,
 * /docs, /openapi.json, admin) with hostile values: unicode, huge and odd numbers, repeated
 * parameters, encoded slashes and dots, prototype names, SQL fragments, markup. Nothing a client
 * sends may cause an answer >= 500, and every error is problem+json. In process (`app.request`),
 * with a fixed seed so a failure replays.
 */
const loaded = useLoadedApp();
const REQUESTS = 10_500;
const SEED = 20261123;

const PATHS = [
  '/',
  '/docs',
  '/openapi.json',
  '/health',
  '/ready',
  '/v1/aggregates',
  '/v1/changes',
  '/v1/charts/{chart}',
  '/v1/compare',
  '/v1/composite',
  '/v1/countries',
  '/v1/countries/{x}',
  '/v1/efficiency',
  '/v1/efficiency/change',
  '/v1/groups',
  '/v1/groups/{x}',
  '/v1/indicators',
  '/v1/indicators/{x}',
  '/v1/methods',
  '/v1/observations',
  '/v1/profiles/{x}',
  '/v1/rankings',
  '/v1/releases',
  '/v1/sources',
  '/embed/{chart}',
  '/assets/{x}',
  '/v1/admin/releases',
];
const CHARTS = [
  'ranking',
  'timeseries',
  'small-multiples',
  'slope',
  'map',
  'scatter',
  'heatmap',
  'frontier',
  'productivity-change',
];
const PARAMS = [
  'indicator',
  'indicators',
  'countries',
  'group',
  'year',
  'from',
  'to',
  'latest',
  'max_age',
  'as_of',
  'release',
  'normalise',
  'lang',
  'format',
  'x',
  'y',
  'highlight',
  'data',
  'width',
  'height',
  'trend',
  'membership',
  'theme',
  'since',
  'limit',
  'cursor',
  'method',
  'inputs',
  'outputs',
  'orientation',
  'stat',
  'base_year',
  'per',
  '__proto__',
  'constructor',
  'toString',
];
const HOSTILE = [
  'EGDI',
  'VA.EST',
  'GE.EST',
  'EGDI,OSI,TII',
  'VNM',
  'VNM,SGP,THA',
  'ASEAN',
  'ASEAN+3',
  'ASEAN 3',
  'ASEAN%2B3',
  '2024',
  '2003',
  '-1',
  '0',
  '1e309',
  '9'.repeat(400),
  '-9007199254740993',
  '0x10',
  'NaN',
  'Infinity',
  '1.5',
  '2024-02-30',
  '0000-00-00',
  'un-egov:2024',
  'un-egov:../../etc',
  'true',
  'csv',
  'json',
  'xlsx',
  'vi',
  'z-score',
  'min-max',
  'rank',
  'percentile',
  "'; DROP TABLE observation; --",
  "1' OR '1'='1",
  '$1',
  '%',
  '%00',
  '\u0000',
  '..',
  '../..',
  '%2F..%2F',
  '/',
  '\\',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  '<script>alert(1)</script>',
  '"><img src=x>',
  'Việt Nam',
  '越南',
  '🇻🇳',
  '\u202e',
  '\ud800',
  'a'.repeat(5000),
  ',,,,',
  ' ',
  '',
];

/** Percent-encoding that also leaves some raw characters raw, as hostile clients do; lone surrogates become invalid UTF-8. */
function encodeValue(value: string, raw: boolean): string {
  const safe = value.replace(/[\ud800-\udfff]/gu, (ch) => (ch.length === 1 ? '\u0001SURROGATE' : ch));
  const encoded = raw ? safe.replaceAll('&', '%26').replaceAll('#', '%23') : encodeURIComponent(safe);
  return encoded.replaceAll(raw ? '\u0001SURROGATE' : '%01SURROGATE', '%ED%A0%80');
}

const requestArb = fc.record({
  path: fc.constantFrom(...PATHS),
  segment: fc.oneof(
    fc.constantFrom(...CHARTS, ...CHARTS.map((c) => `${c}.svg`), ...CHARTS.map((c) => `${c}.png`)),
    fc.constantFrom(...HOSTILE),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
  ),
  params: fc.array(
    fc.tuple(
      fc.constantFrom(...PARAMS),
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
        { weight: 1, arbitrary: fc.integer().map(String) },
      ),
    ),
    { maxLength: 6 },
  ),
  raw: fc.boolean(),
  method: fc.constantFrom('GET', 'GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'OPTIONS'),
  auth: fc.constantFrom(undefined, 'Bearer wrong', 'Bearer fuzz-key', 'Basic x', 'Bearer'),
});

let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  app = createApp({
    db: loaded.test.db,
    now: () => new Date('2026-11-22T12:00:00Z'),
    versions: dataVersionSource(loaded.test.db, 60_000),
    assets: nodeAssets(),
    renderer: inThreadRenderer(RENDERERS),
    lpSolver: loadHighsSolver,
    ingest: uploadIngester(loaded.test.db),
    adminKeyHashes: [await sha256Hex('fuzz-key')],
    adminRateLimit: { limit: 1_000_000, windowMs: 60_000 },
  });
});

describe('fuzzing every route with hostile requests', () => {
  it(`${REQUESTS} generated requests: no answer >= 500, every error problem+json`, async () => {
    const requests = fc.sample(requestArb, { numRuns: REQUESTS, seed: SEED });
    const histogram: Record<number, number> = {};
    const bad: string[] = [];
    for (const r of requests) {
      const path = r.path
        .replace('{chart}', encodeValue(r.segment, r.raw))
        .replace('{x}', encodeValue(r.segment, r.raw));
      const query = r.params.map(([k, v]) => `${k}=${encodeValue(v, r.raw)}`).join('&');
      const url = `http://localhost${path}${query ? `?${query}` : ''}`;
      const init: RequestInit = { method: r.method, headers: r.auth ? { authorization: r.auth } : {} };
      if (r.method === 'POST' || r.method === 'PUT') {
        const form = new FormData();
        form.set('meta', new File([r.params.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n')], 'meta.yaml'));
        form.set('data', new File([query], 'data.csv'));
        init.body = form;
      }
      let response: Response;
      try {
        response = await app.request(url, init);
      } catch (error) {
        bad.push(`${r.method} ${url}: threw ${String(error)}`);
        continue;
      }
      histogram[response.status] = (histogram[response.status] ?? 0) + 1;
      if (response.status >= 500) bad.push(`${r.method} ${url}: ${response.status} ${await response.text()}`);
      else if (response.status >= 400 && r.method !== 'HEAD') {
        const type = response.headers.get('content-type');
        if (type !== 'application/problem+json; charset=utf-8')
          bad.push(`${r.method} ${url}: ${response.status} as ${type}`);
        else await response.arrayBuffer();
      } else await response.arrayBuffer();
    }
    console.log(`fuzz: ${requests.length} requests, statuses ${JSON.stringify(histogram)}`);
    expect(bad.slice(0, 20)).toEqual([]);
    expect(Object.values(histogram).reduce((a, b) => a + b, 0)).toBe(REQUESTS);
  }, 900_000);
});
