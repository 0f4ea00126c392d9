import type { TopLevelSpec } from 'vega-lite';
import { axisFormat, type ChartFrame, framed, numberFormat } from './frame.ts';
import { paddedDomain } from './label-dodge.ts';
import { countryName, countryNameExpression, label, type Lang } from './locale.ts';
import { textWidth } from './text-measure.ts';
import { countryColourScale, type Highlight } from './theme.ts';
import { NUMERIC_AXIS_ROOM } from './timeseries.ts';

export interface ScatterChartData {
  points: { iso3: string; x: number; y: number; xYear: number; yYear: number }[];
  /** Axis titles, already broken into lines that fit. */
  xTitle: string[];
  yTitle: string[];
  xDecimals: number;
  yDecimals: number;
  xScale?: string;
  yScale?: string;
  trend: boolean;
}

type Placement = 'right' | 'left' | 'above' | 'below';
const PLACEMENTS: Record<Placement, { align: string; baseline: string; dx: number; dy: number }> = {
  right: { align: 'left', baseline: 'middle', dx: 8, dy: 0 },
  left: { align: 'right', baseline: 'middle', dx: -8, dy: 0 },
  above: { align: 'center', baseline: 'bottom', dx: 0, dy: -7 },
  below: { align: 'center', baseline: 'top', dx: 0, dy: 7 },
};
const LABEL_HEIGHT = 16;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

function boxFor(px: number, py: number, width: number, where: Placement): Box {
  const { dx, dy } = PLACEMENTS[where];
  const cx = px + dx;
  const cy = py + dy;
  if (where === 'right') return { x0: cx, y0: cy - LABEL_HEIGHT / 2, x1: cx + width, y1: cy + LABEL_HEIGHT / 2 };
  if (where === 'left') return { x0: cx - width, y0: cy - LABEL_HEIGHT / 2, x1: cx, y1: cy + LABEL_HEIGHT / 2 };
  if (where === 'above') return { x0: cx - width / 2, y0: cy - LABEL_HEIGHT, x1: cx + width / 2, y1: cy };
  return { x0: cx - width / 2, y0: cy, x1: cx + width / 2, y1: cy + LABEL_HEIGHT };
}

/**
 * Greedy label placement on the plot's pixel grid: each country's name goes right of, left of,
 * above or below its point, wherever it hits no other label, no point and stays on the plot.
 * A name that fits nowhere is left to the tooltip rather than drawn over another.
 */
export function placeLabels(
  points: readonly { iso3: string; x: number; y: number; name?: string }[],
  lang: Lang,
  plot: { width: number; height: number; x: { lo: number; hi: number }; y: { lo: number; hi: number } },
): { iso3: string; x: number; y: number; name: string; placement: Placement }[] {
  const px = (v: number) => ((v - plot.x.lo) / (plot.x.hi - plot.x.lo)) * plot.width;
  const py = (v: number) => ((plot.y.hi - v) / (plot.y.hi - plot.y.lo)) * plot.height;
  const taken: Box[] = points.map((p) => ({ x0: px(p.x) - 5, y0: py(p.y) - 5, x1: px(p.x) + 5, y1: py(p.y) + 5 }));
  const placed: { iso3: string; x: number; y: number; name: string; placement: Placement }[] = [];
  // Points far from the centre first: they have the fewest free sides.
  for (const p of points) {
    const name = p.name ?? countryName(p.iso3, lang);
    const width = textWidth(name, 11) + 2;
    const inside = (b: Box) => b.x0 >= 0 && b.x1 <= plot.width && b.y0 >= 0 && b.y1 <= plot.height;
    const where = (Object.keys(PLACEMENTS) as Placement[]).find((w) => {
      const box = boxFor(px(p.x), py(p.y), width, w);
      return inside(box) && !taken.some((t) => overlaps(t, box));
    });
    if (!where) continue;
    taken.push(boxFor(px(p.x), py(p.y), width, where));
    placed.push({ iso3: p.iso3, x: p.x, y: p.y, name, placement: where });
  }
  return placed;
}

