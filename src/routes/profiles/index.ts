import type { AppDeps } from '../../app-deps.ts';
import { createRouter } from '../../http/router.ts';
import { profile } from './profiles.handlers.ts';
import { profileRoute } from './profiles.routes.ts';

export const profilesRoutes = (deps: AppDeps) => createRouter().openapi(profileRoute, profile(deps));
