import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { provenanceTable, tableResponse } from '../../http/table.ts';
import { aggregatesOf } from '../../services/aggregates.ts';
import { provenanceFor } from '../../services/provenance.ts';
import { presentIndicator } from '../presenters.ts';
import type { aggregatesRoute } from './aggregates.routes.ts';

export const aggregates =
  (deps: AppDeps): RouteHandler<typeof aggregatesRoute> =>
  async (c) => {
    const query = c.req.valid('query');
    const { indicator, releaseIds, ...result } = await aggregatesOf(deps.db, query, deps.now?.());
    const provenance = await provenanceFor(deps.db, releaseIds);
    if (query.format !== 'json') {
      const header = ['year', query.stat, 'reporting', 'members', 'missing'];
      const body = result.years.map((y) => [y.year, y.value ?? '', y.reporting, y.members, y.missing.join(' ')]);
      const table = provenanceTable(`aggregate-${indicator.code}`, header, body, provenance);
      return (await tableResponse(table, query, deps.spreadsheet)) as never;
    }
    return c.json({ indicator: presentIndicator(indicator), ...result, ...provenance }, 200);
  };
