import { createRoute, z } from '@hono/zod-openapi';
import { compositeQuery } from '../../http/analysis-params.ts';
import { problemResponses, ProvenanceSchema, SelectionSchema, VintageSchema } from '../schemas.ts';

export const compositeRoute = createRoute({
  method: 'get',
  operationId: 'getComposite',
  path: '/v1/composite',
  tags: ['analytics'],
  summary: 'A weighted composite of min-max normalised indicators, with rank sensitivity to the weights',
  request: {
    query: compositeQuery,
  },
  responses: {
    200: {
      description: 'Composite scores, ranks and their sensitivity',
      content: {
        'application/json': {
          schema: z
            .object({
              selection: SelectionSchema,
              vintage: VintageSchema,
              year: z.number().int().nullable(),
              latest: z.boolean(),
              missing: z.enum(['skip', 'exclude']),
              method: z.string(),
              components: z.array(
                z.object({
                  indicator: z.string(),
                  weight: z.number(),
                  direction: z.enum(['higher', 'lower']),
                  reporting: z.number().int(),
                  used: z.boolean(),
                  note: z.string().nullable(),
                }),
              ),
              scores: z.array(
                z.object({
                  rank: z.number().int().nullable(),
                  iso3: z.string(),
                  country: z.string(),
                  score: z.number().nullable(),
                  components: z.record(
                    z.string(),
                    z.object({
                      value: z.number().nullable(),
                      year: z.number().int().nullable(),
                      score: z.number().nullable(),
                    }),
                  ),
                  missing_components: z.array(z.string()),
                }),
              ),
              sensitivity: z.object({
                method: z.string(),
                variation: z.number(),
                scenarios: z.number().int(),
                ranks: z.array(
                  z.object({
                    iso3: z.string(),
                    base_rank: z.number().int().nullable(),
                    min_rank: z.number().int().nullable(),
                    max_rank: z.number().int().nullable(),
                  }),
                ),
              }),
            })
            .extend(ProvenanceSchema.shape),
        },
      },
    },
    ...problemResponses,
  },
});
