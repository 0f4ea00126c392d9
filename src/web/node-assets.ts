import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ASSET_FILES, EXPLORER_ASSET, EXPLORER_CONTENT_TYPE } from './asset-files.ts';
import type { AssetProvider } from './assets.ts';

const EXPLORER_ENTRY = fileURLToPath(new URL('./explorer/main.ts', import.meta.url));

/** The explorer's TypeScript, bundled by esbuild (a few ms). */
export async function bundleExplorer(): Promise<Uint8Array> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [EXPLORER_ENTRY],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    write: false,
    legalComments: 'none',
  });
  return result.outputFiles[0]?.contents ?? new Uint8Array();
}

/** Where an asset lives in node_modules. */
export function assetPath(name: string): string | null {
  // Own names only: `constructor`, `__proto__`, `toString` are not assets.
  const spec = Object.hasOwn(ASSET_FILES, name) ? ASSET_FILES[name] : undefined;
  if (!spec) return null;
  const entryDir = path.dirname(fileURLToPath(import.meta.resolve(spec.entry)));
  return path.join(entryDir, spec.file);
}

/** Reads assets from node_modules on first use and keeps them in memory. */
export function nodeAssets(): AssetProvider {
  const cache = new Map<string, Promise<Uint8Array>>();
  const load = (name: string): Promise<Uint8Array> | null => {
    if (name === EXPLORER_ASSET) return bundleExplorer();
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
        contentType:
          name === EXPLORER_ASSET
            ? EXPLORER_CONTENT_TYPE
            : (ASSET_FILES[name]?.contentType ?? 'application/octet-stream'),
      };
    },
  };
}
