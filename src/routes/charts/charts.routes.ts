import { createRoute, z } from '@hono/zod-openapi';
import { CHART_TYPES } from '../../charts/chart-types.ts';
import { LANGS } from '../../charts/locale.ts';
import {
  checkCommonRules,
  checkInputsOutputs,
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
    highlight: ISO3.optional().openapi({
      param: { name: 'highlight', in: 'query' },
      description: 'Bring one country forward; the others are greyed out.',
    }),
    data: z
      .enum(['inline', 'url'], { error: 'data must be inline or url' })
      .default('inline')
      .openapi({
        param: { name: 'data', in: 'query' },
        description: '`url`: the spec reads the matching /v1 data URL (a live chart) instead of inline values.',
      }),
    width: pixels('width', 200, 2000, 640),
    height: pixels('height', 150, 1500, 360),
    trend: flag('trend', 'scatter: add a linear trend line.'),
    inputs: inputsParam.optional(),
    outputs: outputsParam.optional(),
    ...efficiencyParams,
  })
  .superRefine((query, ctx) => {
    checkCommonRules(query, ctx);
    checkInputsOutputs(query, ctx);
  });

export const CHART_FILE = new RegExp(`^(${CHART_TYPES.join('|')})(?:\\.(svg|png))?$`);

export const chartRoute = createRoute({
  method: 'get',
  operationId: 'getChart',
  path: '/v1/charts/{chart}',
  tags: ['charts'],
  summary: 'A chart: the Vega-Lite spec (JSON), or the same chart rendered on the server as SVG or PNG',
  description:
    '`/v1/charts/ranking` answers the Vega-Lite spec with its alt text, embed snippet and sources; `/v1/charts/ranking.svg` renders it with vega, `/v1/charts/ranking.png` with resvg (Noto Sans, so Vietnamese renders everywhere). `/embed/ranking` shows it in a page. With `release=` the chart is pinned (immutable with `countries=`; a day with a group). Chart types: ' +
    CHART_TYPES.join(', ') +
    '.',
  request: {
    params: z.object({
      chart: z
        .string()
        .regex(CHART_FILE, `chart must be one of ${CHART_TYPES.join(', ')}, optionally followed by .svg or .png`)
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
              embed: z.object({ url: z.string(), iframe: z.string() }),
            })
            .extend(ProvenanceSchema.shape),
        },
        'image/svg+xml': { schema: z.string() },
        'image/png': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...problemResponses,
  },
});
