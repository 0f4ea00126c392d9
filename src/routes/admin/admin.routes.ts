import { createRoute, z } from '@hono/zod-openapi';
import { ProblemSchema } from '../schemas.ts';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

export const IngestSummarySchema = z
  .object({
    release: z.string(),
    status: z.enum(['loaded', 'unchanged']),
    lines_read: z.number().int(),
    loaded: z.number().int(),
    skipped: z.record(z.string(), z.number().int()),
    unresolved: z.array(z.object({ line: z.number().int(), text: z.string() })),
    changes: z
      .object({
        added: z.number().int(),
        changed: z.number().int(),
        removed: z.number().int(),
        unchanged: z.number().int(),
      })
      .nullable(),
    summary: z.string(),
  })
  .openapi('IngestSummary');

export const uploadReleaseRoute = createRoute({
  method: 'post',
  operationId: 'uploadRelease',
  path: '/v1/admin/releases',
  tags: ['admin'],
  summary: 'Upload a release (meta.yaml + data file) and ingest it in one transaction',
  description:
    'Multipart form with two files: `meta` (meta.yaml) and `data` (the data file it describes). Runs the same validation and loading as `npm run ingest`, all or nothing. Requires `Authorization: Bearer <admin key>`.',
  security: [{ adminKey: [] }],
  request: {
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({
            // Optional here so a missing file gets the handler's invalid_upload problem that names it.
            meta: z.any().optional().openapi({ type: 'string', format: 'binary', description: 'meta.yaml' }),
            data: z.any().optional().openapi({
              type: 'string',
              format: 'binary',
              description: 'data.csv (tidy, wb-bulk or un-egov, as meta.yaml says)',
            }),
          }),
        },
      },
    },
  },
  responses: {
    201: { description: 'Loaded', content: { 'application/json': { schema: IngestSummarySchema } } },
    200: {
      description: 'Already loaded from the same file: nothing changed',
      content: { 'application/json': { schema: IngestSummarySchema } },
    },
    400: problem('Malformed form'),
    401: problem('No admin key'),
    403: problem('Wrong admin key'),
    413: problem('Upload larger than the limit'),
    422: problem('The release is invalid; the problem names file, line and column; nothing was written'),
    501: problem('Uploads are not available on this deployment'),
  },
});
