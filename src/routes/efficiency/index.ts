import type { AppDeps } from '../../app-deps.ts';
import { createRouter } from '../../http/router.ts';
import { efficiency } from './efficiency.handlers.ts';
import { efficiencyRoute } from './efficiency.routes.ts';

export const efficiencyRoutes = (deps: AppDeps) => createRouter().openapi(efficiencyRoute, efficiency(deps));
