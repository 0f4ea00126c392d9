import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { CHART_TYPES, type ChartType } from '../charts/chart-types.ts';
import { buildChart } from '../services/chart.ts';
import { describeZodError } from '../http/router.ts';
import { Problem } from '../http/problem.ts';
import { originFor } from '../http/public-origin.ts';
import { cacheControlFor } from '../http/response-cache.ts';
import { checkChartParameters } from '../routes/charts/charts.handlers.ts';
import { chartQuery } from '../http/chart-params.ts';
import { EMBED_FRAME_JS, EMBED_HOST_JS } from './embed-scripts.ts';
import { withAssetVersions } from './asset-versions.ts';
import { escapeHtml, jsonForScript, STYLESHEET, VEGA_SCRIPTS } from './html.ts';
import { type Lang, t } from './i18n.ts';

/**
 * /embed/{type}?…: a minimal page that shows one chart with vega-embed (export and view-source
 * actions), its alt text as the caption. The spec is inlined, so the page needs no API call.
 */
export function embedRoutes(deps: AppDeps) {
  const script = (body: string) => (c: { body: (b: string, s: 200, h: Record<string, string>) => Response }) =>
    c.body(body, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' });
  return new Hono()
    .get('/embed.js', script(EMBED_HOST_JS))
    .get('/embed-frame.js', script(EMBED_FRAME_JS))
    .get('/embed/:type', async (c) => {
      const type = c.req.param('type') as ChartType;
      if (!(CHART_TYPES as readonly string[]).includes(type)) {
        throw new Problem(404, 'not_found', `No chart type "${type}". Chart types: ${CHART_TYPES.join(', ')}.`, {
          valid_values: [...CHART_TYPES],
        });
      }
      const parsed = chartQuery.safeParse(c.req.query());
      if (!parsed.success) {
        const { parameter, detail } = describeZodError(parsed.error);
        throw new Problem(400, 'invalid_parameter', detail, { parameter });
      }
      // The same checks as /v1/charts/{type}: a missing parameter is a 400 naming it, never a 500.
      checkChartParameters(type, parsed.data);
      const query = { ...parsed.data, data: 'inline' as const };
      const chart = await buildChart(deps, type, query, originFor(c, deps.publicOrigin));
      const html = embedPage(chart, query.lang, type, c.req.query());
      return c.html(await withAssetVersions(html, deps.assets), 200, {
        'cache-control': cacheControlFor(new URL(c.req.url)),
      });
    });
}

/** The explorer URL that shows the same chart, from the embed query. */
function explorerLink(type: ChartType, query: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const key of ['group', 'countries', 'from', 'to', 'year', 'normalise', 'log', 'highlight', 'lang'])
    if (query[key]) params.set(key, query[key]);
  const indicators = query.x && query.y ? `${query.x},${query.y}` : (query.indicators ?? query.indicator ?? '');
  params.set(indicators.includes(',') ? 'indicators' : 'indicator', indicators);
  if (type === 'map') params.set('tab', 'map');
  else params.set('type', type);
  return `/?${params}`;
}

function embedPage(
  chart: { title: string; description: string; spec: unknown },
  lang: Lang,
  type: ChartType,
  query: Record<string, string>,
): string {
  const search = new URLSearchParams(query).toString();
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(chart.title)} · CivScope</title>
${STYLESHEET}
${VEGA_SCRIPTS}
<script type="module" src="/assets/embed.js"></script>
</head>
<body class="embed" data-chart-type="${type}">
<figure>
  <div id="chart" role="img" aria-label="${escapeHtml(chart.description)}"></div>
  <figcaption>${escapeHtml(chart.description)}</figcaption>
</figure>
<p class="embed-links"><a href="/v1/charts/${type}.svg?${escapeHtml(search)}" download>${escapeHtml(t(lang, 'download.svg'))}</a> · <a href="/v1/charts/${type}.png?${escapeHtml(search)}" download>${escapeHtml(t(lang, 'download.png'))}</a> · <a href="${escapeHtml(explorerLink(type, query))}" target="_blank" rel="noopener">${escapeHtml(t(lang, 'embed.open'))}</a></p>
<script type="application/json" id="spec">${jsonForScript(chart.spec)}</script>
</body>
</html>`;
}
