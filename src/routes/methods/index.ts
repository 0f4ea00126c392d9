import { createRoute, z } from '@hono/zod-openapi';
import { LANGS } from '../../charts/locale.ts';
import { createRouter } from '../../http/router.ts';
import { problemResponses } from '../schemas.ts';
import { METHODS, METHODS_VI } from './methods-text.ts';

const methodsRoute = createRoute({
  method: 'get',
  operationId: 'getMethods',
  path: '/v1/methods',
  tags: ['service'],
  summary: 'Every formula and rule the API applies, in plain words, with references',
  request: {
    query: z.strictObject({
      lang: z
        .enum(LANGS as [string, ...string[]], { error: 'lang must be en or vi' })
        .default('en')
        .openapi({
          param: { name: 'lang', in: 'query' },
          type: 'string',
          description: "Language: `en`, or `vi` for CivScope's Vietnamese (the same text as `/methods?lang=vi`).",
        }),
    }),
  },
  responses: {
    200: { description: 'The methods', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } },
    ...problemResponses,
  },
});

export const methodsRoutes = () =>
  createRouter().openapi(methodsRoute, (c) => {
    const { lang } = c.req.valid('query');
    return c.json((lang === 'vi' ? METHODS_VI : METHODS) as Record<string, unknown>, 200);
  });
