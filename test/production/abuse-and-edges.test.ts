import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { sha256Hex } from '../../src/http/admin-auth.ts';
import { dataVersionSource } from '../../src/http/data-version.ts';
import { parseEnv, publicOriginOf } from '../../src/env.ts';
import { uploadIngester } from '../../src/ingest/upload.ts';
import { nodeAssets } from '../../src/web/node-assets.ts';
import { useLoadedApp } from '../helpers/app.ts';

/**
 * Defects found by fuzzing and abuse (issue 11): forwarding headers, the admin brute force,
 * prototype names, Host-built URLs, CSP, /embed parameter checks, HEAD, 405, 415, request ids.
 */
const loaded = useLoadedApp();
const PROBLEM = 'application/problem+json; charset=utf-8';

/** A request as @hono/node-server hands it over: the socket's peer address in `env.incoming`. */
const fromSocket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

function limitedApp(trust: { proxies: string[]; cfConnectingIp: boolean }, limit = 3) {
  return createApp({
    db: loaded.test.db,
    versions: dataVersionSource(loaded.test.db, 0),
    rateLimit: { limit, windowMs: 60_000 },
    proxyTrust: trust,
  });
}

describe('the rate limit and forwarding headers', () => {
  it('ignores X-Forwarded-For and CF-Connecting-IP from a client that is not a configured proxy: a spoofed flood gets 429', async () => {
    const app = limitedApp({ proxies: [], cfConnectingIp: false }, 50);
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) {
      const spoofed = `198.51.${i >> 8}.${i & 255}`;
      const response = await app.request(
        '/v1/countries',
        { headers: { 'x-forwarded-for': spoofed, 'cf-connecting-ip': spoofed } },
        fromSocket('203.0.113.7'),
      );
      statuses.push(response.status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(50);
    expect(statuses.filter((s) => s === 429)).toHaveLength(150);
  });

  it("cannot spend another client's quota by sending its address", async () => {
    const app = limitedApp({ proxies: [], cfConnectingIp: false });
    for (let i = 0; i < 5; i++)
      await app.request('/v1/countries', { headers: { 'x-forwarded-for': '192.0.2.1' } }, fromSocket('203.0.113.66'));
    const victim = await app.request('/v1/countries', {}, fromSocket('192.0.2.1'));
    expect(victim.status).toBe(200);
    expect(victim.headers.get('ratelimit')).toBe('limit=3, remaining=2, reset=60');
  });

  it('behind a configured proxy, counts the first address left of our own proxies, not what the client wrote further left', async () => {
    const app = limitedApp({ proxies: ['10.0.0.0/8'], cfConnectingIp: false });
    const viaProxy = (xff: string) =>
      app.request('/v1/countries', { headers: { 'x-forwarded-for': xff } }, fromSocket('::ffff:10.0.0.2'));
    // The client forges a different left-most hop each time; our proxy appended the real one.
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await viaProxy(`6.6.6.${i}, 198.51.100.20, 10.0.0.3`)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    // Another real client behind the same proxy has its own quota.
    expect((await viaProxy('198.51.100.21')).status).toBe(200);
  });

  it('trusts CF-Connecting-IP where the platform sets it (Workers)', async () => {
    const app = limitedApp({ proxies: [], cfConnectingIp: true });
    const as = (ip: string) => app.request('/v1/countries', { headers: { 'cf-connecting-ip': ip } });
    for (let i = 0; i < 3; i++) expect((await as('203.0.113.9')).status).toBe(200);
    expect((await as('203.0.113.9')).status).toBe(429);
    expect((await as('203.0.113.10')).status).toBe(200);
  });

  it('reads TRUST_PROXY as off, or a list of addresses, CIDRs and range names, and refuses a typo', () => {
    expect(parseEnv({}).TRUST_PROXY).toEqual([]);
    expect(parseEnv({ TRUST_PROXY: 'off' }).TRUST_PROXY).toEqual([]);
    expect(parseEnv({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.4,loopback' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '192.168.1.4',
      'loopback',
    ]);
    expect(() => parseEnv({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
    expect(() => parseEnv({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
  });

  it('limits the admin route too: a run of wrong keys ends in 429, not endless 403s', async () => {
    const app = createApp({
      db: loaded.test.db,
      ingest: uploadIngester(loaded.test.db),
      adminKeyHashes: [await sha256Hex('the-real-key')],
    });
    const statuses: number[] = [];
    for (let i = 0; i < 400; i++) {
      const response = await app.request(
        '/v1/admin/releases',
        {
          method: 'POST',
          headers: { authorization: `Bearer guess-${i}`, 'x-forwarded-for': `10.1.${i >> 8}.${i & 255}` },
        },
        fromSocket('203.0.113.50'),
      );
      statuses.push(response.status);
    }
    expect(statuses.filter((s) => s === 403)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(380);
  });
});

describe('prototype names and bad paths', () => {
  it('answers 404 problem+json for /assets/constructor, __proto__, toString and friends', async () => {
    const app = createApp({ db: loaded.test.db, assets: nodeAssets() });
    for (const name of [
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'valueOf',
      '..%2F..%2Fpackage.json',
    ]) {
      const response = await app.request(`/assets/${name}`);
      expect(response.status, name).toBe(404);
      expect(response.headers.get('content-type'), name).toBe(PROBLEM);
    }
    expect((await app.request('/assets/vega.min.js')).status).toBe(200);
  });
});

describe('absolute URLs', () => {
  const chartUrl = '/v1/charts/ranking?indicator=EGDI&group=ASEAN&year=2024';

  it('come from the configured public origin, whatever the Host header says', async () => {
    const app = createApp({ db: loaded.test.db, publicOrigin: 'https://civscope.example.org' });
    const response = await app.request(`http://evil.example${chartUrl}`, { headers: { host: 'evil.example' } });
    const body = (await response.json()) as { data_url: string; svg_url: string; embed: { iframe: string } };
    expect(body.data_url).toBe('https://civscope.example.org/v1/rankings?group=ASEAN&indicator=EGDI&year=2024');
    expect(body.svg_url).toBe(
      'https://civscope.example.org/v1/charts/ranking.svg?indicator=EGDI&group=ASEAN&year=2024',
    );
    expect(body.embed.iframe).toContain('src="https://civscope.example.org/embed/ranking?');
    expect(JSON.stringify(body)).not.toContain('evil.example');
  });

  it('are root-relative in production without PUBLIC_ORIGIN, so no Host header can reach a cached body', async () => {
    expect(publicOriginOf(parseEnv({ CIVSCOPE_ENV: 'production' }))).toBeUndefined();
    expect(publicOriginOf(parseEnv({ CIVSCOPE_ENV: 'development' }))).toBe('request');
    expect(publicOriginOf(parseEnv({ CIVSCOPE_ENV: 'production', PUBLIC_ORIGIN: 'https://x.example/path' }))).toBe(
      'https://x.example',
    );
    const app = createApp({ db: loaded.test.db, publicOrigin: null });
    const first = (await (await app.request(`http://evil.example${chartUrl}`)).json()) as { data_url: string };
    expect(first.data_url).toBe('/v1/rankings?group=ASEAN&indicator=EGDI&year=2024');
    const embed = await (await app.request('http://evil.example/embed/ranking?indicator=EGDI&group=ASEAN')).text();
    expect(embed).not.toContain('evil.example');
  });
});

describe('Content-Security-Policy', () => {
  it('is set on the explorer, the API reference and every embed page, allowing only our own files and hashed inline scripts', async () => {
    const app = createApp({ db: loaded.test.db, assets: nodeAssets() });
    for (const url of ['/', '/docs', '/embed/ranking?indicator=EGDI&group=ASEAN']) {
      const response = await app.request(url);
      expect(response.status, url).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, url).toMatch(/^default-src 'none'; script-src 'self'/);
      expect(
        csp.split('; ').find((d) => d.startsWith('script-src')),
        url,
      ).not.toContain('unsafe-inline');
    }
    const embed = await app.request('/embed/ranking?indicator=EGDI&group=ASEAN');
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    const docs = await app.request('/docs');
    expect(docs.headers.get('content-security-policy')).toMatch(
      /script-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'unsafe-eval';/,
    );
  });
});

describe('/embed/{type} takes the same parameter checks as /v1/charts/{type}', () => {
  const cases: [string, string][] = [
    ['/embed/ranking', 'indicator'],
    ['/embed/heatmap', 'indicators'],
    ['/embed/map', 'indicator'],
    ['/embed/small-multiples', 'indicator'],
    ['/embed/timeseries?y=VA.EST', 'indicator'],
    ['/embed/scatter?x=EGDI', 'y'],
    ['/embed/slope?indicator=EGDI', 'from'],
  ];
  for (const [url, parameter] of cases) {
    it(`${url} → 400 naming ${parameter}`, async () => {
      const response = await loaded.app.request(url);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe(PROBLEM);
      const body = (await response.json()) as { code: string; parameter: string };
      expect(body).toMatchObject({ code: 'invalid_parameter', parameter });
      const api = (await (await loaded.app.request(url.replace('/embed/', '/v1/charts/'))).json()) as object;
      expect(api).toMatchObject({ code: 'invalid_parameter', parameter });
    });
  }
});

describe('admin upload with a path for a file name', () => {
  for (const file of ['..', '/', '../../etc/passwd', '.hidden', 'a/b.csv']) {
    it(`file: "${file}" in meta.yaml → 422 problem+json naming the field`, async () => {
      const app = createApp({
        db: loaded.test.db,
        ingest: uploadIngester(loaded.test.db),
        adminKeyHashes: [await sha256Hex('k')],
      });
      const form = new FormData();
      form.set(
        'meta',
        new File(
          [
            `source: {id: s, name: S, publisher: P, url: u, licence: l, name_vi: S, publisher_vi: P, licence_vi: l, citation: c}\nrelease: r1\nlabel: L\nformat: tidy\nfile: "${file}"\npublished_on: 2024-01-01\nsha256: ${'0'.repeat(64)}\nindicators: [{code: X, name_en: X, name_vi: X, theme: context, unit: u, scale: index, higher_is_better: true, decimals: 2, definition: d}]\n`,
          ],
          'meta.yaml',
        ),
      );
      form.set('data', new File(['x'], 'data.csv'));
      const response = await app.request('/v1/admin/releases', {
        method: 'POST',
        body: form,
        headers: { authorization: 'Bearer k' },
      });
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toBe(PROBLEM);
      expect(await response.json()).toMatchObject({ code: 'invalid_upload', column: 'file' });
    });
  }
});

describe('HTTP semantics', () => {
  it('HEAD carries the same ETag and Cache-Control as GET, without a body', async () => {
    const url = '/v1/observations?indicator=EGDI&countries=VNM';
    const get = await loaded.app.request(url);
    const head = await loaded.app.request(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(head.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=600');
    expect(await head.text()).toBe('');
  });

  it('/openapi.json has an ETag and answers 304 to If-None-Match', async () => {
    const first = await loaded.app.request('/openapi.json');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    const again = await loaded.app.request('/openapi.json', { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
  });

  it('release= with countries= is immutable; with a group it is a day (membership can change: an accession)', async () => {
    const pinned = await loaded.app.request('/v1/observations?indicator=EGDI&countries=VNM&release=un-egov:2024');
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const embed = await loaded.app.request('/embed/ranking?indicator=EGDI&group=ASEAN&release=un-egov:2024');
    expect(embed.headers.get('cache-control')).toBe('public, max-age=86400');
  });

  it('415 has its own code', async () => {
    const app = createApp({
      db: loaded.test.db,
      ingest: uploadIngester(loaded.test.db),
      adminKeyHashes: [await sha256Hex('k')],
    });
    const response = await app.request('/v1/admin/releases', {
      method: 'POST',
      body: '{}',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ code: 'unsupported_media_type', status: 415 });
  });

  it('a POST (or PUT, DELETE) to a GET route is 405 with Allow, not 404', async () => {
    for (const [method, url] of [
      ['POST', '/v1/countries'],
      ['DELETE', '/v1/observations'],
      ['PUT', '/v1/charts/ranking.svg'],
      ['POST', '/embed/ranking'],
    ] as const) {
      const response = await loaded.app.request(url, { method });
      expect(response.status, `${method} ${url}`).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
      expect(response.headers.get('content-type')).toBe(PROBLEM);
      expect(((await response.json()) as { code: string }).code).toBe('method_not_allowed');
    }
    expect((await loaded.app.request('/v1/nothing-here', { method: 'POST' })).status).toBe(404);
  });

  it('echoes X-Request-Id on every response, with request logging off, errors and cache hits included', async () => {
    for (const url of ['/v1/countries', '/v1/countries', '/v1/nope', '/v1/observations?indicator=NOPE']) {
      const response = await loaded.app.request(url, { headers: { 'x-request-id': 'req-42' } });
      expect(response.headers.get('x-request-id'), url).toBe('req-42');
    }
    expect((await loaded.app.request('/health')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('group=ASEAN+3 sent unencoded arrives as "ASEAN 3": the error suggests the encoded form', async () => {
    const response = await loaded.app.request('/v1/rankings?indicator=EGDI&group=ASEAN+3');
    expect(response.status).toBe(404);
    const body = (await response.json()) as { detail: string; did_you_mean: string };
    expect(body.detail).toContain('group=ASEAN%2B3');
    expect(body.did_you_mean).toBe('ASEAN%2B3');
  });
});
