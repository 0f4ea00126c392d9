/**
 * The Worker bundle budget: builds it as `wrangler deploy --dry-run --outdir` does, prints its
 * size and gzip size, checks that no Node-only module (danfojs, PGlite, resvg, esbuild) got in,
 * and exits 1 when the gzip size is over 600 KiB.
 * Usage: npm run check:bundle
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { run } from './lib/processes.ts';

export const BUDGET_BYTES = 600 * 1024;
const FORBIDDEN = ['danfojs', '@electric-sql/pglite', '@resvg/resvg-wasm', 'esbuild', '@tensorflow'];

export async function measureWorkerBundle(): Promise<{ bytes: number; gzipBytes: number; forbidden: string[] }> {
  const outdir = path.resolve(import.meta.dirname, '../dist/worker');
  await rm(outdir, { recursive: true, force: true });
  await run('node', ['scripts/build-worker-assets.ts']);
  await run('wrangler', ['deploy', '--dry-run', '--outdir', outdir, '--metafile'], { WRANGLER_SEND_METRICS: 'false' });
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of await readdir(outdir)) {
    if (!/\.(js|mjs|wasm)$/.test(file)) continue;
    const content = await readFile(path.join(outdir, file));
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  // The bundle is minified, so module paths survive only in esbuild's metafile.
  const meta = JSON.parse(await readFile(path.join(outdir, 'bundle-meta.json'), 'utf8')) as {
    inputs: Record<string, unknown>;
  };
  const inputs = Object.keys(meta.inputs);
  const forbidden = FORBIDDEN.filter((name) => inputs.some((input) => input.includes(`node_modules/${name}/`)));
  return { bytes, gzipBytes, forbidden };
}

if (import.meta.main) {
  const { bytes, gzipBytes, forbidden } = await measureWorkerBundle();
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`Worker bundle: ${kib(bytes)}, gzip ${kib(gzipBytes)} (budget ${kib(BUDGET_BYTES)} gzip)`);
  if (forbidden.length > 0) console.log(`Node-only modules in the bundle: ${forbidden.join(', ')}`);
  if (gzipBytes > BUDGET_BYTES || forbidden.length > 0) process.exit(1);
}
