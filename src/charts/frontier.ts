import type { TopLevelSpec } from 'vega-lite';
import type { EfficiencyMethod } from '../domain/efficiency/types.ts';
import { axisFormat, axisTitle, type ChartFrame, framed, numberFormat } from './frame.ts';
import { paddedDomain } from './label-dodge.ts';
import { labelRoom } from './ranking.ts';
import { pointLabelLayers } from './scatter.ts';
import { NUMERIC_AXIS_ROOM } from './timeseries.ts';
import { countryName, countryNameExpression, formatNumber, label, type Lang } from './locale.ts';
import { countryColourScale } from './theme.ts';

/** One country on the frontier chart: its (first) input and output, score and leave-one-out range. */
export interface FrontierPoint {
  iso3: string;
  x: number;
  y: number;
  score: number;
  low: number;
  high: number;
  onFrontier: boolean;
  targetX: number;
  targetY: number;
  /** The Simar–Wilson 95 % interval and bias-corrected score, where the answer has them. */
  intervalLow?: number;
  intervalHigh?: number;
  biasCorrected?: number;
}

export interface FrontierChartData {
  method: EfficiencyMethod;
  points: FrontierPoint[];
  /** Two dimensions (one input, one output): a frontier plot; more: ranked scores. */
  twoDimensional: boolean;
  xTitle: string;
  yTitle: string;
  xDecimals: number;
  yDecimals: number;
}

const WORDS = {
  en: {
    score: 'Efficiency score (1 = on the frontier)',
    range: 'leave-one-out range',
    interval: '95 % interval (bootstrap)',
    biasCorrected: 'bias-corrected score',
    target: 'target',
    frontier: 'frontier',
  },
  vi: {
    score: 'Điểm hiệu quả (1 = trên biên)',
    range: 'khoảng khi bỏ từng nước',
    interval: 'khoảng tin cậy 95 % (bootstrap)',
    biasCorrected: 'điểm đã hiệu chỉnh độ chệch',
    target: 'mục tiêu',
    frontier: 'biên hiệu quả',
  },
} as const;

/**
 * The frontier as a path through the efficient countries, sorted by input: a staircase for FDH
 * (only observed countries are benchmarks), straight segments for DEA-VRS (convex mixes), and the
 * ray from the origin through the best output/input ratio for DEA-CRS. Free disposal extends it
 * down from the cheapest and right from the most productive efficient country.
 */
export function frontierPath(
  method: EfficiencyMethod,
  points: readonly FrontierPoint[],
): { x: number; y: number; order: number }[] {
  const maxX = Math.max(...points.map((p) => p.x));
  if (method === 'dea-crs') {
    const ratio = Math.max(...points.map((p) => p.y / p.x));
    return [
      { x: 0, y: 0, order: 0 },
      { x: maxX, y: ratio * maxX, order: 1 },
    ];
  }
  const minY = Math.min(...points.map((p) => p.y));
  const efficient = points.filter((p) => p.onFrontier).sort((a, b) => a.x - b.x || a.y - b.y);
  const first = efficient[0] as FrontierPoint;
  const last = efficient.at(-1) as FrontierPoint;
  const path = [{ x: first.x, y: minY }, ...efficient.map((p) => ({ x: p.x, y: p.y })), { x: maxX, y: last.y }];
  return path.map((p, order) => ({ ...p, order }));
}

/** Both axes over fixed domains (the CRS ray starts at 0), so names can be placed where they collide with nothing. */
function frontierAxes(data: FrontierChartData, frame: ChartFrame) {
  const zero = data.method === 'dea-crs';
  const domainOf = (values: number[]) => {
    const d = paddedDomain(zero ? [0, ...values] : values);
    return zero ? { lo: 0, hi: d.hi } : d;
  };
  const xDomain = domainOf(data.points.flatMap((p) => [p.x, p.targetX]));
  const yDomain = domainOf(data.points.flatMap((p) => [p.y, p.targetY]));
  const x = {
    field: 'x',
    type: 'quantitative',
    title: axisTitle(data.xTitle, frame.width - 100),
    axis: { format: axisFormat(undefined, data.xDecimals), labelOverlap: 'greedy' },
    scale: { domain: [xDomain.lo, xDomain.hi], nice: false, zero: false },
  };
  const y = {
    field: 'y',
    type: 'quantitative',
    title: axisTitle(data.yTitle, frame.height),
    axis: { format: axisFormat(undefined, data.yDecimals) },
    scale: { domain: [yDomain.lo, yDomain.hi], nice: false, zero: false },
  };
  return { x, y, xDomain, yDomain };
}

