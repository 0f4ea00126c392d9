import type { AppDeps } from '../../app-deps.ts';
import { createRouter } from '../../http/router.ts';
import { aggregates } from './aggregates.handlers.ts';
import { aggregatesRoute } from './aggregates.routes.ts';

export const aggregatesRoutes = (deps: AppDeps) => createRouter().openapi(aggregatesRoute, aggregates(deps));
