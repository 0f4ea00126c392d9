import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { Problem } from './problem.ts';

/**
 * The client a request counts against: Cloudflare's connecting IP, the first X-Forwarded-For hop
 * (behind a proxy), else the socket's address on Node.
 */
export function clientKey(c: Context): string {
  const cf = c.req.header('cf-connecting-ip');
  if (cf) return cf;
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if (forwarded) return forwarded;
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * A fixed window per client with IETF RateLimit / RateLimit-Policy headers (draft 7) on every
 * response and Retry-After on a 429, which is problem+json like every other error.
 */
export function rateLimit(options: { limit: number; windowMs: number }): MiddlewareHandler {
  return rateLimiter({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-7',
    keyGenerator: clientKey,
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
