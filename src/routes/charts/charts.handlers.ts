import type { RouteHandler } from '@hono/zod-openapi';
import type { TopLevelSpec } from 'vega-lite';
import { provenanceFor } from '../../services/provenance.ts';
import type { AppDeps } from '../../app-deps.ts';
import { type ChartType, LIVE_DATA_TYPES } from '../../charts/chart-types.ts';
import { type ChartParams, PDF_COLUMN_WIDTH } from '../../http/chart-params.ts';
import { buildChart, type ChartQuery } from '../../services/chart.ts';
import { countryByIso3 } from '../../domain/countries.ts';
import { Problem } from '../../http/problem.ts';
import { originFor } from '../../http/public-origin.ts';
import { type ChartRenderer, svgRenderer } from '../../render/chart-renderer.ts';
import { CHART_FILE, type chartRoute } from './charts.routes.ts';

/** What each chart type cannot do without: the same checks for /v1/charts and /embed. */
export function checkChartParameters(type: ChartType, q: ChartQuery): void {
  const need = (param: keyof ChartQuery, why: string) => {
    if (q[param] === undefined)
      throw new Problem(400, 'invalid_parameter', `${param} is required for a ${type} chart (${why}).`, {
        parameter: param,
      });
  };
  if (['ranking', 'map', 'timeseries', 'slope', 'small-multiples'].includes(type))
    need('indicator', 'the indicator to draw');
  if (type === 'heatmap') {
    need('indicators', 'two or more indicator codes');
    if ((q.indicators ?? []).length < 2)
      throw new Problem(400, 'invalid_parameter', 'indicators: a heatmap needs at least 2 indicators.', {
        parameter: 'indicators',
      });
  }
  if (type === 'frontier' || type === 'productivity-change') {
    need('inputs', 'the input indicators');
    need('outputs', 'the output indicators');
  }
  if (type === 'productivity-change') {
    need('from', 'the earlier year');
    need('to', 'the later year');
    if ((q.from as number) >= (q.to as number))
      throw new Problem(400, 'invalid_parameter', `from (${q.from}) must be before to (${q.to}).`, {
        parameter: 'from',
      });
  }
  if (type === 'scatter') {
    need('x', 'the indicator on the x axis');
    need('y', 'the indicator on the y axis');
  }
  if (type === 'slope') {
    need('from', 'year A');
    need('to', 'year B');
    if (q.from === q.to)
      throw new Problem(400, 'invalid_parameter', 'from and to must be two different years for a slope chart.', {
        parameter: 'to',
      });
  }
  if (q.data === 'url' && !LIVE_DATA_TYPES.includes(type)) {
    throw new Problem(
      400,
      'invalid_parameter',
      `data=url is available for ${LIVE_DATA_TYPES.join(', ')}; a ${type} chart reshapes its data and is served inline.`,
      {
        parameter: 'data',
      },
    );
  }
  const unknown = (q.highlight ?? []).filter((iso3) => !countryByIso3(iso3));
  if (unknown.length > 0) {
    throw new Problem(400, 'unknown_country', `Unknown country ${unknown.join(', ')} in highlight.`, {
      parameter: 'highlight',
      unknown,
    });
  }
}

type ChartExtension = 'svg' | 'png' | 'pdf';

const CONTENT_TYPES: Record<ChartExtension, string> = {
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  pdf: 'application/pdf',
};

/** The chart as a file, drawn by the deployment's renderer: SVG (text or outlines), PNG at a device scale, or vector PDF. */
async function chartFile(renderer: ChartRenderer, spec: TopLevelSpec, extension: ChartExtension, query: ImageQuery) {
  const body =
    extension === 'png'
      ? await renderer.render('png', spec, query.scale)
      : extension === 'pdf'
        ? await renderer.render('pdf', spec)
        : await renderer.render(query.text === 'paths' ? 'svg-paths' : 'svg', spec);
  return { body: body as string | Uint8Array<ArrayBuffer>, type: CONTENT_TYPES[extension] };
}

/** What only the image renderer reads of the chart query. */
type ImageQuery = Pick<ChartParams, 'scale' | 'text'>;

/** Iframe snippets, live and pinned, sized to the chart; the optional script lets the frame follow the chart's height. */
function embedSnippets(
  origin: string,
  type: ChartType,
  search: string,
  title: string,
  size: { width: number; height: number },
  today: string,
) {
  const escapedTitle = title.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  const params = new URLSearchParams(search);
  const url = `${origin}/embed/${type}?${params}`;
  if (!params.has('release') && !params.has('as_of')) params.set('as_of', today);
  const pinnedUrl = `${origin}/embed/${type}?${params}`;
  const iframe = (src: string) =>
    `<iframe src="${src.replaceAll('&', '&amp;')}" title="${escapedTitle}" width="${size.width}" height="${size.height + 24}" style="border:0;width:100%;max-width:${size.width}px" loading="lazy" data-civscope-embed></iframe>`;
  return {
    url,
    iframe: iframe(url),
    pinned_url: pinnedUrl,
    pinned_iframe: iframe(pinnedUrl),
    script: `<script src="${origin}/embed.js" async></script>`,
  };
}

/** The chart JSON: the spec, where its data and files are, its size and embed snippets, and its sources. */
async function chartJson(deps: AppDeps, type: ChartType, query: ChartQuery, origin: string, search: string) {
  const renderer = deps.renderer ?? svgRenderer;
  const built = await buildChart(deps, type, query, origin);
  const inline = query.data === 'inline' ? built : await buildChart(deps, type, { ...query, data: 'inline' }, origin);
  // The layout (in a render thread on Node) and the provenance queries run side by side.
  const [size, provenance] = await Promise.all([
    renderer.render('size', inline.spec),
    provenanceFor(deps.db, built.releaseIds),
  ]);
  const today = (deps.now?.() ?? new Date()).toISOString().slice(0, 10);
  const file = (ext: string) => `${origin}/v1/charts/${type}.${ext}${search}`;
  return {
    type,
    title: built.title,
    description: built.description,
    lang: query.lang,
    pinned: query.release !== undefined,
    spec: built.spec as unknown as Record<string, unknown>,
    data_url: `${origin}${built.dataPath}`,
    svg_url: file('svg'),
    png_url: file('png'),
    pdf_url: file('pdf'),
    size,
    years_with_data: built.yearsWithData,
    missing: built.missing,
    embed: embedSnippets(origin, type, search, built.title, size, today),
    ...provenance,
  };
}

export const chart =
  (deps: AppDeps): RouteHandler<typeof chartRoute> =>
  async (c) => {
    const [, type, extension] = CHART_FILE.exec(c.req.valid('param').chart) as unknown as [
      string,
      ChartType,
      ChartExtension | undefined,
    ];
    const query = c.req.valid('query');
    checkChartParameters(type, query);
    const origin = originFor(c, deps.publicOrigin);
    if (extension) {
      // Images always embed their data: the renderer never fetches. A PDF is laid out for print.
      const printWidth = extension === 'pdf' && !new URL(c.req.url).searchParams.has('width');
      const width = printWidth ? PDF_COLUMN_WIDTH : query.width;
      const built = await buildChart(deps, type, { ...query, width, data: 'inline' }, origin);
      const file = await chartFile(deps.renderer ?? svgRenderer, built.spec, extension, query);
      return c.body(file.body, 200, { 'content-type': file.type }) as never;
    }
    return c.json(await chartJson(deps, type, query, origin, new URL(c.req.url).search), 200);
  };
