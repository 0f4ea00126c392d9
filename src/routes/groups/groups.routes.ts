import { createRoute, z } from '@hono/zod-openapi';
import { isoDateParam } from '../../http/params.ts';
import { CountrySchema, problemResponses } from '../schemas.ts';

const GroupSchema = z
  .object({
    code: z.string(),
    name: z.object({ en: z.string(), vi: z.string() }),
    description: z.string(),
  })
  .openapi('Group');

const MemberSchema = CountrySchema.extend({ joined_on: z.string(), left_on: z.string().nullable() });

export const listGroupsRoute = createRoute({
  method: 'get',
  operationId: 'listGroups',
  path: '/v1/groups',
  tags: ['registry'],
  summary: 'Country groups with their members today',
  responses: {
    200: {
      description: 'All groups',
      content: {
        'application/json': {
          schema: z.object({ groups: z.array(GroupSchema.extend({ on: z.string(), members: z.array(z.string()) })) }),
        },
      },
    },
  },
});

export const getGroupRoute = createRoute({
  method: 'get',
  operationId: 'getGroup',
  path: '/v1/groups/{code}',
  tags: ['registry'],
  summary: 'The members of a group on a date (default today)',
  request: {
    params: z.object({
      code: z
        .string()
        .min(1)
        .max(20)
        .openapi({ param: { name: 'code', in: 'path' }, example: 'ASEAN' }),
    }),
    query: z.strictObject({
      on: isoDateParam('on', 'The date membership is evaluated on, YYYY-MM-DD (default: today, UTC).'),
    }),
  },
  responses: {
    200: {
      description: 'The group and its members on that date',
      content: {
        'application/json': {
          schema: GroupSchema.extend({
            on: z.string(),
            member_count: z.number().int(),
            members: z.array(MemberSchema),
            history: z.array(z.object({ iso3: z.string(), joined_on: z.string(), left_on: z.string().nullable() })),
          }),
        },
      },
    },
    ...problemResponses,
  },
});