type FrontierAxes = ReturnType<typeof frontierAxes>;

/** The frontier line, then each country as a point (diamond on the frontier) with its score in the tooltip. */
function frontierLayers(data: FrontierChartData, { x, y }: FrontierAxes, lang: Lang, highlight?: string) {
  const iso3s = data.points.map((p) => p.iso3);
  return [
    {
      data: { values: frontierPath(data.method, data.points) },
      mark: {
        type: 'line',
        color: '#444444',
        strokeWidth: 2,
        interpolate: data.method === 'fdh' ? 'step-after' : 'linear',
      },
      encoding: { x, y, order: { field: 'order', type: 'quantitative' } },
    },
    {
      mark: { type: 'point', filled: true, size: 90, tooltip: true },
      encoding: {
        x,
        y,
        color: {
          field: 'iso3',
          type: 'nominal',
          scale: countryColourScale(iso3s, highlight ? [highlight] : undefined),
          legend: null,
        },
        shape: {
          field: 'onFrontier',
          type: 'nominal',
          scale: { domain: [true, false], range: ['diamond', 'circle'] },
          legend: null,
        },
        tooltip: [
          { field: 'name', type: 'nominal', title: label(lang, 'country') },
          { field: 'x', type: 'quantitative', title: data.xTitle, format: numberFormat(data.xDecimals) },
          { field: 'y', type: 'quantitative', title: data.yTitle, format: numberFormat(data.yDecimals) },
          { field: 'score', type: 'quantitative', title: WORDS[lang].score, format: '.3f' },
        ],
      },
    },
  ];
}

/** The highlighted country's path to its target on the frontier: a dashed rule and a cross. */
function targetLayers(focus: FrontierPoint, { x, y }: FrontierAxes, lang: Lang): Record<string, unknown>[] {
  const target = [{ x: focus.x, y: focus.y, x2: focus.targetX, y2: focus.targetY, caption: WORDS[lang].target }];
  return [
    {
      data: { values: target },
      mark: { type: 'rule', color: '#222222', strokeDash: [4, 3], strokeWidth: 1.5 },
      encoding: { x, y, x2: { field: 'x2' }, y2: { field: 'y2' } },
    },
    {
      data: { values: target },
      mark: { type: 'point', shape: 'cross', size: 120, color: '#222222', filled: true },
      encoding: { x: { ...x, field: 'x2' }, y: { ...y, field: 'y2' } },
    },
  ];
}

function frontierPlot(data: FrontierChartData, frame: ChartFrame, highlight?: string): Record<string, unknown> {
  const { lang } = frame;
  const axes = frontierAxes(data, frame);
  const layers: Record<string, unknown>[] = frontierLayers(data, axes, lang, highlight);
  const focus = data.points.find((p) => p.iso3 === highlight);
  const hasTarget = focus && (focus.targetX !== focus.x || focus.targetY !== focus.y);
  // The target's caption is placed with the country names, so it collides with none of them.
  const named = hasTarget
    ? [...data.points, { iso3: '', x: focus.targetX, y: focus.targetY, name: WORDS[lang].target }]
    : data.points;
  layers.push(...pointLabelLayers(named, frame, axes));
  if (focus && (focus.targetX !== focus.x || focus.targetY !== focus.y))
    layers.push(...targetLayers(focus, axes, lang));
  return {
    data: { values: data.points },
    transform: [{ calculate: countryNameExpression(lang), as: 'name' }],
    layer: layers,
  };
}

