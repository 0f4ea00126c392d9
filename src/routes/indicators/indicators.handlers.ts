import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { COUNTRIES } from '../../domain/countries.ts';
import { selectTheme } from '../../domain/themes.ts';
import { indicatorCoverage } from '../../repositories/indicators.ts';
import { indicatorsWithCoverage } from '../../services/theme-coverage.ts';
import { presentIndicator } from '../presenters.ts';
import { requireIndicator } from '../../services/require-indicator.ts';
import type { getIndicatorRoute, listIndicatorsRoute } from './indicators.routes.ts';

export const listIndicators =
  (deps: AppDeps): RouteHandler<typeof listIndicatorsRoute> =>
  async (c) => {
    const { theme } = c.req.valid('query');
    const rows = await indicatorsWithCoverage(deps.db, theme ? selectTheme(theme) : undefined);
    const indicators = rows.map(({ indicator, coverage }) => ({
      ...presentIndicator(indicator),
      coverage_summary: coverage,
    }));
    return c.json({ indicators, count: indicators.length }, 200);
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
