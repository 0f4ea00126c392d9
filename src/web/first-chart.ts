import type { AppDeps } from '../app-deps.ts';
import { chartQuery } from '../http/chart-params.ts';
import { svgRenderer } from '../render/chart-renderer.ts';
import { buildChart } from '../services/chart.ts';
import { chartParams, drawnType } from './explorer/chart-query.ts';
import { readState } from './explorer/state.ts';

/**
 * The two widths the first chart is drawn at, each shown by the stylesheet below or above 600 px:
 * a phone gets a chart laid out for it, never a desktop chart shrunk to unreadable text. The
 * heights follow the explorer's own rule (0.55 of the width, 220–460 px).
 */
const FIRST_PAINT_SIZES = [
  { name: 'narrow', width: 360, height: 220 },
  { name: 'wide', width: 720, height: 396 },
] as const;

export interface FirstChart {
  /** The explorer's box the chart goes in. */
  target: 'chart' | 'map';
  /** The chart at each width, as the SVG /v1/charts/{type}.svg gives. */
  svgs: { name: string; svg: string }[];
}

/**
 * The chart of the view a URL opens, drawn on the server, so the page shows it in its HTML before
 * the chart library arrives (on a slow phone, seconds before). The explorer replaces it with the
 * interactive chart once vega has loaded. Null when the view has no chart to draw (a table tab, a
 * scatter with one indicator) or the query cannot be drawn: the explorer then draws it as before.
 */
export async function firstChart(deps: AppDeps, search: string, origin: string): Promise<FirstChart | null> {
  const state = readState(search);
  if (state.tab !== 'chart' && state.tab !== 'map') return null;
  const type = drawnType(state);
  const renderer = deps.renderer ?? svgRenderer;
  try {
    const svgs = await Promise.all(
      FIRST_PAINT_SIZES.map(async ({ name, width, height }) => {
        const params = chartParams(state, { width, height }, null);
        if (!params) return null;
        const query = chartQuery.safeParse(Object.fromEntries(params));
        if (!query.success) return null;
        const built = await buildChart(deps, type, { ...query.data, data: 'inline' }, origin);
        return { name: name as string, svg: await renderer.render('svg', built.spec) };
      }),
    );
    const drawn = svgs.filter((s): s is { name: string; svg: string } => s !== null);
    return drawn.length === FIRST_PAINT_SIZES.length ? { target: state.tab, svgs: drawn } : null;
  } catch {
    // An unknown indicator or an empty selection: the explorer says so once it has loaded.
    return null;
  }
}
