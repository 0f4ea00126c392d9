import { createRoute, z } from '@hono/zod-openapi';

export const healthRoute = createRoute({
  method: 'get',
  operationId: 'getHealth',
  path: '/health',
  tags: ['service'],
  summary: 'Liveness: the process is up (does not touch the database)',
  responses: {
    200: {
      description: 'The process answers',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
    },
  },
});

const ReadySchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.enum(['reachable', 'unreachable']),
  migrations: z.object({ expected: z.array(z.string()), applied: z.array(z.string()), current: z.boolean() }),
});

export const readyRoute = createRoute({
  method: 'get',
  operationId: 'getReadiness',
  path: '/ready',
  tags: ['service'],
  summary: 'Readiness: the database is reachable and its migrations are current',
  responses: {
    200: { description: 'Ready to serve', content: { 'application/json': { schema: ReadySchema } } },
    503: {
      description: 'Not ready: database unreachable or migrations behind',
      content: { 'application/json': { schema: ReadySchema } },
    },
  },
});
