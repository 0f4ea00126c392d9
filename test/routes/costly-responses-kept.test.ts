import { describe, expect, it } from 'vitest';
import { COSTLY_COMPUTE_MS, memoryResponseStore } from '../../src/http/response-cache.ts';

const entry = (bytes: number) => ({ body: new Uint8Array(bytes), headers: [] as [string, string][] });

describe('the response cache under churn', () => {
  it('keeps a response that took long to compute while cheap ones push each other out', async () => {
    // 40 kB in all: 10 kB for costly responses, 30 kB for the rest.
    const store = memoryResponseStore(40_000);
    await store.set('/v1/bulk/all', entry(5_000), COSTLY_COMPUTE_MS + 1_800);
    await store.set('/v1/observations?first', entry(5_000), 12);
    for (let i = 0; i < 50; i++) await store.set(`/v1/observations?n=${i}`, entry(5_000), 12);
    expect(await store.get('/v1/bulk/all')).toBeDefined();
    expect(await store.get('/v1/observations?first')).toBeUndefined();
    expect(await store.get('/v1/observations?n=49')).toBeDefined();
  });

  it('bounds the costly part too: the oldest costly response goes first', async () => {
    const store = memoryResponseStore(40_000);
    for (let i = 0; i < 4; i++) await store.set(`/v1/changes?page=${i}`, entry(4_000), COSTLY_COMPUTE_MS);
    expect(await store.get('/v1/changes?page=0')).toBeUndefined();
    expect(await store.get('/v1/changes?page=3')).toBeDefined();
  });
});
