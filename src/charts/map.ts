import type { TopLevelSpec } from 'vega-lite';
import { type ChartFrame, framed, numberFormat } from './frame.ts';
import { countryNameExpression, label } from './locale.ts';
import geometry from './map-geometry.json' with { type: 'json' };
import { MUTED, NO_DATA, SEQUENTIAL_SCHEME } from './theme.ts';

export interface MapChartData {
  rows: { iso3: string; value: number; year: number }[];
  decimals: number;
  unit: string;
  direction: 'higher' | 'lower';
}

/** Countries too small to see at this scale get a marker too (longitude, latitude). */
const SMALL_COUNTRY_MARKERS = [
  { iso3: 'SGP', lon: 103.82, lat: 1.35 },
  { iso3: 'BRN', lon: 114.73, lat: 4.54 },
];

/**
 * A choropleth of the ASEAN+3 countries from Natural Earth 1:50m shapes (world-atlas), cut down
 * by scripts/build-map-geometry.ts. Countries without a value are drawn in grey, never coloured.
 */
export function mapChart(data: MapChartData, frame: ChartFrame, options: { highlight?: string } = {}): TopLevelSpec {
  const { lang } = frame;
  const format = numberFormat(data.decimals);
  const lookup = { lookup: 'iso3', from: { data: { values: data.rows }, key: 'iso3', fields: ['value', 'year'] } };
  const colour = {
    condition: { test: 'datum.value === null || !isValid(datum.value)', value: NO_DATA },
    field: 'value',
    type: 'quantitative',
    title: data.unit,
    legend: { format, orient: 'right' },
    // Darker = better: the scheme is reversed when lower values are better.
    scale: { scheme: SEQUENTIAL_SCHEME, reverse: data.direction === 'higher' },
  };
  const tooltip = [
    { field: 'name', type: 'nominal', title: label(lang, 'country') },
    { field: 'value', type: 'quantitative', title: label(lang, 'value'), format },
    { field: 'year', type: 'ordinal', title: label(lang, 'year') },
  ];
  const stroke = options.highlight
    ? { condition: { test: `datum.iso3 === '${options.highlight}'`, value: '#000000' }, value: 'white' }
    : { value: 'white' };
  const body = {
    width: frame.width,
    height: frame.height,
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
  return framed(body, frame);
}
