import { createRoute, z } from '@hono/zod-openapi';
import { checkYearRange, countriesParam, fromParam, groupParam, indicatorCode, toParam } from '../../http/params.ts';
import { IndicatorSchema, problemResponses, ProvenanceSchema } from '../schemas.ts';

export const ObservationSchema = z
  .object({
    iso3: z.string(),
    country: z.string(),
    year: z.number().int().nullable().openapi({ description: 'null only for undated policy figures.' }),
    value: z.number().openapi({ description: 'Exactly as published (float64).' }),
    flag: z.string().nullable(),
    note: z.string().nullable(),
    reference_url: z.string().nullable(),
    release: z.string(),
    source: z.string(),
  })
  .openapi('Observation');

export const SelectionSchema = z
  .object({
    countries: z.array(z.string()),
    group: z.object({ code: z.string(), on: z.string(), members: z.array(z.string()) }).nullable(),
  })
  .openapi('Selection');

export const observationsQuery = z
  .object({
    indicator: indicatorCode.openapi({ param: { name: 'indicator', in: 'query' } }),
    countries: countriesParam,
    group: groupParam,
    from: fromParam,
    to: toParam,
  })
  .superRefine(checkYearRange);

export const listObservationsRoute = createRoute({
  method: 'get',
  path: '/v1/observations',
  tags: ['data'],
  summary: 'Values of one indicator for countries and years, with source and release',
  request: { query: observationsQuery },
  responses: {
    200: {
      description: 'Observations, by country then year',
      content: {
        'application/json': {
          schema: z
            .object({
              indicator: IndicatorSchema,
              selection: SelectionSchema,
              from: z.number().int().nullable(),
              to: z.number().int().nullable(),
              count: z.number().int(),
              observations: z.array(ObservationSchema),
              countries_without_data: z.array(z.string()),
            })
            .extend(ProvenanceSchema.shape),
        },
      },
    },
    ...problemResponses,
  },
});
