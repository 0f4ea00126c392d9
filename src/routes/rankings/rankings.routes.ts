import { createRoute, z } from '@hono/zod-openapi';
import { rankingsQuery } from '../../http/analysis-params.ts';
import { CoverageSchema, ExcludedValueSchema } from '../analysis-schemas.ts';
import { indicatorContextShape, problemResponses, ProvenanceSchema } from '../schemas.ts';

export const rankingsRoute = createRoute({
  method: 'get',
  operationId: 'getRankings',
  path: '/v1/rankings',
  tags: ['analytics'],
  summary: 'Countries ordered best first on one indicator, with ties, scores and coverage',
  description: "Without `year`, each country's latest value is used (`latest=true`), with its real year.",
  request: {
    query: rankingsQuery,
  },
  responses: {
    200: {
      description: 'The ranking',
      content: {
        'application/json': {
          schema: z
            .object({
              ...indicatorContextShape,
              year: z.number().int().nullable(),
              latest: z.boolean(),
              lang: z.enum(['en', 'vi']),
              direction: z.enum(['higher', 'lower']).nullable().openapi({
                description:
                  'Which way is better; null for an indicator with no better direction (a wage bill, an employment share): its countries are listed highest value first, `rank` is only the position in that order and `score` is null.',
              }),
              median: z.number().nullable(),
              ranking: z.array(
                z.object({
                  rank: z.number().int(),
                  iso3: z.string(),
                  country: z.string(),
                  value: z.number(),
                  year: z.number().int().nullable().openapi({ description: 'null: the source text states no year' }),
                  score: z.number().nullable(),
                  tied: z.boolean(),
                  flag: z.string().nullable(),
                  release: z.string(),
                }),
              ),
              coverage: CoverageSchema,
              excluded: z.array(ExcludedValueSchema),
            })
            .extend(ProvenanceSchema.shape),
        },
      },
    },
    ...problemResponses,
  },
});
