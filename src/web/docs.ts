import { Scalar } from '@scalar/hono-api-reference';
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { ASSET_PATH } from './assets.ts';

const SCALAR_ASSET = 'scalar-api-reference.js';

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
      return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, {
        'content-type': asset.contentType,
        'cache-control': 'public, max-age=86400',
      });
    });
}
