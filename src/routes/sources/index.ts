import type { AppDeps } from '../../app-deps.ts';
import { createRouter } from '../../http/router.ts';
import { listReleases, listSources } from './sources.handlers.ts';
import { listReleasesRoute, listSourcesRoute } from './sources.routes.ts';

export const sourcesRoutes = (deps: AppDeps) =>
  createRouter().openapi(listSourcesRoute, listSources(deps)).openapi(listReleasesRoute, listReleases(deps));
