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
            sources: z.array(SourceSchema.extend({ releases: z.array(z.string()) })),
            count: z.number().int(),
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
