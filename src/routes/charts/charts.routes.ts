import { createRoute, z } from '@hono/zod-openapi';
import { CHART_TYPES } from '../../charts/chart-types.ts';
import { chartQuery } from '../../http/chart-params.ts';
import { problemResponses, ProvenanceSchema } from '../schemas.ts';

export const CHART_FILE = new RegExp(`^(${CHART_TYPES.join('|')})(?:\\.(svg|png|pdf))?$`);

export const chartRoute = createRoute({
  method: 'get',
  operationId: 'getChart',
  path: '/v1/charts/{chart}',
  tags: ['charts'],
  summary: 'A chart: the Vega-Lite spec (JSON), or the same chart rendered on the server as SVG, PNG or PDF',
  description:
    '`/v1/charts/ranking` answers the Vega-Lite spec with its alt text, embed snippet and sources; `/v1/charts/ranking.svg` renders it with vega, `/v1/charts/ranking.png` with resvg (Noto Sans, so Vietnamese renders everywhere; `scale=2` for print), `/v1/charts/ranking.pdf` as a vector PDF with Noto Sans embedded. `/embed/ranking` shows it in a page. With `release=` the chart is pinned (immutable with `countries=`; a day with a group). Chart types: ' +
    CHART_TYPES.join(', ') +
    '.',
  request: {
    params: z.object({
      chart: z
        .string()
        .regex(CHART_FILE, `chart must be one of ${CHART_TYPES.join(', ')}, optionally followed by .svg, .png or .pdf`)
        .openapi({ param: { name: 'chart', in: 'path' }, example: 'ranking' }),
    }),
    query: chartQuery,
  },
  responses: {
    200: {
      description: 'The chart spec (JSON) or image (SVG, PNG)',
      content: {
        'application/json': {
          schema: z
            .object({
              type: z.string(),
              title: z.string(),
              description: z.string().openapi({ description: 'Alt text generated from the data.' }),
              lang: z.string(),
              pinned: z.boolean(),
              spec: z.record(z.string(), z.unknown()).openapi({ description: 'Vega-Lite v6 TopLevelSpec.' }),
              data_url: z.string(),
              svg_url: z.string(),
              png_url: z.string(),
              pdf_url: z.string(),
              size: z
                .object({ width: z.number(), height: z.number() })
                .openapi({ description: 'The whole chart in CSS pixels, as laid out at this width.' }),
              years_with_data: z
                .array(z.number())
                .optional()
                .openapi({ description: 'Years this indicator has values for (one-indicator charts).' }),
              missing: z
                .array(z.string())
                .openapi({ description: 'ISO3 codes of the selected countries without data in this chart.' }),
              embed: z.object({
                url: z.string(),
                iframe: z.string().openapi({ description: 'Live: follows new releases.' }),
                pinned_url: z.string(),
                pinned_iframe: z.string().openapi({ description: 'Pinned to the data as published today.' }),
                script: z.string().openapi({ description: 'Optional: lets the iframe take the height of its chart.' }),
              }),
            })
            .extend(ProvenanceSchema.shape),
        },
        'image/svg+xml': { schema: z.string() },
        'image/png': { schema: z.string().openapi({ format: 'binary' }) },
        'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...problemResponses,
  },
});
