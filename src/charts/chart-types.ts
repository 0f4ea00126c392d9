export const CHART_TYPES = [
  'ranking',
  'timeseries',
  'heatmap',
  'scatter',
  'slope',
  'map',
  'small-multiples',
  'frontier',
  'productivity-change',
] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** Chart types whose data can be the live /v1 endpoint as is (data=url). */
export const LIVE_DATA_TYPES: readonly ChartType[] = ['ranking', 'map', 'timeseries', 'small-multiples', 'slope'];
