import type { TopLevelSpec } from 'vega-lite';
import { axisFormat, type ChartFrame, framed, numberFormat } from './frame.ts';
import { countryName, countryNameExpression, label, type Lang } from './locale.ts';
import { textWidth } from './text-measure.ts';
import { countryColourScale, type Highlight } from './theme.ts';

export interface RankingChartData {
  /** `year` null: a value whose text states no year, labelled so. */
  rows: { iso3: string; value: number; year: number | null; rank: number }[];
  median: number | null;
  /** null: the indicator has no better direction; bars are sorted by value, never called a rank. */
  direction: 'higher' | 'lower' | null;
  decimals: number;
  scale?: string;
  unit: string;
}

export interface ChartOptions {
  highlight?: Highlight;
  /** Replace the inline data with a live data URL (the matching /v1 endpoint). */
  dataUrl?: { url: string; property: string };
}

const BAR_ROW = 24;

/** Widest country label of a chart, for the room left of the plot. */
export function labelRoom(iso3s: readonly string[], lang: 'en' | 'vi', suffix = ''): number {
  return Math.ceil(Math.max(40, ...iso3s.map((iso3) => textWidth(countryName(iso3, lang) + suffix, 11)))) + 10;
}

/** The group median: a dashed rule across the bars and its value written above the plot. */
function medianLayers(median: number, lang: Lang, format: string): Record<string, unknown>[] {
  return [
    {
      data: { values: [{ median }] },
      mark: { type: 'rule', color: '#222222', strokeDash: [4, 3], strokeWidth: 1.5 },
      encoding: { x: { field: 'median', type: 'quantitative' } },
    },
    {
      // The median's caption sits above the plot, where no bar label can be.
      data: { values: [{ median }] },
      mark: { type: 'text', align: 'center', dy: -4, baseline: 'bottom', fontSize: 11, color: '#222222' },
      transform: [{ calculate: `'${label(lang, 'median')} ' + format(datum.median, '${format}')`, as: 'caption' }],
      encoding: {
        x: { field: 'median', type: 'quantitative' },
        y: { value: 0 },
        text: { field: 'caption', type: 'nominal' },
      },
    },
  ];
}

/** A sorted bar chart, best at the top (largest at the top for a neutral indicator), with the group median marked. */
export function rankingChart(data: RankingChartData, frame: ChartFrame, options: ChartOptions = {}): TopLevelSpec {
  const { lang } = frame;
  const iso3s = data.rows.map((r) => r.iso3);
  const format = numberFormat(data.decimals);
  const mixedYears = new Set(data.rows.map((r) => r.year)).size > 1;
  const tooltip = [
    { field: 'name', type: 'nominal', title: label(lang, 'country') },
    { field: 'value', type: 'quantitative', title: label(lang, 'value'), format },
    { field: 'year', type: 'ordinal', title: label(lang, 'year') },
  ];
  if (data.direction !== null) tooltip.push({ field: 'rank', type: 'ordinal', title: label(lang, 'rank') });
  const bars = {
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: {
        field: 'label',
        type: 'nominal',
        sort: data.direction === null ? { field: 'value', order: 'descending' } : { field: 'rank', order: 'ascending' },
        title: null,
        axis: { labelLimit: 0 },
      },
      x: {
        field: 'value',
        type: 'quantitative',
        title: data.unit,
        axis: { format: axisFormat(data.scale, data.decimals), tickMinStep: data.scale === 'rank' ? 1 : undefined },
      },
      color: { field: 'iso3', type: 'nominal', scale: countryColourScale(iso3s, options.highlight), legend: null },
      tooltip,
    },
  };
  const layers: Record<string, unknown>[] = [bars];
  if (data.median !== null) layers.push(...medianLayers(data.median, lang, format));
  const body = {
    data: options.dataUrl
      ? { url: options.dataUrl.url, format: { type: 'json', property: options.dataUrl.property } }
      : { values: data.rows },
    transform: [
      { calculate: countryNameExpression(lang), as: 'name' },
      // When values come from different years (latest=true), each label says its year.
      {
        calculate: mixedYears
          ? `datum.name + ' (' + (datum.year === null ? ${JSON.stringify(label(lang, 'yearNotStated'))} : datum.year) + ')'`
          : 'datum.name',
        as: 'label',
      },
    ],
    layer: layers,
  };
  return framed(
    body,
    { ...frame, height: Math.max(60, BAR_ROW * data.rows.length) },
    {
      left: labelRoom(
        iso3s,
        lang,
        mixedYears ? ` (${data.rows.some((r) => r.year === null) ? label(lang, 'yearNotStated') : '2024'})` : '',
      ),
      bottom: 40,
    },
  );
}
