import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AssetProvider } from './assets.ts';

const JS = 'text/javascript; charset=utf-8';
const TTF = 'font/ttf';

/**
 * Asset name → a file beside an installed package's entry point (packages do not always export
 * their browser builds). Only these names are served.
 */
const FILES: Record<string, { entry: string; file: string; contentType: string }> = {
  'scalar-api-reference.js': { entry: '@scalar/api-reference', file: 'browser/standalone.js', contentType: JS },
  'vega.min.js': { entry: 'vega', file: 'vega.min.js', contentType: JS },
  'vega-lite.min.js': { entry: 'vega-lite', file: 'vega-lite.min.js', contentType: JS },
  'vega-embed.min.js': { entry: 'vega-embed', file: 'vega-embed.min.js', contentType: JS },
  // The PNG renderer's font, so charts in the browser look like the PNGs.
  'noto-sans-400.ttf': { entry: '@expo-google-fonts/noto-sans', file: '400Regular/NotoSans_400Regular.ttf', contentType: TTF },
  'noto-sans-700.ttf': { entry: '@expo-google-fonts/noto-sans', file: '700Bold/NotoSans_700Bold.ttf', contentType: TTF },
};

const EXPLORER_ENTRY = fileURLToPath(new URL('./explorer/main.ts', import.meta.url));

/** The explorer's TypeScript, bundled by esbuild on first request (a few ms) and kept in memory. */
async function bundleExplorer(): Promise<Uint8Array> {
  const { build } = await import('esbuild');
  const result = await build({ entryPoints: [EXPLORER_ENTRY], bundle: true, format: 'esm', minify: true, target: 'es2022', write: false, legalComments: 'none' });
  return result.outputFiles[0]?.contents ?? new Uint8Array();
}

/** Reads assets from node_modules on first use and keeps them in memory. */
export function nodeAssets(): AssetProvider {
  const cache = new Map<string, Promise<Uint8Array>>();
  const load = (name: string): Promise<Uint8Array> | null => {
    if (name === 'explorer.js') return bundleExplorer();
    const spec = FILES[name];
    if (!spec) return null;
    const entryDir = path.dirname(fileURLToPath(import.meta.resolve(spec.entry)));
    return readFile(path.join(entryDir, spec.file));
  };
  return {
    async get(name) {
      let body = cache.get(name);
      if (!body) {
        const loading = load(name);
        if (!loading) return null;
        body = loading;
        cache.set(name, body);
      }
      return { body: await body, contentType: FILES[name]?.contentType ?? JS };
    },
  };
}
