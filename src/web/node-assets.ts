import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
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

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

interface LoadedAsset {
  body: Uint8Array;
  etag: string;
  encoded: { br: Uint8Array; gzip: Uint8Array };
}

/**
 * One asset as served: its bytes, a sha256 ETag, and brotli (quality 11) and gzip (level 9)
 * versions, made once. vega.min.js's 509 KiB travel as about 130 KiB.
 */
async function prepare(bytes: Promise<Uint8Array>): Promise<LoadedAsset> {
  const body = new Uint8Array(await bytes);
  const [br, gz] = await Promise.all([
    brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gzipped(body, { level: 9 }),
  ]);
  return { body, etag: etagOf(body), encoded: { br: new Uint8Array(br), gzip: new Uint8Array(gz) } };
}

/** A strong validator: the bytes' sha256. */
function etagOf(body: Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** Reads assets from node_modules (or bundles our own) on first use and keeps them in memory, compressed. */
export function nodeAssets(): AssetProvider {
  const cache = new Map<string, Promise<LoadedAsset>>();
  const load = (name: string): Promise<Uint8Array> | null => {
    if (bundled(name)) return bundleAsset(name);
    const file = assetPath(name);
    return file ? readFile(file) : null;
  };
  // Each file read (or bundled) once, for its hash and for its compressed copies.
  const bodies = new Map<string, Promise<Uint8Array> | null>();
  const bodyOf = (name: string) => {
    if (!bodies.has(name)) bodies.set(name, load(name));
    return bodies.get(name) ?? null;
  };
  const etags = new Map<string, Promise<string | null>>();
  return {
    // The hash alone, without waiting for the compressed copies: a page links assets by it.
    etag(name) {
      let etag = etags.get(name);
      if (!etag) {
        etag = (bodyOf(name) ?? Promise.resolve(null)).then((body) => (body ? etagOf(new Uint8Array(body)) : null));
        etags.set(name, etag);
      }
      return etag;
    },
    async get(name) {
      let asset = cache.get(name);
      if (!asset) {
        const loading = bodyOf(name);
        if (!loading) return null;
        asset = prepare(loading);
        cache.set(name, asset);
      }
      return {
        ...(await asset),
        contentType: bundled(name)?.contentType ?? ASSET_FILES[name]?.contentType ?? 'application/octet-stream',
      };
    },
  };
}
