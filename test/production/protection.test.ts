import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.ts';
import { EXPECTED_MIGRATIONS } from '../../src/db/migration-names.ts';
import { readMigrations } from '../../src/db/migrate.ts';
import { dataVersionSource } from '../../src/http/data-version.ts';
import { createPreparedDatabase, type TestDatabase } from '../helpers/database.ts';

let test: TestDatabase;

beforeAll(async () => {
  test = await createPreparedDatabase();
});
afterAll(async () => {
  vi.useRealTimers();
  await test?.close();
});

describe('rate limit', () => {
  it('answers 429 problem+json with Retry-After and RateLimit headers after the limit, and recovers after the window', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T12:00:00Z'));
    const app = createApp({
      db: test.db,
      versions: dataVersionSource(test.db, 0),
      rateLimit: { limit: 3, windowMs: 60_000 },
    });
    // The socket's peer, as @hono/node-server passes it (no proxy is trusted: XFF does not count).
    const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
    const get = () => app.request('/v1/countries', {}, from('203.0.113.7'));
    for (let i = 0; i < 3; i++) {
      const ok = await get();
      expect(ok.status).toBe(200);
      expect(ok.headers.get('ratelimit')).toBe(`limit=3, remaining=${2 - i}, reset=60`);
      expect(ok.headers.get('ratelimit-policy')).toBe('3;w=60');
    }
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(((await limited.json()) as { code: string }).code).toBe('rate_limited');
    // Another client is not affected.
    expect((await app.request('/v1/countries', {}, from('198.51.100.1'))).status).toBe(200);
    // Probes are never limited.
    expect((await app.request('/health', {}, from('203.0.113.7'))).status).toBe(200);
    vi.setSystemTime(new Date('2026-11-22T12:01:01Z'));
    expect((await get()).status).toBe(200);
    vi.useRealTimers();
  });

  it('is off unless configured', async () => {
    const app = createApp({ db: test.db });
    const response = await app.request('/v1/countries');
    expect(response.headers.get('ratelimit')).toBeNull();
  });
});

describe('headers and probes', () => {
  it('sets secure headers but lets charts be embedded and hot-linked', async () => {
    const app = createApp({ db: test.db });
    const response = await app.request('/v1/countries');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('gives every response a request id and logs one JSON line per request', async () => {
    const lines: Record<string, unknown>[] = [];
    const app = createApp({ db: test.db, log: (r) => lines.push(r) });
    const response = await app.request('/v1/countries', { headers: { 'x-request-id': 'abc-123' } });
    expect(response.headers.get('x-request-id')).toBe('abc-123');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'request',
        request_id: 'abc-123',
        method: 'GET',
        path: '/v1/countries',
        status: 200,
      }),
    ]);
    const generated = await app.request('/health');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('/ready reports the database reachable and its migrations current; /health does not touch the database', async () => {
    const app = createApp({ db: test.db });
    const ready = await app.request('/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      database: 'reachable',
      migrations: { expected: [...EXPECTED_MIGRATIONS], applied: [...EXPECTED_MIGRATIONS], current: true },
    });
  });

  it('the expected migration list matches the migrations folder', async () => {
    expect((await readMigrations()).map((m) => m.name)).toEqual([...EXPECTED_MIGRATIONS]);
  });
});

describe('request size limits', () => {
  it.each([
    ['/v1/observations?indicator=EGDI&from=1900&to=2100', 'year span'],
    ['/v1/compare?indicators=A,B,C,D,E,F,G,H,I,J,K', 'at most 10 indicators'],
    [
      '/v1/observations?indicator=EGDI&countries=BRN,KHM,IDN,LAO,MYS,MMR,PHL,SGP,THA,VNM,TLS,CHN,JPN,KOR,USA',
      'at most 14 countries',
    ],
  ])('%s is refused with a clear message', async (url, message) => {
    const app = createApp({ db: test.db });
    const response = await app.request(url);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toContain(message);
  });
});
