import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from '../../app-deps.ts';
import type { DataVersionSource } from '../../http/data-version.ts';
import { Problem } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { uploadRelease } from './admin.handlers.ts';
import { uploadReleaseRoute } from './admin.routes.ts';

/** 20 MiB: the largest shipped file (WGI) is 1.5 MB. */
export const DEFAULT_UPLOAD_LIMIT = 20 * 1024 * 1024;

export const adminRoutes = (deps: AppDeps, versions: DataVersionSource) => {
  const limit = deps.uploadMaxBytes ?? DEFAULT_UPLOAD_LIMIT;
  const router = createRouter();
  router.use(
    uploadReleaseRoute.path.replace(/\{(\w+)\}/g, ':$1'),
    bodyLimit({
      maxSize: limit,
      onError: () => {
        throw new Problem(413, 'payload_too_large', `Uploads are limited to ${limit} bytes.`);
      },
    }),
  );
  return router.openapi(uploadReleaseRoute, uploadRelease(deps, versions));
};
