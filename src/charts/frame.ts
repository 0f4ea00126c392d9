import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from './locale.ts';
import { wrapText } from './text-measure.ts';
import { chartConfig } from './theme.ts';

/** What every chart carries besides its marks. */
export interface ChartFrame {
  lang: Lang;
  title: string;
  /** Peer group, year(s), normalisation: one line each. */
  subtitle: string[];
  /** Members without data, then source, licence and release lines. */
  footer: string[];
  /** Alt text, generated from the data. */
  description: string;
  /** The whole chart's width in CSS pixels: axes, labels, legend and padding included. */
  width: number;
  /** The plot's height in CSS pixels. */
  height: number;
}

/** Room the builder expects around the plot: left of it (axis labels) and under it (axis) before the footer. */
export interface PlotMargins {
  left: number;
  bottom: number;
  /** A plot the builder sized itself (a map keeps its aspect): no fitting, the chart may be narrower than the frame. */
  plotWidth?: number;
}

export const TITLE_SIZE = 16;
export const SUBTITLE_SIZE = 12;
export const FOOTER_SIZE = 10;
const FOOTER_LINE_HEIGHT = 14.5;
const PADDING = 6;

/** Vega text does not wrap: titles and footers are broken at spaces to fit the chart's width. */
export function wrapLines(lines: readonly string[], width: number, fontSize: number, bold = false): string[] {
  return lines.flatMap((line) => wrapText(line, width, fontSize, bold));
}

function titleOf(frame: ChartFrame) {
  const room = frame.width - 2 * PADDING - 4;
  return {
    text: wrapLines([frame.title], room, TITLE_SIZE, true),
    subtitle: wrapLines(frame.subtitle, room, SUBTITLE_SIZE),
  };
}

function footerLinesOf(frame: ChartFrame): string[] {
  return wrapLines(frame.footer, frame.width - 2 * PADDING - 4, FOOTER_SIZE);
}

const footerMark = () => ({
  type: 'text',
  align: 'left',
  baseline: 'top',
  fontSize: FOOTER_SIZE,
  color: '#555555',
  lineHeight: FOOTER_LINE_HEIGHT,
});

function top(frame: ChartFrame, rest: Record<string, unknown>): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: frame.description,
    title: titleOf(frame),
    config: chartConfig(frame.lang),
    padding: PADDING,
    usermeta: { lang: frame.lang, description: frame.description },
    ...rest,
  } as unknown as TopLevelSpec;
}

/**
 * A layered chart body fitted to the frame's width: vega shrinks the plot until axes, labels,
 * legend and footer fit in `frame.width` (autosize fit-x), so nothing is clipped at any width.
 * The source footer is a text layer under the plot, flush with the chart's left edge.
 */
export function framed(body: Record<string, unknown>, frame: ChartFrame, margins: PlotMargins): TopLevelSpec {
  const lines = footerLinesOf(frame);
  const footer = {
    data: { values: [{}] },
    mark: { ...footerMark(), x: { expr: `-${margins.left}` }, y: { expr: `height + ${margins.bottom}` } },
    encoding: { text: { value: lines } },
  };
  // The body stays a layer of its own, so its data, transforms and encodings never reach the footer.
  return top(frame, {
    layer: [body, footer],
    width: margins.plotWidth ?? frame.width,
    height: frame.height,
    autosize: margins.plotWidth ? { type: 'pad', contains: 'padding' } : { type: 'fit-x', contains: 'padding' },
  });
}

/**
 * For bodies vega cannot fit (facets, maps that keep their aspect): the builder sizes the plot
 * itself and the footer is a second view under it.
 */
export function framedStack(body: Record<string, unknown>, frame: ChartFrame, left = 40): TopLevelSpec {
  // The footer view lines up with the plots, right of their axes: it is that much narrower.
  const lines = wrapLines(frame.footer, frame.width - 2 * PADDING - 4 - left, FOOTER_SIZE);
  const footer = {
    data: { values: [{}] },
    mark: footerMark(),
    encoding: { text: { value: lines }, x: { value: 0 }, y: { value: 0 } },
    width: Math.max(50, frame.width - 2 * PADDING - left),
    height: FOOTER_LINE_HEIGHT * lines.length,
  };
  return top(frame, { vconcat: [body, footer], spacing: 16, autosize: { type: 'pad', contains: 'padding' } });
}

/** d3-format string for an indicator's number of decimals, with thousands separators (tooltips, labels). */
export function numberFormat(decimals: number): string {
  return `,.${decimals}f`;
}

/**
 * Axis ticks fall on round numbers, so they never need the indicator's full precision: trailing
 * zeros are trimmed (0.2, not 0.2000), shares read as percentages, ranks as whole numbers.
 */
export function axisFormat(scale: string | undefined, decimals: number): string {
  if (scale === 'share') return '.0%';
  if (scale === 'rank' || scale === 'count' || scale === 'source-count') return ',d';
  return `,.${Math.min(decimals, 3)}~f`;
}

/** Estimated height of everything above and below the plot, so a snippet can size its frame before the chart draws. */
export function chromeHeight(frame: ChartFrame, margins: PlotMargins): number {
  const { text, subtitle } = titleOf(frame);
  return (
    2 * PADDING + text.length * 21 + subtitle.length * 16 + 14 + margins.bottom + 14 * footerLinesOf(frame).length + 8
  );
}

/** An axis title broken into lines that fit along the axis (vega would otherwise run it past the chart). */
export function axisTitle(text: string, room: number): string[] {
  return wrapText(text, Math.max(80, room), 12, true);
}
