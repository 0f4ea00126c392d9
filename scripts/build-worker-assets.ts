/**
 * Copies the browser assets (chart libraries, API reference, font, explorer bundle) from the
 * installed packages into dist/worker-assets/assets/, which wrangler serves as the Worker's static
 * assets: the edge deployment loads nothing from a CDN either.
 */
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ASSET_FILES, BUNDLED_ASSETS } from '../src/web/asset-files.ts';
import { assetPath, bundleAsset } from '../src/web/node-assets.ts';

const out = path.resolve(import.meta.dirname, '../dist/worker-assets/assets');
await rm(path.dirname(out), { recursive: true, force: true });
await mkdir(out, { recursive: true });
for (const name of Object.keys(ASSET_FILES)) await copyFile(assetPath(name) as string, path.join(out, name));
for (const name of Object.keys(BUNDLED_ASSETS)) await writeFile(path.join(out, name), await bundleAsset(name));
console.log(`wrote ${Object.keys(ASSET_FILES).length + Object.keys(BUNDLED_ASSETS).length} assets to ${out}`);
