import type { Kysely } from 'kysely';
import type { Database, IndicatorRow } from '../db/schema.ts';
import { COUNTRIES } from '../domain/countries.ts';
import { publisherOrganisation } from '../domain/publishers.ts';
import { sourceText } from '../domain/source-text.ts';
import {
  LEGACY_THEMES,
  type Theme,
  THEME_EVIDENCE_NOTES,
  THEME_NAMES,
  THEMES,
  type ThemeSelection,
} from '../domain/themes.ts';
import { type CoverageSummaryRow, coverageSummaries, listIndicators } from '../repositories/indicators.ts';
import { searchedGapCountries } from '../repositories/searched-gaps.ts';
import { listSources } from '../repositories/sources.ts';
import { gapSentences, type ThemeEvidence } from './theme-coverage-text.ts';

/** A theme's evidence is adequate when 2+ indicators of 2+ publishers each cover this many countries. */
export const ADEQUATE_COUNTRIES = 10;
const ALL_ISO3 = COUNTRIES.map((c) => c.iso3);

export interface CoverageSummary {
  countries: number;
  of: number;
  countries_with_values: string[];
  missing_countries: string[];
  /** Missing countries whose value was searched for in their texts and not found. */
  searched_not_found: string[];
  first_year: number | null;
  latest_year: number | null;
  countries_in_latest_year: number;
  has_undated: boolean;
}

export function summarise(row: CoverageSummaryRow | undefined, searched: readonly string[] = []): CoverageSummary {
  const covered = row?.countries ?? [];
  const missing = ALL_ISO3.filter((iso3) => !covered.includes(iso3));
  return {
    countries: covered.length,
    of: ALL_ISO3.length,
    countries_with_values: covered,
    missing_countries: missing,
    searched_not_found: missing.filter((iso3) => searched.includes(iso3)),
    first_year: row?.first_year ?? null,
    latest_year: row?.latest_year ?? null,
    countries_in_latest_year: row?.countries_in_latest_year ?? 0,
    has_undated: row?.has_undated ?? false,
  };
}

/** Indicators (optionally of some themes) each with its coverage summary: two queries, whatever the count. */
export async function indicatorsWithCoverage(
  db: Kysely<Database>,
  selection?: ThemeSelection,
  /** Every indicator, already being read by the caller (the brief): read once, not twice. */
  allIndicators?: Promise<IndicatorRow[]>,
) {
  const [indicators, coverage, searched] = await Promise.all([
    selection || !allIndicators ? listIndicators(db, selection) : allIndicators,
    coverageSummaries(db),
    searchedGapCountries(db),
  ]);
  const byCode = new Map(coverage.map((row) => [row.indicator_code, row]));
  return indicators.map((indicator) => ({
    indicator,
    coverage: summarise(byCode.get(indicator.code), searched.get(indicator.code)),
  }));
}

function themeEvidence(
  theme: Theme,
  members: { indicator: IndicatorRow; coverage: CoverageSummary }[],
  organisation: (sourceId: string, lang?: 'en' | 'vi') => string,
): ThemeEvidence {
  const withValues = members.filter((m) => m.coverage.countries > 0);
  const covered = new Set(withValues.flatMap((m) => m.coverage.countries_with_values));
  const wellCovered = withValues.filter((m) => m.coverage.countries >= ADEQUATE_COUNTRIES);
  const years = withValues.map((m) => m.coverage.latest_year).filter((y): y is number => y !== null);
  return {
    theme,
    indicators: members.length,
    indicatorsWithValues: withValues.length,
    publishers: [...new Set(withValues.map((m) => organisation(m.indicator.source_id)))].sort(),
    publishersVi: [...new Set(withValues.map((m) => organisation(m.indicator.source_id, 'vi')))].sort((a, b) =>
      a.localeCompare(b, 'vi'),
    ),
    wellCoveredIndicators: wellCovered.length,
    wellCoveredPublishers: [...new Set(wellCovered.map((m) => organisation(m.indicator.source_id)))].sort(),
    countriesWithAny: ALL_ISO3.filter((iso3) => covered.has(iso3)),
    countriesWithNothing: ALL_ISO3.filter((iso3) => !covered.has(iso3)),
    searchedNotFound: ALL_ISO3.filter(
      (iso3) => !covered.has(iso3) && members.some((m) => m.coverage.searched_not_found.includes(iso3)),
    ),
    bestCountries: Math.max(0, ...withValues.map((m) => m.coverage.countries)),
    latestYear: years.length > 0 ? Math.max(...years) : null,
  };
}

