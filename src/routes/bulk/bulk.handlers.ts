import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { Problem } from '../../http/problem.ts';
import { STATIC_HEADERS } from '../../http/static-headers.ts';
import { findRelease, releaseFile } from '../../repositories/releases.ts';
import { listPackages, packageZipStream, planPackage } from '../../services/bulk-package.ts';
import type { bulkPackageRoute, listBulkRoute, releaseFileRoute } from './bulk.routes.ts';

export const listBulk =
  (deps: AppDeps): RouteHandler<typeof listBulkRoute> =>
  async (c) => {
    const packages = (await listPackages(deps.db)).map((p) => ({ ...p, url: `/v1/bulk/${p.id}` }));
    return c.json({ packages, count: packages.length }, 200);
  };

export const bulkPackage =
  (deps: AppDeps): RouteHandler<typeof bulkPackageRoute> =>
  async (c) => {
    const plan = await planPackage(deps.db, c.req.valid('param').package);
    const created = (deps.now?.() ?? new Date()).toISOString();
    const name = `civscope-${plan.id.replace(/[^a-z0-9]+/gi, '-')}.zip`;
    return new Response(packageZipStream(deps.db, plan, created), {
      headers: {
        ...STATIC_HEADERS,
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${name}"`,
      },
    }) as never;
  };

const base64OfHex = (hex: string) => btoa(String.fromCharCode(...(hex.match(/../g) ?? []).map((h) => parseInt(h, 16))));

export const releaseFileHandler =
  (deps: AppDeps): RouteHandler<typeof releaseFileRoute> =>
  async (c) => {
    const { id } = c.req.valid('param');
    const file = await releaseFile(deps.db, id);
    if (!file) {
      if (await findRelease(deps.db, id))
        throw new Problem(
          404,
          'not_found',
          `The original file of ${id} was not kept (loaded before files were stored).`,
        );
      throw new Problem(404, 'unknown_release', `Unknown release "${id}". See /v1/releases.`, { parameter: 'id' });
    }
    const digest = base64OfHex(file.sha256);
    return new Response(new Uint8Array(file.content), {
      headers: {
        ...STATIC_HEADERS,
        'content-type': file.file_name.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/octet-stream',
        'content-disposition': `attachment; filename="${file.file_name}"`,
        'repr-digest': `sha-256=:${digest}:`,
        digest: `sha-256=${digest}`,
        etag: `"${file.sha256}"`,
        'x-sha256': file.sha256,
      },
    }) as never;
  };
