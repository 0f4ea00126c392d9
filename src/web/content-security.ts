import type { MiddlewareHandler } from 'hono';

/** Inline scripts that run (not JSON data blocks, not external files). */
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/gi;

async function sha256Base64(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Content-Security-Policy for the HTML pages (/, /docs, /embed/*). Every script, style, font and
 * image comes from this server; each inline script is allowed by its sha256, found in the page
 * itself, so a page that changes keeps a correct policy. Two allowances, on purpose:
 * `'unsafe-eval'`, because vega compiles its expressions with `Function` (its CSP-safe
 * interpreter is not in the browser build we serve) and the API reference (Scalar) calls eval, and
 * inline styles, which vega-embed and the API reference set on elements. Framing: embeds exist to be framed anywhere.
 */
export function contentSecurityPolicy(options: { frameAncestors: string }): MiddlewareHandler {
  const cache = new Map<string, string>();
  return async (c, next) => {
    await next();
    if (!c.res.headers.get('content-type')?.startsWith('text/html')) return;
    const html = await c.res.clone().text();
    const scripts = [...html.matchAll(INLINE_SCRIPT)].map((m) => m[1] ?? '');
    const key = scripts.join('\u0000');
    let hashes = cache.get(key);
    if (hashes === undefined) {
      hashes = (await Promise.all(scripts.map(async (s) => `'sha256-${await sha256Base64(s)}'`))).join(' ');
      if (cache.size < 100) cache.set(key, hashes);
    }
    const script = ["'self'", hashes, "'unsafe-eval'"].filter(Boolean).join(' ');
    c.res.headers.set(
      'content-security-policy',
      [
        "default-src 'none'",
        `script-src ${script}`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        `frame-ancestors ${options.frameAncestors}`,
      ].join('; '),
    );
  };
}
