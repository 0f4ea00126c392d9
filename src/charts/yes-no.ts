import type { TopLevelSpec } from 'vega-lite';
import { type ChartFrame, framed } from './frame.ts';
import { countryNameExpression, label } from './locale.ts';
import { labelRoom } from './ranking.ts';
import { countryColourScale, type Highlight } from './theme.ts';

export interface YesNoChartData {
  /** Values are answers: 1 = yes, 0 = no. `year` null: the text states no year. */
  rows: { iso3: string; value: number; year: number | null }[];
}

const ROW = 24;

/**
 * The answers of a yes/no indicator as a two-column table of dots: a filled dot under "yes", a
 * hollow one under "no", the yes answers first. No bar, rank or median: a length would give the
 * answers a size, and a median of answers means nothing. Filled against hollow reads in greyscale print.
 */
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
  const answer = { field: 'answer', type: 'nominal', scale: { domain: [yes, no] }, title: null };
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
  const suffix = mixedYears
    ? ` (${data.rows.some((r) => r.year === null) ? label(lang, 'yearNotStated') : '2024'})`
    : '';
  return framed(
    body,
    { ...frame, height: Math.max(60, ROW * data.rows.length) },
    // Fitted to the frame like every chart: a plot sized here left the title and footer clipped in the explorer.
    { left: labelRoom(iso3s, lang, suffix), bottom: 10 },
  );
}
