import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AssetProvider } from './assets.ts';

/**
 * Asset name → a file beside an installed package's entry point (packages do not always export
 * their browser builds). Only these names are served.
 */
const FILES: Record<string, { entry: string; file: string; contentType: string }> = {
  'scalar-api-reference.js': { entry: '@scalar/api-reference', file: 'browser/standalone.js', contentType: 'text/javascript; charset=utf-8' },
};

/** Reads assets from node_modules on first use and keeps them in memory. */
export function nodeAssets(): AssetProvider {
  const cache = new Map<string, Uint8Array>();
  return {
    async get(name) {
      const spec = FILES[name];
      if (!spec) return null;
      let body = cache.get(name);
      if (!body) {
        const entryDir = path.dirname(fileURLToPath(import.meta.resolve(spec.entry)));
        body = await readFile(path.join(entryDir, spec.file));
        cache.set(name, body);
      }
      return { body, contentType: spec.contentType };
    },
  };
}
