import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { originFor } from '../http/public-origin.ts';
import { withAssetVersions } from './asset-versions.ts';
import { type FirstChart, firstChart } from './first-chart.ts';
import { escapeHtml, STYLESHEET, VEGA_SCRIPTS } from './html.ts';
import { isLang, type Lang, t, type UiKey } from './i18n.ts';

/**
 * The explorer at /: HTML rendered in the language the URL asks for, and a small script
 * (/assets/explorer.js) that reads the rest of the view from the URL. No inline script or style,
 * so the page runs under a strict Content-Security-Policy; everything comes from this server.
 *
 * Every word is a dictionary key: `data-i18n` fills an element's text and `data-i18n-attr`
 * ("placeholder:key;aria-label:key") its attributes, so a change of language redraws them all.
 */
export function text(lang: Lang, key: UiKey, tag = 'span', attrs = ''): string {
  return `<${tag} data-i18n="${key}"${attrs ? ` ${attrs}` : ''}>${escapeHtml(t(lang, key))}</${tag}>`;
}

export function attr(lang: Lang, pairs: Record<string, UiKey>): string {
  const spec = Object.entries(pairs)
    .map(([name, key]) => `${name}:${key}`)
    .join(';');
  const values = Object.entries(pairs)
    .map(([name, key]) => `${name}="${escapeHtml(t(lang, key))}"`)
    .join(' ');
  return `data-i18n-attr="${spec}" ${values}`;
}

/** The header every page shares: name, tagline, links, language switch. */
export function pageHeader(lang: Lang, current: 'explorer' | 'methods'): string {
  const link = (href: string, key: UiKey, here: boolean) =>
    `<a href="${href}"${here ? ' aria-current="page"' : ''} data-i18n="${key}">${escapeHtml(t(lang, key))}</a>`;
  return `<header class="site">
  <a class="brand" href="/?lang=${lang}" data-lang-link="/">CivScope</a>
  ${text(lang, 'app.tagline', 'span', 'class="tagline"')}
  <nav>
    ${link(`/?lang=${lang}`, 'nav.explorer', current === 'explorer')}
    ${link(`/methods?lang=${lang}`, 'nav.methods', current === 'methods')}
    ${link('/docs', 'nav.api', false)}
    <span class="langs" ${attr(lang, { 'aria-label': 'nav.language' })}>
      <a href="?lang=en" hreflang="en" lang="en" data-set-lang="en"${lang === 'en' ? ' aria-current="true"' : ''}>English</a>
      <a href="?lang=vi" hreflang="vi" lang="vi" data-set-lang="vi"${lang === 'vi' ? ' aria-current="true"' : ''}>Tiếng Việt</a>
    </span>
  </nav>
</header>`;
}

