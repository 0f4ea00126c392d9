import type { AppDeps } from '../../app-deps.ts';
import { createRouter } from '../../http/router.ts';
import { changes } from './changes.handlers.ts';
import { changesRoute } from './changes.routes.ts';

export const changesRoutes = (deps: AppDeps) => createRouter().openapi(changesRoute, changes(deps));