/** The theme's well-covered indicators of people's use (adoption), and who publishes them. */
function adoptionEvidence(
  members: { indicator: IndicatorRow; coverage: CoverageSummary }[],
  organisation: (sourceId: string) => string,
): { indicators: string[]; publishers: string[] } {
  const used = members.filter((m) => m.indicator.measures === 'use' && m.coverage.countries >= ADEQUATE_COUNTRIES);
  return {
    indicators: used.map((m) => m.indicator.code),
    publishers: [...new Set(used.map((m) => organisation(m.indicator.source_id)))].sort(),
  };
}

/**
 * GET /v1/themes: each agenda theme with its indicators and their coverage, the sources behind it,
 * the countries with nothing at all, and, where the evidence is thin, the gap in words.
 */
export async function themesCoverage(db: Kysely<Database>, allIndicators?: Promise<IndicatorRow[]>) {
  const [all, sources] = await Promise.all([indicatorsWithCoverage(db, undefined, allIndicators), listSources(db)]);
  const publisher = new Map(sources.map((s) => [s.id, s.publisher]));
  const publisherVi = new Map(sources.map((s) => [s.id, sourceText(s, 'vi').publisher]));
  // Counted by the English name (one organisation, one count); named in the sentence's language.
  const organisation = (sourceId: string, lang: 'en' | 'vi' = 'en') =>
    publisherOrganisation((lang === 'vi' ? publisherVi : publisher).get(sourceId) ?? sourceId);
  const themes = THEMES.map((theme) => {
    const members = all.filter((m) => m.indicator.theme === theme);
    const evidence = themeEvidence(theme, members, organisation);
    const adequate = evidence.wellCoveredIndicators >= 2 && evidence.wellCoveredPublishers.length >= 2;
    return {
      code: theme,
      name: THEME_NAMES[theme],
      old_names: Object.entries(LEGACY_THEMES)
        .filter(([, to]) => (to.themes as readonly string[]).includes(theme))
        .map(([old]) => old),
      evidence: adequate ? ('adequate' as const) : ('thin' as const),
      indicator_count: members.length,
      indicators_with_values: evidence.indicatorsWithValues,
      sources: [...new Set(members.filter((m) => m.coverage.countries > 0).map((m) => m.indicator.source_id))]
        .sort()
        .map((id) => ({ id, publisher: publisher.get(id) ?? id })),
      countries_with_any_value: evidence.countriesWithAny,
      countries_with_nothing: evidence.countriesWithNothing,
      countries_searched_not_found: evidence.searchedNotFound,
      best_indicator_countries: evidence.bestCountries,
      adoption: adoptionEvidence(members, organisation),
      latest_year: evidence.latestYear,
      gap: gapSentences(evidence, adequate),
      note: THEME_EVIDENCE_NOTES[theme] ?? null,
      indicators: members.map(({ indicator, coverage }) => ({
        code: indicator.code,
        name: { en: indicator.name_en, vi: indicator.name_vi },
        source_id: indicator.source_id,
        level: indicator.level,
        parent: indicator.parent_code,
        measures: indicator.measures,
        coverage,
      })),
    };
  });
  return { themes, adequate_rule: { min_indicators: 2, min_publishers: 2, min_countries: ADEQUATE_COUNTRIES } };
}
