import { createRoute, z } from '@hono/zod-openapi';
import { isoDateParam, releaseParam, tableFormatParam } from '../../http/params.ts';
import { problemResponses } from '../schemas.ts';

const ChangeSchema = z
  .object({
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

export const changesRoute = createRoute({
  method: 'get',
  operationId: 'getChanges',
  path: '/v1/changes',
  tags: ['data'],
  summary: 'Values added, changed and removed since a release or a date, source by source',
  description:
    'For syncing: compares what each source said as of `since_release` (its publication date) or `since`, with what it says now. A partial release replaces only the years it covers, so older years are not reported as removed.',
  request: {
    query: z
      .strictObject({
        since_release: releaseParam.openapi({ param: { name: 'since_release', in: 'query' } }),
        since: isoDateParam('since', 'Compare with the releases published on or before this date.'),
        format: tableFormatParam,
      })
      .superRefine((q, ctx) => {
        if (!q.since_release === !q.since)
          ctx.addIssue({ code: 'custom', path: ['since'], message: 'give exactly one of since_release or since' });
      }),
  },
  responses: {
    200: {
      description: 'Changes per source',
      content: {
        'application/json': {
          schema: z.object({
            since: z.object({ release: z.string().nullable(), date: z.string() }),
            sources: z.array(
              z.object({
                source: z.string(),
                new_releases: z.array(z.string()),
                counts: z.object({
                  added: z.number().int(),
                  changed: z.number().int(),
                  removed: z.number().int(),
                  unchanged: z.number().int(),
                }),
                added: z.array(ChangeSchema),
                changed: z.array(ChangeSchema),
                removed: z.array(ChangeSchema),
              }),
            ),
          }),
        },
      },
    },
    ...problemResponses,
  },
});
