import type { RouteHandler } from '@hono/zod-openapi';
import type { healthRoute } from './health.routes.ts';

export const health: RouteHandler<typeof healthRoute> = (c) => c.json({ status: 'ok' as const }, 200);
