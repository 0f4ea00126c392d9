import type { AppDeps } from '../../app-deps.ts';
import { createRouter } from '../../http/router.ts';
import { getIndicator, listIndicators } from './indicators.handlers.ts';
import { getIndicatorRoute, listIndicatorsRoute } from './indicators.routes.ts';

export const indicatorsRoutes = (deps: AppDeps) =>
  createRouter().openapi(listIndicatorsRoute, listIndicators(deps)).openapi(getIndicatorRoute, getIndicator(deps));
