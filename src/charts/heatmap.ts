import type { TopLevelSpec } from 'vega-lite';
import { type ChartFrame, framed } from './frame.ts';
import { countryNameExpression, label, type Lang } from './locale.ts';
import { labelRoom } from './ranking.ts';
import { textWidth, wrapText } from './text-measure.ts';
import { type Highlight, highlightTest, NO_DATA, SEQUENTIAL_SCHEME } from './theme.ts';

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
  /** Indicator codes in column order, with their names. */
  indicators: { code: string; name: string }[];
  countryOrder: string[];
}

const ROW = 28;
const HEADER_SIZE = 11;
const MAX_HEADER_LINES = 3;
const HEADER_LINE = 15;

/**
 * Column headers that fit their column: the indicator's name wrapped on up to three lines, or its
 * code when a word of the name is wider than the column; `vertical` when even a code is too wide.
 * The full name is always in the tooltip.
 */
export function columnHeaders(indicators: readonly { code: string; name: string }[], cellWidth: number) {
  const room = cellWidth - 6;
  const fits = (line: string) => textWidth(line, HEADER_SIZE) <= room;
  const wrapped = indicators.map((i) => wrapText(i.name, room, HEADER_SIZE));
  if (wrapped.every((lines) => lines.length <= MAX_HEADER_LINES && lines.every(fits))) {
    // Vega writes a multi-line label downwards from its anchor: shorter headers get blank first
    // lines, so every header ends on the same line, just above the cells.
    const lines = Math.max(...wrapped.map((w) => w.length));
    const padded = wrapped.map((w) => [...Array<string>(lines - w.length).fill(''), ...w]);
    return { vertical: false, lines, headers: Object.fromEntries(indicators.map((i, k) => [i.code, padded[k]])) };
  }
  const codes = Object.fromEntries(indicators.map((i) => [i.code, [i.code]]));
  return { vertical: !indicators.every((i) => fits(i.code)), lines: 1, headers: codes };
}

type ColumnHeaders = ReturnType<typeof columnHeaders>;

/** The columns (indicators, headed by their wrapped or vertical names) and rows (countries, in the caller's order). */
function heatmapAxes(data: HeatmapChartData, headers: ColumnHeaders) {
  const { vertical, lines, headers: labels } = headers;
  return {
    x: {
      field: 'indicator',
      type: 'nominal',
      title: null,
      sort: data.indicators.map((i) => i.code),
      axis: {
        orient: 'top',
        labelAngle: vertical ? -90 : 0,
        labelAlign: vertical ? 'left' : 'center',
        labelBaseline: vertical ? 'middle' : 'bottom',
        labelExpr: `${JSON.stringify(labels)}[datum.value]`,
        labelFontSize: HEADER_SIZE,
        labelLineHeight: HEADER_LINE,
        labelLimit: 0,
        labelPadding: 6 + (lines - 1) * HEADER_LINE,
        grid: false,
        domain: false,
        ticks: false,
      },
    },
    y: {
      field: 'name',
      type: 'nominal',
      title: null,
      sort: { field: 'sortKey' },
      axis: { grid: false, domain: false, ticks: false, labelLimit: 0 },
    },
  };
}

/** The cells: coloured by score (darker = better), no data in grey, highlighted countries outlined. */
function heatmapCellLayer(lang: Lang, highlight: Highlight | undefined) {
  return {
    // invalid: 'show' keeps cells without a value (drawn as "no data") instead of dropping them.
    mark: { type: 'rect', stroke: 'white', tooltip: true, invalid: 'show' },
    encoding: {
      color: {
        condition: { test: 'datum.score === null', value: NO_DATA },
        field: 'score',
        type: 'quantitative',
        // Every cell carries its score: the legend would only repeat it.
        legend: null,
        // Darker = better, as on the map.
        scale: { scheme: SEQUENTIAL_SCHEME, domain: [0, 100], reverse: true },
      },
      stroke: highlight?.length
        ? { condition: { test: highlightTest(highlight), value: '#000000' }, value: 'white' }
        : { value: 'white' },
      strokeWidth: highlight?.length
        ? { condition: { test: highlightTest(highlight), value: 2.5 }, value: 1 }
        : { value: 1 },
      tooltip: [
        { field: 'name', type: 'nominal', title: label(lang, 'country') },
        { field: 'indicatorLabel', type: 'nominal', title: label(lang, 'indicator') },
        { field: 'value', type: 'quantitative', title: label(lang, 'value') },
        { field: 'year', type: 'ordinal', title: label(lang, 'year') },
        { field: 'score', type: 'quantitative', title: label(lang, 'score'), format: '.1f' },
      ],
    },
  };
}

/** Each cell's score written in it, white on the dark cells. */
function heatmapTextLayer() {
  return {
    mark: { type: 'text', fontSize: 11, invalid: 'show' },
    encoding: {
      text: { field: 'cellText', type: 'nominal' },
      // Reversed viridis is dark from a score of about 55 up: white there, near-black on the light cells.
      color: { condition: { test: 'datum.score !== null && datum.score >= 55', value: 'white' }, value: '#111111' },
    },
  };
}

/** Country × indicator, coloured by the min-max score within the group, raw value in the tooltip. */
export function heatmapChart(
  data: HeatmapChartData,
  frame: ChartFrame,
  options: { highlight?: Highlight } = {},
): TopLevelSpec {
  const { lang } = frame;
  const left = labelRoom(data.countryOrder, lang);
  const cellWidth = (frame.width - left - 16) / Math.max(1, data.indicators.length);
  const columns = columnHeaders(data.indicators, cellWidth);
  const { lines, headers } = columns;
  const noData = textWidth(label(lang, 'noData'), 10) + 6 <= cellWidth ? label(lang, 'noData') : '–';
  const body = {
    data: { values: data.cells },
    transform: [
      { calculate: countryNameExpression(lang), as: 'name' },
      { calculate: `datum.score === null ? '${noData}' : format(datum.score, '.0f')`, as: 'cellText' },
    ],
    encoding: heatmapAxes(data, columns),
    layer: [heatmapCellLayer(lang, options.highlight), heatmapTextLayer()],
  };
  // Rows keep the order of countryOrder (best composite first, as the caller decides).
  const order = Object.fromEntries(data.countryOrder.map((iso3, i) => [iso3, i]));
  (body.transform as unknown[]).push({ calculate: `${JSON.stringify(order)}[datum.iso3]`, as: 'sortKey' });
  // Columns headed by codes: the subtitle says which indicator each code is.
  const key = lines === 1 && data.indicators.some((i) => headers[i.code]?.[0] === i.code && i.name !== i.code);
  const subtitle = key
    ? [...frame.subtitle, data.indicators.map((i) => `${i.code}: ${i.name}`).join(' · ')]
    : frame.subtitle;
  return framed(body, { ...frame, subtitle, height: ROW * data.countryOrder.length }, { left, bottom: 10 });
}
