import * as vega from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { compile, type TopLevelSpec } from 'vega-lite';
import { textWidth } from '../charts/text-measure.ts';

/**
 * Without a canvas vega guesses every character at 0.8 em, so server-side layouts reserved far
 * too much room and cut labels short. Measured with Noto Sans's own advance widths instead, a
 * chart is laid out on the server as the browser lays it out. A label with a limit is as wide as
 * what vega keeps of it (at most the limit).
 */
(vega as unknown as { textMetrics: { width: unknown } }).textMetrics.width = (
  item: { fontSize?: number; fontWeight?: string | number; limit?: number },
  text: unknown,
) => {
  const line = text == null ? '' : String(text).trim();
  const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
  const width = textWidth(line, item.fontSize ?? 11, bold);
  return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
};

/** A loader that refuses to fetch: server-side renders use inline data only. */
const offlineLoader = vega.loader();
offlineLoader.load = async (uri: string) => {
  throw new Error(`server-side chart rendering does not fetch data (${uri})`);
};

/**
 * Workers forbid generating code from strings while handling a request (though not at start-up,
 * so this is asked at the first render, not at import); Node allows it. Vega compiles its
 * expressions with `new Function` where it can (about 1.5x faster) and interprets them elsewhere.
 */
let canCompileExpressions: boolean | undefined;
function expressionsCompile(): boolean {
  if (canCompileExpressions === undefined) {
    try {
      canCompileExpressions = new Function('return true')() === true;
    } catch {
      canCompileExpressions = false;
    }
  }
  return canCompileExpressions;
}

/** Vega's headless View of a Vega-Lite spec (no DOM, no canvas, no fetching). */
function headlessView(spec: TopLevelSpec): vega.View {
  const { spec: vegaSpec } = compile(spec);
  return expressionsCompile()
    ? new vega.View(vega.parse(vegaSpec), { renderer: 'none', loader: offlineLoader })
    : new vega.View(vega.parse(vegaSpec, undefined, { ast: true }), {
        renderer: 'none',
        loader: offlineLoader,
        expr: expressionInterpreter,
      });
}

/** Vega-Lite spec → SVG text. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = headlessView(spec);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * The size in CSS pixels the SVG of a spec will have, from vega's layout alone: the chart JSON's
 * iframe snippets need it, and writing the SVG markup would cost as much again as the layout.
 * It is the size vega's headless renderers use (view size plus padding), rounded up.
 */
export async function chartSize(spec: TopLevelSpec): Promise<{ width: number; height: number }> {
  const view = headlessView(spec);
  try {
    await view.runAsync();
    const padding = view.padding() as { top: number; bottom: number; left: number; right: number };
    const internal = view as unknown as { _viewWidth: number; _viewHeight: number };
    return {
      width: Math.ceil(Math.max(0, internal._viewWidth + padding.left + padding.right)),
      height: Math.ceil(Math.max(0, internal._viewHeight + padding.top + padding.bottom)),
    };
  } finally {
    view.finalize();
  }
}
