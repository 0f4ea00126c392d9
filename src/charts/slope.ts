import type { TopLevelSpec } from 'vega-lite';
import { type ChartFrame, framed, numberFormat } from './frame.ts';
import { dodge, paddedDomain } from './label-dodge.ts';
import { countryName, countryNameExpression, formatNumber, label } from './locale.ts';
import type { ChartOptions } from './ranking.ts';
import { countryColourScale } from './theme.ts';
import { type SeriesChartData, seriesData } from './timeseries.ts';

/** Year A → year B for each country: only countries with both years are drawn as slopes. */
export function slopeChart(
  data: SeriesChartData & { fromYear: number; toYear: number },
  frame: ChartFrame,
  options: ChartOptions = {},
): TopLevelSpec {
  const { lang } = frame;
  const decimals = data.field === 'value' ? data.decimals : 1;
  const format = numberFormat(decimals);
  const byCountry = new Map<string, { a?: number; b?: number }>();
  for (const r of data.rows) {
    const entry = byCountry.get(r.iso3) ?? {};
    if (r.year === data.fromYear) entry.a = r.value;
    if (r.year === data.toYear) entry.b = r.value;
    byCountry.set(r.iso3, entry);
  }
  const both = [...byCountry].filter(([, v]) => v.a !== undefined && v.b !== undefined) as [
    string,
    { a: number; b: number },
  ][];
  const iso3s = both.map(([iso3]) => iso3);
  const domain = paddedDomain(both.flatMap(([, v]) => [v.a, v.b]));
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
  const labels = both.flatMap(([iso3, v], i) => [
    { iso3, year: data.fromYear, labelY: leftY[i], caption: formatNumber(v.a, decimals, lang), side: 'left' },
    {
      iso3,
      year: data.toYear,
      labelY: rightY[i],
      caption: `${countryName(iso3, lang)}  ${formatNumber(v.b, decimals, lang)}`,
      side: 'right',
    },
  ]);
  const yScale = { domain: [domain.lo, domain.hi], nice: false, zero: false };
  const x = {
    field: 'year',
    type: 'ordinal',
    title: null,
    axis: { labelAngle: 0, labelFontSize: 13, orient: 'top', domain: false, ticks: false },
    scale: { domain: [data.fromYear, data.toYear], padding: 0.05 },
  };
  const color = { field: 'iso3', type: 'nominal', scale: countryColourScale(iso3s, options.highlight), legend: null };
  const label$ = (side: 'left' | 'right') => ({
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
  });
  const body = {
    data: seriesData(data, options),
    transform: [
      { filter: `datum.year === ${data.fromYear} || datum.year === ${data.toYear}` },
      { joinaggregate: [{ op: 'count', as: 'yearsPresent' }], groupby: ['iso3'] },
      { filter: 'datum.yearsPresent === 2' },
      { calculate: countryNameExpression(lang), as: 'name' },
    ],
    layer: [
      {
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
      },
      label$('left'),
      label$('right'),
    ],
  };
  // The unit, which an axis title would carry, is a subtitle line.
  const subtitle = frame.subtitle.includes(data.unit) ? frame.subtitle : [...frame.subtitle, data.unit];
  return framed(body, { ...frame, subtitle }, { left: 48, bottom: 8 });
}
