import type { Context } from 'hono';

/**
 * The origin absolute URLs in a response start with. A configured origin wins; `'request'` (or
 * nothing: tests, development) takes the request's own, which comes from the Host header and is
 * therefore only safe where no shared cache sits in front; `null` (production without
 * PUBLIC_ORIGIN) gives root-relative URLs, which no Host header can change.
 */
export function originFor(c: Context, configured: string | 'request' | null | undefined): string {
  if (configured === null) return '';
  if (configured === undefined || configured === 'request') return new URL(c.req.url).origin;
  return configured;
}
