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
  /** The peer group: the map is framed on it; the other ASEAN+3 countries are pale context. */
  members: readonly string[];
  /** Values are yes (1) / no (0) answers: two fills named in the legend, never a gradient. */
  answers?: boolean;
}

/** Countries too small to see at this scale get a marker too (longitude, latitude). */
const SMALL_COUNTRY_MARKERS = [
  { iso3: 'SGP', lon: 103.82, lat: 1.35 },
  { iso3: 'BRN', lon: 114.73, lat: 4.54 },
];

/**
 * Where each country's code is written (longitude, latitude): on land the label fits in, or beside
 * the marker of a country too small to hold it (Singapore, Brunei, Timor-Leste). Codes, not names:
 * the same in both languages, short enough for Singapore.
 */
const LABEL_POINTS: Readonly<Record<string, readonly [number, number]>> = {
  MMR: [96.0, 21.6],
  THA: [101.0, 15.6],
  LAO: [102.7, 19.6],
  KHM: [104.9, 12.8],
  VNM: [105.4, 22.0],
  MYS: [102.2, 4.4],
  SGP: [104.9, 0.6],
  BRN: [114.7, 5.7],
  IDN: [113.6, -0.8],
  PHL: [121.4, 16.4],
  TLS: [126.0, -10.0],
  CHN: [103.0, 33.0],
  JPN: [138.6, 36.6],
  KOR: [127.9, 36.3],
};

/**
 * The islands of the East Sea (longitude, latitude of the main features): far too small for the
 * 1:50m shapes, which drop them, so they are drawn as dots and named, as atlases do at this scale.
 * Drawn in the neutral grey of the map's context, never in a country's colour.
 */
const ISLANDS = [
  ...(
    [
      [112.33, 16.83],
      [111.6, 16.53],
      [112.73, 16.67],
      [111.2, 15.78],
      [111.75, 16.45],
    ] as const
  ).map(([lon, lat]) => ({ lon, lat, group: 'paracels' as const })),
  ...(
    [
      [111.92, 8.64],
      [114.36, 10.38],
      [114.28, 11.05],
      [114.33, 11.43],
      [114.33, 9.88],
      [113.84, 7.37],
      [112.92, 7.89],
    ] as const
  ).map(([lon, lat]) => ({ lon, lat, group: 'spratlys' as const })),
];
/** Each group's name on two lines, above its dots, clear of the Vietnamese and Philippine coasts. */
const ISLAND_LABELS = [
  { key: 'paracels', lon: 112.0, lat: 17.7, baseline: 'bottom' },
  { key: 'spratlys', lon: 113.4, lat: 13.0, baseline: 'middle' },
] as const;

/** "Quần đảo Hoàng Sa" → ["Quần đảo", "Hoàng Sa"]; "Paracel Islands" → ["Paracel", "Islands"]. */
function islandName(name: string): string[] {
  const words = name.split(' ');
  const half = Math.ceil(words.length / 2);
  return [words.slice(0, half).join(' '), words.slice(half).join(' ')];
}

/** The pale fill of the countries outside the group, drawn for context only. */
const CONTEXT_FILL = '#F4F4F4';
const ISLAND_COLOUR = '#8A8A8A';
/**
 * The narrowest map whose country codes and island names do not run into each other (Thailand,
 * Cambodia, Laos, Viet Nam; the two island groups): narrower, the tooltip and the alt text name them.
 */
const MIN_LABELLED_WIDTH = 440;
/** Degrees of sea kept around the group's shapes. */
const MARGIN_DEGREES = 1.5;

type Bounds = { west: number; south: number; east: number; north: number };

/** Every [longitude, latitude] of a GeoJSON geometry's nested coordinate arrays. */
function* positions(coordinates: unknown): Generator<[number, number]> {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === 'number') yield coordinates as [number, number];
  else for (const inner of coordinates) yield* positions(inner);
}

const boundsCache = new Map<string, Bounds>();

