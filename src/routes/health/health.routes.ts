import { createRoute, z } from '@hono/zod-openapi';

export const healthRoute = createRoute({
  method: 'get',
  operationId: 'getHealth',
  path: '/health',
  tags: ['service'],
  summary: 'Liveness: the process is up',
  responses: {
    200: {
      description: 'The process answers',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
    },
  },
});
