import { createRoute, z } from '@hono/zod-openapi';
import { aggregatesQuery } from '../../http/analysis-params.ts';
import { indicatorContextShape, problemResponses, ProvenanceSchema } from '../schemas.ts';

export const aggregatesRoute = createRoute({
  method: 'get',
  operationId: 'getAggregates',
  path: '/v1/aggregates',
  tags: ['analytics'],
  summary: 'A group statistic per year, with coverage and the missing members named (no imputation)',
  request: {
    query: aggregatesQuery,
  },
  responses: {
    200: {
      description: 'One row per year with at least one reporting member',
      content: {
        'application/json': {
          schema: z
            .object({
              ...indicatorContextShape,
              stat: z.string(),
              method: z.string(),
              years: z.array(
                z.object({
                  year: z.number().int(),
                  value: z.number().nullable(),
                  reporting: z.number().int(),
                  members: z.number().int(),
                  member_list: z.array(z.string()),
                  missing: z.array(z.string()),
                  not_weighted: z.array(z.string()).openapi({
                    description:
                      'Reporting members left out of a population-weighted mean for lack of a population figure.',
                  }),
                }),
              ),
            })
            .extend(ProvenanceSchema.shape),
        },
      },
    },
    ...problemResponses,
  },
});
