import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { Problem } from '../../http/problem.ts';
import { type ChartRenderer, svgRenderer } from '../../render/chart-renderer.ts';
import { type Brief, briefOf } from '../../services/brief.ts';
import { briefHtml } from './brief-html.ts';
import type { BriefFormat, briefRoute } from './briefs.routes.ts';

/** What a renderer gets: the brief, and a way to draw its charts with the deployment's renderer. */
export interface BriefRenderContext {
  brief: Brief;
  renderer: ChartRenderer;
  /** Each section's chart as SVG markup, keyed by theme (drawn once, on demand). */
  chartSvgs: () => Promise<Map<string, string>>;
}

export interface RenderedBrief {
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string;
  /** A file name for Content-Disposition (documents), or none (inline pages). */
  filename?: string;
}

type BriefRenderer = (context: BriefRenderContext) => Promise<RenderedBrief>;

const notYet =
  (format: string): BriefRenderer =>
  async () => {
    throw new Problem(
      501,
      'not_implemented',
      `format=${format} is being added; use format=html and print it, or format=json.`,
      {
        parameter: 'format',
      },
    );
  };

/** One renderer per format other than JSON: adding a format is one line here. */
const RENDERERS: Record<Exclude<BriefFormat, 'json'>, BriefRenderer> = {
  html: async ({ brief, chartSvgs }) => ({
    body: briefHtml(brief, await chartSvgs()),
    contentType: 'text/html; charset=utf-8',
  }),
  pdf: notYet('pdf'),
  docx: notYet('docx'),
};

export const brief =
  (deps: AppDeps): RouteHandler<typeof briefRoute> =>
  async (c) => {
    const { iso3 } = c.req.valid('param');
    const query = c.req.valid('query');
    const result = await briefOf(deps, iso3, query);
    if (query.format === 'json') return c.json(result, 200);
    const renderer = deps.renderer ?? svgRenderer;
    const chartSvgs = async () =>
      new Map(
        await Promise.all(
          result.sections.flatMap((s) =>
            s.chart ? [renderer.render('svg', s.chart.spec).then((svg) => [s.theme, svg] as [string, string])] : [],
          ),
        ),
      );
    const file = await RENDERERS[query.format]({ brief: result, renderer, chartSvgs });
    const headers: Record<string, string> = { 'content-type': file.contentType };
    if (file.filename) headers['content-disposition'] = `attachment; filename="${file.filename}"`;
    return c.body(file.body, 200, headers) as never;
  };
