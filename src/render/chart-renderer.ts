import { Problem } from '../errors.ts';
import type { RendererArgs, RendererName, RendererResult, Renderers } from './renderers.ts';

/** Renders charts: in worker threads on Node (render-pool.ts), in the request's own thread elsewhere. */
export interface ChartRenderer {
  /** Whether this deployment can produce `name` at all (PNG and PDF need Node's native modules). */
  has(name: RendererName): boolean;
  render<N extends RendererName>(name: N, ...args: RendererArgs<N>): Promise<RendererResult<N>>;
  /** Get ready for the first render without waiting for it (threads start loading their modules). */
  warm(): void;
  close(): Promise<void>;
}

const NODE_ONLY =
  'runs on the Node deployment only; this edge deployment serves the spec and SVG. Use .svg, or the Node origin.';

/** How a 501 names each renderer to the user. */
const LABELS: Record<RendererName, string> = {
  svg: 'SVG rendering',
  size: 'Chart layout',
  'svg-paths': 'SVG with text=paths',
  png: 'PNG rendering',
  pdf: 'PDF rendering',
};

/**
 * A renderer that runs in the calling thread, with the renderers it is given: the Worker passes
 * only the SVG ones (resvg and pdfkit stay out of its bundle); tests pass all of them. A missing
 * one answers 501, naming the Node deployment that has it.
 */
export function inThreadRenderer(renderers: Partial<Renderers>): ChartRenderer {
  return {
    has: (name) => renderers[name] !== undefined,
    render: async (name, ...args) => {
      const renderer = renderers[name] as ((...a: unknown[]) => Promise<unknown>) | undefined;
      if (!renderer) throw new Problem(501, 'not_implemented', `${LABELS[name]} ${NODE_ONLY}`);
      return (await renderer(...args)) as never;
    },
    warm: () => {},
    close: async () => {},
  };
}

/**
 * What every deployment can draw in its own thread: the SVG and its size (the default renderer).
 * vega and vega-lite load on the first chart drawn: Node draws in its render pool and never needs
 * them on the main thread, where loading them cost 240 ms of every start.
 */
const svgModule = () => import('./svg.ts');
export const svgRenderer: ChartRenderer = inThreadRenderer({
  svg: async (spec) => (await svgModule()).renderSvg(spec),
  size: async (spec) => (await svgModule()).chartSize(spec),
});
