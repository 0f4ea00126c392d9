import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { tableResponse } from '../../http/table.ts';
import { efficiencyOf, efficiencyTable } from '../../services/efficiency.ts';
import { efficiencyChangeOf, efficiencyChangeTable } from '../../services/efficiency-change.ts';
import type { efficiencyChangeRoute } from './efficiency-change.routes.ts';
import type { efficiencyRoute } from './efficiency.routes.ts';

export const efficiency =
  (deps: AppDeps): RouteHandler<typeof efficiencyRoute> =>
  async (c) => {
    const query = c.req.valid('query');
    const result = await efficiencyOf(deps.db, query, deps.now?.(), deps.lpSolver, deps.replicationLpSolver);
    if (query.format === 'json') return c.json(result, 200);
    return (await tableResponse(
      efficiencyTable(result),
      { format: query.format, bom: query.bom, style: query.style, lang: query.lang },
      deps.spreadsheet,
    )) as never;
  };

export const efficiencyChange =
  (deps: AppDeps): RouteHandler<typeof efficiencyChangeRoute> =>
  async (c) => {
    const query = c.req.valid('query');
    const result = await efficiencyChangeOf(
      deps.db,
      { ...query, from: query.from as number, to: query.to as number },
      deps.now?.(),
      deps.lpSolver,
    );
    if (query.format === 'json') return c.json(result, 200);
    return (await tableResponse(
      efficiencyChangeTable(result),
      { format: query.format, bom: query.bom, style: query.style, lang: query.lang },
      deps.spreadsheet,
    )) as never;
  };
