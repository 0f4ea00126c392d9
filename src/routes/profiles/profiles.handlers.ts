import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { profileOf } from '../../services/profile.ts';
import { provenanceFor } from '../../services/provenance.ts';
import type { profileRoute } from './profiles.routes.ts';

export const profile =
  (deps: AppDeps): RouteHandler<typeof profileRoute> =>
  async (c) => {
    const { iso3 } = c.req.valid('param');
    const { releaseIds, ...result } = await profileOf(deps.db, iso3, c.req.valid('query'), deps.now?.());
    return c.json({ ...result, ...(await provenanceFor(deps.db, releaseIds)) }, 200);
  };
