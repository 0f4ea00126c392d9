import { createRoute, z } from '@hono/zod-openapi';
import { profileQuery } from '../../http/analysis-params.ts';
import { ISO3 } from '../../http/params.ts';
import { problemResponses, ProvenanceSchema, SelectionSchema, VintageSchema } from '../schemas.ts';

export const profileRoute = createRoute({
  method: 'get',
  operationId: 'getProfile',
  path: '/v1/profiles/{iso3}',
  tags: ['analytics'],
  summary: "A country's standing on every indicator within a peer group",
  description:
    "For each indicator: the country's value (in `year`, or its latest), its rank among the peers reporting that same year, the peers' min, median, mean and max, the distance to the frontier (best in group) and the change since the country's previous observation.",
  request: {
    params: z.object({ iso3: ISO3.openapi({ param: { name: 'iso3', in: 'path' } }) }),
    query: profileQuery,
  },
  responses: {
    200: {
      description: 'The profile',
      content: {
        'application/json': {
          schema: z
            .object({
              iso3: z.string(),
              country: z.string(),
              lang: z.enum(['en', 'vi']),
              selection: SelectionSchema,
              vintage: VintageSchema,
              year: z.number().int().nullable(),
              indicators: z.array(
                z.object({
                  indicator: z.string(),
                  name: z.string(),
                  theme: z.string(),
                  unit: z.string(),
                  direction: z.enum(['higher', 'lower']).nullable(),
                  year: z.number().int(),
                  value: z.number(),
                  flag: z.string().nullable(),
                  rank: z.number().int().nullable().openapi({
                    description:
                      'Rank among the `peers_reporting` peers with a value that year (1 = best); null for an indicator with no better direction.',
                  }),
                  peers_reporting: z.number().int(),
                  peers: z
                    .number()
                    .int()
                    .openapi({ description: 'Countries in the peer set that year, this one included.' }),
                  peers_without_data: z
                    .array(z.string())
                    .openapi({ description: 'Peers (ISO3) without a value that year: the rank is out of the others.' }),
                  group_min: z.number().nullable(),
                  group_median: z.number().nullable(),
                  group_mean: z.number().nullable(),
                  group_max: z.number().nullable(),
                  frontier: z.object({ iso3: z.array(z.string()), value: z.number() }).nullable(),
                  distance_to_frontier: z.number().nullable(),
                  previous: z.object({ year: z.number().int(), value: z.number() }).nullable(),
                  change: z.number().nullable(),
                  release: z.string(),
                }),
              ),
              no_data: z
                .array(z.string())
                .openapi({ description: 'Indicators without a value for this country (in this year).' }),
            })
            .extend(ProvenanceSchema.shape),
        },
      },
    },
    ...problemResponses,
  },
});
