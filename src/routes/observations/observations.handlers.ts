import type { RouteHandler, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { observationSeries } from '../../services/observation-series.ts';
import type { AppDeps } from '../../app-deps.ts';
import { decodeCursor, encodeCursor, isAfter } from '../../http/cursor.ts';
import { inLanguage, presentIndicator } from '../presenters.ts';
import { provenanceFor } from '../../services/provenance.ts';
import { describeVintage } from '../../services/vintage.ts';
import { tableIndicators, tableResponse } from '../../http/table.ts';
import { observationsSdmxCsv, observationsTable } from './observations.formats.ts';
import { manyIndicators } from './observations.many.ts';
import type { listObservationsRoute, observationsQuery } from './observations.routes.ts';

type ObservationsQuery = z.infer<typeof observationsQuery>;

/** One indicator: the series, paged by (country, year), as JSON, CSV, SDMX-CSV or xlsx. */
async function oneIndicator(deps: AppDeps, query: ObservationsQuery & { indicator: string }, c: Context) {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const series = await observationSeries(deps.db, query, deps.now?.());
  const points = series.points.map((o) => inLanguage(o, query.lang));
  let out = cursor ? points.filter((o) => isAfter(o, cursor)) : points;
  let nextCursor: string | null = null;
  if (query.limit !== undefined && out.length > query.limit) {
    out = out.slice(0, query.limit);
    const last = out.at(-1);
    if (last) nextCursor = encodeCursor(last);
  }
  const provenance = await provenanceFor(
    deps.db,
    out.map((o) => o.release),
  );
  const linkHeader: Record<string, string> = {};
  if (nextCursor) {
    const next = new URL(c.req.url);
    next.searchParams.set('cursor', nextCursor);
    linkHeader.link = `<${next.pathname}${next.search}>; rel="next"`;
  }
  const { indicator } = series;
  if (query.format === 'csv' || query.format === 'xlsx') {
    const table = {
      ...observationsTable(indicator.code, out, provenance, series.normalisation !== null),
      indicators: tableIndicators([indicator]),
    };
    return (await tableResponse(table, query, deps.spreadsheet, linkHeader)) as never;
  }
  if (query.format === 'sdmx-csv') return observationsSdmxCsv(indicator.code, indicator.unit, out, linkHeader) as never;
  return c.json(
    {
      indicator: presentIndicator(indicator),
      selection: series.selection,
      vintage: describeVintage(series.vintage),
      from: query.year ?? query.from ?? null,
      to: query.year ?? query.to ?? null,
      latest: query.latest,
      normalisation: series.normalisation,
      count: out.length,
      next_cursor: nextCursor,
      observations: out,
      countries_without_data: series.countriesWithoutData,
      ...provenance,
    },
    200,
    linkHeader,
  );
}

export const listObservations =
  (deps: AppDeps): RouteHandler<typeof listObservationsRoute> =>
  async (c) => {
    const query = c.req.valid('query');
    if (!query.indicator) return (await manyIndicators(deps, query, new URL(c.req.url))) as never;
    return (await oneIndicator(deps, { ...query, indicator: query.indicator }, c)) as never;
  };
