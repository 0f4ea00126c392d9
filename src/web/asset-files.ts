const JS = 'text/javascript; charset=utf-8';
const TTF = 'font/ttf';

/**
 * The browser files the app serves under /assets, each a file beside an installed package's entry
 * point (packages do not always export their browser builds). Node reads them from node_modules;
 * the Worker deployment copies them into its static assets (scripts/build-worker-assets.ts).
 */
export const ASSET_FILES: Readonly<Record<string, { entry: string; file: string; contentType: string }>> = {
  'scalar-api-reference.js': { entry: '@scalar/api-reference', file: 'browser/standalone.js', contentType: JS },
  'vega.min.js': { entry: 'vega', file: 'vega.min.js', contentType: JS },
  'vega-lite.min.js': { entry: 'vega-lite', file: 'vega-lite.min.js', contentType: JS },
  'vega-embed.min.js': { entry: 'vega-embed', file: 'vega-embed.min.js', contentType: JS },
  // The PNG renderer's font, so charts in the browser look like the PNGs.
  'noto-sans-400.ttf': {
    entry: '@expo-google-fonts/noto-sans',
    file: '400Regular/NotoSans_400Regular.ttf',
    contentType: TTF,
  },
  'noto-sans-700.ttf': {
    entry: '@expo-google-fonts/noto-sans',
    file: '700Bold/NotoSans_700Bold.ttf',
    contentType: TTF,
  },
};

/** The explorer's TypeScript, bundled by esbuild. */
export const EXPLORER_ASSET = 'explorer.js';
export const EXPLORER_CONTENT_TYPE = JS;

/** Our own browser code, bundled by esbuild from src/web/ (entry relative to src/web/). */
export const BUNDLED_ASSETS: Readonly<Record<string, { entry: string; contentType: string }>> = {
  [EXPLORER_ASSET]: { entry: './explorer/main.ts', contentType: JS },
  'embed.js': { entry: './explorer/embed-main.ts', contentType: JS },
  'civscope.css': { entry: './civscope.css', contentType: 'text/css; charset=utf-8' },
};
