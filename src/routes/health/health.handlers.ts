import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { EXPECTED_MIGRATIONS } from '../../db/migration-names.ts';
import { appliedMigrations } from '../../repositories/readiness.ts';
import { Problem, problemResponse, RETRY_AFTER_OUTAGE } from '../../http/problem.ts';
import type { healthRoute, readyRoute } from './health.routes.ts';

export const health: RouteHandler<typeof healthRoute> = (c) => c.json({ status: 'ok' as const }, 200);

export const ready =
  (deps: AppDeps): RouteHandler<typeof readyRoute> =>
  async (c) => {
    const expected = [...EXPECTED_MIGRATIONS];
    let applied: string[] | null = null;
    try {
      applied = await appliedMigrations(deps.db);
    } catch {
      applied = null;
    }
    const current = applied !== null && expected.every((m) => applied?.includes(m));
    const body = {
      status: current ? ('ready' as const) : ('not_ready' as const),
      database: applied === null ? ('unreachable' as const) : ('reachable' as const),
      migrations: { expected, applied: applied ?? [], current },
    };
    c.header('cache-control', 'no-store');
    if (applied === null) {
      // An outage: problem+json with Retry-After, like every other route meanwhile.
      const problem = new Problem(503, 'service_unavailable', 'The database cannot be reached right now.', {
        readiness: body.status,
        database: body.database,
        migrations: body.migrations,
      });
      const response = problemResponse(problem, c.req.path);
      response.headers.set('retry-after', String(RETRY_AFTER_OUTAGE));
      response.headers.set('cache-control', 'no-store');
      return response as never;
    }
    return current ? c.json(body, 200) : c.json(body, 503);
  };
