import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { provenanceTable, tableResponse } from '../../http/table.ts';
import { compositeOf } from '../../services/composite.ts';
import { provenanceFor } from '../../services/provenance.ts';
import type { compositeRoute } from './composite.routes.ts';

type Composite = Omit<Awaited<ReturnType<typeof compositeOf>>, 'releaseIds'>;

function compositeTable(result: Composite, codes: string[]): [string[], (string | number)[][]] {
  const header = ['rank', 'iso3', 'country', 'score', ...codes.map((code) => `${code}_score`), 'min_rank', 'max_rank'];
  const body = result.scores.map((s, i) => [
    s.rank ?? '',
    s.iso3,
    s.country,
    s.score ?? '',
    ...codes.map((code) => s.components[code]?.score ?? ''),
    result.sensitivity.ranks[i]?.min_rank ?? '',
    result.sensitivity.ranks[i]?.max_rank ?? '',
  ]);
  return [header, body];
}

export const composite =
  (deps: AppDeps): RouteHandler<typeof compositeRoute> =>
  async (c) => {
    const query = c.req.valid('query');
    const { releaseIds, ...result } = await compositeOf(deps.db, query, deps.now?.());
    const provenance = await provenanceFor(deps.db, releaseIds);
    if (query.format !== 'json') {
      const table = provenanceTable('composite', ...compositeTable(result, query.indicators), provenance);
      return (await tableResponse(table, query, deps.spreadsheet)) as never;
    }
    return c.json({ ...result, ...provenance }, 200);
  };
