import type { AppDeps } from '../../app-deps.ts';
import { createRouter } from '../../http/router.ts';
import { composite } from './composite.handlers.ts';
import { compositeRoute } from './composite.routes.ts';

export const compositeRoutes = (deps: AppDeps) => createRouter().openapi(compositeRoute, composite(deps));
