import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BUNDLED_ASSETS } from '../../src/web/asset-files.ts';
import { bundleAsset } from '../../src/web/node-assets.ts';

/** Gzipped sizes measured when the workbench landed (issue 14): 15.7 KB, 7.7 KB and 2.3 KB. */
const BUDGET_GZIPPED: Record<string, number> = {
  'explorer.js': 20_000,
  'embed.js': 10_000,
  'civscope.css': 4_000,
};

describe('our own browser files', () => {
  it('stay within their gzipped budget (vega and vega-lite are served separately, from node_modules)', async () => {
    expect(Object.keys(BUNDLED_ASSETS).sort()).toEqual(Object.keys(BUDGET_GZIPPED).sort());
    for (const name of Object.keys(BUNDLED_ASSETS)) {
      const gzipped = gzipSync(await bundleAsset(name), { level: 9 }).length;
      expect(gzipped, name).toBeLessThanOrEqual(BUDGET_GZIPPED[name] as number);
    }
  });
});
