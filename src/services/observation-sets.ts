import type { z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type LegacyTheme, selectTheme, type Theme } from '../domain/themes.ts';
import type { indicatorsParam, themeParam } from '../http/params.ts';
import { listIndicators } from '../repositories/indicators.ts';
import { observationSeries, type SeriesPoint, type SeriesQuery } from './observation-series.ts';
import { requireIndicators } from './require-indicator.ts';

/** Several indicators' series: a list of codes or a theme, and the parameters of one series. */
export type SetQuery = Omit<SeriesQuery, 'indicator'> & {
  indicators?: z.output<typeof indicatorsParam>;
  theme?: z.output<typeof themeParam>;
};

/** One observation of a multi-indicator answer: the series point, named by its indicator. */
export type SetPoint = SeriesPoint & { indicator: string };

/** A country-year of the wide layout: one value (or null) per indicator, in the order requested. */
export interface WideRow {
  iso3: string;
  country: string;
  year: number | null;
  values: Record<string, number | null>;
  /** Flags of the values that carry one (e.g. zero-no-data); absent when none does. */
  flags?: Record<string, string>;
  releases: Record<string, string>;
}

/**
 * The values of several indicators (a list, or every indicator of a theme) for one selection of
 * countries and years: each indicator answered exactly as /v1/observations?indicator= answers it
 * (same latest, fallback, max_age and normalisation rules), by indicator code, then country, then year.
 */
export async function observationSets(db: Kysely<Database>, query: SetQuery, now?: Date) {
  const indicators = query.indicators
    ? await requireIndicators(db, query.indicators)
    : await listIndicators(db, selectTheme(query.theme as Theme | LegacyTheme));
  const codes = indicators.map((i) => i.code).sort();
  const series = await Promise.all(codes.map((code) => observationSeries(db, { ...query, indicator: code }, now)));
  const points: SetPoint[] = series.flatMap((s) => s.points.map((p) => ({ indicator: s.indicator.code, ...p })));
  return {
    indicators: series.map((s) => s.indicator),
    selection: series[0]?.selection ?? null,
    vintage: series[0]?.vintage ?? null,
    normalisation: Object.fromEntries(series.map((s) => [s.indicator.code, s.normalisation])),
    points,
    countriesWithoutData: Object.fromEntries(series.map((s) => [s.indicator.code, s.countriesWithoutData])),
  };
}

/** Country-year rows, one column per indicator, ordered by country then year (undated last). */
export function wideRows(codes: readonly string[], points: readonly Omit<SetPoint, 'note_vi'>[]): WideRow[] {
  const rows = new Map<string, WideRow>();
  for (const p of points) {
    const key = `${p.iso3}|${p.year}`;
    let row = rows.get(key);
    if (!row) {
      row = { iso3: p.iso3, country: p.country, year: p.year, values: {}, releases: {} };
      for (const code of codes) row.values[code] = null;
      rows.set(key, row);
    }
    row.values[p.indicator] = p.normalised !== undefined ? p.normalised : p.value;
    row.releases[p.indicator] = p.release;
    if (p.flag) row.flags = { ...row.flags, [p.indicator]: p.flag };
  }
  return [...rows.values()].sort(
    (a, b) =>
      a.iso3.localeCompare(b.iso3) || (a.year ?? Number.POSITIVE_INFINITY) - (b.year ?? Number.POSITIVE_INFINITY),
  );
}
