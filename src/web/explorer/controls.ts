import { t } from '../i18n.ts';
import type { Catalogue } from './catalogue.ts';
import { drawnType, indicatorArity, LOG_TYPES, OVER_TIME } from './chart-query.ts';
import { $, escapeHtml } from './dom.ts';
import type { ExplorerChartType, Values, ViewState } from './state.ts';

/** Scales whose values are positive by nature, so a log axis can show them. */
const POSITIVE_SCALES = ['index', 'count', 'amount', 'amount-per-capita', 'percent', 'share', 'mandate', 'rank'];
const DEFAULT_CUSTOM = ['VNM', 'THA', 'SGP', 'MYS', 'IDN'];

type Update = (patch: Partial<ViewState>) => void;

function years(state: ViewState, catalogue: Catalogue): number[] {
  return catalogue.coverage.get(state.indicators[0] ?? '')?.years ?? [];
}

function setRange(id: string, all: number[], value: number | null, fallback: number | undefined): void {
  const input = $<HTMLInputElement>(id);
  input.min = String(all[0] ?? 2000);
  input.max = String(all.at(-1) ?? 2024);
  input.value = String(value ?? fallback ?? input.max);
  $<HTMLOutputElement>(`${id}-out`).textContent = input.value;
}

function syncCountries(state: ViewState, catalogue: Catalogue): void {
  const lang = state.lang;
  $<HTMLSelectElement>('group').value = state.group;
  const box = $<HTMLFieldSetElement>('countries');
  box.hidden = state.group !== '';
  const legend = box.querySelector('legend')?.outerHTML ?? '';
  box.innerHTML =
    legend +
    catalogue.countries
      .map(
        (c) =>
          `<label><input type="checkbox" value="${c.iso3}"${state.countries.includes(c.iso3) ? ' checked' : ''}> ${escapeHtml(c.name[lang])}</label>`,
      )
      .join('');
  $<HTMLElement>('highlight').innerHTML = catalogue.countries
    .map(
      (c) =>
        `<button type="button" data-iso3="${c.iso3}" aria-pressed="${state.highlight.includes(c.iso3)}">${escapeHtml(c.name[lang])}</button>`,
    )
    .join('');
}

function syncYears(state: ViewState, catalogue: Catalogue): void {
  const all = years(state, catalogue);
  const overTime = OVER_TIME.includes(drawnType(state));
  $<HTMLElement>('range-years').hidden = !overTime;
  $<HTMLElement>('single-year').hidden = overTime;
  setRange('from', all, state.from, all[0]);
  setRange('to', all, state.to, all.at(-1));
  setRange('year', all, state.year, all.at(-1));
  $<HTMLInputElement>('latest').checked = state.year === null;
  $<HTMLInputElement>('year').disabled = state.year === null;
  const base = $<HTMLSelectElement>('base');
  base.innerHTML = all.map((y) => `<option value="${y}">${y}</option>`).join('');
  base.value = String(state.base ?? state.from ?? all[0] ?? '');
}

function syncValues(state: ViewState, catalogue: Catalogue): void {
  const type = drawnType(state);
  const overTime = OVER_TIME.includes(type);
  const scale = catalogue.byCode.get(state.indicators[0] ?? '')?.scale ?? '';
  const logPossible = LOG_TYPES.includes(type) && POSITIVE_SCALES.includes(scale) && state.values !== 'minmax';
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="values"]')) {
    radio.checked = radio.value === state.values;
    radio.disabled =
      (radio.value === 'index' && !overTime) ||
      (radio.value === 'minmax' && (type === 'scatter' || type === 'heatmap'));
  }
  $<HTMLSelectElement>('base').disabled = state.values !== 'index' || !overTime;
  const log = $<HTMLInputElement>('log');
  log.checked = state.log && logPossible;
  log.disabled = !logPossible;
  const hints = [
    !overTime ? t(state.lang, 'values.indexUnavailable') : '',
    !POSITIVE_SCALES.includes(scale) ? t(state.lang, 'values.logUnavailable') : '',
  ];
  $<HTMLElement>('values-hint').textContent = hints.filter(Boolean).join(' ');
}

