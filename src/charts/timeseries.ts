import type { TopLevelSpec } from 'vega-lite';
import { axisFormat, axisTitle, type ChartFrame, framed, numberFormat } from './frame.ts';
import { dodge, paddedDomain } from './label-dodge.ts';
import { countryName, countryNameExpression, label } from './locale.ts';
import type { ChartOptions } from './ranking.ts';
import { countryColourScale } from './theme.ts';

export interface SeriesChartData {
  rows: { iso3: string; year: number; value: number }[];
  decimals: number;
  /** The indicator's scale (share, percent, score…), for the axis format. */
  scale?: string;
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

/** Room for a numeric y axis with a title: the widest tick label plus the title's line. */
export const NUMERIC_AXIS_ROOM = 56;

/** Each country's last point, labelled; labels pushed apart so none overlaps another. */
export function endLabels(
  rows: readonly { iso3: string; year: number; value: number }[],
  lang: 'en' | 'vi',
  domain: { lo: number; hi: number },
  height: number,
  caption: (row: { iso3: string; value: number }) => string = (r) => countryName(r.iso3, lang),
) {
  const last = new Map<string, { iso3: string; year: number; value: number }>();
  for (const r of rows) if ((last.get(r.iso3)?.year ?? -Infinity) < r.year) last.set(r.iso3, r);
  const ends = [...last.values()];
  const positions = dodge(
    ends.map((e) => e.value),
    domain,
    height,
  );
  return ends.map((e, i) => ({ iso3: e.iso3, year: e.year, labelY: positions[i], caption: caption(e) }));
}

/** Lines per country over the years, with points so an isolated year stays visible. */
export function timeseriesChart(data: SeriesChartData, frame: ChartFrame, options: ChartOptions = {}): TopLevelSpec {
  const { lang } = frame;
  const iso3s = [...new Set(data.rows.map((r) => r.iso3))];
  const format = data.field === 'value' ? numberFormat(data.decimals) : ',.1f';
  const domain = paddedDomain(data.rows.map((r) => r.value));
  const x = {
    field: 'year',
    type: 'quantitative',
    title: label(lang, 'year'),
    axis: { format: 'd', tickMinStep: 1, labelOverlap: 'greedy' },
    scale: { zero: false, nice: false },
  };
  const yScale = { domain: [domain.lo, domain.hi], nice: false, zero: false };
  const yAxis = { format: data.field === 'value' ? axisFormat(data.scale, data.decimals) : ',.0f' };
  const color = { field: 'iso3', type: 'nominal', scale: countryColourScale(iso3s, options.highlight), legend: null };
  const body = {
    data: seriesData(data, options),
    transform: [...gapTransforms(data.field, data.years), { calculate: countryNameExpression(lang), as: 'name' }],
    layer: [
      {
        mark: { type: 'line', point: { size: 30 }, strokeWidth: 2, tooltip: true },
        encoding: {
          x,
          y: {
            field: data.field,
            type: 'quantitative',
            title: axisTitle(data.unit, frame.height),
            axis: yAxis,
            scale: yScale,
          },
          color,
          tooltip: [
            { field: 'name', type: 'nominal', title: label(lang, 'country') },
            { field: 'year', type: 'ordinal', title: label(lang, 'year') },
            { field: data.field, type: 'quantitative', title: label(lang, 'value'), format },
          ],
        },
      },
      {
        // Direct labels at each country's last point: colour is never the only cue.
        data: { values: endLabels(data.rows, lang, domain, frame.height) },
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 7, fontSize: 11 },
        encoding: {
          x,
          // The same axis as the lines' (an axis of null here would remove the shared one).
          y: {
            field: 'labelY',
            type: 'quantitative',
            title: axisTitle(data.unit, frame.height),
            axis: yAxis,
            scale: yScale,
          },
          color,
          text: { field: 'caption', type: 'nominal' },
        },
      },
    ],
  };
  return framed(body, frame, { left: NUMERIC_AXIS_ROOM, bottom: 40 });
}
