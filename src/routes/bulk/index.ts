import type { AppDeps } from '../../app-deps.ts';
import { createRouter } from '../../http/router.ts';
import { bulkPackage, listBulk, releaseFileHandler } from './bulk.handlers.ts';
import { bulkPackageRoute, listBulkRoute, releaseFileRoute } from './bulk.routes.ts';

export const bulkRoutes = (deps: AppDeps) =>
  createRouter()
    .openapi(listBulkRoute, listBulk(deps))
    .openapi(bulkPackageRoute, bulkPackage(deps))
    .openapi(releaseFileRoute, releaseFileHandler(deps));
