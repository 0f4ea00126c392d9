import type { MiddlewareHandler } from 'hono';
import { fnv1a64 } from './hash.ts';
import { etagMatches } from './response-cache.ts';

/**
 * ETag from the body itself, for documents that depend on the code, not on the data
 * (/openapi.json): a deploy that changes them changes the tag; If-None-Match gets a 304.
 */
export function bodyEtag(cacheControl: string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.status !== 200) return;
    const etag = `"${fnv1a64(await c.res.clone().text())}"`;
    if (etagMatches(c.req.header('if-none-match'), etag)) {
      c.res = new Response(null, { status: 304, headers: { etag, 'cache-control': cacheControl } });
      return;
    }
    c.res.headers.set('etag', etag);
    c.res.headers.set('cache-control', cacheControl);
  };
}
