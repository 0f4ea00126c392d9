import type { RouteHandler } from '@hono/zod-openapi';
import { comparisonOf } from '../../services/comparison.ts';
import type { AppDeps } from '../../app-deps.ts';
import { provenanceTable, tableResponse } from '../../http/table.ts';
import { countryLabel, presentIndicator } from '../presenters.ts';
import { provenanceFor } from '../../services/provenance.ts';
import { describeVintage } from '../../services/vintage.ts';
import type { compareRoute } from './compare.routes.ts';

export const compare =
  (deps: AppDeps): RouteHandler<typeof compareRoute> =>
  async (c) => {
    const query = c.req.valid('query');
    const analysis = await comparisonOf(deps.db, query, deps.now?.());
    const result = {
      ...analysis,
      rows: analysis.rows.map((r) => ({ ...r, country: countryLabel(r.iso3, query.lang) })),
    };
    const provenance = await provenanceFor(deps.db, result.releaseIds);
    if (query.format !== 'json') {
      const header = [
        'iso3',
        'country',
        ...query.indicators.flatMap((code) => [code, `${code}_year`, `${code}_score`, `${code}_rank`]),
      ];
      const body = result.rows.map((r) => [
        r.iso3,
        r.country,
        ...query.indicators.flatMap((code) => {
          const cell = r.cells[code];
          return cell ? [cell.value, cell.year, cell.score ?? '', cell.rank ?? ''] : ['', '', '', ''];
        }),
      ]);
      const table = provenanceTable('compare', header, body, provenance);
      return (await tableResponse(table, query, deps.spreadsheet)) as never;
    }
    return c.json(
      {
        indicators: result.indicators.map((indicator, i) => ({
          ...presentIndicator(indicator),
          coverage: result.coverage[i] ?? { reporting: 0, members: 0, missing: [] },
        })),
        selection: result.selection,
        vintage: describeVintage(result.vintage),
        year: result.year,
        latest: result.latest,
        lang: query.lang,
        rows: result.rows,
        ...provenance,
      },
      200,
    );
  };
