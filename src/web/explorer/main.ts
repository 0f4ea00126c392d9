/**
 * The explorer in the browser: the view lives in the URL (state.ts); each change pushes a history
 * entry and redraws. Charts come from /v1/charts and are drawn by vega-embed (from /assets) with
 * vega's expression interpreter, so no code is generated at run time (strict CSP).
 */
import { t } from '../i18n.ts';
import { type Catalogue, ensureCoverage, loadCatalogue, loadThemeEvidence } from './catalogue.ts';
import { chartParams, drawnType, indicatorArity, tableUrl } from './chart-query.ts';
import { $, applyLanguage, copyText, EMBED_OPTIONS, getJson } from './dom.ts';
import { bindControls, syncControls } from './controls.ts';
import { renderPicker } from './picker.ts';
import { renderSources } from './sources.ts';
import { readState, TABS, type ViewState, writeState } from './state.ts';
import { renderTable, sortAfterClick } from './table.ts';

declare const vegaEmbed: (el: HTMLElement, spec: unknown, options?: Record<string, unknown>) => Promise<unknown>;

interface ChartResponse {
  title: string;
  spec: unknown;
  description: string;
  svg_url: string;
  png_url: string;
  embed: { iframe: string };
}

let catalogue: Catalogue;
let state: ViewState = readState(location.search);
let generation = 0;
let renders = 0;
let lastTable: Record<string, unknown> | null = null;

function setStatus(text: string, error = false): void {
  const status = $<HTMLElement>('status');
  status.textContent = text;
  status.classList.toggle('error', error);
}

/** Changes the view: one history entry per change, so Back walks through the views. */
function update(patch: Partial<ViewState>): void {
  const languageChanged = patch.lang !== undefined && patch.lang !== state.lang;
  // The sort names a column; another indicator, chart type or value kind gives other columns.
  const columnsChange = patch.indicators || patch.type || patch.values;
  state = { ...state, ...(columnsChange ? { sort: null } : {}), ...patch };
  const search = writeState(state);
  if (search !== location.search.slice(1)) history.pushState(null, '', search ? `?${search}` : location.pathname);
  if (languageChanged) applyLanguage(state.lang);
  void render();
}

/** The chart's whole width (the server fits labels, legend and plot into it), as the embed page does. */
function chartSize(box: HTMLElement): { width: number; height: number } {
  const available = box.clientWidth || $<HTMLElement>('view').clientWidth;
  const width = Math.max(200, Math.min(1000, Math.floor(available)));
  return { width, height: Math.max(220, Math.min(460, Math.round(width * 0.55))) };
}

function span() {
  const c = catalogue.byCode.get(state.indicators[0] ?? '')?.coverage_summary;
  return c && c.first_year !== null && c.latest_year !== null ? { first: c.first_year, last: c.latest_year } : null;
}

async function drawChart(target: 'chart' | 'map', token: number): Promise<void> {
  const type = drawnType(state);
  const box = $<HTMLElement>(target);
  const params = chartParams(state, chartSize(box), span());
  if (!params) {
    box.innerHTML = '';
    setStatus(t(state.lang, 'status.needTwo'));
    return;
  }
  const chart = await getJson<ChartResponse>(`/v1/charts/${type}?${params}`);
  if (token !== generation) return;
  await vegaEmbed(box, chart.spec, EMBED_OPTIONS);
  $<HTMLElement>(target === 'chart' ? 'description' : 'map-description').textContent = chart.description;
  fillDownloads(chart, params);
}

function fillDownloads(chart: ChartResponse, params: URLSearchParams): void {
  const type = drawnType(state);
  const file = (ext: string, extra = '') => `/v1/charts/${type}.${ext}?${params}${extra}`;
  $<HTMLAnchorElement>('dl-svg').href = file('svg');
  $<HTMLAnchorElement>('dl-png').href = file('png');
  $<HTMLAnchorElement>('dl-png2x').href = file('png', '&scale=2');
  $<HTMLAnchorElement>('dl-pdf').href = file('pdf');
  $<HTMLTextAreaElement>('embed-snippet').value = chart.embed.iframe;
}

