import type { AppDeps } from '../../app-deps.ts';
import { createRouter } from '../../http/router.ts';
import { brief } from './briefs.handlers.ts';
import { briefRoute } from './briefs.routes.ts';

export const briefsRoutes = (deps: AppDeps) => createRouter().openapi(briefRoute, brief(deps));
