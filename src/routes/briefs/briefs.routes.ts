import { createRoute, z } from '@hono/zod-openapi';
import { GROUPS } from '../../domain/groups.ts';
import {
  checkCommonRules,
  countriesParam,
  ISO3,
  langParam,
  latestParam,
  MAX_YEAR,
  maxAgeParam,
  MIN_YEAR,
  yearParam,
} from '../../http/params.ts';
import { problemResponses } from '../schemas.ts';

/** Every format a brief is (or will be) served in; each has one renderer in briefs.handlers.ts. */
export const BRIEF_FORMATS = ['json', 'html', 'pdf', 'docx'] as const;
export type BriefFormat = (typeof BRIEF_FORMATS)[number];

const GROUP_CODES = GROUPS.map((g) => g.code) as [string, ...string[]];

export const briefQuerySchema = z
  .strictObject({
    group: z
      .enum(GROUP_CODES, { error: `group must be one of ${GROUP_CODES.join(', ')} (write ASEAN%2B3 in a URL)` })
      .optional()
      .openapi({
        param: { name: 'group', in: 'query' },
        type: 'string',
        description: 'The peer group: `ASEAN` or `ASEAN+3` (default). Use either `group` or `countries`.',
        example: 'ASEAN',
      }),
    countries: countriesParam,
    year: yearParam,
    latest: latestParam,
    max_age: maxAgeParam,
    since: z.coerce
      .number({ error: 'since must be a year such as 2014' })
      .int('since must be a whole year')
      .min(MIN_YEAR, `since must be ${MIN_YEAR} or later`)
      .max(MAX_YEAR, `since must be ${MAX_YEAR} or earlier`)
      .optional()
      .openapi({
        param: { name: 'since', in: 'query' },
        type: 'integer',
        description: 'Base year for the changes in the summary (default: ten years before today).',
        example: 2014,
      }),
    lang: langParam,
    format: z
      .enum(BRIEF_FORMATS, { error: `format must be one of ${BRIEF_FORMATS.join(', ')}` })
      .default('json')
      .openapi({
        param: { name: 'format', in: 'query' },
        description:
          '`json` (default): the structured brief; `html`: a print-ready A4 page (inline SVG charts, no script); `pdf` and `docx`: the same content as a document.',
      }),
  })
  .superRefine((query, ctx) => {
    checkCommonRules(query, ctx);
    if (query.group && query.countries)
      ctx.addIssue({ code: 'custom', path: ['countries'], message: 'give either countries or group, not both' });
  });

const BriefNumberSchema = z
  .object({
    value: z.number(),
    text: z.string(),
    indicator: z.string(),
    year: z.number().int(),
    release: z.string(),
    api: z.string(),
    field: z.string(),
  })
  .openapi('BriefNumber');

export const BriefSchema = z
  .object({
    iso3: z.string(),
    country: z.string(),
    lang: z.enum(['en', 'vi']),
    title: z.string(),
    subtitle: z.string(),
    peer_group: z.object({ code: z.string().nullable(), label: z.string(), members: z.array(z.string()) }),
    year: z.number().int().nullable(),
    latest: z.boolean(),
    max_age: z.number().int().nullable(),
    since: z.number().int(),
    generated_on: z.string(),
    data_version: z.number().int(),
    summary: z.object({
      themes: z.array(z.object({ theme: z.string(), name: z.string(), sentence: z.string() }).passthrough()),
      strengths: z.array(z.object({ indicator: z.string(), normalised_distance: BriefNumberSchema }).passthrough()),
      gaps: z.array(z.object({ indicator: z.string(), normalised_distance: BriefNumberSchema }).passthrough()),
      highlight_rule: z.string(),
      changes: z.array(z.object({ indicator: z.string(), change: BriefNumberSchema }).passthrough()),
      change_rule: z.string(),
    }),
    sections: z.array(
      z
        .object({
          theme: z.string(),
          name: z.string(),
          headlines: z.array(z.object({ indicator: z.string(), value: BriefNumberSchema }).passthrough()),
        })
        .passthrough(),
    ),
    productivity: z.object({ api: z.string() }).passthrough(),
    data_gaps: z.object({ rule: z.string(), indicators: z.array(z.object({ indicator: z.string() }).passthrough()) }),
    sources: z.object({}).passthrough(),
    reproduce: z.array(z.string()),
    labels: z.record(z.string(), z.string()),
  })
  .openapi('Brief', {
    description:
      'A country brief (the `Brief` type of src/services/brief.ts). Every number is a BriefNumber: value, text in the language, indicator, year, release, and the API call and field that give it back.',
  });

export const briefRoute = createRoute({
  method: 'get',
  operationId: 'getBrief',
  path: '/v1/briefs/{iso3}',
  tags: ['analytics'],
  summary: "A country's brief against a peer group, in English or Vietnamese",
  description:
    'Summary (position on each agenda theme, three strengths and three gaps by normalised distance, biggest changes since `since`), one section per agenda theme (headline indicators, a ranking chart, caveats), productivity (efficiency frontier), data gaps, sources. Built from the same functions as /v1/profiles, /v1/rankings and /v1/efficiency; every number names the call that reproduces it.',
  request: {
    params: z.object({ iso3: ISO3.openapi({ param: { name: 'iso3', in: 'path' } }) }),
    query: briefQuerySchema,
  },
  responses: {
    200: {
      description: 'The brief',
      content: {
        'application/json': { schema: BriefSchema },
        'text/html': { schema: z.string().openapi({ description: 'A print-ready A4 page.' }) },
      },
    },
    ...problemResponses,
  },
});
