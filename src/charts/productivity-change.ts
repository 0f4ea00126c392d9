import type { TopLevelSpec } from 'vega-lite';
import { axisTitle, type ChartFrame, framed } from './frame.ts';
import { countryName, countryNameExpression, formatPercentChange as percentChange, type Lang } from './locale.ts';
import { labelRoom } from './ranking.ts';
import { countryColourScale, type Highlight } from './theme.ts';

/** One country of the productivity-change chart: its Malmquist index and the two factors it is the product of. */
export interface ProductivityChangeRow {
  iso3: string;
  malmquist: number;
  efficiencyChange: number;
  technicalChange: number;
}

export interface ProductivityChangeData {
  /** Best first, as /v1/efficiency/change sorts them. */
  rows: ProductivityChangeRow[];
  /** The group's geometric mean of the index; null with fewer than 3 countries (not drawn). */
  geometricMean: number | null;
  from: number;
  to: number;
}

const MEASURES = ['malmquist', 'efficiency_change', 'technical_change'] as const;

const WORDS = {
  en: {
    malmquist: 'Productivity change (Malmquist index)',
    efficiency_change: 'Efficiency change (catching up)',
    technical_change: 'Technical change (frontier shift)',
    axis: (from: number, to: number) => `Change from ${from} to ${to} (log scale; 0 % = no change)`,
    mean: 'group geometric mean',
    short: ['Malmquist index', 'Efficiency change', 'Technical change'],
  },
  vi: {
    malmquist: 'Thay đổi năng suất (chỉ số Malmquist)',
    efficiency_change: 'Thay đổi hiệu quả (bắt kịp)',
    technical_change: 'Thay đổi công nghệ (dịch chuyển đường biên)',
    axis: (from: number, to: number) => `Thay đổi từ ${from} đến ${to} (thang log; 0 % = không đổi)`,
    mean: 'trung bình nhân của nhóm',
    short: ['Chỉ số Malmquist', 'Thay đổi hiệu quả', 'Thay đổi công nghệ'],
  },
} as const;

const ROW = 30;

/** Room right of a row's rightmost mark for its caption ("+26,5 %" at 11 px and its gap). */
const CAPTION_ROOM = 58;

/**
 * The x domain on the log scale: every value and 1 (no change), padded by 4 % on the left and on
 * the right by as much as the captions need at this plot width, so no caption runs off the chart.
 */
function ratioDomain(rows: readonly ProductivityChangeRow[], mean: number | null, plotWidth: number): [number, number] {
  const values = [1, ...rows.flatMap((r) => [r.malmquist, r.efficiencyChange, r.technicalChange])];
  if (mean !== null) values.push(mean);
  const low = Math.log(Math.min(...values) / 1.04);
  const high = Math.log(Math.max(...values));
  const share = Math.min(0.6, CAPTION_ROOM / Math.max(1, plotWidth));
  return [Math.exp(low), Math.exp(high + ((high - low) * share) / (1 - share))];
}

/**
 * Each country's Malmquist index as a bar from "no change" with a filled dot at its end, and its
 * two factors as open shapes on the same row: the index is their product, so on a log scale the
 * two factors' distances from 0 % add up to the bar. Shapes, not colours, tell the measures apart,
 * so the chart reads in greyscale print. The group's geometric mean is a dashed rule (3 countries or more).
 */
