import type { TopLevelSpec } from 'vega-lite';
import { type ChartFrame, framed, numberFormat } from './frame.ts';
import { dodge, paddedDomain } from './label-dodge.ts';
import { countryName, countryNameExpression, formatNumber, label } from './locale.ts';
import type { ChartOptions } from './ranking.ts';
import { countryColourScale } from './theme.ts';
import { type SeriesChartData, seriesData } from './timeseries.ts';

type SlopeData = SeriesChartData & { fromYear: number; toYear: number };
type SlopeLabel = { iso3: string; year: number; labelY: number | undefined; caption: string; side: 'left' | 'right' };

/** Each country's values in the two years: only countries with both are drawn. */
function slopePairs(data: SlopeData): [string, { a: number; b: number }][] {
  const byCountry = new Map<string, { a?: number; b?: number }>();
  for (const r of data.rows) {
    const entry = byCountry.get(r.iso3) ?? {};
    if (r.year === data.fromYear) entry.a = r.value;
    if (r.year === data.toYear) entry.b = r.value;
    byCountry.set(r.iso3, entry);
  }
  return [...byCountry].filter(([, v]) => v.a !== undefined && v.b !== undefined) as [
    string,
    { a: number; b: number },
  ][];
}

/** The value beside each end of a slope, moved apart so that no two overlap; the country's name on the right. */
function slopeLabels(
  both: [string, { a: number; b: number }][],
  domain: ReturnType<typeof paddedDomain>,
  data: SlopeData,
  frame: ChartFrame,
  decimals: number,
): SlopeLabel[] {
  const { lang } = frame;
  const leftY = dodge(
    both.map(([, v]) => v.a),
    domain,
    frame.height,
  );
  const rightY = dodge(
    both.map(([, v]) => v.b),
    domain,
    frame.height,
  );
  return both.flatMap(([iso3, v], i): SlopeLabel[] => [
    { iso3, year: data.fromYear, labelY: leftY[i], caption: formatNumber(v.a, decimals, lang), side: 'left' },
    {
      iso3,
      year: data.toYear,
      labelY: rightY[i],
      caption: `${countryName(iso3, lang)}  ${formatNumber(v.b, decimals, lang)}`,
      side: 'right',
    },
  ]);
}

/** The encodings the lines and labels share: the two years across, the value scale, one colour per country. */
interface SlopeEncodings {
  x: Record<string, unknown>;
  yScale: { domain: number[]; nice: boolean; zero: boolean };
  color: Record<string, unknown>;
}

/** One side's labels as a text layer. */
function slopeLabelLayer(side: 'left' | 'right', labels: SlopeLabel[], { x, yScale, color }: SlopeEncodings) {
  return {
    data: { values: labels.filter((l) => l.side === side) },
    mark: {
      type: 'text',
      align: side === 'left' ? 'right' : 'left',
      baseline: 'middle',
      dx: side === 'left' ? -8 : 8,
      fontSize: 11,
    },
    encoding: {
      x,
      y: { field: 'labelY', type: 'quantitative', scale: yScale, axis: null },
      color,
      text: { field: 'caption' },
    },
  };
}

/** The slopes: one line per country from year A to year B, with a tooltip at each end. */
function slopeLineLayer(data: SlopeData, lang: ChartFrame['lang'], format: string, enc: SlopeEncodings) {
  const { x, yScale, color } = enc;
  return {
    mark: { type: 'line', point: { size: 40 }, strokeWidth: 2, tooltip: true },
    encoding: {
      x,
      y: {
        field: data.field,
        type: 'quantitative',
        // Every value is written beside its point: an axis would only collide with the left labels.
        axis: null,
        scale: yScale,
      },
      color,
      detail: { field: 'iso3', type: 'nominal' },
      tooltip: [
        { field: 'name', type: 'nominal', title: label(lang, 'country') },
        { field: 'year', type: 'ordinal', title: label(lang, 'year') },
        { field: data.field, type: 'quantitative', title: label(lang, 'value'), format },
      ],
    },
  };
}

/** Year A → year B for each country: only countries with both years are drawn as slopes. */
export function slopeChart(data: SlopeData, frame: ChartFrame, options: ChartOptions = {}): TopLevelSpec {
  const { lang } = frame;
  const decimals = data.field === 'value' ? data.decimals : 1;
  const both = slopePairs(data);
  const domain = paddedDomain(both.flatMap(([, v]) => [v.a, v.b]));
  const labels = slopeLabels(both, domain, data, frame, decimals);
  const enc: SlopeEncodings = {
    x: {
      field: 'year',
      type: 'ordinal',
      title: null,
      axis: { labelAngle: 0, labelFontSize: 13, orient: 'top', domain: false, ticks: false },
      scale: { domain: [data.fromYear, data.toYear], padding: 0.05 },
    },
    yScale: { domain: [domain.lo, domain.hi], nice: false, zero: false },
    color: {
      field: 'iso3',
      type: 'nominal',
      scale: countryColourScale(
        both.map(([iso3]) => iso3),
        options.highlight,
      ),
      legend: null,
    },
  };
  const body = {
    data: seriesData(data, options),
    transform: [
      { filter: `datum.year === ${data.fromYear} || datum.year === ${data.toYear}` },
      { joinaggregate: [{ op: 'count', as: 'yearsPresent' }], groupby: ['iso3'] },
      { filter: 'datum.yearsPresent === 2' },
      { calculate: countryNameExpression(lang), as: 'name' },
    ],
    layer: [
      slopeLineLayer(data, lang, numberFormat(decimals), enc),
      slopeLabelLayer('left', labels, enc),
      slopeLabelLayer('right', labels, enc),
    ],
  };
  // The unit, which an axis title would carry, is a subtitle line.
  const subtitle = frame.subtitle.includes(data.unit) ? frame.subtitle : [...frame.subtitle, data.unit];
  return framed(body, { ...frame, subtitle }, { left: 48, bottom: 8 });
}
