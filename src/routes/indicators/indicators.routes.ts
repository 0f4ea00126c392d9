import { createRoute, z } from '@hono/zod-openapi';
import { indicatorCode, themeParam } from '../../http/params.ts';
import { CoverageSummarySchema, IndicatorSchema, problemResponses } from '../schemas.ts';

export const listIndicatorsRoute = createRoute({
  method: 'get',
  operationId: 'listIndicators',
  path: '/v1/indicators',
  tags: ['catalogue'],
  summary: 'Indicator metadata with a coverage summary each, optionally for one theme',
  description:
    'Each indicator carries coverage_summary: how many of the 14 countries have a value (any year), which are missing, the first and latest year, and how many countries report in the latest year. Computed in one query for the whole list.',
  request: {
    query: z.strictObject({
      theme: themeParam,
      q: z
        .string()
        .trim()
        .min(1, 'q must not be empty')
        .max(200, 'q must be at most 200 characters')
        .optional()
        .openapi({
          param: { name: 'q', in: 'query' },
          example: 'năng suất',
          description:
            'Search in English or Vietnamese, accents optional ("nang suat" finds "năng suất"): indicator names, codes, definitions, theme names and each theme\'s synonyms. Every word must be found; results are ranked by relevance (the explorer\'s search box uses the same rule).',
        }),
    }),
  },
  responses: {
    200: {
      description: 'Indicators',
      content: {
        'application/json': {
          schema: z.object({
            indicators: z.array(
              IndicatorSchema.extend({
                coverage_summary: CoverageSummarySchema,
                relevance: z.number().optional().openapi({ description: 'With q: higher is more relevant.' }),
              }),
            ),
            count: z.number().int(),
            query: z.string().optional(),
            themes: z
              .array(z.string())
              .optional()
              .openapi({ description: 'With q: the agenda themes whose name or synonyms hold the query.' }),
          }),
        },
      },
    },
    ...problemResponses,
  },
});

export const getIndicatorRoute = createRoute({
  method: 'get',
  operationId: 'getIndicator',
  path: '/v1/indicators/{code}',
  tags: ['catalogue'],
  summary: 'One indicator: metadata and coverage (which country-years have a value)',
  request: { params: z.object({ code: indicatorCode.openapi({ param: { name: 'code', in: 'path' } }) }) },
  responses: {
    200: {
      description: 'The indicator and its coverage',
      content: {
        'application/json': {
          schema: IndicatorSchema.extend({
            coverage: z.array(
              z.object({
                iso3: z.string(),
                years: z.array(z.number().int()),
                first_year: z.number().int().nullable(),
                last_year: z.number().int().nullable(),
                has_undated: z.boolean(),
              }),
            ),
            missing_countries: z.array(z.string()).openapi({ description: 'Registry countries with no value at all.' }),
          }),
        },
      },
    },
    ...problemResponses,
  },
});
