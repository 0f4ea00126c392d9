import * as vega from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { compile, type TopLevelSpec } from 'vega-lite';

/** A loader that refuses to fetch: server-side renders use inline data only. */
const offlineLoader = vega.loader();
offlineLoader.load = async (uri: string) => {
  throw new Error(`server-side chart rendering does not fetch data (${uri})`);
};

/**
 * Vega-Lite spec → SVG text, through vega's headless View (no DOM, no canvas). Expressions are
 * interpreted rather than compiled with `new Function`, which Workers forbid, so the same code
 * renders on Node and at the edge.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const { spec: vegaSpec } = compile(spec);
  const view = new vega.View(vega.parse(vegaSpec, undefined, { ast: true }), { renderer: 'none', loader: offlineLoader, expr: expressionInterpreter });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
