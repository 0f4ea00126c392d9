import type { TopLevelSpec } from 'vega-lite';
import { renderPng } from './png.ts';
import { renderSvg } from './svg.ts';

/**
 * Every image a chart route serves, by name: the functions the render pool's threads run. Each
 * takes plain, structured-cloneable arguments (a spec, numbers) and returns text or bytes.
 */
export const RENDERERS = {
  svg: (spec: TopLevelSpec) => renderSvg(spec),
  png: async (spec: TopLevelSpec, width: number) => renderPng(await renderSvg(spec), width),
};

export type RendererName = keyof typeof RENDERERS;
export type RendererArgs<N extends RendererName> = Parameters<(typeof RENDERERS)[N]>;
export type RendererResult<N extends RendererName> = Awaited<ReturnType<(typeof RENDERERS)[N]>>;
