import type { TopLevelSpec } from 'vega-lite';
import { type ChartFrame, framed, numberFormat } from './frame.ts';
import { wrapText } from './text-measure.ts';
import { countryNameExpression, label } from './locale.ts';
import geometry from './map-geometry.json' with { type: 'json' };
import { type Highlight, highlightTest, MUTED, NO_DATA, SEQUENTIAL_SCHEME } from './theme.ts';

export interface MapChartData {
  rows: { iso3: string; value: number; year: number | null }[];
  decimals: number;
  unit: string;
  /** null: no better direction; the scale runs light (low) to dark (high). */
  direction: 'higher' | 'lower' | null;
}

/** Countries too small to see at this scale get a marker too (longitude, latitude). */
const SMALL_COUNTRY_MARKERS = [
  { iso3: 'SGP', lon: 103.82, lat: 1.35 },
  { iso3: 'BRN', lon: 114.73, lat: 4.54 },
];

/** Colour steps: enough that neighbours with different values get different colours, few enough to tell apart. */
const STEPS = 7;
/** Room the legend takes beside the map. */
const LEGEND_ROOM = 150;
/** The legend's colour bar: long enough for seven steps with a label each. */
const GRADIENT = 160;
/** The ASEAN+3 shapes in Mercator are about 1.16 times as tall as they are wide. */
const ASPECT = 1.16;

/** The fill: quantized steps of the value, darker = better, no data in grey; the legend beside the map or under it. */
function mapColour(data: MapChartData, narrow: boolean, plotWidth: number, legendTitle: string[]) {
  const legendFormat = `,.${Math.min(2, data.decimals)}f`;
  return {
    condition: { test: 'datum.value === null || !isValid(datum.value)', value: NO_DATA },
    field: 'value',
    type: 'quantitative',
    title: legendTitle,
    legend: {
      format: legendFormat,
      orient: narrow ? 'bottom' : 'right',
      direction: narrow ? 'horizontal' : 'vertical',
      titleLimit: 0,
      labelFontSize: 11,
      labelOverlap: 'greedy',
      labelSeparation: 8,
      gradientLength: narrow ? Math.min(plotWidth - 20, 280) : GRADIENT,
    },
    // Darker = better: the scheme is reversed when lower values are better.
    scale: {
      type: 'quantize',
      scheme: { name: SEQUENTIAL_SCHEME, count: STEPS },
      reverse: data.direction !== 'lower',
      nice: false,
    },
  };
}

/**
 * A choropleth of the ASEAN+3 countries from Natural Earth 1:50m shapes (world-atlas), cut down
 * by scripts/build-map-geometry.ts. Countries without a value are drawn in grey, never coloured.
 * The map fills the width left by the legend beside it (under it on a phone), up to 900 px tall,
 * past which it would only gain blank sides; its height follows the shapes' aspect.
 */
export function mapChart(data: MapChartData, frame: ChartFrame, options: { highlight?: Highlight } = {}): TopLevelSpec {
  const { lang } = frame;
  const format = numberFormat(data.decimals);
  const lookup = { lookup: 'iso3', from: { data: { values: data.rows }, key: 'iso3', fields: ['value', 'year'] } };
  // Under 560 px the legend goes under the map, so the map keeps the whole width.
  const narrow = frame.width < 560;
  const plotWidth = narrow
    ? frame.width - 24
    : Math.round(Math.min(900 / ASPECT, Math.max(150, frame.width - LEGEND_ROOM - 12)));
  const legendTitle = wrapText(data.unit, narrow ? plotWidth - 10 : LEGEND_ROOM - 44, 12, true);
  const colour = mapColour(data, narrow, plotWidth, legendTitle);
  const tooltip = [
    { field: 'name', type: 'nominal', title: label(lang, 'country') },
    { field: 'value', type: 'quantitative', title: label(lang, 'value'), format },
    { field: 'year', type: 'ordinal', title: label(lang, 'year') },
  ];
  const stroke = options.highlight?.length
    ? { condition: { test: highlightTest(options.highlight), value: '#000000' }, value: 'white' }
    : { value: 'white' };
  const body = {
    projection: { type: 'mercator' },
    layer: [
      {
        data: { values: geometry.features },
        transform: [
          { calculate: 'datum.properties.iso3', as: 'iso3' },
          lookup,
          { calculate: countryNameExpression(lang), as: 'name' },
        ],
        // invalid: 'show' keeps countries without a value on the map (in grey) instead of dropping them.
        mark: { type: 'geoshape', strokeWidth: 0.8, tooltip: true, invalid: 'show' },
        encoding: { color: colour, stroke, tooltip },
      },
      {
        data: { values: SMALL_COUNTRY_MARKERS },
        transform: [lookup, { calculate: countryNameExpression(lang), as: 'name' }],
        mark: { type: 'circle', size: 90, stroke: MUTED, strokeWidth: 1, opacity: 1, tooltip: true, invalid: 'show' },
        encoding: {
          longitude: { field: 'lon', type: 'quantitative' },
          latitude: { field: 'lat', type: 'quantitative' },
          color: colour,
          tooltip,
        },
      },
    ],
  };
  // On a narrow map the legend beside it can be taller than the map: the footer goes under whichever is lower.
  const height = Math.round(plotWidth * ASPECT);
  const bottom = narrow
    ? 17 * legendTitle.length + 56
    : Math.max(10, 17 * legendTitle.length + GRADIENT + 24 - height + 10);
  return framed(body, { ...frame, height }, { left: 0, bottom, plotWidth });
}
