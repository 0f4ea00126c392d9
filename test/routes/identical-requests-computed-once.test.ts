import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { dataCache, memoryResponseStore, noResponseStore, type ResponseStore } from '../../src/http/response-cache.ts';

/**
 * Partners poll on a schedule, so the same expensive request (a /v1/changes page, a bulk file)
 * arrives many times at once. The first computes it; the others wait for its bytes.
 */
function appCounting(store: ResponseStore, answer: (call: number) => Response | string) {
  let calls = 0;
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const app = new Hono();
  app.use('*', dataCache({ get: async () => 7, invalidate: () => {} }, store));
  app.get('/v1/slow', async (c) => {
    calls++;
    const call = calls;
    await gate;
    const result = answer(call);
    return typeof result === 'string' ? c.text(result) : result;
  });
  return { app, calls: () => calls, release: () => release() };
}

/** Lets every request started so far reach the handler or its wait. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('identical requests arriving together', () => {
  it('are computed once and all get the same bytes and ETag', async () => {
    const server = appCounting(memoryResponseStore(), (call) => `answer ${call}`);
    const responses = Array.from({ length: 5 }, () => server.app.request('/v1/slow?b=2&a=1'));
    await settled();
    server.release();
    const done = await Promise.all(responses);
    expect(server.calls()).toBe(1);
    expect(await Promise.all(done.map((r) => r.text()))).toEqual(Array(5).fill('answer 1'));
    expect(new Set(done.map((r) => r.headers.get('etag'))).size).toBe(1);
    expect(done.every((r) => r.status === 200)).toBe(true);
  });

  it('compute their own answer when the first one fails, so no request gets an error it did not cause', async () => {
    const server = appCounting(memoryResponseStore(), (call) =>
      call === 1 ? new Response('busy', { status: 503 }) : `answer ${call}`,
    );
    const first = server.app.request('/v1/slow');
    await settled();
    const second = server.app.request('/v1/slow');
    await settled();
    server.release();
    expect((await first).status).toBe(503);
    const later = await second;
    expect(later.status).toBe(200);
    expect(await later.text()).toBe('answer 2');
    expect(server.calls()).toBe(2);
  });

  it('are not joined when the store keeps nothing (each computes, as a cache-less deployment asks)', async () => {
    const server = appCounting(noResponseStore, (call) => `answer ${call}`);
    const responses = [server.app.request('/v1/slow'), server.app.request('/v1/slow')];
    await settled();
    server.release();
    await Promise.all(responses);
    expect(server.calls()).toBe(2);
  });

  it('with different queries are computed separately', async () => {
    const server = appCounting(memoryResponseStore(), (call) => `answer ${call}`);
    const responses = [server.app.request('/v1/slow?limit=100'), server.app.request('/v1/slow?limit=1000')];
    await settled();
    server.release();
    const texts = await Promise.all((await Promise.all(responses)).map((r) => r.text()));
    expect(server.calls()).toBe(2);
    expect(texts.sort()).toEqual(['answer 1', 'answer 2']);
  });
});