/** The box around the group's shapes, with a margin of sea: what the map is framed on. */
function groupBounds(members: readonly string[]): Bounds {
  const key = [...members].sort().join(',');
  const cached = boundsCache.get(key);
  if (cached) return cached;
  const box = { west: 180, south: 90, east: -180, north: -90 };
  for (const feature of geometry.features) {
    if (!members.includes(feature.properties.iso3)) continue;
    for (const [lon, lat] of positions(feature.geometry.coordinates)) {
      box.west = Math.min(box.west, lon);
      box.east = Math.max(box.east, lon);
      box.south = Math.min(box.south, lat);
      box.north = Math.max(box.north, lat);
    }
  }
  const bounds =
    box.west > box.east
      ? { west: 92, south: -11, east: 146, north: 46 }
      : {
          west: box.west - MARGIN_DEGREES,
          south: box.south - MARGIN_DEGREES,
          east: box.east + MARGIN_DEGREES,
          north: box.north + MARGIN_DEGREES,
        };
  boundsCache.set(key, bounds);
  return bounds;
}

/** Height over width of a box in the Mercator projection. */
function mercatorAspect(b: Bounds): number {
  const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  return (y(b.north) - y(b.south)) / (((b.east - b.west) * Math.PI) / 180);
}

/** Colour steps: enough that neighbours with different values get different colours, few enough to tell apart. */
const STEPS = 7;
/** Room the legend takes beside the map. */
const LEGEND_ROOM = 150;
/** The legend's colour bar: long enough for seven steps with a label each. */
const GRADIENT = 160;

/** Fills of the two answers of a yes/no indicator: dark and light, told apart in greyscale print too. */
const ANSWER_FILLS = ['#31688E', '#B5DE2B'];

/** The fill of a yes/no indicator: its answer, named in the legend; no data in grey. */
function answerColour(narrow: boolean, legendTitle: string[], lang: 'en' | 'vi') {
  return {
    condition: { test: 'datum.value === null || !isValid(datum.value)', value: NO_DATA },
    field: 'answer',
    type: 'nominal',
    title: legendTitle,
    legend: { orient: narrow ? 'bottom' : 'right', titleLimit: 0, labelFontSize: 11, symbolType: 'square' },
    scale: { domain: [label(lang, 'yes'), label(lang, 'no')], range: ANSWER_FILLS },
  };
}

/** A yes/no value's answer in the chart's language, for the fill and the tooltip. */
function answerTransform(lang: 'en' | 'vi') {
  const [yes, no] = [JSON.stringify(label(lang, 'yes')), JSON.stringify(label(lang, 'no'))];
  return { calculate: `datum.value === 1 ? ${yes} : datum.value === 0 ? ${no} : null`, as: 'answer' };
}

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
 * by scripts/build-map-geometry.ts, framed on the peer group (the other countries pale and cut at
 * the frame), each member labelled by its code, the islands of the East Sea drawn as dots and
 * named, and the boundaries disclaimer in the footer. Members without a value are drawn in grey, never coloured.
 * The map fills the width left by the legend beside it (under it on a phone), up to 900 px tall,
 * past which it would only gain blank sides; its height follows the shapes' aspect.
 */
