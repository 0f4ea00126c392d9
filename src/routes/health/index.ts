import type { AppDeps } from '../../app-deps.ts';
import { createRouter } from '../../http/router.ts';
import { health, ready } from './health.handlers.ts';
import { healthRoute, readyRoute } from './health.routes.ts';

export const healthRoutes = (deps: AppDeps) =>
  createRouter().openapi(healthRoute, health).openapi(readyRoute, ready(deps));
