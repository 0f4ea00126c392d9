import { z } from '@hono/zod-openapi';
import { LANGS, type Lang } from '../charts/locale.ts';
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
  normaliseParam,
  outputsParam,
  toParam,
} from './params.ts';

/**
 * The query of /v1/charts/{chart} and /embed/{type}: the data parameters of the data routes, plus
 * what a chart needs. Below the services, so the chart service's query type is inferred from it.
 */

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

/**
 * A chart PDF without a `width` is laid out for an A4 or Letter text column, 170 mm wide (482 pt at
 * 1 CSS px = 1 pt), so its 10-12 px text prints at 10-12 pt in a report; laid out at 640 px and
 * scaled into the column, it printed at 7-8 pt.
 */
export const PDF_COLUMN_WIDTH = 482;

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
      .enum(LANGS as [Lang, ...Lang[]], { error: 'lang must be en or vi' })
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
        'Width of the whole chart in CSS pixels (200–2000): axes, labels, legend and footer are laid out to fit in it. For PNG, the image is this wide times `scale`. Default 640; for PDF 482, a 170 mm print column at 1 px = 1 pt, so text prints at 10 pt or more.',
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

/** A chart request as the chart routes validate it. */
export type ChartParams = z.output<typeof chartQuery>;