function controls(lang: Lang): string {
  const types = ['ranking', 'timeseries', 'small-multiples', 'slope', 'scatter', 'heatmap'] as const;
  return `<form id="controls" ${attr(lang, { 'aria-label': 'controls.label' })}>
  <section class="box" id="indicator-box">
    ${text(lang, 'indicator.heading', 'h2')}
    <ul id="selected-indicators" class="chips" ${attr(lang, { 'aria-label': 'indicator.selected' })}></ul>
    <p id="indicator-hint" class="hint"></p>
    <label class="sr-only" for="indicator-search" data-i18n="indicator.searchLabel">${escapeHtml(t(lang, 'indicator.searchLabel'))}</label>
    <input id="indicator-search" type="search" autocomplete="off" ${attr(lang, { placeholder: 'indicator.search' })}>
    <div id="indicator-list" class="indicator-list"></div>
  </section>
  <section class="box">
    <label for="type">${text(lang, 'type.label')}</label>
    <select id="type" name="type">${types.map((type) => `<option value="${type}" data-i18n="type.${type}">${escapeHtml(t(lang, `type.${type}`))}</option>`).join('')}</select>
  </section>
  <section class="box">
    ${text(lang, 'countries.heading', 'h2')}
    <label for="group">${text(lang, 'countries.group')}</label>
    <select id="group" name="group">
      <option value="ASEAN">ASEAN</option>
      <option value="ASEAN+3">ASEAN+3</option>
      <option value="" data-i18n="countries.custom">${escapeHtml(t(lang, 'countries.custom'))}</option>
    </select>
    <fieldset id="countries" class="checks" hidden><legend class="sr-only" data-i18n="countries.heading">${escapeHtml(t(lang, 'countries.heading'))}</legend></fieldset>
    <h3 data-i18n="countries.highlight">${escapeHtml(t(lang, 'countries.highlight'))}</h3>
    ${text(lang, 'countries.highlightHint', 'p', 'class="hint"')}
    <div id="highlight" class="toggles" role="group" ${attr(lang, { 'aria-label': 'countries.highlight' })}></div>
  </section>
  <section class="box" id="years-box">
    ${text(lang, 'years.heading', 'h2')}
    <div id="range-years">
      <label for="from">${text(lang, 'years.from')} <output id="from-out" for="from"></output></label>
      <input type="range" id="from" name="from" step="1">
      <label for="to">${text(lang, 'years.to')} <output id="to-out" for="to"></output></label>
      <input type="range" id="to" name="to" step="1">
    </div>
    <div id="single-year">
      <label class="inline"><input type="checkbox" id="latest" checked> ${text(lang, 'years.latest')}</label>
      <label for="year">${text(lang, 'years.year')} <output id="year-out" for="year"></output></label>
      <input type="range" id="year" name="year" step="1">
    </div>
  </section>
  <section class="box">
    ${text(lang, 'values.heading', 'h2')}
    <label class="inline"><input type="radio" name="values" value="absolute" checked> ${text(lang, 'values.absolute')}</label>
    <label class="inline"><input type="radio" name="values" value="minmax"> ${text(lang, 'values.minmax')}</label>
    <label class="inline"><input type="radio" name="values" value="index" id="values-index"> ${text(lang, 'values.index')}</label>
    <label for="base" class="indent">${text(lang, 'values.base')}</label>
    <select id="base" class="indent"></select>
    <label class="inline"><input type="checkbox" id="log"> ${text(lang, 'values.log')}</label>
    <p id="values-hint" class="hint"></p>
  </section>
</form>`;
}

function tabs(lang: Lang): string {
  const names = ['chart', 'map', 'table', 'sources', 'download'] as const;
  const buttons = names
    .map(
      (name) =>
        `<button type="button" role="tab" id="tab-${name}" aria-controls="panel-${name}" data-tab="${name}" data-i18n="tab.${name}">${escapeHtml(t(lang, `tab.${name}`))}</button>`,
    )
    .join('');
  return `<div class="toolbar">
    <div role="tablist" class="tabs" ${attr(lang, { 'aria-label': 'tab.list' })}>${buttons}</div>
    <button type="button" id="copy-link" class="button" data-i18n="share.copy">${escapeHtml(t(lang, 'share.copy'))}</button>
  </div>`;
}

/** The brief as a PDF and as an editable Word file: offered where the server writes them (Node, not the Worker). */
function briefDocumentLinks(lang: Lang): string {
  return ['pdf', 'docx']
    .map((format) => {
      const key: UiKey = format === 'pdf' ? 'download.briefPdf' : 'download.briefDocx';
      return `<a id="brief-${format}" class="brief-format" href="#" hidden data-i18n="${key}">${escapeHtml(t(lang, key))}</a>`;
    })
    .join('');
}

/** The server-drawn chart at each width; the stylesheet shows the one for the screen. */
function firstPaint(chart: FirstChart | null, target: FirstChart['target']): string {
  if (!chart || chart.target !== target) return '';
  return chart.svgs.map(({ name, svg }) => `<div class="first-paint ${name}">${svg}</div>`).join('');
}