/** Text layers naming each point where its name hits nothing (see placeLabels), for a plot with fixed domains. */
export function pointLabelLayers(
  points: readonly { iso3: string; x: number; y: number; name?: string }[],
  frame: ChartFrame,
  axes: { x: unknown; y: unknown; xDomain: { lo: number; hi: number }; yDomain: { lo: number; hi: number } },
) {
  const plotWidth = Math.max(120, frame.width - NUMERIC_AXIS_ROOM - 24);
  const labels = placeLabels(points, frame.lang, {
    width: plotWidth,
    height: frame.height,
    x: axes.xDomain,
    y: axes.yDomain,
  });
  return (Object.keys(PLACEMENTS) as Placement[])
    .filter((where) => labels.some((l) => l.placement === where))
    .map((where) => ({
      data: { values: labels.filter((l) => l.placement === where) },
      mark: { type: 'text', fontSize: 11, ...PLACEMENTS[where] },
      encoding: { x: axes.x, y: axes.y, text: { field: 'name', type: 'nominal' } },
    }));
}

/** Both axes over the padded range of the points, with as many x ticks as the width holds. */
function scatterAxes(data: ScatterChartData, frame: ChartFrame) {
  const xDomain = paddedDomain(data.points.map((p) => p.x));
  const yDomain = paddedDomain(data.points.map((p) => p.y));
  const x = {
    field: 'x',
    type: 'quantitative',
    title: data.xTitle,
    axis: {
      format: axisFormat(data.xScale, data.xDecimals),
      labelOverlap: 'greedy',
      tickCount: Math.max(3, Math.round((frame.width - 100) / 80)),
    },
    scale: { domain: [xDomain.lo, xDomain.hi], nice: false, zero: false },
  };
  const y = {
    field: 'y',
    type: 'quantitative',
    title: data.yTitle,
    axis: { format: axisFormat(data.yScale, data.yDecimals) },
    scale: { domain: [yDomain.lo, yDomain.hi], nice: false, zero: false },
  };
  return { x, y, xDomain, yDomain };
}

/** Indicator against indicator, one labelled point per country, with an optional linear trend. */
export function scatterChart(
  data: ScatterChartData,
  frame: ChartFrame,
  options: { highlight?: Highlight } = {},
): TopLevelSpec {
  const { lang } = frame;
  const iso3s = data.points.map((p) => p.iso3);
  const axes = scatterAxes(data, frame);
  const { x, y } = axes;
  const labelLayers = pointLabelLayers(data.points, frame, axes);
  const layers: Record<string, unknown>[] = [
    {
      mark: { type: 'point', filled: true, size: 80, opacity: 0.9, tooltip: true },
      encoding: {
        x,
        y,
        color: { field: 'iso3', type: 'nominal', scale: countryColourScale(iso3s, options.highlight), legend: null },
        tooltip: [
          { field: 'name', type: 'nominal', title: label(lang, 'country') },
          { field: 'x', type: 'quantitative', title: data.xTitle.join(' '), format: numberFormat(data.xDecimals) },
          { field: 'xYear', type: 'ordinal', title: `${label(lang, 'year')} (x)` },
          { field: 'y', type: 'quantitative', title: data.yTitle.join(' '), format: numberFormat(data.yDecimals) },
          { field: 'yYear', type: 'ordinal', title: `${label(lang, 'year')} (y)` },
        ],
      },
    },
    ...labelLayers,
  ];
  if (data.trend && data.points.length >= 3) {
    layers.unshift({
      transform: [{ regression: 'y', on: 'x' }],
      mark: { type: 'line', color: '#777777', strokeDash: [5, 4], strokeWidth: 1.5 },
      encoding: { x, y },
    });
  }
  const body = {
    data: { values: data.points },
    transform: [{ calculate: countryNameExpression(lang), as: 'name' }],
    layer: layers,
  };
  return framed(body, frame, {
    left: NUMERIC_AXIS_ROOM + 17 * (data.yTitle.length - 1),
    bottom: 24 + 17 * data.xTitle.length,
  });
}
