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

/** Vega-Lite spec → SVG text, through vega's headless View (no DOM, no canvas). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const { spec: vegaSpec } = compile(spec);
  const view = expressionsCompile()
    ? new vega.View(vega.parse(vegaSpec), { renderer: 'none', loader: offlineLoader })
    : new vega.View(vega.parse(vegaSpec, undefined, { ast: true }), {
        renderer: 'none',
        loader: offlineLoader,
        expr: expressionInterpreter,
      });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
