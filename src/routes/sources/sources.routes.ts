import { createRoute, z } from '@hono/zod-openapi';
import { problemResponses, ReleaseSchema, SourceSchema } from '../schemas.ts';

export const listSourcesRoute = createRoute({
  method: 'get',
  operationId: 'listSources',
  path: '/v1/sources',
  tags: ['catalogue'],
  summary: 'Data sources: publisher, licence and citation',
  responses: {
    200: {
      description: 'Sources with their releases',
      content: {
        'application/json': {
          schema: z.object({
            sources: z.array(
              SourceSchema.extend({
                releases: z.array(z.string()),
                editions_page: z.string().nullable().openapi({
                  description: "Where the publisher posts editions (null for CivScope's own compilations).",
                }),
                cadence_months: z
                  .number()
                  .int()
                  .nullable()
                  .openapi({ description: 'Months between editions; null where the source has no regular cadence.' }),
                newest_edition: z
                  .object({ release: z.string(), label: z.string(), published_on: z.string() })
                  .nullable()
                  .openapi({ description: 'The newest edition loaded, by publication date.' }),
                next_expected_on: z
                  .string()
                  .nullable()
                  .openapi({ description: "The newest edition's publication date plus the cadence." }),
                days_late: z
                  .number()
                  .int()
                  .openapi({ description: 'Days since the next edition was due (0 if not yet).' }),
                stale: z.boolean().openapi({
                  description: 'True when the next edition is more than 90 days late: a newer one may exist.',
                }),
              }),
            ),
            count: z.number().int(),
            as_of: z.string().openapi({ description: 'The date staleness was judged on.' }),
          }),
        },
      },
    },
  },
});

export const listReleasesRoute = createRoute({
  method: 'get',
  operationId: 'listReleases',
  path: '/v1/releases',
  tags: ['catalogue'],
  summary: 'Every loaded release (edition or vintage) of every source',
  request: {
    query: z.strictObject({
      source: z
        .string()
        .regex(/^[a-z0-9-]{1,40}$/, 'source must be a source id such as wb-wdi')
        .optional()
        .openapi({ param: { name: 'source', in: 'query' }, example: 'wb-wdi' }),
    }),
  },
  responses: {
    200: {
      description: 'Releases, oldest first',
      content: {
        'application/json': { schema: z.object({ releases: z.array(ReleaseSchema), count: z.number().int() }) },
      },
    },
    ...problemResponses,
  },
});
