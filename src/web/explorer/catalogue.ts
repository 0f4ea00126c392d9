import type { z } from '@hono/zod-openapi';
import type { CoverageSummarySchema, IndicatorSchema, SourceSchema } from '../../routes/schemas.ts';
import { getJson } from './dom.ts';

/** What the explorer knows of the data: indicators with their coverage, countries, sources, releases. */
export type Indicator = Omit<z.infer<typeof IndicatorSchema>, 'hierarchy'> & {
  /** From /v1/indicators: one query for the whole list, so every line of the picker shows it at once. */
  coverage_summary: CoverageSummary;
};
export type CoverageSummary = z.infer<typeof CoverageSummarySchema>;
/** The years of one indicator, from /v1/indicators/{code}: only for the indicators a view draws. */
export interface Coverage {
  countries: number;
  first: number | null;
  last: number | null;
  years: number[];
  values: number;
}
export interface Country {
  iso3: string;
  name: { en: string; vi: string };
}
/** A source as /v1/sources serves it. */
export type Source = z.infer<typeof SourceSchema>;
export interface Release {
  id: string;
  source_id: string;
  label: string;
  /** CivScope's Vietnamese of the label. */
  label_vi: string;
  published_on: string;
}

/** What /v1/themes says of a theme's evidence: where it is thin, the gap in words. */
export interface ThemeEvidence {
  evidence: 'adequate' | 'thin';
  gap: { en: string; vi: string } | null;
}

export interface Catalogue {
  indicators: Indicator[];
  /** Filled after the first chart (loadThemeEvidence): the picker then says which themes are thin. */
  themes: Map<string, ThemeEvidence>;
  byCode: Map<string, Indicator>;
  coverage: Map<string, Coverage>;
  countries: Country[];
  sources: Map<string, Source>;
  releases: Release[];
}

interface CoverageRow {
  iso3: string;
  years: number[];
}

function summarise(rows: CoverageRow[]): Coverage {
  const years = [...new Set(rows.flatMap((r) => r.years))].sort((a, b) => a - b);
  return {
    countries: rows.filter((r) => r.years.length > 0).length,
    first: years[0] ?? null,
    last: years.at(-1) ?? null,
    years,
    values: rows.reduce((n, r) => n + r.years.length, 0),
  };
}

export async function loadCatalogue(): Promise<Catalogue> {
  const [indicators, countries, sources, releases] = await Promise.all([
    getJson<{ indicators: Indicator[] }>('/v1/indicators'),
    getJson<{ countries: Country[] }>('/v1/countries'),
    getJson<{ sources: Source[] }>('/v1/sources'),
    getJson<{ releases: Release[] }>('/v1/releases'),
  ]);
  return {
    indicators: indicators.indicators,
    themes: new Map(),
    byCode: new Map(indicators.indicators.map((i) => [i.code, i])),
    coverage: new Map(),
    countries: countries.countries,
    sources: new Map(sources.sources.map((s) => [s.id, s])),
    releases: releases.releases,
  };
}

/** Each theme's evidence, from /v1/themes: loaded after the first chart, which does not need it. */
export async function loadThemeEvidence(catalogue: Catalogue): Promise<void> {
  const { themes } = await getJson<{ themes: (ThemeEvidence & { code: string })[] }>('/v1/themes');
  for (const { code, evidence, gap } of themes) catalogue.themes.set(code, { evidence, gap });
}

async function fetchCoverage(catalogue: Catalogue, code: string): Promise<void> {
  const detail = await getJson<{ coverage: CoverageRow[] }>(`/v1/indicators/${encodeURIComponent(code)}`).catch(() => ({
    coverage: [],
  }));
  catalogue.coverage.set(code, summarise(detail.coverage));
}

/** The coverage of the indicators a view needs, before it is drawn (a slope chart's years). */
export async function ensureCoverage(catalogue: Catalogue, codes: readonly string[]): Promise<void> {
  await Promise.all(codes.filter((c) => !catalogue.coverage.has(c)).map((c) => fetchCoverage(catalogue, c)));
}
