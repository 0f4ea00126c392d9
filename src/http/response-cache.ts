import type { Context, MiddlewareHandler, Next } from 'hono';
import { LRUCache } from 'lru-cache';
import type { DataVersionSource } from './data-version.ts';
import { todayIso } from '../domain/groups.ts';
import { fnv1a64 } from './hash.ts';
import { originFor } from './public-origin.ts';
import { STATIC_HEADERS } from './static-headers.ts';

export interface CachedResponse {
  /** Bytes, not an ArrayBuffer: @hono/node-server writes a Uint8Array body straight to the socket. */
  body: Uint8Array<ArrayBuffer>;
  headers: [string, string][];
}

/** Where finished 200 responses are kept: an in-process LRU on Node, the Cache API on Workers. */
export interface ResponseStore {
  /** False for a store that keeps nothing: responses then go out without being copied for it. */
  readonly keeps?: boolean;
  get(key: string): Promise<CachedResponse | undefined>;
  /** `computeMs`: how long the response took to compute, for a store that keeps costly ones longer. */
  set(key: string, value: CachedResponse, computeMs?: number): Promise<void>;
}

/**
 * 32 MiB of finished responses: a few thousand typical JSON answers, and a fixed share of the
 * server's memory budget (see the README's memory section), whatever the traffic.
 */
export const RESPONSE_CACHE_BYTES = 32 * 1024 * 1024;
/** Of which this share keeps only responses that took long to compute. */
const COSTLY_SHARE = 0.25;
/** A response that took this long (a whole-database zip, a changes feed over a re-estimated source) is costly. */
export const COSTLY_COMPUTE_MS = 250;

/**
 * Two LRUs bounded in bytes, so a burst of distinct queries cannot exhaust memory. Under mixed
 * traffic the bytes of charts and tables push everything out within seconds; the few responses
 * that cost a second or more to compute (/v1/bulk/all, /v1/changes) are kept in a part of their
 * own, so that churn does not make the server compute them again and again.
 */
export function memoryResponseStore(maxBytes = RESPONSE_CACHE_BYTES): ResponseStore {
  const sized = (bytes: number) =>
    new LRUCache<string, CachedResponse>({
      maxSize: Math.max(1, Math.floor(bytes)),
      sizeCalculation: (value, key) => value.body.byteLength + key.length + 256,
    });
  const costly = sized(maxBytes * COSTLY_SHARE);
  const recent = sized(maxBytes * (1 - COSTLY_SHARE));
  return {
    get: async (key) => costly.get(key) ?? recent.get(key),
    set: async (key, value, computeMs = 0) => {
      (computeMs >= COSTLY_COMPUTE_MS ? costly : recent).set(key, value);
    },
  };
}

/** Keeps nothing: every request computes its response (ETags and 304s still work). */
export const noResponseStore: ResponseStore = {
  keeps: false,
  get: async () => undefined,
  set: async () => {},
};

/** The same query in any parameter order is the same resource. */
export function normalisedQueryKey(url: URL): string {
  const params = [...url.searchParams.entries()].sort(([a, av], [b, bv]) => a.localeCompare(b) || av.localeCompare(bv));
  return `${url.pathname}?${new URLSearchParams(params).toString()}`;
}

/** Headers that belong to one request and one client, never to a cached body. */
const PER_REQUEST_HEADERS = new Set(['ratelimit', 'ratelimit-policy', 'retry-after', 'x-request-id', 'set-cookie']);

const LIVE_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';
/** A response pinned to a release with explicit countries cannot change: releases are never edited. */
const PINNED_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** Pinned to a release but naming a group: the group's members can change (an accession), so a day. */
const PINNED_GROUP_CACHE_CONTROL = 'public, max-age=86400';

export function cacheControlFor(url: URL): string {
  if (!url.searchParams.has('release')) return LIVE_CACHE_CONTROL;
  return url.searchParams.has('countries') ? PINNED_CACHE_CONTROL : PINNED_GROUP_CACHE_CONTROL;
}

