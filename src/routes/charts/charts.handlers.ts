import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { type ChartType, LIVE_DATA_TYPES } from '../../charts/chart-types.ts';
import { countryByIso3 } from '../../domain/countries.ts';
import { Problem } from '../../http/problem.ts';
import { originFor } from '../../http/public-origin.ts';
import { renderSvg } from '../../render/svg.ts';
import { type BuiltChart, buildChart, type ChartQuery } from '../../services/chart.ts';
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
  if (type === 'frontier') {
    need('inputs', 'the input indicators');
    need('outputs', 'the output indicators');
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
  if (q.highlight && !countryByIso3(q.highlight)) {
    throw new Problem(400, 'unknown_country', `Unknown country ${q.highlight} in highlight.`, {
      parameter: 'highlight',
      unknown: [q.highlight],
    });
  }
}

const chartOptions = (deps: AppDeps, origin: string) => ({ origin, now: deps.now?.(), lpSolver: deps.lpSolver });

/** The chart as SVG or PNG; images always embed their data: the renderer never fetches. */
async function chartImage(deps: AppDeps, type: ChartType, extension: 'svg' | 'png', query: ChartQuery, origin: string) {
  if (extension === 'png' && !deps.renderPng) {
    throw new Problem(
      501,
      'not_implemented',
      'PNG rendering runs on the Node deployment only; this edge deployment serves the spec and SVG. Use .svg, or the Node origin for PNG.',
    );
  }
  const built = await buildChart(deps.db, type, { ...query, data: 'inline' }, chartOptions(deps, origin));
  const svg = await renderSvg(built.spec);
  if (extension === 'svg') return { body: svg, type: 'image/svg+xml; charset=utf-8' };
  return { body: deps.renderPng?.(svg, query.width) as Uint8Array<ArrayBuffer>, type: 'image/png' };
}

/** The JSON answer: the spec, its alt text, the image and embed URLs, and the provenance. */
function presentChart(type: ChartType, query: ChartQuery, built: BuiltChart, origin: string, search: string) {
  const embedUrl = `${origin}/embed/${type}${search}`;
  const escapedTitle = built.title.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  return {
    type,
    title: built.title,
    description: built.description,
    lang: query.lang,
    pinned: query.release !== undefined,
    spec: built.spec as unknown as Record<string, unknown>,
    data_url: `${origin}${built.dataPath}`,
    svg_url: `${origin}/v1/charts/${type}.svg${search}`,
    png_url: `${origin}/v1/charts/${type}.png${search}`,
    embed: {
      url: embedUrl,
      iframe: `<iframe src="${embedUrl.replaceAll('&', '&amp;')}" title="${escapedTitle}" width="${query.width + 60}" height="${query.height + 220}" style="border:0" loading="lazy"></iframe>`,
    },
    ...built.provenance,
  };
}

export const chart =
  (deps: AppDeps): RouteHandler<typeof chartRoute> =>
  async (c) => {
    const [, type, extension] = CHART_FILE.exec(c.req.valid('param').chart) as unknown as [
      string,
      ChartType,
      'svg' | 'png' | undefined,
    ];
    const query = c.req.valid('query') as ChartQuery;
    checkChartParameters(type, query);
    const origin = originFor(c, deps.publicOrigin);
    if (extension) {
      const image = await chartImage(deps, type, extension, query, origin);
      return c.body(image.body, 200, { 'content-type': image.type }) as never;
    }
    const built = await buildChart(deps.db, type, query, chartOptions(deps, origin));
    return c.json(presentChart(type, query, built, origin, new URL(c.req.url).search), 200);
  };
