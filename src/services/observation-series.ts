import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { parseNormalise } from '../domain/normalise.ts';
import { countryByIso3 } from '../domain/countries.ts';
import { dropOlderThan, fallbackPerCountry, latestPerCountry } from '../domain/latest.ts';
import { type Lenient, MAX_YEAR_SPAN, type SeriesParams } from '../http/params.ts';
import { valuesFor } from '../repositories/observations.ts';
import { checkNormalisationApplies, normaliseRows } from './normalisation.ts';
import { requireIndicator } from './require-indicator.ts';
import { resolveSelection, selectionIncludes } from './selection.ts';
import { resolveVintage } from './vintage.ts';

/**
 * One indicator's series, as /v1/observations validates it (`seriesParams`); a caller inside the
 * app (the chart service) may leave out what has a default.
 */
export type SeriesQuery = { indicator: string } & Lenient<SeriesParams, 'membership' | 'latest'>;

export interface SeriesPoint {
  iso3: string;
  country: string;
  year: number | null;
  value: number;
  normalised?: number | null;
  flag: string | null;
  note: string | null;
  /** The note in Vietnamese; a response gives one of the two (`inLanguage`). */
  note_vi: string | null;
  reference_url: string | null;
  /** Only where the source publishes ranks; what they rank is the indicator's hierarchy.rank_scope. */
  published_rank?: { rank: number | null; label: string | null; of: number | null };
  release: string;
  source: string;
  /** With fallback=: the year asked for (`year` is the year the value is from). */
  requested_year?: number;
}

/**
 * The values of one indicator for a selection of countries and years, after latest/max_age and
 * normalisation: what /v1/observations serves and the time-series charts draw.
 */
export async function observationSeries(db: Kysely<Database>, query: SeriesQuery, now?: Date) {
  const selection = resolveSelection(query, now);
  const indicator = await requireIndicator(db, query.indicator);
  const spec = query.normalise ? parseNormalise(query.normalise) : null;
  if (spec) checkNormalisationApplies(indicator, spec);
  const vintage = await resolveVintage(db, query);

  const fallback = query.year !== undefined ? query.fallback : undefined;
  const reach = query.max_age ?? MAX_YEAR_SPAN;
  const from = fallback ? (query.year as number) - reach : (query.year ?? query.from);
  const to = fallback === 'nearest' ? (query.year as number) + reach : (query.year ?? query.to);
  let rows = await valuesFor(db, {
    indicatorCodes: [indicator.code],
    countries: selection.countries,
    from,
    to,
    vintage,
  });
  rows = rows.filter((r) => selectionIncludes(selection, r.iso3, r.year));
  if (query.latest) rows = latestPerCountry(rows);
  if (fallback) rows = fallbackPerCountry(rows, query.year as number, fallback, query.max_age);
  else if (query.max_age !== undefined) rows = dropOlderThan(rows, query.max_age);

  const normalisation = spec
    ? await normaliseRows(db, {
        indicator,
        spec,
        rows,
        crossSection: (query.latest ?? false) || fallback !== undefined,
        vintage,
        countries: selection.countries,
      })
    : null;
  const points: SeriesPoint[] = rows.map((r, i) => ({
    iso3: r.iso3,
    country: countryByIso3(r.iso3)?.nameEn ?? r.iso3,
    year: r.year,
    value: r.value,
    ...(normalisation ? { normalised: normalisation.values[i] ?? null } : {}),
    flag: r.flag,
    note: r.note,
    note_vi: r.note_vi,
    reference_url: r.reference_url,
    ...(r.rank === null && r.rank_label === null
      ? {}
      : { published_rank: { rank: r.rank, label: r.rank_label, of: r.rank_of } }),
    release: r.release_id,
    source: r.source_id,
    ...(fallback ? { requested_year: query.year as number } : {}),
  }));
  const reporting = new Set(points.map((p) => p.iso3));
  return {
    indicator,
    selection,
    vintage,
    normalisation: normalisation?.description ?? null,
    points,
    countriesWithoutData: selection.countries.filter((iso3) => !reporting.has(iso3)),
  };
}