export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

/**
 * ETag, Cache-Control, 304s and the response cache for GET data routes. The key is the data
 * version, the day (group membership is "today"), the origin (chart responses carry absolute
 * URLs) and the normalised query, so a new release changes every ETag and no cached body
 * outlives the data it was computed from.
 */
export function dataCache(
  versions: DataVersionSource,
  store: ResponseStore,
  now: () => Date = () => new Date(),
  build = '',
  publicOrigin?: string | 'request' | null,
): MiddlewareHandler {
  // Responses being computed, by key: identical requests that arrive meanwhile wait for the first
  // one's bytes instead of computing them again (thirty partners polling /v1/changes at the top of
  // the hour computed it thirty times, 60 s of queueing for the last one).
  const computing = new Map<string, Promise<CachedResponse | undefined>>();
  return async (c, next) => {
    // HEAD is answered by the GET handler (Hono drops the body), with the same validators.
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const url = new URL(c.req.url);
    const version = await versions.get();
    // `build` names the deployed code: a store that outlives a deploy (the Workers Cache API)
    // must not answer new code's requests with old code's bodies.
    const key = `b${build}|v${version}|${todayIso(now())}|${originFor(c, publicOrigin)}|${normalisedQueryKey(url)}`;
    const etag = `"${version}-${fnv1a64(key)}"`;
    const cacheControl = cacheControlFor(url);
    if (etagMatches(c.req.header('if-none-match'), etag)) {
      return new Response(null, { status: 304, headers: { ...STATIC_HEADERS, etag, 'cache-control': cacheControl } });
    }
    const cached = await store.get(key);
    // Built through the context, so this request's own headers (rate limit, request id) join the
    // stored ones, and @hono/node-server writes the bytes without materialising a full Response.
    if (cached) return c.body(cached.body, 200, Object.fromEntries(cached.headers));
    const pending = computing.get(key);
    // The first request's answer, when it is one to share (a 200 of this data version); otherwise
    // this request computes its own, so an error is never handed to a request that did not cause it.
    const shared = pending && (await pending);
    if (shared) return c.body(shared.body, 200, Object.fromEntries(shared.headers));

    let settle: (value: CachedResponse | undefined) => void = () => {};
    if (store.keeps !== false && !pending) {
      computing.set(
        key,
        new Promise((resolve) => {
          settle = resolve;
        }),
      );
    }
    try {
      settle(await computeAndKeep(c, next, { key, etag, cacheControl, version }));
    } finally {
      settle(undefined);
      if (!pending) computing.delete(key);
    }
  };

  /** Runs the handler and stores a 200 of the version it was computed from; returns what was stored. */
  async function computeAndKeep(
    c: Context,
    next: Next,
    request: { key: string; etag: string; cacheControl: string; version: number },
  ): Promise<CachedResponse | undefined> {
    // Set before the handler so its 200 carries them (errors are built apart and do not).
    c.header('etag', request.etag);
    c.header('cache-control', request.cacheControl);
    const started = performance.now();
    await next();
    if (c.res.status !== 200) return undefined;
    // A release committed while this request ran: the body may hold the new data, so it is
    // neither labelled nor cached under the old version.
    if ((await versions.get()) !== request.version) {
      c.res.headers.delete('etag');
      return undefined;
    }
    if (!c.res.headers.has('etag')) {
      // A handler that built its own Response (CSV) did not get the context's headers.
      c.res.headers.set('etag', request.etag);
      c.res.headers.set('cache-control', request.cacheControl);
    }
    if (store.keeps === false) return undefined;
    const body = new Uint8Array(await c.res.clone().arrayBuffer());
    const headers = [...c.res.headers.entries()].filter(([name]) => !PER_REQUEST_HEADERS.has(name));
    const entry = { body, headers };
    await store.set(request.key, entry, performance.now() - started);
    return entry;
  }
}
