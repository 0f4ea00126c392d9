import type { TopLevelSpec } from 'vega-lite';
import { type ChartFrame, framed, numberFormat } from './frame.ts';
import { countryNameExpression, label } from './locale.ts';
import type { ChartOptions } from './ranking.ts';
import { countryColourScale } from './theme.ts';
import { seriesData, type SeriesChartData } from './timeseries.ts';

/** Year A → year B for each country: only countries with both years are drawn as slopes. */
export function slopeChart(
  data: SeriesChartData & { fromYear: number; toYear: number },
  frame: ChartFrame,
  options: ChartOptions = {},
): TopLevelSpec {
  const { lang } = frame;
  const iso3s = [...new Set(data.rows.map((r) => r.iso3))];
  const format = data.field === 'value' ? numberFormat(data.decimals) : ',.1f';
  const encoding = {
    x: {
      field: 'year',
      type: 'ordinal',
      title: null,
      axis: { labelAngle: 0, labelFontSize: 13 },
      scale: { domain: [data.fromYear, data.toYear], padding: 0.3 },
    },
    y: {
      field: data.field,
      type: 'quantitative',
      title: data.unit,
      axis: { format, titleLimit: frame.height },
      scale: { zero: false },
    },
    color: { field: 'iso3', type: 'nominal', scale: countryColourScale(iso3s, options.highlight), legend: null },
  };
  const body = {
    data: seriesData(data, options),
    transform: [
      { filter: `datum.year === ${data.fromYear} || datum.year === ${data.toYear}` },
      { joinaggregate: [{ op: 'count', as: 'yearsPresent' }], groupby: ['iso3'] },
      { filter: 'datum.yearsPresent === 2' },
      { calculate: countryNameExpression(lang), as: 'name' },
      { calculate: `datum.name + '  ' + format(datum.${data.field}, '${format}')`, as: 'caption' },
    ],
    width: frame.width,
    height: frame.height,
    layer: [
      {
        mark: { type: 'line', point: { size: 40 }, strokeWidth: 2, tooltip: true },
        encoding: {
          ...encoding,
          detail: { field: 'iso3', type: 'nominal' },
          tooltip: [
            { field: 'name', type: 'nominal', title: label(lang, 'country') },
            { field: 'year', type: 'ordinal', title: label(lang, 'year') },
            { field: data.field, type: 'quantitative', title: label(lang, 'value'), format },
          ],
        },
      },
      {
        transform: [{ filter: `datum.year === ${data.toYear}` }],
        mark: { type: 'text', align: 'left', dx: 8, fontSize: 11 },
        encoding: { ...encoding, text: { field: 'caption', type: 'nominal' } },
      },
    ],
  };
  return framed(body, frame);
}
