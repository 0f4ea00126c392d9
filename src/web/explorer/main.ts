/**
 * The explorer's behaviour: read the form, ask /v1/charts for the chart, draw it with vega-embed,
 * and show the data behind it. Runs in the browser; vegaEmbed comes from /assets.
 */
declare const vegaEmbed: (el: HTMLElement, spec: unknown, options?: Record<string, unknown>) => Promise<unknown>;

interface Indicator {
  code: string;
  name: { en: string; vi: string };
  theme: string;
  coverage_summary?: { countries: number; of: number };
}
interface Theme {
  code: string;
  name: { en: string; vi: string };
}
interface Country {
  iso3: string;
  name: { en: string; vi: string };
}
interface ChartResponse {
  spec: unknown;
  description: string;
  data_url: string;
  svg_url: string;
  png_url: string;
  embed: { iframe: string };
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('controls');
let renderCount = 0;

function value(id: string): string {
  return ($<HTMLInputElement>(id).value ?? '').trim();
}

function chartQuery(): { type: string; params: URLSearchParams } {
  const type = value('type');
  const params = new URLSearchParams();
  const indicator = value('indicator');
  const second = value('indicator2');
  if (type === 'scatter') {
    params.set('x', indicator);
    params.set('y', second);
  } else if (type === 'heatmap') {
    params.set('indicators', [...new Set([indicator, second])].join(','));
  } else {
    params.set('indicator', indicator);
  }
  const group = value('group');
  if (group) params.set('group', group);
  else {
    const picked = [...document.querySelectorAll<HTMLInputElement>('#countries input:checked')].map((i) => i.value);
    params.set('countries', picked.join(','));
  }
  const usesYear = ['ranking', 'map', 'scatter', 'heatmap'].includes(type);
  if (usesYear && value('year')) params.set('year', value('year'));
  if (!usesYear) {
    if (value('from')) params.set('from', value('from'));
    if (value('to')) params.set('to', value('to'));
  }
  params.set('lang', value('lang'));
  if (value('highlight')) params.set('highlight', value('highlight'));
  return { type, params };
}

function renderTable(data: Record<string, unknown>): void {
  const table = $<HTMLTableElement>('data-table');
  let head: string[] = [];
  let rows: (string | number)[][] = [];
  if (Array.isArray(data.ranking)) {
    head = ['Rank', 'Country', 'Value', 'Year'];
    rows = (data.ranking as { rank: number; country: string; value: number; year: number }[]).map((r) => [
      r.rank,
      r.country,
      r.value,
      r.year,
    ]);
  } else if (Array.isArray(data.observations)) {
    head = ['Country', 'Year', 'Value', 'Flag', 'Release'];
    rows = (
      data.observations as {
        country: string;
        year: number | null;
        value: number;
        flag: string | null;
        release: string;
      }[]
    ).map((o) => [o.country, o.year ?? '', o.value, o.flag ?? '', o.release]);
  } else if (Array.isArray(data.rows)) {
    const codes = (data.indicators as { code: string }[]).map((i) => i.code);
    head = ['Country', ...codes];
    rows = (data.rows as { country: string; cells: Record<string, { value: number; year: number } | null> }[]).map(
      (r) => [
        r.country,
        ...codes.map((code) => (r.cells[code] ? `${r.cells[code]?.value} (${r.cells[code]?.year})` : '—')),
      ],
    );
  }
  const cell = (v: string | number) =>
    `<td class="${typeof v === 'number' ? 'num' : ''}">${String(v).replaceAll('<', '&lt;')}</td>`;
  table.innerHTML = `<thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</tbody>`;
  table.dataset.rows = String(rows.length);
}

async function update(): Promise<void> {
  const { type, params } = chartQuery();
  $<HTMLElement>('second-indicator').hidden = !['scatter', 'heatmap'].includes(type);
  $<HTMLElement>('countries').hidden = value('group') !== '';
  const status = $<HTMLElement>('status');
  status.textContent = '';
  const response = await fetch(`/v1/charts/${type}?${params}`);
  const body = (await response.json()) as ChartResponse & { detail?: string };
  if (!response.ok) {
    status.textContent = body.detail ?? `Error ${response.status}`;
    return;
  }
  await vegaEmbed($<HTMLElement>('chart'), body.spec, {
    renderer: 'svg',
    actions: { export: true, source: true, compiled: false, editor: false },
  });
  $<HTMLElement>('description').textContent = body.description;
  const csv = new URL(body.data_url);
  csv.searchParams.set('format', 'csv');
  $<HTMLAnchorElement>('csv').href = `${csv.pathname}${csv.search}`;
  $<HTMLAnchorElement>('api').href = body.data_url;
  $<HTMLAnchorElement>('svg').href = body.svg_url;
  $<HTMLAnchorElement>('png').href = body.png_url;
  $<HTMLTextAreaElement>('embed-snippet').value = body.embed.iframe;
  renderTable((await (await fetch(body.data_url)).json()) as Record<string, unknown>);
  renderCount++;
  document.body.dataset.renderCount = String(renderCount);
  document.body.dataset.chartType = type;
}

async function init(): Promise<void> {
  const [indicators, countries, themes] = await Promise.all([
    fetch('/v1/indicators').then((r) => r.json() as Promise<{ indicators: Indicator[] }>),
    fetch('/v1/countries').then((r) => r.json() as Promise<{ countries: Country[] }>),
    fetch('/v1/themes').then((r) => r.json() as Promise<{ themes: Theme[] }>),
  ]);
  // One <optgroup> per agenda theme, in the agenda's order; each option says how many countries have data.
  const options = themes.themes
    .map((theme) => {
      const members = indicators.indicators.filter((i) => i.theme === theme.code);
      const items = members.map((i) => {
        const cov = i.coverage_summary ? ` — ${i.coverage_summary.countries}/${i.coverage_summary.of}` : '';
        return `<option value="${i.code}">${i.name.en} (${i.code})${cov}</option>`;
      });
      return items.length > 0
        ? `<optgroup label="${theme.name.en}" data-theme="${theme.code}">${items.join('')}</optgroup>`
        : '';
    })
    .join('');
  $<HTMLSelectElement>('indicator').innerHTML = options;
  $<HTMLSelectElement>('indicator2').innerHTML = options;
  $<HTMLSelectElement>('indicator').value = 'EGDI';
  $<HTMLSelectElement>('indicator2').value = 'GE.EST';
  $<HTMLElement>('countries').innerHTML = countries.countries
    .map(
      (c) =>
        `<label><input type="checkbox" name="country" value="${c.iso3}" ${['VNM', 'THA', 'SGP', 'MYS', 'IDN'].includes(c.iso3) ? 'checked' : ''}> ${c.name.en}</label>`,
    )
    .join('');
  $<HTMLSelectElement>('highlight').innerHTML += countries.countries
    .map((c) => `<option value="${c.iso3}">${c.name.en}</option>`)
    .join('');
  form.addEventListener('change', () => void update());
  $<HTMLButtonElement>('copy-embed').addEventListener('click', async () => {
    const snippet = $<HTMLTextAreaElement>('embed-snippet');
    snippet.select();
    await navigator.clipboard?.writeText(snippet.value).catch(() => document.execCommand('copy'));
  });
  await update();
}

void init();
