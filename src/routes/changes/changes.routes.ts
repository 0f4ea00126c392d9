import { createRoute, z } from '@hono/zod-openapi';
import {
  countriesParam,
  indicatorsParam,
  isoDateParam,
  MAX_LIMIT,
  releaseParam,
  tableOutputParams,
  timestampParam,
} from '../../http/params.ts';
import { problemResponses } from '../schemas.ts';

export const DEFAULT_CHANGES_LIMIT = 1000;

const ChangeSchema = z
  .object({
    source: z.string(),
    change: z.enum(['added', 'changed', 'removed']),
    indicator: z.string(),
    iso3: z.string(),
    year: z.number().int().nullable(),
    before: z.number().nullable(),
    after: z.number().nullable(),
    release: z
      .string()
      .nullable()
      .openapi({ description: 'The release the new value comes from (null for a removal).' }),
  })
  .openapi('Change');

const LoadedObservationSchema = z
  .object({
    loaded_at: z.string().openapi({ description: 'When the release holding this value was loaded (UTC, ms).' }),
    release: z.string(),
    source: z.string(),
    published_on: z.string().openapi({ description: 'When the release was published.' }),
    indicator: z.string(),
    iso3: z.string(),
    year: z.number().int().nullable(),
    value: z.number(),
    flag: z.string().nullable(),
    note: z.string().nullable(),
    note_vi: z.string().nullable().openapi({ description: "The note in Vietnamese (CivScope's translation)." }),
    current: z.boolean().openapi({
      description: 'true when this is the value served today; false when a newer-published release replaces it.',
    }),
  })
  .openapi('LoadedObservation');

const SinceSchema = z.object({
  basis: z.enum(['published_on', 'loaded_at']).openapi({
    description:
      '`published_on`: compared with what the sources had published by a date. `loaded_at`: everything this server loaded after a time, whatever its publication date.',
  }),
  release: z.string().nullable(),
  date: z.string().nullable(),
  loaded_at: z.string().nullable(),
  note: z.string(),
});

export const changesQuery = z
  .strictObject({
    since_release: releaseParam.openapi({ param: { name: 'since_release', in: 'query' } }),
    since: isoDateParam('since', 'Compare with the releases published on or before this date (publication dates).'),
    since_loaded: timestampParam(
      'since_loaded',
      'Every value loaded after this time (load times, for syncing), e.g. 2026-11-23T21:00:00.000Z.',
    ),
    limit: z.coerce
      .number({ error: 'limit must be a whole number' })
      .int('limit must be a whole number')
      .min(1, 'limit must be at least 1')
      .max(MAX_LIMIT, `limit must be at most ${MAX_LIMIT}`)
      .default(DEFAULT_CHANGES_LIMIT)
      .openapi({
        param: { name: 'limit', in: 'query' },
        type: 'integer',
        description: `Rows per page (default ${DEFAULT_CHANGES_LIMIT}, at most ${MAX_LIMIT}).`,
      }),
    indicators: indicatorsParam.optional().openapi({
      param: { name: 'indicators', in: 'query' },
      description: 'since_loaded only: the indicators a partner mirrors (up to 10 codes, comma-separated).',
    }),
    countries: countriesParam.openapi({
      param: { name: 'countries', in: 'query' },
      description: 'since_loaded only: the countries a partner mirrors (ISO3, comma-separated).',
    }),
    method_revisions: z
      .enum(['summary', 'list'], { error: 'method_revisions must be summary or list' })
      .default('summary')
      .openapi({
        param: { name: 'method_revisions', in: 'query' },
        description:
          'since / since_release: a release that re-estimates history with a new method (e.g. the WGI 2025 revision) is reported once in `method_revisions` with the number of values it changed (`summary`, the default), or its changed values are listed too (`list`).',
      }),
    cursor: z
      .string()
      .max(400)
      .optional()
      .openapi({ param: { name: 'cursor', in: 'query' }, description: 'next_cursor from the previous page.' }),
    ...tableOutputParams,
  })
  .superRefine((q, ctx) => {
    const given = [q.since_release, q.since, q.since_loaded].filter((v) => v !== undefined).length;
    if (given !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['since'],
        message: 'give exactly one of since_release, since (publication date) or since_loaded (load time)',
      });
    for (const narrowing of ['indicators', 'countries'] as const)
      if (q[narrowing] !== undefined && q.since_loaded === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [narrowing],
          message: `${narrowing} narrows the since_loaded sync feed only; since and since_release compare whole sources`,
        });
  });

export const changesRoute = createRoute({
  method: 'get',
  operationId: 'getChanges',
  path: '/v1/changes',
  tags: ['data'],
  summary: 'What changed since a publication date, a release, or a load time; paged',
  description:
    '`since_release` / `since` compare, source by source, what the sources had published by that date with what they say now (publication dates: a release published earlier but loaded later is not "since"). `since_loaded` lists every value loaded after a time, in load order, whatever its publication date: the sync protocol for partners. Both page with `limit` and `cursor` (and a `Link: rel="next"` header); `since_loaded` answers a `sync_token` to send as `since_loaded` next time.',
  request: { query: changesQuery },
  responses: {
    200: {
      description: 'One page of changes',
      content: {
        'application/json': {
          schema: z.object({
            since: SinceSchema,
            new_releases: z.array(z.string()),
            count: z.number().int(),
            next_cursor: z.string().nullable(),
            sync_token: z
              .string()
              .nullable()
              .openapi({ description: 'since_loaded only: the load time to send as since_loaded at the next sync.' }),
            method_revisions: z
              .array(
                z.object({
                  release: z.string(),
                  source: z.string(),
                  label: z.string(),
                  published_on: z.string(),
                  note: z.object({ en: z.string(), vi: z.string() }),
                  changed: z.number().int().openapi({ description: 'Values the new method changed.' }),
                }),
              )
              .openapi({
                description:
                  'Releases since the cutoff that re-estimate history with a new method, each with the number of values it changed; those changes are left out of `changes` unless method_revisions=list.',
              }),
            changes: z.array(ChangeSchema).openapi({ description: 'since / since_release: one row per change.' }),
            observations: z
              .array(LoadedObservationSchema)
              .openapi({ description: 'since_loaded: every value loaded after that time.' }),
          }),
        },
      },
    },
    ...problemResponses,
  },
});
