import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { countryByIso3 } from '../../domain/countries.ts';
import { currentObservations } from '../../repositories/observations.ts';
import { presentIndicator } from '../presenters.ts';
import { provenanceFor } from '../provenance.ts';
import { requireIndicator } from '../require-indicator.ts';
import { resolveSelection } from '../selection.ts';
import type { listObservationsRoute } from './observations.routes.ts';

export const listObservations =
  (deps: AppDeps): RouteHandler<typeof listObservationsRoute> =>
  async (c) => {
    const query = c.req.valid('query');
    const selection = resolveSelection(query, deps.now?.());
    const indicator = await requireIndicator(deps.db, query.indicator);
    const rows = await currentObservations(deps.db, {
      indicatorCode: indicator.code,
      countries: selection.countries,
      from: query.from,
      to: query.to,
    });
    const provenance = await provenanceFor(
      deps.db,
      rows.map((r) => r.release_id),
    );
    const reporting = new Set(rows.map((r) => r.iso3));
    return c.json(
      {
        indicator: presentIndicator(indicator),
        selection,
        from: query.from ?? null,
        to: query.to ?? null,
        count: rows.length,
        observations: rows.map((r) => ({
          iso3: r.iso3,
          country: countryByIso3(r.iso3)?.nameEn ?? r.iso3,
          year: r.year,
          value: r.value,
          flag: r.flag,
          note: r.note,
          reference_url: r.reference_url,
          release: r.release_id,
          source: r.source_id,
        })),
        countries_without_data: selection.countries.filter((iso3) => !reporting.has(iso3)),
        ...provenance,
      },
      200,
    );
  };
