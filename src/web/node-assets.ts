import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ASSET_FILES, BUNDLED_ASSETS, EXPLORER_ASSET } from './asset-files.ts';
import type { AssetProvider } from './assets.ts';

/** Own names only: `constructor`, `__proto__`, `toString` are not assets. */
function bundled(name: string) {
  return Object.hasOwn(BUNDLED_ASSETS, name) ? BUNDLED_ASSETS[name] : undefined;
}

/** One of our browser files (script or stylesheet), bundled and minified by esbuild (a few ms). */
export async function bundleAsset(name: string): Promise<Uint8Array> {
  const spec = bundled(name);
  if (!spec) throw new Error(`no bundled asset ${name}`);
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [fileURLToPath(new URL(spec.entry, import.meta.url))],
    bundle: true,
    format: name.endsWith('.js') ? 'esm' : undefined,
    minify: true,
    target: 'es2022',
    write: false,
    legalComments: 'none',
    // Fonts stay files under /assets, referenced by the stylesheet.
    external: ['*.ttf'],
  });
  return result.outputFiles[0]?.contents ?? new Uint8Array();
}

/** The explorer's TypeScript, bundled by esbuild. */
export function bundleExplorer(): Promise<Uint8Array> {
  return bundleAsset(EXPLORER_ASSET);
}

/** Where an asset lives in node_modules; own names only, as for `bundled`. */
export function assetPath(name: string): string | null {
  const spec = Object.hasOwn(ASSET_FILES, name) ? ASSET_FILES[name] : undefined;
  if (!spec) return null;
  const entryDir = path.dirname(fileURLToPath(import.meta.resolve(spec.entry)));
  return path.join(entryDir, spec.file);
}

/** Reads assets from node_modules (or bundles our own) on first use and keeps them in memory. */
export function nodeAssets(): AssetProvider {
  const cache = new Map<string, Promise<Uint8Array>>();
  const load = (name: string): Promise<Uint8Array> | null => {
    if (bundled(name)) return bundleAsset(name);
    const file = assetPath(name);
    return file ? readFile(file) : null;
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
      return {
        body: await body,
        contentType: bundled(name)?.contentType ?? ASSET_FILES[name]?.contentType ?? 'application/octet-stream',
      };
    },
  };
}