/** Puts the state into the form: every control shows what the URL says. */
export function syncControls(state: ViewState, catalogue: Catalogue): void {
  $<HTMLSelectElement>('type').value = state.type;
  $<HTMLSelectElement>('type').disabled = state.tab === 'map';
  const arity = indicatorArity(drawnType(state));
  const hint =
    arity === 'one' ? 'indicator.hintSingle' : arity === 'pair' ? 'indicator.hintPair' : 'indicator.hintMany';
  $<HTMLElement>('indicator-hint').textContent = t(state.lang, hint);
  syncCountries(state, catalogue);
  syncYears(state, catalogue);
  syncValues(state, catalogue);
}

function changeType(state: ViewState, type: ExplorerChartType): Partial<ViewState> {
  const patch: Partial<ViewState> = { type };
  if (indicatorArity(type) !== 'one' && state.indicators.length < 2) {
    const second = state.indicators[0] === 'GE.EST' ? 'EGDI' : 'GE.EST';
    patch.indicators = [...state.indicators, second];
  }
  if (type === 'scatter') patch.indicators = (patch.indicators ?? state.indicators).slice(0, 2);
  if (!OVER_TIME.includes(type) && state.values === 'index') patch.values = 'absolute';
  return patch;
}

function yearPatch(id: string, value: number, state: ViewState, catalogue: Catalogue): Partial<ViewState> {
  const all = years(state, catalogue);
  if (id === 'year') return { year: value };
  const from = id === 'from' ? value : (state.from ?? all[0] ?? value);
  const to = id === 'to' ? value : (state.to ?? all.at(-1) ?? value);
  return { from: Math.min(from, to), to: Math.max(from, to) };
}

/** Wires the form: each change becomes a state patch (and so a URL and a history entry). */
export function bindControls(get: () => ViewState, update: Update, catalogue: () => Catalogue): void {
  $<HTMLSelectElement>('type').addEventListener('change', (e) =>
    update(changeType(get(), (e.target as HTMLSelectElement).value as ExplorerChartType)),
  );
  $<HTMLSelectElement>('group').addEventListener('change', (e) => {
    const group = (e.target as HTMLSelectElement).value;
    update({ group, countries: group === '' ? (get().countries.length ? get().countries : DEFAULT_CUSTOM) : [] });
  });
  $<HTMLElement>('countries').addEventListener('change', () => {
    const picked = [...document.querySelectorAll<HTMLInputElement>('#countries input:checked')].map((i) => i.value);
    update({ countries: picked });
  });
  $<HTMLElement>('highlight').addEventListener('click', (e) => {
    const iso3 = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-iso3]')?.dataset.iso3;
    if (!iso3) return;
    const current = get().highlight;
    update({ highlight: current.includes(iso3) ? current.filter((c) => c !== iso3) : [...current, iso3] });
  });
  for (const id of ['from', 'to', 'year']) {
    const input = $<HTMLInputElement>(id);
    input.addEventListener('input', () => {
      $<HTMLOutputElement>(`${id}-out`).textContent = input.value;
    });
    input.addEventListener('change', () => update(yearPatch(id, Number(input.value), get(), catalogue())));
  }
  $<HTMLInputElement>('latest').addEventListener('change', (e) => {
    const latest = (e.target as HTMLInputElement).checked;
    update({ year: latest ? null : Number($<HTMLInputElement>('year').value) });
  });
  bindValues(get, update);
}

function bindValues(get: () => ViewState, update: Update): void {
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="values"]'))
    radio.addEventListener('change', () => {
      const values = radio.value as Values;
      const base = values === 'index' ? Number($<HTMLSelectElement>('base').value) || null : null;
      update({ values, base, log: values === 'minmax' ? false : get().log });
    });
  $<HTMLSelectElement>('base').addEventListener('change', (e) =>
    update({ values: 'index', base: Number((e.target as HTMLSelectElement).value) }),
  );
  $<HTMLInputElement>('log').addEventListener('change', (e) => update({ log: (e.target as HTMLInputElement).checked }));
}
