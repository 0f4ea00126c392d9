import type { TopLevelSpec } from 'vega-lite';
import { axisFormat, type ChartFrame, framedStack, numberFormat } from './frame.ts';
import { countryNameExpression, label } from './locale.ts';
import type { ChartOptions } from './ranking.ts';
import { countryColourScale } from './theme.ts';
import { gapTransforms, type SeriesChartData, seriesData } from './timeseries.ts';

const SPACING = 16;
const MIN_PANEL = 150;
/** A panel's y axis (short tick labels, no title) and its last year label, which overhangs the panel. */
const AXIS_ROOM = 60;

/** One small time-series panel per country, on a shared scale, gaps kept; as many columns as the width allows. */
export function smallMultiplesChart(
  data: SeriesChartData,
  frame: ChartFrame,
  options: ChartOptions = {},
): TopLevelSpec {
  const { lang } = frame;
  const iso3s = [...new Set(data.rows.map((r) => r.iso3))];
  const format = data.field === 'value' ? numberFormat(data.decimals) : ',.1f';
  // Vega cannot fit a facet to a width: panels are sized here, each with its own y axis.
  const room = frame.width - 16;
  const columns = Math.max(
    1,
    Math.min(4, iso3s.length, Math.floor((room + SPACING) / (MIN_PANEL + AXIS_ROOM + SPACING))),
  );
  const panelWidth = Math.floor((room - columns * AXIS_ROOM - (columns - 1) * SPACING) / columns);
  const panelHeight = Math.round(Math.min(220, Math.max(90, panelWidth * 0.55)));
  const body = {
    data: seriesData(data, options),
    transform: [...gapTransforms(data.field, data.years), { calculate: countryNameExpression(lang), as: 'name' }],
    facet: { field: 'name', type: 'nominal', title: null, header: { labelFontSize: 12, labelFontWeight: 'bold' } },
    columns,
    spacing: { column: SPACING, row: 20 },
    resolve: { axis: { x: 'independent', y: 'independent' } },
    spec: {
      width: panelWidth,
      height: panelHeight,
      mark: { type: 'line', point: { size: 20 }, strokeWidth: 2, tooltip: true },
      encoding: {
        x: {
          field: 'year',
          type: 'quantitative',
          title: null,
          axis: { format: 'd', tickCount: Math.max(2, Math.floor(panelWidth / 60)), labelOverlap: 'greedy' },
          scale: { zero: false },
        },
        y: {
          field: data.field,
          type: 'quantitative',
          title: null,
          axis: { format: data.field === 'value' ? axisFormat(data.scale, data.decimals) : ',.0f', tickCount: 4 },
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
  // The unit the y axes would repeat in every panel is one subtitle line.
  const subtitle = frame.subtitle.includes(data.unit) ? frame.subtitle : [...frame.subtitle, data.unit];
  return framedStack(body, { ...frame, subtitle });
}
