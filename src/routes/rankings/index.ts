import type { AppDeps } from '../../app-deps.ts';
import { createRouter } from '../../http/router.ts';
import { rankings } from './rankings.handlers.ts';
import { rankingsRoute } from './rankings.routes.ts';

export const rankingsRoutes = (deps: AppDeps) => createRouter().openapi(rankingsRoute, rankings(deps));
