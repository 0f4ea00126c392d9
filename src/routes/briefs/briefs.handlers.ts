import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps, BriefDocumentWriters } from '../../app-deps.ts';
import { Problem } from '../../http/problem.ts';
import { type ChartRenderer, svgRenderer } from '../../render/chart-renderer.ts';
import type { Brief } from '../../documents/brief-model.ts';
import { briefOf } from '../../services/brief.ts';
import { briefHtml } from '../../documents/brief-html.ts';
import type { BriefFormat, BriefPart } from '../../http/analysis-params.ts';
import type { briefRoute } from './briefs.routes.ts';

/** What a renderer gets: the brief, and a way to draw its charts with the deployment's renderer. */
export interface BriefRenderContext {
  brief: Brief;
  renderer: ChartRenderer;
  /** Each section's chart as SVG markup, keyed by theme (drawn once, on demand). */
  chartSvgs: () => Promise<Map<string, string>>;
  /** The document writers (Node only); absent on the edge, where PDF and DOCX answer 501. */
  documents?: BriefDocumentWriters;
  part: BriefPart;
}

export interface RenderedBrief {
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string;
  /** A file name for Content-Disposition (documents), or none (inline pages). */
  filename?: string;
}

type BriefRenderer = (context: BriefRenderContext) => Promise<RenderedBrief>;

/** The writers, or a 501 naming the Node deployment (as xlsx does on the edge). */
function writersFor(format: string, documents: BriefDocumentWriters | undefined): BriefDocumentWriters {
  if (documents) return documents;
  throw new Problem(
    501,
    'not_implemented',
    `format=${format} is written on the Node deployment only (this edge deployment has no PDF or Word writer); use format=html and print it, format=json, or the Node origin.`,
    { parameter: 'format' },
  );
}

/** A download name such as `civscope-brief-VNM-ASEANplus3-vi.pdf`. */
const fileName = (brief: Brief, part: BriefPart, extension: string) =>
  `civscope-${part === 'sheet' ? 'fact-sheet' : part === 'annex' ? 'brief-annex' : 'brief'}-${brief.iso3}-${(brief.peer_group.code ?? 'peers').replaceAll('+', 'plus').replace(/[^A-Za-z0-9_-]/g, '-')}-${brief.lang}.${extension}`;

/** Each section's chart as PNG (twice the CSS size, for print) with its CSS size, by theme. */
async function chartPngs({ brief, renderer }: BriefRenderContext) {
  return new Map(
    await Promise.all(
      brief.sections.flatMap((s) =>
        s.chart
          ? [
              Promise.all([renderer.render('png', s.chart.spec, 2), renderer.render('size', s.chart.spec)]).then(
                ([png, size]) => [s.theme, { png, ...size }] as const,
              ),
            ]
          : [],
      ),
    ),
  );
}

/** One renderer per format other than JSON: adding a format is one line here. */
const RENDERERS: Record<Exclude<BriefFormat, 'json'>, BriefRenderer> = {
  html: async ({ brief, chartSvgs, part }) => ({
    body: briefHtml(brief, part === 'sheet' ? new Map() : await chartSvgs(), part),
    contentType: 'text/html; charset=utf-8',
  }),
  pdf: async (context) => ({
    body: (await writersFor('pdf', context.documents).pdf(
      context.brief,
      context.part === 'sheet' ? new Map() : await context.chartSvgs(),
      context.part,
    )) as Uint8Array<ArrayBuffer>,
    contentType: 'application/pdf',
    filename: fileName(context.brief, context.part, 'pdf'),
  }),
  docx: async (context) => ({
    body: (await writersFor('docx', context.documents).docx(
      context.brief,
      context.part === 'sheet' ? new Map() : await chartPngs(context),
      context.part,
    )) as Uint8Array<ArrayBuffer>,
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    filename: fileName(context.brief, context.part, 'docx'),
  }),
};

export const brief =
  (deps: AppDeps): RouteHandler<typeof briefRoute> =>
  async (c) => {
    const { iso3 } = c.req.valid('param');
    const query = c.req.valid('query');
    const result = await briefOf(deps, iso3, query, { charts: query.format === 'json' || query.part !== 'sheet' });
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
    const file = await RENDERERS[query.format]({
      brief: result,
      renderer,
      chartSvgs,
      documents: deps.briefDocuments,
      part: query.part,
    });
    const headers: Record<string, string> = { 'content-type': file.contentType };
    if (file.filename) headers['content-disposition'] = `attachment; filename="${file.filename}"`;
    return c.body(file.body, 200, headers) as never;
  };
