import type { AppDeps } from '../../app-deps.ts';
import { createRouter } from '../../http/router.ts';
import { chart } from './charts.handlers.ts';
import { chartRoute } from './charts.routes.ts';

export const chartsRoutes = (deps: AppDeps) => createRouter().openapi(chartRoute, chart(deps));
