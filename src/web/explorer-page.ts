import { Hono } from 'hono';
import { FONT_FACES, VEGA_SCRIPTS } from './html.ts';

/**
 * The explorer at /: plain HTML and a small TypeScript bundle (/assets/explorer.js). Everything it
 * loads comes from this server, so it works without any external network.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CivScope explorer · ASEAN+3 civil services</title>
<style>
  :root { --ink: #222; --muted: #666; --line: #ddd; --accent: #0072B2; }
  * { box-sizing: border-box; }
  body { font-family: 'Noto Sans', system-ui, sans-serif; margin: 0; color: var(--ink); }
  header { padding: 12px 20px; border-bottom: 1px solid var(--line); display: flex; gap: 16px; align-items: baseline; }
  header h1 { font-size: 18px; margin: 0; }
  header a { color: var(--accent); font-size: 14px; }
  main { display: grid; grid-template-columns: 300px 1fr; gap: 20px; padding: 16px 20px; }
  form label { display: block; font-size: 13px; font-weight: 600; margin: 10px 0 4px; }
  form select, form input[type=number] { width: 100%; padding: 4px; font: inherit; font-size: 14px; }
  fieldset { border: 1px solid var(--line); padding: 6px 8px; margin: 8px 0 0; }
  fieldset label { display: inline-block; width: 48%; font-weight: 400; margin: 2px 0; }
  .row { display: flex; gap: 8px; } .row > div { flex: 1; }
  #actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
  #actions a, #actions button { font: inherit; font-size: 13px; padding: 4px 10px; border: 1px solid var(--accent); color: var(--accent); background: white; border-radius: 3px; text-decoration: none; cursor: pointer; }
  #description { font-size: 14px; color: var(--muted); }
  #status { font-size: 13px; color: #b00; }
  table { border-collapse: collapse; font-size: 13px; margin-top: 12px; }
  th, td { border-bottom: 1px solid var(--line); padding: 3px 10px; text-align: left; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  textarea { width: 100%; font-family: monospace; font-size: 12px; }
</style>
${FONT_FACES}
${VEGA_SCRIPTS}
</head>
<body>
<header><h1>CivScope</h1><span>Compare the civil services of ASEAN+3</span><a href="/docs">API reference</a><a href="/v1/methods">Methods</a></header>
<main>
  <form id="controls" aria-label="Chart settings">
    <label for="type">Chart</label>
    <select id="type" name="type">
      <option value="ranking">Ranking (bar)</option>
      <option value="timeseries">Time series</option>
      <option value="small-multiples">Small multiples</option>
      <option value="slope">Slope (two years)</option>
      <option value="map">Map</option>
      <option value="scatter">Scatter (two indicators)</option>
      <option value="heatmap">Heatmap (several indicators)</option>
    </select>
    <label for="indicator">Indicator</label>
    <select id="indicator" name="indicator"></select>
    <div id="second-indicator"><label for="indicator2">Second indicator (scatter y, heatmap)</label><select id="indicator2" name="indicator2"></select></div>
    <label for="group">Countries</label>
    <select id="group" name="group">
      <option value="ASEAN">ASEAN</option>
      <option value="ASEAN+3" selected>ASEAN+3</option>
      <option value="">Pick countries…</option>
    </select>
    <fieldset id="countries" aria-label="Countries"></fieldset>
    <div class="row">
      <div><label for="from">From / year A</label><input type="number" id="from" name="from" min="1960" max="2030"></div>
      <div><label for="to">To / year B</label><input type="number" id="to" name="to" min="1960" max="2030"></div>
    </div>
    <label for="year">Year (ranking, map, scatter, heatmap; empty = latest)</label>
    <input type="number" id="year" name="year" min="1960" max="2030">
    <label for="lang">Language</label>
    <select id="lang" name="lang"><option value="en">English</option><option value="vi">Tiếng Việt</option></select>
    <label for="highlight">Highlight</label>
    <select id="highlight" name="highlight"><option value="">—</option></select>
  </form>
  <section aria-live="polite">
    <div id="status"></div>
    <div id="chart"></div>
    <p id="description"></p>
    <div id="actions">
      <a id="csv" href="#" download>Download CSV</a>
      <a id="api" href="#" target="_blank" rel="noopener">Open the API call</a>
      <a id="svg" href="#" target="_blank" rel="noopener">SVG</a>
      <a id="png" href="#" target="_blank" rel="noopener">PNG</a>
      <button id="copy-embed" type="button">Copy embed snippet</button>
    </div>
    <textarea id="embed-snippet" rows="2" readonly aria-label="Embed snippet"></textarea>
    <table id="data-table"></table>
  </section>
</main>
<script type="module" src="/assets/explorer.js"></script>
</body>
</html>`;

export function explorerRoutes() {
  return new Hono().get('/', (c) => c.html(PAGE, 200, { 'cache-control': 'public, max-age=300' }));
}
