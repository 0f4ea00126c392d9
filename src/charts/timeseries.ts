import type { TopLevelSpec } from 'vega-lite';
import { type ChartFrame, framed, numberFormat } from './frame.ts';
import { countryNameExpression, label } from './locale.ts';
import type { ChartOptions } from './ranking.ts';
import { countryColourScale } from './theme.ts';

export interface SeriesChartData {
  rows: { iso3: string; year: number; value: number }[];
  decimals: number;
  /** Axis title: the unit, or the normalisation. */
  unit: string;
  /** The field drawn: the published value or its normalisation. */
  field: 'value' | 'normalised';
  /** Every year the indicator has for any country: a selected country missing one shows a gap. */
  years: number[];
}

export function seriesData(data: SeriesChartData, options: ChartOptions) {
  return options.dataUrl
    ? { url: options.dataUrl.url, format: { type: 'json', property: options.dataUrl.property } }
    : { values: data.rows };
}

/**
 * A missing year must show as a gap, never as a line bridging it: impute inserts a null for
 * every year the indicator has for any country (not only the selected ones) where this country
 * has none, and a null breaks a line. Years no country reports (between survey editions) are not gaps.
 */
export function gapTransforms(field: string, years: readonly number[]) {
  return [
    { filter: 'datum.year !== null' },
    { impute: field, key: 'year', keyvals: [...years], groupby: ['iso3'], value: null },
  ];
}

/** Lines per country over the years, with points so an isolated year stays visible. */
export function timeseriesChart(data: SeriesChartData, frame: ChartFrame, options: ChartOptions = {}): TopLevelSpec {
  const { lang } = frame;
  const iso3s = [...new Set(data.rows.map((r) => r.iso3))];
  const format = data.field === 'value' ? numberFormat(data.decimals) : ',.1f';
  const encoding = {
    x: {
      field: 'year',
      type: 'quantitative',
      title: label(lang, 'year'),
      axis: { format: 'd', tickMinStep: 1 },
      scale: { zero: false },
    },
    y: { field: data.field, type: 'quantitative', title: data.unit, axis: { format, titleLimit: frame.height } },
    color: { field: 'iso3', type: 'nominal', scale: countryColourScale(iso3s, options.highlight), legend: null },
  };
  const body = {
    data: seriesData(data, options),
    transform: [...gapTransforms(data.field, data.years), { calculate: countryNameExpression(lang), as: 'name' }],
    width: frame.width,
    height: frame.height,
    layer: [
      {
        mark: { type: 'line', point: { size: 30 }, strokeWidth: 2, tooltip: true },
        encoding: {
          ...encoding,
          tooltip: [
            { field: 'name', type: 'nominal', title: label(lang, 'country') },
            { field: 'year', type: 'ordinal', title: label(lang, 'year') },
            { field: data.field, type: 'quantitative', title: label(lang, 'value'), format },
          ],
        },
      },
      {
        // Direct labels at each country's last point: colour is never the only cue.
        transform: [
          { filter: `datum.${data.field} !== null` },
          { joinaggregate: [{ op: 'max', field: 'year', as: 'lastYear' }], groupby: ['iso3'] },
          { filter: 'datum.year === datum.lastYear' },
        ],
        mark: { type: 'text', align: 'left', dx: 6, fontSize: 11 },
        encoding: { ...encoding, text: { field: 'name', type: 'nominal' } },
      },
    ],
  };
  return framed(body, frame);
}
