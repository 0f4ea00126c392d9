import type { TopLevelSpec } from 'vega-lite';
import { type ChartFrame, framed, numberFormat } from './frame.ts';
import { countryNameExpression, label } from './locale.ts';
import { countryColourScale } from './theme.ts';

export interface RankingChartData {
  rows: { iso3: string; value: number; year: number; rank: number }[];
  median: number | null;
  direction: 'higher' | 'lower';
  decimals: number;
  unit: string;
}

export interface ChartOptions {
  highlight?: string;
  /** Replace the inline data with a live data URL (the matching /v1 endpoint). */
  dataUrl?: { url: string; property: string };
}

/** A sorted bar chart, best at the top, with the group median marked by a rule. */
export function rankingChart(data: RankingChartData, frame: ChartFrame, options: ChartOptions = {}): TopLevelSpec {
  const { lang } = frame;
  const iso3s = data.rows.map((r) => r.iso3);
  const format = numberFormat(data.decimals);
  const mixedYears = new Set(data.rows.map((r) => r.year)).size > 1;
  const bars = {
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: { field: 'rank', order: 'ascending' }, title: null },
      x: { field: 'value', type: 'quantitative', title: data.unit, axis: { format, titleLimit: frame.width } },
      color: { field: 'iso3', type: 'nominal', scale: countryColourScale(iso3s, options.highlight), legend: null },
      tooltip: [
        { field: 'name', type: 'nominal', title: label(lang, 'country') },
        { field: 'value', type: 'quantitative', title: label(lang, 'value'), format },
        { field: 'year', type: 'ordinal', title: label(lang, 'year') },
        { field: 'rank', type: 'ordinal', title: label(lang, 'rank') },
      ],
    },
  };
  const layers: Record<string, unknown>[] = [bars];
  if (data.median !== null) {
    layers.push(
      {
        data: { values: [{ median: data.median }] },
        mark: { type: 'rule', color: '#222222', strokeDash: [4, 3], strokeWidth: 1.5 },
        encoding: { x: { field: 'median', type: 'quantitative' } },
      },
      {
        data: { values: [{ median: data.median }] },
        mark: { type: 'text', align: 'left', dx: 4, dy: -6, baseline: 'bottom', fontSize: 11, color: '#222222' },
        transform: [{ calculate: `'${label(lang, 'median')} ' + format(datum.median, '${format}')`, as: 'caption' }],
        encoding: {
          x: { field: 'median', type: 'quantitative' },
          y: { value: 0 },
          text: { field: 'caption', type: 'nominal' },
        },
      },
    );
  }
  const body = {
    data: options.dataUrl
      ? { url: options.dataUrl.url, format: { type: 'json', property: options.dataUrl.property } }
      : { values: data.rows },
    transform: [
      { calculate: countryNameExpression(lang), as: 'name' },
      // When values come from different years (latest=true), each label says its year.
      { calculate: mixedYears ? "datum.name + ' (' + datum.year + ')'" : 'datum.name', as: 'label' },
    ],
    width: frame.width,
    height: Math.max(120, 22 * data.rows.length),
    layer: layers,
  };
  return framed(body, frame);
}
