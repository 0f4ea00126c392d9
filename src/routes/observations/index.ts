import type { AppDeps } from '../../app-deps.ts';
import { createRouter } from '../../http/router.ts';
import { listObservations } from './observations.handlers.ts';
import { listObservationsRoute } from './observations.routes.ts';

export const observationsRoutes = (deps: AppDeps) =>
  createRouter().openapi(listObservationsRoute, listObservations(deps));
