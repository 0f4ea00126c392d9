import { createRoute, z } from '@hono/zod-openapi';
import { indicatorCode, themeParam } from '../../http/params.ts';
import { IndicatorSchema, problemResponses } from '../schemas.ts';

export const listIndicatorsRoute = createRoute({
  method: 'get',
  operationId: 'listIndicators',
  path: '/v1/indicators',
  tags: ['catalogue'],
  summary: 'Indicator metadata, optionally for one theme',
  request: {
    query: z.strictObject({
      theme: themeParam,
    }),
  },
  responses: {
    200: {
      description: 'Indicators',
      content: {
        'application/json': { schema: z.object({ indicators: z.array(IndicatorSchema), count: z.number().int() }) },
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
