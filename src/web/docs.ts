import { Scalar } from '@scalar/hono-api-reference';
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { ASSET_PATH } from './assets.ts';
import { assetVersion } from './asset-versions.ts';

const SCALAR_ASSET = 'scalar-api-reference.js';

/** brotli where the client takes it and we have it, else gzip, else none (a q=0 refuses a coding). */
function preferredEncoding(
  accept: string | undefined,
  encoded: { br?: Uint8Array; gzip?: Uint8Array } | undefined,
): 'br' | 'gzip' | null {
  if (!accept || !encoded) return null;
  const accepted = new Set(
    accept
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
      .map(([coding]) => coding?.trim().toLowerCase()),
  );
  if (encoded.br && accepted.has('br')) return 'br';
  if (encoded.gzip && accepted.has('gzip')) return 'gzip';
  return null;
}

/**
 * /docs: the interactive reference (Scalar) over /openapi.json, and /assets/*: browser files the
 * runtime provides. Scalar loads from our own /assets when the runtime ships it (Node), never
 * from a CDN there.
 */
export function docsRoutes(deps: AppDeps) {
  return new Hono()
    .get(
      '/docs',
      Scalar({
        url: '/openapi.json',
        pageTitle: 'CivScope API reference',
        // Scalar's default fonts come from fonts.scalar.com: nothing the page loads may leave this server.
        withDefaultFonts: false,
        ...(deps.assets ? { cdn: `${ASSET_PATH}/${SCALAR_ASSET}` } : {}),
      }),
    )
    .get(`${ASSET_PATH}/:name`, async (c) => {
      const asset = await deps.assets?.get(c.req.param('name'));
      if (!asset) return c.notFound();
      // A URL carrying the asset's own hash (withAssetVersions) names these bytes forever: cache it a year.
      const versioned = asset.etag !== undefined && c.req.query('v') === assetVersion(asset.etag);
      const headers: Record<string, string> = {
        'content-type': asset.contentType,
        'cache-control': versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=86400',
        vary: 'Accept-Encoding',
      };
      const encoding = preferredEncoding(c.req.header('accept-encoding'), asset.encoded);
      if (encoding) headers['content-encoding'] = encoding;
      if (asset.etag) {
        // A strong validator per representation: the brotli bytes are not the gzip bytes.
        headers.etag = encoding ? asset.etag.replace(/"$/, `-${encoding}"`) : asset.etag;
        if (c.req.header('if-none-match') === headers.etag) return c.body(null, 304, headers);
      }
      const body = encoding ? (asset.encoded?.[encoding] as Uint8Array) : asset.body;
      return c.body(body as Uint8Array<ArrayBuffer>, 200, headers);
    });
}