async function drawTable(token: number): Promise<void> {
  const url = tableUrl(state);
  if (!url) return;
  const data = await getJson<Record<string, unknown>>(url);
  if (token !== generation) return;
  lastTable = data;
  redrawTable();
  // The reader's files: headers in the page's language, names for codes, display decimals, a BOM.
  $<HTMLAnchorElement>('dl-csv').href = `${url}&format=csv&style=reader`;
  const xlsx = document.getElementById('dl-xlsx');
  if (xlsx instanceof HTMLAnchorElement) xlsx.href = `${url}&format=xlsx&style=reader`;
  $<HTMLAnchorElement>('dl-csv-exact').href = `${url}&format=csv`;
  $<HTMLAnchorElement>('dl-api').href = url;
  $<HTMLElement>('api-call').textContent = `${location.origin}${url}`;
}

function redrawTable(): void {
  if (!lastTable) return;
  const names = state.indicators.map((code) => catalogue.byCode.get(code)?.name[state.lang] ?? code);
  renderTable(lastTable, catalogue, state.lang, names.join(' · '), state.sort);
}

/**
 * The country brief (/v1/briefs/{iso3}) of the first highlighted country, or the first listed one,
 * within the chosen group, in the page's language.
 */
function fillBrief(): void {
  const iso3 = state.highlight[0] ?? state.countries[0];
  const link = $<HTMLAnchorElement>('brief-link');
  // PDF and Word links exist only where the server writes those documents (not on the Worker).
  const documents = ['pdf', 'docx'].flatMap((format) => {
    const a = document.getElementById(`brief-${format}`) as HTMLAnchorElement | null;
    return a ? [{ a, format }] : [];
  });
  link.hidden = iso3 === undefined;
  for (const { a } of documents) a.hidden = iso3 === undefined;
  $<HTMLElement>('brief-hint').hidden = iso3 !== undefined;
  if (iso3 === undefined) return;
  const group = state.group || 'ASEAN';
  const query = (format: string) => new URLSearchParams({ group, lang: state.lang, format });
  link.href = `/v1/briefs/${iso3}?${query('html')}`;
  for (const { a, format } of documents) a.href = `/v1/briefs/${iso3}?${query(format)}`;
  const country = catalogue.countries.find((c) => c.iso3 === iso3)?.name[state.lang] ?? iso3;
  link.textContent = t(state.lang, 'download.briefLink', { country, group });
}

function showTab(): void {
  for (const tab of TABS) {
    const button = $<HTMLButtonElement>(`tab-${tab}`);
    button.setAttribute('aria-selected', String(tab === state.tab));
    button.tabIndex = tab === state.tab ? 0 : -1;
    $<HTMLElement>(`panel-${tab}`).hidden = tab !== state.tab;
  }
}

/** Draws the view the state describes; a newer change makes an older drawing stop where it is. */
async function render(): Promise<void> {
  const token = ++generation;
  await ensureCoverage(catalogue, state.indicators);
  if (token !== generation) return;
  syncControls(state, catalogue);
  renderPicker(catalogue, state.lang, state.indicators);
  showTab();
  fillBrief();
  setStatus(t(state.lang, 'status.loading'));
  try {
    const target = state.tab === 'map' ? 'map' : 'chart';
    await Promise.all([
      drawChart(target, token),
      drawTable(token),
      renderSources(catalogue, state.indicators, state.lang),
    ]);
    if (token !== generation) return;
    if ($<HTMLElement>('status').textContent === t(state.lang, 'status.loading')) setStatus('');
  } catch (error) {
    if (token === generation) setStatus(t(state.lang, 'status.error', { detail: (error as Error).message }), true);
  }
  if (token !== generation) return;
  renders++;
  document.body.dataset.renderCount = String(renders);
  document.body.dataset.state = writeState(state);
}

