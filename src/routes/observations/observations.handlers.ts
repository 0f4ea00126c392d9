import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { parseNormalise } from '../../domain/apply-normalisation.ts';
import { countryByIso3 } from '../../domain/countries.ts';
import { dropOlderThan, latestPerCountry } from '../../domain/latest.ts';
import { decodeCursor, encodeCursor, isAfter } from '../../http/cursor.ts';
import { valuesFor } from '../../repositories/observations.ts';
import { checkNormalisationApplies, normaliseRows } from '../normalisation.ts';
import { presentIndicator } from '../presenters.ts';
import { provenanceFor } from '../provenance.ts';
import { requireIndicator } from '../require-indicator.ts';
import { resolveSelection, selectionIncludes } from '../selection.ts';
import { describeVintage, resolveVintage } from '../vintage.ts';
import { type ObservationOut, observationsCsv, observationsSdmxCsv } from './observations.formats.ts';
import type { listObservationsRoute } from './observations.routes.ts';

export const listObservations =
  (deps: AppDeps): RouteHandler<typeof listObservationsRoute> =>
  async (c) => {
    const query = c.req.valid('query');
    const selection = resolveSelection(query, deps.now?.());
    const indicator = await requireIndicator(deps.db, query.indicator);
    const spec = query.normalise ? parseNormalise(query.normalise) : null;
    if (spec) checkNormalisationApplies(indicator, spec);
    const vintage = await resolveVintage(deps.db, query);
    const cursor = query.cursor ? decodeCursor(query.cursor) : null;

    let rows = await valuesFor(deps.db, {
      indicatorCodes: [indicator.code],
      countries: selection.countries,
      from: query.from,
      to: query.to,
      vintage,
    });
    rows = rows.filter((r) => selectionIncludes(selection, r.iso3, r.year));
    if (query.latest) rows = latestPerCountry(rows);
    if (query.max_age !== undefined) rows = dropOlderThan(rows, query.max_age);

    const normalisation = spec
      ? await normaliseRows(deps.db, { indicator, spec, rows, crossSection: query.latest, vintage, countries: selection.countries })
      : null;
    let out: ObservationOut[] = rows.map((r, i) => ({
      iso3: r.iso3,
      country: countryByIso3(r.iso3)?.nameEn ?? r.iso3,
      year: r.year,
      value: r.value,
      ...(normalisation ? { normalised: normalisation.values[i] ?? null } : {}),
      flag: r.flag,
      note: r.note,
      reference_url: r.reference_url,
      release: r.release_id,
      source: r.source_id,
    }));
    const reporting = new Set(out.map((o) => o.iso3));
    if (cursor) out = out.filter((o) => isAfter(o, cursor));
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
    if (query.format === 'csv') {
      const licences = new Map(provenance.sources.map((s) => [s.id, s.licence]));
      return observationsCsv(indicator.code, out, licences, normalisation !== null, linkHeader) as never;
    }
    if (query.format === 'sdmx-csv') return observationsSdmxCsv(indicator.code, indicator.unit, out, linkHeader) as never;
    return c.json(
      {
        indicator: presentIndicator(indicator),
        selection,
        vintage: describeVintage(vintage),
        from: query.from ?? null,
        to: query.to ?? null,
        latest: query.latest,
        normalisation: normalisation?.description ?? null,
        count: out.length,
        next_cursor: nextCursor,
        observations: out,
        countries_without_data: selection.countries.filter((iso3) => !reporting.has(iso3)),
        ...provenance,
      },
      200,
      linkHeader,
    );
  };
