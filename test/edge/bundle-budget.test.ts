import { describe, expect, it } from 'vitest';
import { BUDGET_BYTES, measureWorkerBundle } from '../../scripts/check-bundle.ts';

describe('the Worker bundle', () => {
  it('is within 600 KiB gzipped and carries no Node-only module', async () => {
    const { gzipBytes, forbidden } = await measureWorkerBundle();
    console.log(`Worker bundle gzip: ${(gzipBytes / 1024).toFixed(1)} KiB`);
    expect(forbidden).toEqual([]);
    expect(gzipBytes).toBeLessThanOrEqual(BUDGET_BYTES);
  }, 180_000);
});
