import type { AppDeps } from '../../app-deps.ts';
import { createRouter } from '../../http/router.ts';
import { listThemes } from './themes.handlers.ts';
import { listThemesRoute } from './themes.routes.ts';

export const themesRoutes = (deps: AppDeps) => createRouter().openapi(listThemesRoute, listThemes(deps));
