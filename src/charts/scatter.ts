import type { TopLevelSpec } from 'vega-lite';
import { type ChartFrame, framed, numberFormat } from './frame.ts';
import { countryNameExpression, label } from './locale.ts';
import { countryColourScale } from './theme.ts';

export interface ScatterChartData {
  points: { iso3: string; x: number; y: number; xYear: number; yYear: number }[];
  xTitle: string;
  yTitle: string;
  xDecimals: number;
  yDecimals: number;
  trend: boolean;
}

/** Indicator against indicator, one labelled point per country, with an optional linear trend. */
export function scatterChart(
  data: ScatterChartData,
  frame: ChartFrame,
  options: { highlight?: string } = {},
): TopLevelSpec {
  const { lang } = frame;
  const iso3s = data.points.map((p) => p.iso3);
  // Long indicator names are cut to the plot size so they never push the plot around.
  const x = {
    field: 'x',
    type: 'quantitative',
    title: data.xTitle,
    axis: { format: numberFormat(data.xDecimals), titleLimit: frame.width },
    scale: { zero: false, nice: true },
  };
  const y = {
    field: 'y',
    type: 'quantitative',
    title: data.yTitle,
    axis: { format: numberFormat(data.yDecimals), titleLimit: frame.height },
    scale: { zero: false, nice: true },
  };
  const layers: Record<string, unknown>[] = [
    {
      mark: { type: 'point', filled: true, size: 90, tooltip: true },
      encoding: {
        x,
        y,
        color: { field: 'iso3', type: 'nominal', scale: countryColourScale(iso3s, options.highlight), legend: null },
        tooltip: [
          { field: 'name', type: 'nominal', title: label(lang, 'country') },
          { field: 'x', type: 'quantitative', title: data.xTitle, format: numberFormat(data.xDecimals) },
          { field: 'xYear', type: 'ordinal', title: `${label(lang, 'year')} (x)` },
          { field: 'y', type: 'quantitative', title: data.yTitle, format: numberFormat(data.yDecimals) },
          { field: 'yYear', type: 'ordinal', title: `${label(lang, 'year')} (y)` },
        ],
      },
    },
    {
      mark: { type: 'text', align: 'left', dx: 7, dy: -5, fontSize: 11 },
      encoding: { x, y, text: { field: 'name', type: 'nominal' } },
    },
  ];
  if (data.trend && data.points.length >= 3) {
    layers.unshift({
      transform: [{ regression: 'y', on: 'x' }],
      mark: { type: 'line', color: '#777777', strokeDash: [5, 4], strokeWidth: 1.5 },
      encoding: { x, y },
    });
  }
  const body = {
    data: { values: data.points },
    transform: [{ calculate: countryNameExpression(lang), as: 'name' }],
    width: frame.width,
    height: frame.height,
    layer: layers,
  };
  return framed(body, frame);
}
