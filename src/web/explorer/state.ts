import { isLang, type Lang } from '../i18n.ts';

/**
 * Everything that defines a view of the explorer. It lives in the query string: reading a URL
 * gives the view, and writing the view gives a URL that reopens it ("Copy link", back button).
 */
export const TABS = ['chart', 'map', 'table', 'sources', 'download'] as const;
export type Tab = (typeof TABS)[number];
export const CHART_TYPES = ['ranking', 'timeseries', 'small-multiples', 'slope', 'scatter', 'heatmap'] as const;
export type ExplorerChartType = (typeof CHART_TYPES)[number];
export type Values = 'absolute' | 'minmax' | 'index';

export interface ViewState {
  lang: Lang;
  tab: Tab;
  type: ExplorerChartType;
  indicators: string[];
  /** A group code, or '' when the countries are listed. */
  group: string;
  countries: string[];
  from: number | null;
  to: number | null;
  /** Cross-section year; null = each country's latest. */
  year: number | null;
  values: Values;
  base: number | null;
  log: boolean;
  highlight: string[];
  /** The table's sort: a column of the table and its direction; null = the API's order. */
  sort: TableSort | null;
}
export interface TableSort {
  column: number;
  descending: boolean;
}

export const DEFAULT_STATE: ViewState = {
  lang: 'en',
  tab: 'chart',
  type: 'ranking',
  indicators: ['EGDI'],
  group: 'ASEAN',
  countries: [],
  from: null,
  to: null,
  year: null,
  values: 'absolute',
  base: null,
  log: false,
  highlight: [],
  sort: null,
};

const CODE = /^[A-Za-z0-9._-]{1,40}$/;
const ISO3 = /^[A-Z]{3}$/;

function list(text: string | null, pattern: RegExp): string[] {
  if (!text) return [];
  return [...new Set(text.split(',').map((s) => s.trim()))].filter((s) => pattern.test(s));
}

function year(text: string | null): number | null {
  if (text === null || !/^\d{4}$/.test(text)) return null;
  return Number(text);
}

/** `sort=3` sorts by the third column ascending, `sort=-3` descending (1-based, so -0 never arises). */
function tableSort(text: string | null): TableSort | null {
  const m = text === null ? null : /^(-?)([1-9]\d?)$/.exec(text);
  return m ? { column: Number(m[2]) - 1, descending: m[1] === '-' } : null;
}

function oneOf<T extends string>(value: string | null, options: readonly T[], fallback: T): T {
  return options.includes(value as T) ? (value as T) : fallback;
}

/** A query string → a view; anything unreadable falls back to the default, never to an error. */
export function readState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const indicators = list(q.get('indicators') ?? q.get('indicator'), CODE);
  const normalise = q.get('normalise') ?? '';
  const index = /^index:(\d{4})$/.exec(normalise);
  const countries = list(q.get('countries'), ISO3);
  return {
    lang: isLang(q.get('lang')) ? (q.get('lang') as Lang) : DEFAULT_STATE.lang,
    tab: oneOf(q.get('tab'), TABS, DEFAULT_STATE.tab),
    type: oneOf(q.get('type'), CHART_TYPES, DEFAULT_STATE.type),
    indicators: indicators.length > 0 ? indicators : [...DEFAULT_STATE.indicators],
    group: countries.length > 0 && !q.get('group') ? '' : (q.get('group') ?? DEFAULT_STATE.group),
    countries,
    from: year(q.get('from')),
    to: year(q.get('to')),
    year: year(q.get('year')),
    values: index ? 'index' : normalise === 'minmax' ? 'minmax' : 'absolute',
    base: index ? Number(index[1]) : null,
    log: q.get('log') === 'true',
    highlight: list(q.get('highlight'), ISO3),
    sort: tableSort(q.get('sort')),
  };
}

/** A view → its query string, with only what differs from the defaults, in a stable order. */
export function writeState(state: ViewState): string {
  const q = new URLSearchParams();
  const put = (key: string, value: string | number | null | undefined, fallback?: string) => {
    if (value !== null && value !== undefined && value !== '' && String(value) !== fallback) q.set(key, String(value));
  };
  put('lang', state.lang, DEFAULT_STATE.lang);
  put('tab', state.tab, DEFAULT_STATE.tab);
  put('type', state.type, DEFAULT_STATE.type);
  if (state.indicators.length > 1) q.set('indicators', state.indicators.join(','));
  else put('indicator', state.indicators[0]);
  if (state.group) put('group', state.group);
  else put('countries', state.countries.join(','));
  put('from', state.from);
  put('to', state.to);
  put('year', state.year);
  if (state.values === 'minmax') q.set('normalise', 'minmax');
  if (state.values === 'index' && state.base !== null) q.set('normalise', `index:${state.base}`);
  if (state.log) q.set('log', 'true');
  put('highlight', state.highlight.join(','));
  if (state.sort) q.set('sort', `${state.sort.descending ? '-' : ''}${state.sort.column + 1}`);
  return q.toString();
}
