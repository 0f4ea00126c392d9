import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { COUNTRIES } from '../../domain/countries.ts';
import { searchIndicators, searchThemes } from '../../domain/indicator-search.ts';
import { selectTheme } from '../../domain/themes.ts';
import { indicatorCoverage } from '../../repositories/indicators.ts';
import { indicatorsWithCoverage } from '../../services/theme-coverage.ts';
import { presentIndicator } from '../presenters.ts';
import { requireIndicator } from '../../services/require-indicator.ts';
import type { getIndicatorRoute, listIndicatorsRoute } from './indicators.routes.ts';

export const listIndicators =
  (deps: AppDeps): RouteHandler<typeof listIndicatorsRoute> =>
  async (c) => {
    const { theme, q } = c.req.valid('query');
    const rows = await indicatorsWithCoverage(deps.db, theme ? selectTheme(theme) : undefined);
    const present = ({ indicator, coverage }: (typeof rows)[number], relevance?: number) => ({
      ...presentIndicator(indicator),
      coverage_summary: coverage,
      ...(relevance === undefined ? {} : { relevance }),
    });
    if (q === undefined) {
      const indicators = rows.map((row) => present(row));
      return c.json({ indicators, count: indicators.length }, 200);
    }
    const byCode = new Map(rows.map((row) => [row.indicator.code, row]));
    const hits = searchIndicators(
      rows.map((r) => ({ ...r.indicator, countries: r.coverage.countries })),
      q,
    );
    const indicators = hits.map((hit) =>
      present(byCode.get(hit.indicator.code) as (typeof rows)[number], hit.relevance),
    );
    return c.json({ indicators, count: indicators.length, query: q, themes: searchThemes(q) }, 200);
  };

export const getIndicator =
  (deps: AppDeps): RouteHandler<typeof getIndicatorRoute> =>
  async (c) => {
    const { code } = c.req.valid('param');
    const indicator = await requireIndicator(deps.db, code, 404);
    const coverage = (await indicatorCoverage(deps.db, indicator.code)).map((row) => ({
      iso3: row.iso3,
      years: row.years ?? [],
      first_year: row.years?.[0] ?? null,
      last_year: row.years?.at(-1) ?? null,
      has_undated: row.has_undated,
    }));
    const covered = new Set(coverage.map((c) => c.iso3));
    return c.json(
      {
        ...presentIndicator(indicator),
        coverage,
        missing_countries: COUNTRIES.map((c) => c.iso3).filter((iso3) => !covered.has(iso3)),
      },
      200,
    );
  };
