import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from '../../app-deps.ts';
import type { DataVersionSource } from '../../http/data-version.ts';
import { requireAdminKey } from '../../http/admin-auth.ts';
import { Problem } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { uploadRelease } from './admin.handlers.ts';
import { uploadReleaseRoute } from './admin.routes.ts';

/** 20 MiB: the largest shipped file (WGI) is 1.5 MB. */
export const DEFAULT_UPLOAD_LIMIT = 20 * 1024 * 1024;

export const adminRoutes = (deps: AppDeps, versions: DataVersionSource) => {
  const limit = deps.uploadMaxBytes ?? DEFAULT_UPLOAD_LIMIT;
  const path = uploadReleaseRoute.path;
  const router = createRouter();
  // Authentication first, before the body is read or validated: no key, no parsing.
  router.use(path, async (_c, next) => {
    await requireAdminKey(_c.req.header('authorization'), deps.adminKeyHashes ?? []);
    if (!deps.ingest) {
      throw new Problem(
        501,
        'not_implemented',
        'Release uploads run on the Node deployment (the ingestion readers use danfojs); use its admin endpoint or `npm run ingest`.',
      );
    }
    await next();
  });
  router.use(
    path,
    bodyLimit({
      maxSize: limit,
      onError: () => {
        throw new Problem(413, 'payload_too_large', `Uploads are limited to ${limit} bytes.`);
      },
    }),
  );
  return router.openapi(uploadReleaseRoute, uploadRelease(deps, versions));
};