function rankedScores(data: FrontierChartData, frame: ChartFrame, highlight?: string): Record<string, unknown> {
  const { lang } = frame;
  const iso3s = data.points.map((p) => p.iso3);
  const yAxis = {
    field: 'name',
    type: 'nominal',
    sort: { field: 'score', op: 'max', order: 'descending' },
    title: null,
  };
  const score = {
    field: 'score',
    type: 'quantitative',
    title: WORDS[lang].score,
    scale: { domain: [0, 1] },
    // Fixed ticks: at a wide width Vega would place them every 0.05 and '.1f' would print each twice.
    axis: { format: '.1f', values: [0, 0.2, 0.4, 0.6, 0.8, 1] },
  };
  // The bootstrap's 95 % interval, with the bias-corrected score as a tick, where the answer has
  // them; otherwise the leave-one-out range.
  const intervals = data.points.every((p) => p.intervalLow !== undefined);
  const [from, to, tick] = intervals ? ['intervalLow', 'intervalHigh', 'biasCorrected'] : ['low', 'high', 'high'];
  const rangeTooltip = intervals
    ? [
        { field: 'biasCorrected', type: 'quantitative', title: WORDS[lang].biasCorrected, format: '.3f' },
        { field: 'intervalLow', type: 'quantitative', title: `${WORDS[lang].interval} (min)`, format: '.3f' },
        { field: 'intervalHigh', type: 'quantitative', title: `${WORDS[lang].interval} (max)`, format: '.3f' },
      ]
    : [
        { field: 'low', type: 'quantitative', title: `${WORDS[lang].range} (min)`, format: '.3f' },
        { field: 'high', type: 'quantitative', title: `${WORDS[lang].range} (max)`, format: '.3f' },
      ];
  return {
    data: { values: data.points },
    transform: [{ calculate: countryNameExpression(lang), as: 'name' }],
    layer: [
      {
        mark: { type: 'bar', tooltip: true },
        encoding: {
          y: yAxis,
          x: score,
          color: {
            field: 'iso3',
            type: 'nominal',
            scale: countryColourScale(iso3s, highlight ? [highlight] : undefined),
            legend: null,
          },
          tooltip: [
            { field: 'name', type: 'nominal', title: label(lang, 'country') },
            { field: 'score', type: 'quantitative', title: WORDS[lang].score, format: '.3f' },
            ...rangeTooltip,
          ],
        },
      },
      {
        mark: { type: 'rule', color: '#222222', strokeWidth: 1.5 },
        encoding: { y: yAxis, x: { field: from, type: 'quantitative' }, x2: { field: to } },
      },
      {
        mark: { type: 'tick', color: '#222222', thickness: 2, size: 12 },
        encoding: { y: yAxis, x: { field: tick, type: 'quantitative' } },
      },
    ],
  };
}

/** One input and one output: the countries, the frontier and the highlighted country's target. More: ranked scores with their leave-one-out range. */
export function frontierChart(
  data: FrontierChartData,
  frame: ChartFrame,
  options: { highlight?: string } = {},
): TopLevelSpec {
  if (data.twoDimensional) {
    const titles = {
      x: axisTitle(data.xTitle, frame.width - 100).length,
      y: axisTitle(data.yTitle, frame.height).length,
    };
    return framed(frontierPlot(data, frame, options.highlight), frame, {
      left: NUMERIC_AXIS_ROOM + 17 * (titles.y - 1),
      bottom: 24 + 17 * titles.x,
    });
  }
  return framed(
    rankedScores(data, frame, options.highlight),
    { ...frame, height: Math.max(60, 24 * data.points.length) },
    {
      left: labelRoom(
        data.points.map((p) => p.iso3),
        frame.lang,
      ),
      bottom: 40,
    },
  );
}

/** Alt text from the numbers: who is on the frontier, the focus (or lowest) country's score, range and gap. */
export function describeFrontier(
  data: {
    points: FrontierPoint[];
    summaries: Record<string, string>;
    leftOut: string[];
    warning: string | null;
    /** The years compared, and each frontier country there only by construction, in words. */
    notes?: string[];
  },
  lang: Lang,
  focus?: string,
): string {
  if (data.points.length === 0) return lang === 'vi' ? 'Không có số liệu.' : 'No data.';
  const fmt = (v: number) => formatNumber(v, 2, lang);
  const names = (iso3s: string[]) => iso3s.map((iso3) => countryName(iso3, lang)).join(', ');
  const frontier = data.points.filter((p) => p.onFrontier).map((p) => p.iso3);
  const sorted = [...data.points].sort((a, b) => a.score - b.score);
  const chosen = data.points.find((p) => p.iso3 === focus) ?? (sorted[0] as FrontierPoint);
  const range = chosen.high > chosen.low ? ` (${fmt(chosen.low)}–${fmt(chosen.high)})` : '';
  const summary = data.summaries[chosen.iso3] ?? '';
  const lead =
    lang === 'vi'
      ? `${data.points.length} nước; trên biên hiệu quả: ${names(frontier)}. ${countryName(chosen.iso3, lang)} đạt ${fmt(chosen.score)}${range}. ${summary}`
      : `${data.points.length} countries; on the frontier: ${names(frontier)}. ${countryName(chosen.iso3, lang)} scores ${fmt(chosen.score)}${range}. ${summary}`;
  const leftOut =
    data.leftOut.length === 0
      ? ''
      : ` ${lang === 'vi' ? 'Không có đủ số liệu' : 'Left out for lack of data'}: ${names(data.leftOut)}.`;
  const notes = (data.notes ?? []).map((note) => ` ${note}`).join('');
  return `${lead}${leftOut}${data.warning ? ` ${data.warning}` : ''}${notes}`;
}
