import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** A loader that refuses to fetch: server-side renders use inline data only. */
const offlineLoader = vega.loader();
offlineLoader.load = async (uri: string) => {
  throw new Error(`server-side chart rendering does not fetch data (${uri})`);
};

/** Vega-Lite spec → SVG text, through vega's headless View (no DOM, no canvas). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const { spec: vegaSpec } = compile(spec);
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none', loader: offlineLoader });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
