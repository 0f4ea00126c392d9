import type { TopLevelSpec } from 'vega-lite';
import { type ChartFrame, framed } from './frame.ts';
import { countryNameExpression, type Lang, label } from './locale.ts';
import { labelRoom } from './ranking.ts';
import { countryColourScale, type Highlight } from './theme.ts';

export interface YesNoChartData {
  /** Values are answers: 1 = yes, 0 = no. `year` null: the text states no year. */
  rows: { iso3: string; value: number; year: number | null }[];
}

const ROW = 24;
/** Pixels between the Yes and No columns at most: further apart, the eye loses the row between a name and its dot. */
const COLUMN_STEP = 100;
/** The chart's padding on each side (frame.ts) and room for the dot beside the labels. */
const EDGE = 2 * 6 + 4;

/**
 * Where the two columns stand: COLUMN_STEP apart, the first half a step from the country names,
 * whatever the chart's width; a plot too narrow for that keeps vega's even spread.
 */
export function answerColumns(plotWidth: number): { range: number[]; padding: number } | Record<string, never> {
  if (plotWidth <= 2 * COLUMN_STEP) return {};
  return { range: [COLUMN_STEP / 2, (3 * COLUMN_STEP) / 2], padding: 0 };
}

export function yesNoChart(
  data: YesNoChartData,
  frame: ChartFrame,
  options: { highlight?: Highlight } = {},
): TopLevelSpec {
  const { lang } = frame;
  const yes = label(lang, 'yes');
  const no = label(lang, 'no');
  const iso3s = data.rows.map((r) => r.iso3);
  const mixedYears = new Set(data.rows.map((r) => r.year)).size > 1;
  const yearText = `(datum.year === null ? ${JSON.stringify(label(lang, 'yearNotStated'))} : datum.year)`;
  const left = labelRoom(iso3s, lang, suffixOf(data, lang));
  const answer = {
    field: 'answer',
    type: 'nominal',
    scale: { domain: [yes, no], ...answerColumns(frame.width - left - EDGE) },
    title: null,
  };
  const country = {
    field: 'label',
    type: 'nominal',
    // Yes first, then no; alphabetical within each answer in the chart's language.
    sort: { field: 'order', order: 'ascending' },
    title: null,
    axis: { labelLimit: 0 },
  };
  const body = {
    data: { values: data.rows },
    transform: [
      { calculate: countryNameExpression(lang), as: 'name' },
      { calculate: `datum.value === 1 ? ${JSON.stringify(yes)} : ${JSON.stringify(no)}`, as: 'answer' },
      { calculate: mixedYears ? `datum.name + ' (' + ${yearText} + ')'` : 'datum.name', as: 'label' },
      { calculate: `(datum.value === 1 ? '0' : '1') + datum.name`, as: 'order' },
    ],
    layer: [
      {
        mark: { type: 'point', size: 170, strokeWidth: 2, opacity: 1, tooltip: true },
        encoding: {
          x: {
            ...answer,
            axis: {
              orient: 'top',
              labelAngle: 0,
              labelFontSize: 12,
              labelFontWeight: 'bold',
              domain: false,
              ticks: false,
            },
          },
          y: country,
          color: { field: 'iso3', type: 'nominal', scale: countryColourScale(iso3s, options.highlight), legend: null },
          fill: {
            field: 'answer',
            type: 'nominal',
            scale: { domain: [yes, no], range: ['#1A1A1A', 'white'] },
            legend: null,
          },
          tooltip: [
            { field: 'name', type: 'nominal', title: label(lang, 'country') },
            { field: 'answer', type: 'nominal', title: label(lang, 'value') },
            { field: 'year', type: 'ordinal', title: label(lang, 'year') },
          ],
        },
      },
    ],
  };
  return framed(
    body,
    { ...frame, height: Math.max(60, ROW * data.rows.length) },
    // Fitted to the frame like every chart: a plot sized here left the title and footer clipped in the explorer.
    { left, bottom: 10 },
  );
}

/** The widest year suffix a label may carry, so the label column is measured with it. */
function suffixOf(data: YesNoChartData, lang: Lang): string {
  if (new Set(data.rows.map((r) => r.year)).size <= 1) return '';
  return ` (${data.rows.some((r) => r.year === null) ? label(lang, 'yearNotStated') : '2024'})`;
}
