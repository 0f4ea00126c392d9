import type { CachedResponse, ResponseStore } from './response-cache.ts';

/** The Cache API keeps what Cache-Control allows; the original header travels beside it. */
const ORIGINAL_CACHE_CONTROL = 'x-civscope-cache-control';
/** Keys already carry the data version, so an entry may live long: a new release never reads it. */
const STORE_FOR = 'public, max-age=86400';

/**
 * The Workers response store: the Cache API of the data centre, under the same keys as Node's
 * in-process LRU (data version, day, origin, normalised query).
 */
export function cacheApiStore(cache: Cache): ResponseStore {
  const requestFor = (key: string) =>
    new Request(`https://response-cache.civscope.internal/${encodeURIComponent(key)}`);
  return {
    async get(key) {
      const hit = await cache.match(requestFor(key));
      if (!hit) return undefined;
      const headers = [...hit.headers.entries()]
        .filter(([name]) => name !== 'cache-control' && name !== ORIGINAL_CACHE_CONTROL)
        .concat([['cache-control', hit.headers.get(ORIGINAL_CACHE_CONTROL) ?? '']] as [string, string][]);
      return { body: new Uint8Array(await hit.arrayBuffer()), headers } satisfies CachedResponse;
    },
    async set(key, value) {
      const headers = new Headers(value.headers);
      headers.set(ORIGINAL_CACHE_CONTROL, headers.get('cache-control') ?? '');
      headers.set('cache-control', STORE_FOR);
      await cache.put(requestFor(key), new Response(value.body, { headers }));
    },
  };
}