/** A click on an indicator: replace it, set the pair, or add/remove it, as the chart type needs. */
function pickIndicator(code: string): void {
  const arity = indicatorArity(drawnType(state));
  const current = state.indicators;
  let next: string[];
  if (arity === 'one') next = [code, ...current.slice(1).filter((c) => c !== code)];
  else if (current.includes(code)) next = current.length > 1 ? current.filter((c) => c !== code) : current;
  else if (arity === 'pair') next = current.length >= 2 ? [current[0] as string, code] : [...current, code];
  else next = [...current, code];
  update({ indicators: next, from: null, to: null, year: null, base: null });
}

function bindPage(): void {
  $<HTMLElement>('indicator-list').addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-code]');
    if (button?.dataset.code) pickIndicator(button.dataset.code);
  });
  $<HTMLElement>('selected-indicators').addEventListener('click', (event) => {
    const code = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-remove]')?.dataset.remove;
    if (code) update({ indicators: state.indicators.filter((c) => c !== code) });
  });
  $<HTMLInputElement>('indicator-search').addEventListener('input', () =>
    renderPicker(catalogue, state.lang, state.indicators),
  );
  for (const tab of TABS) $<HTMLButtonElement>(`tab-${tab}`).addEventListener('click', () => update({ tab }));
  $<HTMLElement>('data-table').addEventListener('click', (event) => {
    const sort = sortAfterClick(event.target as HTMLElement, state.sort);
    if (!sort) return;
    // Sorting refines the view on screen rather than opening a new one: it replaces the history
    // entry (a copied link keeps it, Back does not stop at every click) and redraws only the table.
    state = { ...state, sort };
    const search = writeState(state);
    history.replaceState(null, '', `?${search}`);
    document.body.dataset.state = search;
    redrawTable();
  });
  for (const a of document.querySelectorAll<HTMLAnchorElement>('[data-set-lang]'))
    a.addEventListener('click', (event) => {
      event.preventDefault();
      update({ lang: a.dataset.setLang === 'vi' ? 'vi' : 'en' });
    });
  bindCopyButtons();
  window.addEventListener('popstate', () => {
    const previous = state.lang;
    state = readState(location.search);
    if (state.lang !== previous) applyLanguage(state.lang);
    void render();
  });
}

function bindCopyButtons(): void {
  $<HTMLButtonElement>('copy-link').addEventListener('click', async () => {
    // Recorded before the clipboard answers: a browser may hold writeText on a permission prompt.
    const link = location.href;
    document.body.dataset.copiedLink = link;
    const ok = await copyText(link);
    setStatus(t(state.lang, ok ? 'share.copied' : 'share.copyFailed'));
  });
  $<HTMLButtonElement>('copy-embed').addEventListener('click', async () => {
    const snippet = $<HTMLTextAreaElement>('embed-snippet');
    snippet.select();
    if (await copyText(snippet.value)) setStatus(t(state.lang, 'download.copied'));
  });
}

async function init(): Promise<void> {
  applyLanguage(state.lang);
  setStatus(t(state.lang, 'status.loading'));
  catalogue = await loadCatalogue();
  bindPage();
  bindControls(
    () => state,
    update,
    () => catalogue,
  );
  // Every indicator's coverage came with the list (/v1/indicators coverage_summary).
  document.body.dataset.coverageLoaded = 'true';
  await render();
  // Which themes rest on thin evidence: said in the picker once the first view is drawn.
  await loadThemeEvidence(catalogue).catch(() => undefined);
  renderPicker(catalogue, state.lang, state.indicators);
  document.body.dataset.themesLoaded = 'true';
}

void init().catch((error: Error) => setStatus(t(state.lang, 'status.error', { detail: error.message }), true));
