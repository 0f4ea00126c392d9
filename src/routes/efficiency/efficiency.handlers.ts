import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { efficiencyOf } from '../../services/efficiency.ts';
import type { efficiencyRoute } from './efficiency.routes.ts';

export const efficiency =
  (deps: AppDeps): RouteHandler<typeof efficiencyRoute> =>
  async (c) =>
    c.json(await efficiencyOf(deps.db, c.req.valid('query'), deps.now?.(), deps.lpSolver), 200);
