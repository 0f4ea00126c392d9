import type { AppDeps } from '../../app-deps.ts';
import { createRouter } from '../../http/router.ts';
import { compare } from './compare.handlers.ts';
import { compareRoute } from './compare.routes.ts';

export const compareRoutes = (deps: AppDeps) => createRouter().openapi(compareRoute, compare(deps));
