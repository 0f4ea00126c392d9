import { createRoute, z } from '@hono/zod-openapi';
import { problemResponses } from '../schemas.ts';

export const listBulkRoute = createRoute({
  method: 'get',
  operationId: 'listBulkPackages',
  path: '/v1/bulk',
  tags: ['data'],
  summary: 'Bulk Data Packages: every current value, or every value of one release',
  responses: {
    200: {
      description: 'The packages, each a zip of CSV + datapackage.json + README (en/vi)',
      content: {
        'application/json': {
          schema: z.object({
            packages: z.array(
              z.object({ id: z.string(), title: z.string(), url: z.string(), releases: z.array(z.string()) }),
            ),
            count: z.number().int(),
          }),
        },
      },
    },
  },
});

export const bulkPackageRoute = createRoute({
  method: 'get',
  operationId: 'getBulkPackage',
  path: '/v1/bulk/{package}',
  tags: ['data'],
  summary: 'A Frictionless Data Package as a zip',
  description:
    '`all` (every current value of every indicator) or a release id from /v1/bulk. The zip holds observations.csv and indicators.csv (UTF-8, RFC 4180), datapackage.json (Data Package v2 with Table Schemas, primary keys, licences, sources, release ids and sha256) and README.md in English and Vietnamese.',
  request: {
    params: z.object({
      package: z
        .string()
        .regex(
          /^(all|[a-z0-9-]+:[A-Za-z0-9.-]+)$/,
          'package must be all or a release id such as wb-wdi:2024-02-12-population',
        )
        .openapi({ param: { name: 'package', in: 'path' }, example: 'all' }),
    }),
  },
  responses: {
    200: {
      description: 'The zip',
      content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...problemResponses,
  },
});

export const releaseFileRoute = createRoute({
  method: 'get',
  operationId: 'getReleaseFile',
  path: '/v1/releases/{id}/file',
  tags: ['catalogue'],
  summary: 'The original file of a release, byte for byte, with its sha256',
  description:
    'The sha256 is in `Repr-Digest` (RFC 9530), `Digest` (RFC 3230) and the strong `ETag`; it equals the release sha256 in /v1/releases.',
  request: {
    params: z.object({
      id: z
        .string()
        .regex(/^[a-z0-9-]+:[A-Za-z0-9.-]+$/, 'id must be a release id such as wb-wdi:2024-02-12-population')
        .openapi({ param: { name: 'id', in: 'path' }, example: 'wb-wdi:2024-02-12-population' }),
    }),
  },
  responses: {
    200: {
      description: 'The file as the source published it',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...problemResponses,
  },
});
