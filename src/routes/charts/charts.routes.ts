import { createRoute, z } from '@hono/zod-openapi';
import { CHART_TYPES } from '../../charts/chart-types.ts';
import { LANGS } from '../../charts/locale.ts';
import {
  checkCommonRules,
  checkInputsOutputs,
  countriesParam,
  crossSectionParams,
  efficiencyParams,
  fromParam,
  indicatorCode,
  indicatorsParam,
  inputsParam,
  ISO3,
  normaliseParam,
  outputsParam,
  toParam,
} from '../../http/params.ts';
import { problemResponses, ProvenanceSchema } from '../schemas.ts';

const flag = (name: string, description: string) =>
  z
    .enum(['true', 'false'], { error: `${name} must be true or false` })
    .optional()
    .transform((v) => v === 'true')
    .openapi({ param: { name, in: 'query' }, type: 'string', description });

const pixels = (name: string, min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number of pixels` })
    .int(`${name} must be a whole number of pixels`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`)
    .default(fallback)
    .openapi({
      param: { name, in: 'query' },
      type: 'integer',
      description: `Chart ${name} in pixels (${min}–${max}). For PNG, the image width.`,
    });

/** The data parameters of the data routes, plus what a chart needs: language, highlight, size. */
export const chartQuery = z
  .strictObject({
    indicator: indicatorCode.optional().openapi({
      param: { name: 'indicator', in: 'query' },
      description: 'ranking, map, timeseries, slope, small-multiples.',
    }),
    indicators: indicatorsParam
      .optional()
      .openapi({ param: { name: 'indicators', in: 'query' }, description: 'heatmap: two or more indicator codes.' }),
    x: indicatorCode
      .optional()
      .openapi({ param: { name: 'x', in: 'query' }, description: 'scatter: indicator on the x axis.' }),
    y: indicatorCode
      .optional()
      .openapi({ param: { name: 'y', in: 'query' }, description: 'scatter: indicator on the y axis.' }),
    ...crossSectionParams,
    from: fromParam,
    to: toParam,
    normalise: normaliseParam,
    lang: z
      .enum(LANGS as [string, ...string[]], { error: 'lang must be en or vi' })
      .default('en')
      .openapi({
        param: { name: 'lang', in: 'query' },
        description: 'Labels, country names and number format: `en` or `vi`.',
      }),
    highlight: countriesParam.openapi({
      param: { name: 'highlight', in: 'query' },
      type: 'string',
      description: 'Bring one or more countries forward (comma-separated ISO3 codes); the others are greyed out.',
      example: 'VNM,THA',
    }),
    log: flag(
      'log',
      'A logarithmic value axis (timeseries, small-multiples, slope, scatter); an axis with zero or negative values stays linear, and a chart with no positive axis is refused.',
    ),
    data: z
      .enum(['inline', 'url'], { error: 'data must be inline or url' })
      .default('inline')
      .openapi({
        param: { name: 'data', in: 'query' },
        description: '`url`: the spec reads the matching /v1 data URL (a live chart) instead of inline values.',
      }),
    width: pixels('width', 200, 2000, 640).openapi({
      param: { name: 'width', in: 'query' },
      type: 'integer',
      description:
        'Width of the whole chart in CSS pixels (200–2000): axes, labels, legend and footer are laid out to fit in it. For PNG, the image is this wide times `scale`.',
    }),
    height: pixels('height', 150, 1500, 360).openapi({
      param: { name: 'height', in: 'query' },
      type: 'integer',
      description:
        'Height of the plot in CSS pixels (150–1500); titles and footer come on top. Bar charts and heatmaps take the height their rows need.',
    }),
    scale: z.coerce
      .number({ error: 'scale must be 1, 2 or 3' })
      .pipe(z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'scale must be 1, 2 or 3' }))
      .default(1)
      .openapi({
        param: { name: 'scale', in: 'query' },
        type: 'integer',
        enum: [1, 2, 3],
        description: 'PNG: device pixels per CSS pixel. 1 keeps 10 px text at 10 px; 2 or 3 for print.',
      }),
    text: z
      .enum(['text', 'paths'], { error: 'text must be text or paths' })
      .default('text')
      .openapi({
        param: { name: 'text', in: 'query' },
        description:
          'SVG: `text` keeps selectable text in Noto Sans; `paths` draws every letter as outlines of Noto Sans, so the SVG looks the same in any program, with or without the font (Node deployments).',
      }),
    trend: flag('trend', 'scatter: add a linear trend line.'),
    inputs: inputsParam.optional(),
    outputs: outputsParam.optional(),
    ...efficiencyParams,
  })
  .superRefine((query, ctx) => {
    checkCommonRules(query, ctx);
    checkInputsOutputs(query, ctx);
  });

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
