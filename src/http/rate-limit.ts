import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { Problem } from './problem.ts';

/**
 * A fixed window per client with IETF RateLimit / RateLimit-Policy headers (draft 7) on every
 * response and Retry-After on a 429, which is problem+json like every other error. `clientKey`
 * says who the client is (see client-address.ts: forwarding headers count only from our proxies).
 */
export function rateLimit(
  options: { limit: number; windowMs: number },
  clientKey: (c: Context) => string,
  scope = 'public',
): MiddlewareHandler {
  return rateLimiter({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-7',
    keyGenerator: (c) => `${scope}|${clientKey(c)}`,
    handler: (c) => {
      const problem = new Problem(
        429,
        'rate_limited',
        `More than ${options.limit} requests in ${Math.round(options.windowMs / 1000)} s from this client. Retry after the time in Retry-After.`,
      );
      return c.body(JSON.stringify(problem.body(c.req.path)), 429, {
        'content-type': 'application/problem+json; charset=utf-8',
      });
    },
  });
}