export function mapChart(data: MapChartData, frame: ChartFrame, options: { highlight?: Highlight } = {}): TopLevelSpec {
  const { lang } = frame;
  const format = numberFormat(data.decimals);
  const lookup = { lookup: 'iso3', from: { data: { values: data.rows }, key: 'iso3', fields: ['value', 'year'] } };
  const bounds = groupBounds(data.members);
  const aspect = mercatorAspect(bounds);
  // Under 560 px the legend goes under the map, so the map keeps the whole width.
  const narrow = frame.width < 560;
  const plotWidth = narrow
    ? frame.width - 24
    : Math.round(Math.min(900 / aspect, Math.max(150, frame.width - LEGEND_ROOM - 12)));
  const legendTitle = wrapText(data.unit, narrow ? plotWidth - 10 : LEGEND_ROOM - 44, 12, true);
  const colour = data.answers
    ? answerColour(narrow, legendTitle, lang)
    : mapColour(data, narrow, plotWidth, legendTitle);
  const answer = data.answers ? [answerTransform(lang)] : [];
  const tooltip = [
    { field: 'name', type: 'nominal', title: label(lang, 'country') },
    data.answers
      ? { field: 'answer', type: 'nominal', title: label(lang, 'value') }
      : { field: 'value', type: 'quantitative', title: label(lang, 'value'), format },
    { field: 'year', type: 'ordinal', title: label(lang, 'year') },
  ];
  const stroke = options.highlight?.length
    ? { condition: { test: highlightTest(options.highlight), value: '#000000' }, value: 'white' }
    : { value: 'white' };
  const strokeWidth = options.highlight?.length
    ? { condition: { test: highlightTest(options.highlight), value: 2.2 }, value: 0.8 }
    : { value: 0.8 };
  const isMember = `indexof(${JSON.stringify(data.members)}, datum.iso3) >= 0`;
  const position = {
    longitude: { field: 'lon', type: 'quantitative' },
    latitude: { field: 'lat', type: 'quantitative' },
  };
  const labels = (plotWidth < MIN_LABELLED_WIDTH ? [] : data.members)
    .filter((iso3) => LABEL_POINTS[iso3])
    .map((iso3) => ({ iso3, lon: LABEL_POINTS[iso3]?.[0], lat: LABEL_POINTS[iso3]?.[1] }));
  const labelText = { type: 'text', clip: true, fontSize: 10, fontWeight: 'bold' } as const;
  const body = {
    // Framed on the group: the corners of its box (a MultiPoint, so the frame is exactly that box).
    projection: {
      type: 'mercator',
      fit: {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'MultiPoint',
          coordinates: [
            [bounds.west, bounds.south],
            [bounds.east, bounds.north],
          ],
        },
      },
    },
    layer: [
      {
        data: { values: geometry.features },
        transform: [{ calculate: 'datum.properties.iso3', as: 'iso3' }, { filter: `!(${isMember})` }],
        mark: { type: 'geoshape', clip: true, fill: CONTEXT_FILL, stroke: 'white', strokeWidth: 0.8 },
      },
      {
        data: { values: geometry.features },
        transform: [
          { calculate: 'datum.properties.iso3', as: 'iso3' },
          { filter: isMember },
          lookup,
          ...answer,
          { calculate: countryNameExpression(lang), as: 'name' },
        ],
        // invalid: 'show' keeps members without a value on the map (in grey) instead of dropping them.
        mark: { type: 'geoshape', clip: true, tooltip: true, invalid: 'show' },
        encoding: { color: colour, stroke, strokeWidth, tooltip },
      },
      {
        data: { values: SMALL_COUNTRY_MARKERS },
        transform: [{ filter: isMember }, lookup, ...answer, { calculate: countryNameExpression(lang), as: 'name' }],
        mark: {
          type: 'circle',
          clip: true,
          size: 90,
          stroke: MUTED,
          strokeWidth: 1,
          opacity: 1,
          tooltip: true,
          invalid: 'show',
        },
        encoding: { ...position, color: colour, tooltip },
      },
      {
        data: { values: ISLANDS },
        mark: { type: 'circle', clip: true, size: 6, color: ISLAND_COLOUR, opacity: 1 },
        encoding: position,
      },
      ...(plotWidth < MIN_LABELLED_WIDTH ? [] : ISLAND_LABELS).map(({ key, lon, lat, baseline }) => ({
        data: { values: [{ lon, lat, text: islandName(label(lang, key)) }] },
        mark: {
          type: 'text',
          clip: true,
          fontSize: 10,
          fontStyle: 'italic',
          color: '#595959',
          lineHeight: 14,
          baseline,
        },
        encoding: { ...position, text: { field: 'text' } },
      })),
      // Each code twice: a white halo under dark text, readable on every colour of the scale.
      {
        data: { values: labels },
        mark: { ...labelText, stroke: 'white', strokeWidth: 3, strokeJoin: 'round', color: 'white' },
        encoding: { ...position, text: { field: 'iso3' } },
      },
      {
        data: { values: labels },
        mark: { ...labelText, color: '#1A1A1A' },
        encoding: { ...position, text: { field: 'iso3' } },
      },
    ],
  };
  // On a narrow map the legend beside it can be taller than the map: the footer goes under whichever is lower.
  const height = Math.round(plotWidth * aspect);
  const bottom = narrow
    ? 17 * legendTitle.length + 56
    : Math.max(10, 17 * legendTitle.length + GRADIENT + 24 - height + 10);
  return framed(body, { ...frame, height }, { left: 0, bottom, plotWidth });
}
