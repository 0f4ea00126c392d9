import type { ExplorerChartType, ViewState } from './state.ts';

export type DrawnType = ExplorerChartType | 'map';

/** Charts over time take a year range, an index base year and a log axis; cross-sections take one year. */
export const OVER_TIME: readonly DrawnType[] = ['timeseries', 'small-multiples', 'slope'];
export const LOG_TYPES: readonly DrawnType[] = [...OVER_TIME, 'scatter'];

export function drawnType(state: ViewState): DrawnType {
  return state.tab === 'map' ? 'map' : state.type;
}

/** How many indicators a chart type draws: one, exactly two, or two or more. */
export function indicatorArity(type: DrawnType): 'one' | 'pair' | 'many' {
  return type === 'scatter' ? 'pair' : type === 'heatmap' ? 'many' : 'one';
}

export interface YearSpan {
  first: number;
  last: number;
}

/**
 * The /v1/charts query for a view: null when the view cannot be drawn yet (a scatter with one
 * indicator). `span` is the primary indicator's years, for a slope chart's default two years.
 */
export function chartParams(
  state: ViewState,
  size: { width: number; height: number },
  span: YearSpan | null,
): URLSearchParams | null {
  const type = drawnType(state);
  const p = new URLSearchParams();
  const [first, second] = state.indicators;
  if (!first) return null;
  const arity = indicatorArity(type);
  if (arity === 'pair') {
    if (!second) return null;
    p.set('x', first);
    p.set('y', second);
  } else if (arity === 'many') {
    if (state.indicators.length < 2) return null;
    p.set('indicators', state.indicators.join(','));
  } else p.set('indicator', first);
  if (state.group) p.set('group', state.group);
  else p.set('countries', state.countries.join(','));
  if (OVER_TIME.includes(type)) {
    const from = state.from ?? (type === 'slope' ? (span?.first ?? null) : null);
    const to = state.to ?? (type === 'slope' ? (span?.last ?? null) : null);
    if (from !== null) p.set('from', String(from));
    if (to !== null) p.set('to', String(to));
    if (state.values === 'index' && state.base !== null) p.set('normalise', `index:${state.base}`);
  } else if (state.year !== null) p.set('year', String(state.year));
  if (state.values === 'minmax' && type !== 'scatter' && type !== 'heatmap') p.set('normalise', 'minmax');
  if (state.log && LOG_TYPES.includes(type)) p.set('log', 'true');
  if (state.highlight.length > 0) p.set('highlight', state.highlight.join(','));
  p.set('lang', state.lang);
  p.set('width', String(size.width));
  p.set('height', String(size.height));
  return p;
}

function selection(state: ViewState, p: URLSearchParams): void {
  if (state.group) p.set('group', state.group);
  else p.set('countries', state.countries.join(','));
}

/** The /v1 data behind a view, for the table and the CSV download (JSON; add format=csv for a file). */
export function tableUrl(state: ViewState): string | null {
  const type = drawnType(state);
  const p = new URLSearchParams();
  const [first, second] = state.indicators;
  if (!first) return null;
  if (type === 'scatter' || type === 'heatmap') {
    if (!second) return null;
    p.set('indicators', (type === 'scatter' ? [first, second] : state.indicators).join(','));
    selection(state, p);
    if (state.year !== null) p.set('year', String(state.year));
    p.set('lang', state.lang);
    return `/v1/compare?${p}`;
  }
  p.set('indicator', first);
  selection(state, p);
  if (!OVER_TIME.includes(type)) {
    if (state.year !== null) p.set('year', String(state.year));
    p.set('lang', state.lang);
    return `/v1/rankings?${p}`;
  }
  if (state.from !== null) p.set('from', String(state.from));
  if (state.to !== null) p.set('to', String(state.to));
  if (state.values === 'index' && state.base !== null) p.set('normalise', `index:${state.base}`);
  if (state.values === 'minmax') p.set('normalise', 'minmax');
  p.set('lang', state.lang);
  return `/v1/observations?${p}`;
}
