import type { TopLevelSpec } from 'vega-lite';
import { type ChartFrame, framed, numberFormat } from './frame.ts';
import { countryNameExpression, label } from './locale.ts';
import type { ChartOptions } from './ranking.ts';
import { countryColourScale } from './theme.ts';
import { gapTransforms, type SeriesChartData, seriesData } from './timeseries.ts';

/** One small time-series panel per country, on a shared scale, gaps kept. */
export function smallMultiplesChart(
  data: SeriesChartData,
  frame: ChartFrame,
  options: ChartOptions = {},
): TopLevelSpec {
  const { lang } = frame;
  const iso3s = [...new Set(data.rows.map((r) => r.iso3))];
  const format = data.field === 'value' ? numberFormat(data.decimals) : ',.1f';
  const columns = Math.min(4, Math.max(1, iso3s.length));
  const panelWidth = Math.floor((frame.width - 40 * (columns - 1)) / columns);
  const body = {
    data: seriesData(data, options),
    transform: [...gapTransforms(data.field, data.years), { calculate: countryNameExpression(lang), as: 'name' }],
    facet: { field: 'name', type: 'nominal', title: null, header: { labelFontSize: 12 } },
    columns,
    spec: {
      width: panelWidth,
      height: Math.round(panelWidth * 0.6),
      mark: { type: 'line', point: { size: 20 }, strokeWidth: 2, tooltip: true },
      encoding: {
        x: {
          field: 'year',
          type: 'quantitative',
          title: label(lang, 'year'),
          axis: { format: 'd', tickCount: 4 },
          scale: { zero: false },
        },
        y: {
          field: data.field,
          type: 'quantitative',
          title: data.unit,
          axis: { format, titleLimit: Math.round(panelWidth * 0.6) },
        },
        color: { field: 'iso3', type: 'nominal', scale: countryColourScale(iso3s, options.highlight), legend: null },
        tooltip: [
          { field: 'name', type: 'nominal', title: label(lang, 'country') },
          { field: 'year', type: 'ordinal', title: label(lang, 'year') },
          { field: data.field, type: 'quantitative', title: label(lang, 'value'), format },
        ],
      },
    },
  };
  return framed(body, { ...frame, width: frame.width });
}