export function productivityChangeChart(
  data: ProductivityChangeData,
  frame: ChartFrame,
  options: { highlight?: Highlight } = {},
): TopLevelSpec {
  const { lang } = frame;
  const w = WORDS[lang];
  const iso3s = data.rows.map((r) => r.iso3);
  const order = Object.fromEntries(iso3s.map((iso3, i) => [iso3, i]));
  const values = data.rows.map((r) => ({
    iso3: r.iso3,
    order: order[r.iso3],
    malmquist: r.malmquist,
    efficiency_change: r.efficiencyChange,
    technical_change: r.technicalChange,
    right: Math.max(r.malmquist, r.efficiencyChange, r.technicalChange, 1),
    caption: percentChange(r.malmquist, lang),
  }));
  const left = labelRoom(iso3s, lang);
  const plotWidth = frame.width - left - 16;
  const domain = ratioDomain(data.rows, data.geometricMean, plotWidth);
  // A narrow chart names the measures without their glosses, so the legend fits its width.
  const narrow = frame.width < 480;
  const measureLabel = (m: (typeof MEASURES)[number], i: number) => (narrow ? w.short[i] : w[m]) as string;
  // Every layer shares one log scale; only the bar layer carries the axis and its title.
  const x = (field: string) => ({ field, type: 'quantitative', scale: { type: 'log', domain, nice: false } });
  const y = { field: 'name', type: 'nominal', sort: { field: 'order', order: 'ascending' }, title: null };
  const colour = { field: 'iso3', type: 'nominal', scale: countryColourScale(iso3s, options.highlight), legend: null };
  const shapeLabels = MEASURES.map(measureLabel);
  const layers: Record<string, unknown>[] = [
    {
      // "No change": the rule every bar starts from.
      data: { values: [{ one: 1 }] },
      mark: { type: 'rule', color: '#222222', strokeWidth: 1 },
      encoding: { x: x('one') },
    },
    {
      mark: { type: 'bar', height: 8 },
      encoding: {
        y,
        x: {
          ...x('malmquist'),
          title: axisTitle(w.axis(data.from, data.to), plotWidth),
          axis: {
            labelExpr:
              "abs(datum.value - 1) < 1e-9 ? '0 %' : (datum.value > 1 ? '+' : '') + format(datum.value - 1, '.0%')",
            tickCount: 6,
          },
        },
        x2: { datum: 1 },
        color: colour,
        tooltip: [
          { field: 'name', type: 'nominal', title: lang === 'vi' ? 'Quốc gia' : 'Country' },
          { field: 'caption', type: 'nominal', title: w.malmquist },
          { field: 'efficiency_change', type: 'quantitative', title: w.efficiency_change, format: '.3f' },
          { field: 'technical_change', type: 'quantitative', title: w.technical_change, format: '.3f' },
        ],
      },
    },
    {
      // The three measures as shapes, with the legend that names them.
      transform: [
        { fold: [...MEASURES], as: ['measure', 'ratio'] },
        {
          calculate: `{malmquist: ${JSON.stringify(shapeLabels[0])}, efficiency_change: ${JSON.stringify(shapeLabels[1])}, technical_change: ${JSON.stringify(shapeLabels[2])}}[datum.measure]`,
          as: 'measure_label',
        },
      ],
      mark: { type: 'point', filled: false, strokeWidth: 1.6, size: 70, color: '#222222' },
      encoding: {
        y,
        x: x('ratio'),
        shape: {
          field: 'measure_label',
          type: 'nominal',
          scale: { domain: shapeLabels, range: ['circle', 'triangle-up', 'square'] },
          legend: { orient: 'top', title: null, direction: 'vertical', labelLimit: 0, symbolStrokeWidth: 1.6 },
        },
      },
    },
    {
      // The index's own dot, filled in the country's colour over its outline.
      mark: { type: 'point', filled: true, size: 60, opacity: 1 },
      encoding: { y, x: x('malmquist'), color: colour },
    },
    {
      mark: { type: 'text', align: 'left', dx: 9, fontSize: 11, color: '#222222' },
      encoding: { y, x: x('right'), text: { field: 'caption', type: 'nominal' } },
    },
  ];
  if (data.geometricMean !== null) {
    const mean = { mean: data.geometricMean, caption: `${w.mean} ${percentChange(data.geometricMean, lang)}` };
    layers.push(
      {
        data: { values: [mean] },
        mark: { type: 'rule', color: '#555555', strokeDash: [4, 3], strokeWidth: 1.2 },
        encoding: { x: x('mean') },
      },
      {
        data: { values: [mean] },
        mark: { type: 'text', align: 'center', dy: -4, baseline: 'bottom', fontSize: 11, color: '#222222' },
        encoding: { x: x('mean'), y: { value: 0 }, text: { field: 'caption', type: 'nominal' } },
      },
    );
  }
  const body = {
    data: { values },
    transform: [{ calculate: countryNameExpression(lang), as: 'name' }],
    layer: layers,
  };
  // Tick labels take about 30 px under the plot, then each line of the wrapped axis title 19 px.
  const axisLines = axisTitle(w.axis(data.from, data.to), plotWidth).length;
  return framed(
    body,
    { ...frame, height: Math.max(60, ROW * data.rows.length) },
    { left, bottom: 32 + 19 * axisLines },
  );
}

/**
 * Alt text: who rose most and who fell most, the group's mean, and the highlighted country's
 * decomposition: "From 2016 to 2022 productivity rose most in Viet Nam (+12.3 %) …".
 */
export function describeProductivityChange(data: ProductivityChangeData, lang: Lang, focus?: string): string {
  const name = (iso3: string) => countryName(iso3, lang);
  const first = data.rows[0];
  const last = data.rows.at(-1);
  if (!first || !last)
    return lang === 'vi' ? 'Không có nước nào có đủ số liệu ở cả hai năm.' : 'No country has data in both years.';
  const pc = (r: number) => percentChange(r, lang);
  const parts: string[] =
    lang === 'vi'
      ? [
          `Từ ${data.from} đến ${data.to}, năng suất của ${data.rows.length} nước thay đổi từ ${pc(last.malmquist)} (${name(last.iso3)}) đến ${pc(first.malmquist)} (${name(first.iso3)}).`,
        ]
      : [
          `From ${data.from} to ${data.to}, productivity in the ${data.rows.length} countries compared changed by between ${pc(last.malmquist)} (${name(last.iso3)}) and ${pc(first.malmquist)} (${name(first.iso3)}).`,
        ];
  if (data.geometricMean !== null)
    parts.push(
      lang === 'vi'
        ? `Trung bình nhân của nhóm: ${pc(data.geometricMean)}.`
        : `Group geometric mean: ${pc(data.geometricMean)}.`,
    );
  const f = data.rows.find((r) => r.iso3 === focus);
  if (f)
    parts.push(
      lang === 'vi'
        ? `${name(f.iso3)}: ${pc(f.malmquist)}, gồm thay đổi hiệu quả ${pc(f.efficiencyChange)} và thay đổi công nghệ ${pc(f.technicalChange)}.`
        : `${name(f.iso3)}: ${pc(f.malmquist)}, from efficiency change ${pc(f.efficiencyChange)} and technical change ${pc(f.technicalChange)}.`,
    );
  return parts.join(' ');
}
