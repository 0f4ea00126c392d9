import { createRoute, z } from '@hono/zod-openapi';
import { compareQuery } from '../../http/analysis-params.ts';
import { CoverageSchema } from '../analysis-schemas.ts';
import { IndicatorSchema, problemResponses, ProvenanceSchema, SelectionSchema, VintageSchema } from '../schemas.ts';

export const CellSchema = z
  .object({
    value: z.number(),
    year: z.number().int(),
    score: z.number().nullable().openapi({ description: 'Min-max 0–100 within the peer set (100 = best).' }),
    rank: z.number().int().nullable(),
    flag: z.string().nullable(),
    release: z.string(),
  })
  .openapi('CompareCell');

export const compareRoute = createRoute({
  method: 'get',
  operationId: 'getComparison',
  path: '/v1/compare',
  tags: ['analytics'],
  summary: 'A country × indicator matrix of raw and normalised values, each with its year',
  request: {
    query: compareQuery,
  },
  responses: {
    200: {
      description: 'The matrix: one row per country, one cell per indicator (null: no value)',
      content: {
        'application/json': {
          schema: z
            .object({
              indicators: z.array(IndicatorSchema.extend({ coverage: CoverageSchema })),
              selection: SelectionSchema,
              vintage: VintageSchema,
              year: z.number().int().nullable(),
              latest: z.boolean(),
              lang: z.enum(['en', 'vi']),
              rows: z.array(
                z.object({ iso3: z.string(), country: z.string(), cells: z.record(z.string(), CellSchema.nullable()) }),
              ),
            })
            .extend(ProvenanceSchema.shape),
        },
      },
    },
    ...problemResponses,
  },
});
