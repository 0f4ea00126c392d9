import { createRoute, z } from '@hono/zod-openapi';
import { briefQuerySchema } from '../../http/analysis-params.ts';
import { ISO3 } from '../../http/params.ts';
import { problemResponses } from '../schemas.ts';

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
    data_gaps: z.object({
      rule: z.string(),
      agenda: z.number().int(),
      indicators: z.array(z.object({ indicator: z.string() }).passthrough()),
    }),
    sources: z.object({}).passthrough(),
    reproduce: z.array(z.string()),
    labels: z.record(z.string(), z.string()),
    fact_sheet: z
      .object({
        title: z.string(),
        subtitle: z.string(),
        data_year: z.number().int().nullable(),
        sparse: z.string().nullable(),
        messages: z.array(
          z.object({
            kind: z.enum(['strength', 'gap', 'change', 'efficiency']),
            label: z.string(),
            indicator: z.string(),
            number: BriefNumberSchema.passthrough(),
            source: z.string(),
            text: z.string(),
          }),
        ),
        message_rule: z.string(),
        scorecard: z.object({
          themes: z.array(z.object({ theme: z.string(), name: z.string(), rows: z.array(z.object({}).passthrough()) })),
          legend: z.string(),
          description: z.string(),
        }),
        table: z.object({ header: z.array(z.string()), themes: z.array(z.object({}).passthrough()) }),
        efficiency: z.array(z.string()),
        gaps: z.string(),
        more: z.string(),
        labels: z.record(z.string(), z.string()),
      })
      .openapi({
        description:
          'The two-page fact sheet: up to five key messages (each with its number, year and source, by `message_rule`), the scorecard (every peer on a 0–100 within-group scale per headline indicator), a table with trend and world standing, efficiency in two sentences, data gaps in one paragraph.',
      }),
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
    'Documents (html, pdf, docx) hold the two-page fact sheet by default (`part=sheet`: key messages, a scorecard of every peer on a 0–100 within-group scale, indicators with trend and world standing, efficiency, data gaps), the annex (`part=annex`) or both (`part=all`); JSON carries both. The annex: summary (position on each agenda theme, three strengths and three gaps by normalised distance, biggest changes since `since`), one section per agenda theme (headline indicators, a ranking chart, caveats), productivity (efficiency frontier), data gaps, sources. Built from the same functions as /v1/profiles, /v1/rankings and /v1/efficiency; every number names the call that reproduces it.',
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
