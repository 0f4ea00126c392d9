import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { Problem } from '../../http/problem.ts';
import { listReleases as listReleaseRows, listSources as listSourceRows } from '../../repositories/sources.ts';
import { presentRelease } from '../presenters.ts';
import type { listReleasesRoute, listSourcesRoute } from './sources.routes.ts';

export const listSources =
  (deps: AppDeps): RouteHandler<typeof listSourcesRoute> =>
  async (c) => {
    const [sources, releases] = await Promise.all([listSourceRows(deps.db), listReleaseRows(deps.db)]);
    return c.json(
      {
        sources: sources.map((s) => ({
          ...s,
          releases: releases.filter((r) => r.source_id === s.id).map((r) => r.id),
        })),
        count: sources.length,
      },
      200,
    );
  };

export const listReleases =
  (deps: AppDeps): RouteHandler<typeof listReleasesRoute> =>
  async (c) => {
    const { source } = c.req.valid('query');
    const releases = await listReleaseRows(deps.db, source);
    if (source && releases.length === 0) {
      const valid = (await listSourceRows(deps.db)).map((s) => s.id);
      throw new Problem(400, 'invalid_parameter', `Unknown source "${source}". Valid sources: ${valid.join(', ')}.`, {
        parameter: 'source',
        valid_values: valid,
      });
    }
    return c.json({ releases: releases.map(presentRelease), count: releases.length }, 200);
  };