function panels(lang: Lang, documents: boolean, chart: FirstChart | null): string {
  const onMap = chart?.target === 'map';
  return `<div id="status" role="status"></div>
  <div role="tabpanel" id="panel-chart" aria-labelledby="tab-chart" class="panel"${onMap ? ' hidden' : ''}>
    <div id="chart" class="chart">${firstPaint(chart, 'chart')}</div>
    <p id="description" class="description"></p>
  </div>
  <div role="tabpanel" id="panel-map" aria-labelledby="tab-map" class="panel"${onMap ? '' : ' hidden'}>
    <div id="map" class="chart">${firstPaint(chart, 'map')}</div>
    <p id="map-description" class="description"></p>
  </div>
  <div role="tabpanel" id="panel-table" aria-labelledby="tab-table" class="panel" hidden>
    <div class="table-wrap"><table id="data-table"></table></div>
    <div id="table-flags"></div>
  </div>
  <div role="tabpanel" id="panel-sources" aria-labelledby="tab-sources" class="panel" hidden><div id="sources"></div></div>
  <div role="tabpanel" id="panel-download" aria-labelledby="tab-download" class="panel" hidden>
    ${text(lang, 'download.data', 'h2')}
    <ul class="links">
      <li><a id="dl-csv" href="#" download data-i18n="download.csv">${escapeHtml(t(lang, 'download.csv'))}</a></li>
      ${documents ? `<li><a id="dl-xlsx" href="#" download data-i18n="download.xlsx">${escapeHtml(t(lang, 'download.xlsx'))}</a></li>` : ''}
      <li><a id="dl-csv-exact" href="#" download data-i18n="download.csvExact">${escapeHtml(t(lang, 'download.csvExact'))}</a></li>
    </ul>
    ${text(lang, 'download.chart', 'h2')}
    <ul class="links">
      <li><a id="dl-png" href="#" download data-i18n="download.png">PNG</a></li>
      <li><a id="dl-png2x" href="#" download data-i18n="download.png2x">${escapeHtml(t(lang, 'download.png2x'))}</a></li>
      <li><a id="dl-svg" href="#" download data-i18n="download.svg">SVG</a></li>
      <li><a id="dl-pdf" href="#" download data-i18n="download.pdf">PDF</a></li>
    </ul>
    ${text(lang, 'download.embed', 'h2')}
    <textarea id="embed-snippet" rows="3" readonly ${attr(lang, { 'aria-label': 'download.embed' })}></textarea>
    <button type="button" id="copy-embed" class="button" data-i18n="download.copyEmbed">${escapeHtml(t(lang, 'download.copyEmbed'))}</button>
    ${text(lang, 'download.api', 'h2')}
    ${text(lang, 'download.apiHint', 'p')}
    <pre><code id="api-call"></code></pre>
    <a id="dl-api" href="#" target="_blank" rel="noopener" data-i18n="download.openApi">${escapeHtml(t(lang, 'download.openApi'))}</a>
    ${text(lang, 'download.brief', 'h2')}
    <p><a id="brief-link" href="#" hidden></a>${documents ? briefDocumentLinks(lang) : ''}<span id="brief-hint" class="hint" data-i18n="download.briefHint">${escapeHtml(t(lang, 'download.briefHint'))}</span></p>
  </div>`;
}

/**
 * The explorer; `documents` when this deployment writes briefs as PDF and Word (Node); `chart`, the
 * view's chart drawn on the server, shown before the scripts (deferred) have loaded.
 */
export function explorerPage(lang: Lang, documents = true, chart: FirstChart | null = null): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title data-i18n="app.title">${escapeHtml(t(lang, 'app.title'))}</title>
${STYLESHEET}
${VEGA_SCRIPTS}
<script type="module" src="/assets/explorer.js"></script>
</head>
<body>
<a class="skip" href="#view" data-i18n="nav.skip">${escapeHtml(t(lang, 'nav.skip'))}</a>
${pageHeader(lang, 'explorer')}
<main class="layout">
  ${controls(lang)}
  <section id="view" class="view" aria-live="polite">
  ${tabs(lang)}
  ${panels(lang, documents, chart)}
  </section>
</main>
</body>
</html>`;
}

export function explorerRoutes(deps: AppDeps, options: { documents: boolean }) {
  return new Hono().get('/', async (c) => {
    const requested = c.req.query('lang');
    const url = new URL(c.req.url);
    const chart = await firstChart(deps, url.search, originFor(c, deps.publicOrigin));
    const page = explorerPage(isLang(requested) ? requested : 'en', options.documents, chart);
    return c.html(await withAssetVersions(page, deps.assets), 200, {
      'cache-control': 'public, max-age=300',
      vary: 'accept-encoding',
    });
  });
}
