import type { TopLevelSpec } from 'vega-lite';
import { renderPdf } from './pdf.ts';
import { outlineText, renderPng } from './png.ts';
import { chartSize, renderSvg } from './svg.ts';

/**
 * Every image a chart route serves, by name: the functions the render pool's threads run. Each
 * takes plain, structured-cloneable arguments (a spec, numbers) and returns text or bytes.
 * A chart is laid out at its spec's width; `scale` is the PNG's device pixels per CSS pixel.
 */
export const RENDERERS = {
  svg: (spec: TopLevelSpec) => renderSvg(spec),
  /** The SVG's size without writing it: for the chart JSON's iframe snippets. */
  size: (spec: TopLevelSpec) => chartSize(spec),
  'svg-paths': async (spec: TopLevelSpec) => outlineText(await renderSvg(spec)),
  png: async (spec: TopLevelSpec, scale = 1) => renderPng(await renderSvg(spec), scale),
  pdf: async (spec: TopLevelSpec) => renderPdf(await renderSvg(spec)),
};

export type Renderers = typeof RENDERERS;
export type RendererName = keyof Renderers;
export type RendererArgs<N extends RendererName> = Parameters<Renderers[N]>;
export type RendererResult<N extends RendererName> = Awaited<ReturnType<Renderers[N]>>;
