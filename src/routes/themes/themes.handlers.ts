import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { themesCoverage } from '../../services/theme-coverage.ts';
import type { listThemesRoute } from './themes.routes.ts';

export const listThemes =
  (deps: AppDeps): RouteHandler<typeof listThemesRoute> =>
  async (c) =>
    c.json(await themesCoverage(deps.db), 200);
