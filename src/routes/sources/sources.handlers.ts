import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { Problem } from '../../http/problem.ts';
import { listReleases as listReleaseRows, listSources as listSourceRows } from '../../repositories/sources.ts';
import { sourcesWithFreshness } from '../../services/source-freshness.ts';
import { presentRelease } from '../presenters.ts';
import type { listReleasesRoute, listSourcesRoute } from './sources.routes.ts';

export const listSources =
  (deps: AppDeps): RouteHandler<typeof listSourcesRoute> =>
  async (c) => {
    const today = (deps.now?.() ?? new Date()).toISOString().slice(0, 10);
    const sources = await sourcesWithFreshness(deps.db, today);
    return c.json({ sources, count: sources.length, as_of: today }, 200);
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
