import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { hc } from 'hono/client';
import { describe, expect, it } from 'vitest';
import type { AppType } from '../../src/app.ts';
import { useLoadedApp } from '../helpers/app.ts';

const loaded = useLoadedApp();

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1, documents every route, and passes redocly lint with 0 errors', async () => {
    const doc = (await (await loaded.app.request('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/health',
      '/ready',
      '/v1/admin/releases',
      '/v1/aggregates',
      '/v1/briefs/{iso3}',
      '/v1/bulk',
      '/v1/bulk/{package}',
      '/v1/changes',
      '/v1/charts/{chart}',
      '/v1/compare',
      '/v1/composite',
      '/v1/countries',
      '/v1/countries/{iso3}',
      '/v1/efficiency',
      '/v1/efficiency/change',
      '/v1/groups',
      '/v1/groups/{code}',
      '/v1/indicators',
      '/v1/indicators/{code}',
      '/v1/methods',
      '/v1/observations',
      '/v1/profiles/{iso3}',
      '/v1/rankings',
      '/v1/releases',
      '/v1/releases/{id}/file',
      '/v1/sources',
      '/v1/themes',
    ]);
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'civscope-openapi-')), 'openapi.json');
    await writeFile(file, JSON.stringify(doc));
    const redocly = path.resolve(import.meta.dirname, '../../node_modules/@redocly/cli/bin/cli.js');
    const { stdout } = await promisify(execFile)(process.execPath, [redocly, 'lint', file, '--format=json'], {
      maxBuffer: 16 * 1024 * 1024,
    });
    const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number } };
    expect(report.totals.errors).toBe(0);
  });

  it('/docs serves the interactive reference over /openapi.json', async () => {
    const response = await loaded.app.request('/docs');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('/openapi.json');
  });
});

describe('the typed client a partner gets from hono/client', () => {
  it('type-checks against AppType and calls the API', async () => {
    const client = hc<AppType>('http://civscope.test', {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => loaded.app.request(input, init),
    });
    const response = await client.v1.rankings.$get({ query: { indicator: 'EGDI', group: 'ASEAN', year: '2024' } });
    expect(response.status).toBe(200);
    if (response.status !== 200) return;
    const body = await response.json();
    // `body` is typed from the zod schemas: these property accesses are checked by tsc.
    const leader: string | undefined = body.ranking[0]?.iso3;
    const reporting: number = body.coverage.reporting;
    expect([leader, reporting]).toEqual(['SGP', 11]);

    const country = await client.v1.countries[':iso3'].$get({ param: { iso3: 'VNM' } });
    if (country.status !== 200) throw new Error(`unexpected ${country.status}`);
    expect((await country.json()).name.vi).toBe('Việt Nam');
  });
});

describe('every error code, for the bad inputs a user would try', () => {
  it.each([
    ['/v1/rankings?indicator=EGDI&countries=', 400, 'invalid_parameter'],
    ['/v1/rankings?indicator=EGDI&countries=VNM,VNM', 400, 'invalid_parameter'],
    ['/v1/rankings?indicator=EGDI&countries=vnm', 400, 'invalid_parameter'],
    ['/v1/rankings?indicator=EGDI&year=3000', 400, 'invalid_parameter'],
    ['/v1/rankings?indicator=EGDI&year=2024&latest=true', 400, 'invalid_parameter'],
    ['/v1/rankings?indicator=EGDI&group=asean', 404, 'unknown_group'],
    ['/v1/rankings?indicator=NOPE', 400, 'unknown_indicator'],
    ['/v1/observations?indicator=EGDI&from=2024&to=2020', 400, 'invalid_parameter'],
    ['/v1/observations?indicator=EGDI&normalise=log', 400, 'invalid_parameter'],
    ['/v1/observations?indicator=EGDI&normalise=per_capita', 400, 'incompatible_normalisation'],
    ['/v1/observations?indicator=EGDI&limit=1000000', 400, 'invalid_parameter'],
    ['/v1/observations?indicator=EGDI&limit=0', 400, 'invalid_parameter'],
    ['/v1/observations?indicator=EGDI&cursor=not-a-cursor', 400, 'invalid_parameter'],
    ['/v1/observations?indicator=EGDI&format=xls', 400, 'invalid_parameter'],
    ['/v1/observations?indicator=EGDI&membership=sometimes', 400, 'invalid_parameter'],
    ['/v1/observations?indicator=EGDI&as_of=2025-13-01', 400, 'invalid_parameter'],
    ['/v1/observations?indicator=EGDI&as_of=2025-01-01&release=un-egov:2024', 400, 'invalid_parameter'],
    ['/v1/observations?indicator=EGDI&release=nope', 400, 'invalid_parameter'],
    ['/v1/observations?indicator=EGDI&release=un-egov:1999', 404, 'unknown_release'],
    ["/v1/observations?indicator=EGDI&countries=VNM'%20OR%201=1--", 400, 'invalid_parameter'],
    ['/v1/observations?indicator=%3Cscript%3E', 400, 'invalid_parameter'],
    ['/v1/compare?indicators=EGDI,NOPE,ALSO.NOPE', 400, 'unknown_indicator'],
    ['/v1/compare?indicators=EGDI,EGDI', 400, 'invalid_parameter'],
    ['/v1/compare?indicators=', 400, 'invalid_parameter'],
    ['/v1/compare?indicators=A,B,C,D,E,F,G,H,I,J,K', 400, 'invalid_parameter'],
    ['/v1/composite?indicators=EGDI', 400, 'invalid_parameter'],
    ['/v1/composite?indicators=EGDI,OSI&weights=1', 400, 'invalid_parameter'],
    ['/v1/composite?indicators=EGDI,OSI&weights=1,-2', 400, 'invalid_parameter'],
    ['/v1/composite?indicators=EGDI,OSI&missing=impute', 400, 'invalid_parameter'],
    ['/v1/aggregates?indicator=EGDI&stat=sum', 400, 'invalid_parameter'],
    ['/v1/aggregates?indicator=EGDI&group=G20', 404, 'unknown_group'],
    ['/v1/profiles/XYZ', 404, 'unknown_country'],
    ['/v1/profiles/VNM?theme=sport', 400, 'invalid_parameter'],
    ['/v1/changes', 400, 'invalid_parameter'],
    ['/v1/changes?since=2024-01-01&since_release=un-egov:2024', 400, 'invalid_parameter'],
    ['/v1/changes?since_release=wb-wdi:1999', 404, 'unknown_release'],
    ['/v1/nothing', 404, 'not_found'],
  ])('%s → %i %s', async (url, status, code) => {
    const response = await loaded.app.request(url);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    const body = (await response.json()) as {
      code: string;
      status: number;
      type: string;
      title: string;
      detail: string;
    };
    expect(body).toMatchObject({ code, status, type: `/v1/methods#error-${code}` });
    expect(body.detail.length).toBeGreaterThan(10);
  });

  it('lists the valid values where they are few', async () => {
    const response = await loaded.app.request('/v1/rankings?indicator=EGDI&group=asean');
    expect(((await response.json()) as { valid_values: string[] }).valid_values).toEqual(['ASEAN', 'ASEAN+3']);
  });

  it('refuses non-GET methods on data routes without a 500', async () => {
    const response = await loaded.app.request('/v1/observations?indicator=EGDI', { method: 'POST' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});
