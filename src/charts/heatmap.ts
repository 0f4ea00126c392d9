import type { TopLevelSpec } from 'vega-lite';
import { type ChartFrame, framed } from './frame.ts';
import { countryNameExpression, label } from './locale.ts';
import { NO_DATA, SEQUENTIAL_SCHEME } from './theme.ts';

export interface HeatmapChartData {
  /** One cell per country and indicator; score null = no value (drawn as "no data"). */
  cells: {
    iso3: string;
    indicator: string;
    indicatorLabel: string;
    value: number | null;
    year: number | null;
    score: number | null;
  }[];
  indicatorOrder: string[];
  countryOrder: string[];
}

/** Country × indicator, coloured by the min-max score within the group, raw value in the tooltip. */
export function heatmapChart(
  data: HeatmapChartData,
  frame: ChartFrame,
  options: { highlight?: string } = {},
): TopLevelSpec {
  const { lang } = frame;
  const cellWidth = Math.max(60, Math.floor(frame.width / Math.max(1, data.indicatorOrder.length)));
  const body = {
    data: { values: data.cells },
    transform: [
      { calculate: countryNameExpression(lang), as: 'name' },
      { calculate: `datum.score === null ? '${label(lang, 'noData')}' : format(datum.score, '.0f')`, as: 'cellText' },
    ],
    width: cellWidth * data.indicatorOrder.length,
    height: 26 * data.countryOrder.length,
    encoding: {
      x: {
        field: 'indicatorLabel',
        type: 'nominal',
        title: null,
        sort: data.indicatorOrder,
        axis: { orient: 'top', labelAngle: 0, labelLimit: cellWidth - 4 },
      },
      y: { field: 'name', type: 'nominal', title: null, sort: { field: 'sortKey' } },
    },
    layer: [
      {
        // invalid: 'show' keeps cells without a value (drawn as "no data") instead of dropping them.
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1, tooltip: true, invalid: 'show' },
        encoding: {
          color: {
            condition: { test: 'datum.score === null', value: NO_DATA },
            field: 'score',
            type: 'quantitative',
            title: label(lang, 'score'),
            // Darker = better, as on the map.
            scale: { scheme: SEQUENTIAL_SCHEME, domain: [0, 100], reverse: true },
          },
          strokeWidth: options.highlight
            ? { condition: { test: `datum.iso3 === '${options.highlight}'`, value: 3 }, value: 1 }
            : { value: 1 },
          tooltip: [
            { field: 'name', type: 'nominal', title: label(lang, 'country') },
            { field: 'indicatorLabel', type: 'nominal', title: label(lang, 'indicator') },
            { field: 'value', type: 'quantitative', title: label(lang, 'value') },
            { field: 'year', type: 'ordinal', title: label(lang, 'year') },
            { field: 'score', type: 'quantitative', title: label(lang, 'score'), format: '.1f' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 10, invalid: 'show' },
        encoding: {
          text: { field: 'cellText', type: 'nominal' },
          color: { condition: { test: 'datum.score !== null && datum.score > 45', value: 'white' }, value: '#222222' },
        },
      },
    ],
  };
  // Rows keep the order of countryOrder (best composite first, as the caller decides).
  const order = Object.fromEntries(data.countryOrder.map((iso3, i) => [iso3, i]));
  (body.transform as unknown[]).push({ calculate: `${JSON.stringify(order)}[datum.iso3]`, as: 'sortKey' });
  return framed(body, { ...frame, width: body.width });
}
