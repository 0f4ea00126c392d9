import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { CHART_TYPES, type ChartType } from '../charts/chart-types.ts';
import { buildChart, type ChartQuery } from '../services/chart.ts';
import { describeZodError } from '../http/router.ts';
import { Problem } from '../http/problem.ts';
import { originFor } from '../http/public-origin.ts';
import { cacheControlFor } from '../http/response-cache.ts';
import { checkChartParameters } from '../routes/charts/charts.handlers.ts';
import { chartQuery } from '../routes/charts/charts.routes.ts';
import { escapeHtml, FONT_FACES, jsonForScript, VEGA_SCRIPTS } from './html.ts';

/**
 * /embed/{type}?…: a minimal page that shows one chart with vega-embed (export and view-source
 * actions), its alt text as the caption. The spec is inlined, so the page needs no API call.
 */
export function embedRoutes(deps: AppDeps) {
  return new Hono().get('/embed/:type', async (c) => {
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
    checkChartParameters(type, parsed.data as ChartQuery);
    const query = { ...(parsed.data as ChartQuery), data: 'inline' as const };
    const chart = await buildChart(deps.db, type, query, {
      origin: originFor(c, deps.publicOrigin),
      now: deps.now?.(),
      lpSolver: deps.lpSolver,
    });
    const html = `<!doctype html>
<html lang="${query.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(chart.title)} · CivScope</title>
<style>
  body { font-family: 'Noto Sans', system-ui, sans-serif; margin: 12px; color: #222; }
  figure { margin: 0; }
  figcaption { font-size: 13px; color: #444; max-width: ${query.width + 40}px; margin-top: 6px; }
</style>
${FONT_FACES}
${VEGA_SCRIPTS}
</head>
<body>
<figure>
  <div id="chart" role="img" aria-label="${escapeHtml(chart.description)}"></div>
  <figcaption>${escapeHtml(chart.description)}</figcaption>
</figure>
<script type="application/json" id="spec">${jsonForScript(chart.spec)}</script>
<script>
  const spec = JSON.parse(document.getElementById('spec').textContent);
  vegaEmbed('#chart', spec, { renderer: 'svg', actions: { export: true, source: true, compiled: false, editor: false } })
    .then(() => document.body.setAttribute('data-rendered', 'true'))
    .catch((error) => { document.getElementById('chart').textContent = 'The chart could not be drawn: ' + error.message; });
</script>
</body>
</html>`;
    return c.html(html, 200, {
      'cache-control': cacheControlFor(new URL(c.req.url)),
    });
  });
}
