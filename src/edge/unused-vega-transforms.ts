/**
 * Stands in for vega-force, vega-hierarchy, vega-voronoi and vega-wordcloud in the Worker bundle
 * only (wrangler.toml [alias]): vega registers the transforms each package exports, and no
 * CivScope chart uses a force layout, a tree, Voronoi cells or a word cloud, so these export none.
 * Node keeps the real packages. test/edge/worker-equivalence.test.ts draws every chart type on the
 * Worker and compares it with Node's, so a chart that came to need one would fail there.
 */
export {};
