import type { RouteHandler } from '@hono/zod-openapi';
import { comparisonOf } from '../../services/comparison.ts';
import type { AppDeps } from '../../app-deps.ts';
import { provenanceTable, tableIndicators, tableResponse } from '../../http/table.ts';
import { countryLabel, presentIndicator } from '../presenters.ts';
import { provenanceFor } from '../../services/provenance.ts';
import { describeVintage } from '../../services/vintage.ts';
import type { compareRoute } from './compare.routes.ts';

type Comparison = Awaited<ReturnType<typeof comparisonOf>>;
type Provenance = Awaited<ReturnType<typeof provenanceFor>>;

/** The matrix as a flat table: four columns per indicator (value, year, score, rank). */
function comparisonTable(comparison: Comparison, codes: readonly string[], lang: 'en' | 'vi', provenance: Provenance) {
  const header = [
    'iso3',
    'country',
    ...codes.flatMap((code) => [code, `${code}_year`, `${code}_score`, `${code}_rank`]),
  ];
  const body = comparison.rows.map((r) => [
    r.iso3,
    countryLabel(r.iso3, lang),
    ...codes.flatMap((code) => {
      const cell = r.cells[code];
      return cell ? [cell.value, cell.year, cell.score ?? '', cell.rank ?? ''] : ['', '', '', ''];
    }),
  ]);
  return provenanceTable('compare', header, body, provenance, tableIndicators(comparison.indicators));
}

function comparisonJson(comparison: Comparison, lang: 'en' | 'vi', provenance: Provenance) {
  return {
    indicators: comparison.indicators.map((indicator, i) => ({
      ...presentIndicator(indicator),
      coverage: comparison.coverage[i] ?? { reporting: 0, members: 0, missing: [] },
    })),
    selection: comparison.selection,
    vintage: describeVintage(comparison.vintage),
    year: comparison.year,
    latest: comparison.latest,
    lang,
    rows: comparison.rows.map((r) => ({ ...r, country: countryLabel(r.iso3, lang) })),
    ...provenance,
  };
}

export const compare =
  (deps: AppDeps): RouteHandler<typeof compareRoute> =>
  async (c) => {
    const query = c.req.valid('query');
    const comparison = await comparisonOf(deps.db, query, deps.now?.());
    const provenance = await provenanceFor(deps.db, comparison.releaseIds);
    if (query.format !== 'json') {
      const table = comparisonTable(comparison, query.indicators, query.lang, provenance);
      return (await tableResponse(table, query, deps.spreadsheet)) as never;
    }
    return c.json(comparisonJson(comparison, query.lang, provenance), 200);
  };
