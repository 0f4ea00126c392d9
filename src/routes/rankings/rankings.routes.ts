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
              median: z.number().nullable().openapi({
                description: 'The group median; null for a yes/no indicator, whose values are answers, not amounts.',
              }),
              tally: z.object({ yes: z.number().int(), no: z.number().int() }).nullable().openapi({
                description:
                  'For a yes/no indicator (scale `yes-no`, values 1 or 0): how many countries answered yes and no. Null for every other indicator.',
              }),
              ranking: z.array(
                z.object({
                  rank: z.number().int().nullable().openapi({
                    description:
                      'Position best first (ties share a rank); null for a yes/no indicator, whose yes answers are listed first but not ranked.',
                  }),
                  iso3: z.string(),
                  country: z.string(),
                  value: z.number(),
                  year: z.number().int().nullable().openapi({ description: 'null: the source text states no year' }),
                  score: z.number().nullable(),
                  tied: z.boolean(),
                  flag: z.string().nullable(),
                  note: z.string().nullable().openapi({
                    description:
                      "The value's note in the language asked for: for a policy figure, the legal text it comes from.",
                  }),
                  reference_url: z
                    .string()
                    .nullable()
                    .openapi({ description: 'The public text a policy figure comes from.' }),
                  release: z.string(),
                }),
              ),
              coverage: CoverageSchema,
              not_found: z
                .array(
                  z.object({
                    iso3: z.string(),
                    country: z.string(),
                    searched_on: z.string().openapi({ format: 'date' }),
                    note: z.string().openapi({ description: 'What was searched, in the language asked for.' }),
                    release: z.string(),
                  }),
                )
                .openapi({
                  description:
                    'Missing countries whose value the source looked for and did not find, with what was searched: a finding, not a value, and never counted as one.',
                }),
              excluded: z.array(ExcludedValueSchema),
            })
            .extend(ProvenanceSchema.shape),
        },
      },
    },
    ...problemResponses,
  },
});
