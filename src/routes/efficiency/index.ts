import type { AppDeps } from '../../app-deps.ts';
import { createRouter } from '../../http/router.ts';
import { efficiencyChangeRoute } from './efficiency-change.routes.ts';
import { efficiency, efficiencyChange } from './efficiency.handlers.ts';
import { efficiencyRoute } from './efficiency.routes.ts';

export const efficiencyRoutes = (deps: AppDeps) =>
  createRouter().openapi(efficiencyChangeRoute, efficiencyChange(deps)).openapi(efficiencyRoute, efficiency(deps));
