import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { METHODS } from './methods-text.ts';

const methodsRoute = createRoute({
  method: 'get',
  operationId: 'getMethods',
  path: '/v1/methods',
  tags: ['service'],
  summary: 'Every formula and rule the API applies, in plain words, with references',
  responses: {
    200: { description: 'The methods', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } },
  },
});

export const methodsRoutes = () =>
  createRouter().openapi(methodsRoute, (c) => c.json(METHODS as Record<string, unknown>, 200));
